"""What the emails say: headline subjects, digests grouped by force, hostile text defused."""
from __future__ import annotations

import re

from policewatch.cycle import alert
from alerts.delivery import sweep
from alerts.mail import compose, headline, header_value
from alerts.subscriptions import make_filters, subscribe
from archive.subscribers import Subscriber
from tests.smtp import add_figure, alert_config, smtp_sink  # noqa: F401 (fixtures)


def test_digest_contains_every_queued_figure_grouped_by_force(alert_config, smtp_sink):
    subscribe(alert_config, "desk@example.org", make_filters(), every="daily")
    figures = [("Kent", 45), ("Essex", 38), ("Kent", 12), ("Metropolitan Police", 640), (None, 9000)]
    for force, count in figures:  # Kent twice: different offences, so both are new
        add_figure(alert_config, force=force, count=count, title=f"Story {force} {count}",
                   offence="rape" if count == 12 else "sexual offences")
    detected, report = alert(alert_config)
    assert (detected.new, detected.queued, report.sent) == (5, 5, 0)  # daily: not due yet
    assert sweep(alert_config, ("daily",)).sent == 1
    (digest,) = smtp_sink.wait_for(1)
    assert digest["Subject"].startswith("Daily digest: ") and digest["Subject"].endswith("(+4 more)")
    text = digest.get_body(("plain",)).get_content()
    for force, count in figures:
        assert f"{force or 'All forces'}: {count:,} community resolutions for " in text
    sections = re.findall(r"^== (.+) ==\r?$", text, re.M)
    assert sections == ["Essex", "Kent", "Metropolitan Police", "All forces / national"]
    html = digest.get_body(("html",)).get_content()
    assert html.count("<h2") == 4 and "Story Kent 12" in html
    # Nothing left: the next digest has nothing to say, so no mail.
    assert sweep(alert_config, ("daily",)).sent == 0


def test_hostile_titles_cannot_inject_headers_or_markup(alert_config, smtp_sink):
    subscribe(alert_config, "a@example.org", make_filters())
    add_figure(alert_config, title='Evil\r\nBcc: victim@example.org\r\n\r\n<script>alert("x")</script>',
               quote='<img src=x onerror=alert(1)> Kent issued 45 "community resolutions"',
               period="2022/23\r\nX-Injected: yes", url="javascript:alert(1)")
    assert alert(alert_config)[1].sent == 1
    (message,) = smtp_sink.wait_for(1)
    assert [rcpt for _, rcpts in smtp_sink.envelopes for rcpt in rcpts] == ["a@example.org"]
    assert message["Bcc"] is None and message["X-Injected"] is None
    assert "\n" not in str(message["Subject"]).replace("\n ", "")  # folded, never broken
    html = message.get_body(("html",)).get_content()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:" not in html
    text = message.get_body(("plain",)).get_content()
    assert "Bcc: victim@example.org" in text  # shown as text on one line, not a header
    assert "\nBcc:" not in text


def test_headline_and_header_helpers():
    item = {"force": "Kent", "count": 45, "disposal": "community resolution",
            "offence": "sexual offences", "period": "2022/23"}
    assert headline(item) == "Kent: 45 community resolutions for sexual offences, 2022/23"
    assert headline({**item, "count": 1, "offence": None, "period": None}) == "Kent: 1 community resolution"
    assert headline({**item, "force": None, "disposal": "no further action", "count": 3}).startswith(
        "All forces: 3 no further action decisions")
    assert header_value("a\r\nb\x00c\u2028d") == "a b c d"


def test_compose_sets_unsubscribe_and_stable_message_id():
    sub = Subscriber(id=7, email="r@example.org", every="immediate", token="t", forces=("Kent",))
    item = {"figure_key": "k", "kind": "changed", "previous_count": 421, "force": "Kent",
            "offence": "rape", "disposal": "caution", "count": 643, "period": "2023", "quote": "q",
            "stated_previous_count": None, "title": "T", "url": "https://n.example/a", "source": "courier",
            "first_seen": "2026-01-01T00:00:00+00:00", "other_sources": []}
    message = compose(subscriber=sub, items=[item], kind="immediate", message_id="<alert-1.s7@example.org>",
                      sender="alerts@example.org")
    assert message["Message-ID"] == "<alert-1.s7@example.org>"
    assert message["List-Unsubscribe"] == "<mailto:alerts@example.org?subject=unsubscribe>"
    text = message.get_body(("plain",)).get_content()
    assert "CHANGED: was 421, now 643" in text and "policewatch unsubscribe r@example.org" in text
    assert "https://n.example/a" in message.get_body(("html",)).get_content()
