"""Alerts reach each matching subscriber once, through a real SMTP server, and survive outages."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import archive
from policewatch.cycle import alert
from alerts.delivery import sweep
from alerts.sink import SMTPSink
from alerts.subscriptions import make_filters, subscribe, unsubscribe
from archive.outbox import failed_messages, message_counts
from tests.smtp import add_figure, alert_config, down_port, smtp_sink  # noqa: F401 (fixtures)


def _subscribe(config, email, every="immediate", **filters):
    subscribe(config, email, make_filters(**filters), every=every)


def test_new_figure_mails_each_matching_subscriber_once(alert_config, smtp_sink):
    _subscribe(alert_config, "kent@example.org", forces=["Kent"])
    _subscribe(alert_config, "all@example.org")
    _subscribe(alert_config, "essex@example.org", forces=["Essex"])
    add_figure(alert_config, force="Kent", count=45)
    detected, report = alert(alert_config)
    assert (detected.new, detected.queued, report.sent) == (1, 2, 2)
    got = smtp_sink.wait_for(2)
    assert sorted(rcpt for _, (rcpt,) in smtp_sink.envelopes) == ["all@example.org", "kent@example.org"]
    message = got[0]
    assert message["Subject"] == "Kent: 45 community resolutions for sexual offences, 2022/23"
    assert message["List-Unsubscribe"].strip().startswith("<mailto:")
    assert message["Message-ID"]
    assert {part.get_content_type() for part in message.iter_parts()} == {"text/plain", "text/html"}
    # A second run finds nothing new and sends nothing.
    detected, report = alert(alert_config)
    assert (detected.new, detected.queued, report.sent) == (0, 0, 0)
    assert len(smtp_sink.messages) == 2


def test_changed_figure_says_was_and_now(alert_config, smtp_sink):
    _subscribe(alert_config, "a@example.org")
    add_figure(alert_config, force="Kent", count=421, disposal="caution", offence="rape", period="2023")
    alert(alert_config)
    add_figure(alert_config, force="Kent", count=643, disposal="caution", offence="rape", period="2023")
    detected, _ = alert(alert_config)
    assert (detected.new, detected.changed) == (0, 1)
    second = smtp_sink.wait_for(2)[1]
    text = second.get_body(("plain",)).get_content()
    assert "was 421, now 643" in text
    assert "was 421, now 643" in second.get_body(("html",)).get_content()


def test_same_figure_from_another_outlet_is_not_news_but_listed_as_source(alert_config, smtp_sink):
    _subscribe(alert_config, "daily@example.org", every="daily")
    add_figure(alert_config, title="Courier story", source="courier")
    add_figure(alert_config, title="Ledger story", source="ledger")  # same figure, another outlet
    detected, report = alert(alert_config)  # immediate sweep: daily digests are not due
    assert (detected.new, detected.repeats, report.sent) == (1, 1, 0)
    report = sweep(alert_config, ("daily",))
    assert report.sent == 1
    text = smtp_sink.wait_for(1)[0].get_body(("plain",)).get_content()
    assert "Courier story" in text and "Also reported by: Ledger story" in text


def test_smtp_down_then_up_delivers_each_alert_once(tmp_path):
    from tests.smtp import write_alert_config
    from policewatch.config import load_config

    port = down_port()
    config = load_config(write_alert_config(tmp_path, port), environ={})
    _subscribe(config, "a@example.org")
    _subscribe(config, "b@example.org")
    add_figure(config)
    _, report = alert(config)
    assert (report.sent, report.retrying) == (0, 2)
    private = archive.open_private(config.archive.private_path)
    assert message_counts(private)["pending"] == 2
    # Backoff: an immediate retry is not due yet.
    assert sweep(config).retrying == 0
    later = datetime.now(timezone.utc) + timedelta(hours=1)
    with SMTPSink(port=port) as sink:
        report = sweep(config, now=later)
        assert report.sent == 2
        assert sweep(config, now=later + timedelta(hours=1)).sent == 0
        assert sorted(r for _, (r,) in sink.envelopes) == ["a@example.org", "b@example.org"]


def test_auth_failure_retries_then_reports(tmp_path):
    from tests.smtp import write_alert_config
    from policewatch.config import load_config

    with SMTPSink(user="pw", password="right") as sink:
        config = load_config(write_alert_config(tmp_path, sink.port),
                             environ={"POLICEWATCH_SMTP_USER": "pw", "POLICEWATCH_SMTP_PASSWORD": "wrong"})
        _subscribe(config, "a@example.org")
        add_figure(config)
        now = datetime.now(timezone.utc)
        for attempt in range(3):  # max_attempts = 3 in the test config
            sweep_report = alert(config, now=now + timedelta(days=attempt))[1]
        assert sweep_report.failed == 1
        (parked,) = failed_messages(archive.open_private(config.archive.private_path))
        assert parked["email"] == "a@example.org" and "Authentication" in parked["last_error"]
        assert sink.messages == []
        # Reported where the admin looks: `subscribers` and `outbox`.
        from click.testing import CliRunner
        from policewatch.cli import cli
        env = {"POLICEWATCH_SMTP_USER": "pw", "POLICEWATCH_SMTP_PASSWORD": "wrong"}
        listing = CliRunner().invoke(cli, ["--config", str(config.path), "subscribers"], env=env).output
        assert "failed mails: 1" in listing and "1 mails failed for good" in listing
        outbox = CliRunner().invoke(cli, ["--config", str(config.path), "outbox"], env=env).output
        assert "FAILED a@example.org" in outbox and "3 attempts" in outbox
        good = replace(config, mail=replace(config.mail, password="right"))
        from archive.outbox import retry_failed
        assert retry_failed(archive.open_private(config.archive.private_path)) == 1
        assert sweep(good).sent == 1
        assert len(sink.wait_for(1)) == 1


def test_crash_between_send_and_mark_resends_same_message_id(alert_config, smtp_sink, monkeypatch):
    import archive.outbox as store

    _subscribe(alert_config, "a@example.org")
    add_figure(alert_config)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed after the server accepted the mail")

    monkeypatch.setattr(store, "mark_sent", crash)
    try:
        alert(alert_config)
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    assert len(smtp_sink.wait_for(1)) == 1
    # Restarted at once: the claim (lease) stops a second send while the first may be in flight.
    assert sweep(alert_config).sent == 0
    # After the lease: sent again, but as the very same message.
    assert sweep(alert_config, now=datetime.now(timezone.utc) + timedelta(hours=1)).sent == 1
    first, second = smtp_sink.wait_for(2)
    assert first["Message-ID"] == second["Message-ID"]
    assert sweep(alert_config, now=datetime.now(timezone.utc) + timedelta(hours=2)).sent == 0


def test_unsubscribe_stops_mail(alert_config, smtp_sink):
    _subscribe(alert_config, "stay@example.org", every="daily")
    _subscribe(alert_config, "leave@example.org", every="daily")
    add_figure(alert_config, count=10)
    alert(alert_config)
    assert unsubscribe(alert_config, "Leave@Example.org") == 1
    add_figure(alert_config, count=11)
    alert(alert_config, ("immediate", "daily"))
    assert [r for _, (r,) in smtp_sink.envelopes] == ["stay@example.org"]


def test_files_instead_of_smtp_without_a_mail_section(tmp_path):
    from tests.smtp import write_alert_config
    from policewatch.config import load_config

    config = load_config(write_alert_config(tmp_path, None), environ={})
    _subscribe(config, "a@example.org")
    add_figure(config)
    assert alert(config)[1].sent == 1
    (eml,) = (tmp_path / "data" / "outbox").glob("*.eml")
    assert b"Subject: Kent: 45 community resolutions" in eml.read_bytes()


def test_starttls_and_ssl_with_login(tmp_path):
    from alerts.delivery import SMTPTransport
    from policewatch.config import load_config
    from tests.smtp import self_signed_tls, write_alert_config

    server_tls, client_tls = self_signed_tls(tmp_path)
    for security, sink_args in (("starttls", {"starttls": server_tls}), ("ssl", {"implicit_tls": server_tls})):
        folder = tmp_path / security
        folder.mkdir()
        with SMTPSink(user="pw", password="secret", **sink_args) as sink:
            config = load_config(write_alert_config(folder, sink.port), environ={})
            _subscribe(config, "a@example.org")
            add_figure(config)
            transport = SMTPTransport("127.0.0.1", sink.port, security=security, user="pw",
                                      password="secret", timeout=5, context=client_tls)
            alert(config, ("daily",))  # detects and queues; the sweep below composes and sends
            assert sweep(config, transport=transport).sent == 1, security
            assert [r for _, (r,) in sink.envelopes] == ["a@example.org"]
