"""Subscribing from the command line: canonical filters, keywords by full-text search, privacy."""
from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

import archive
from policewatch.cycle import alert
from alerts.news import detect_and_queue
from policewatch.names import UnknownName, resolve
from policewatch.cli import cli
from tests.smtp import add_figure, alert_config, smtp_sink  # noqa: F401 (fixtures)


def _run(config, *args):
    result = CliRunner().invoke(cli, ["--config", str(config.path), *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_cli_subscribe_list_unsubscribe(alert_config):
    code, out = _run(alert_config, "subscribe", "Desk@Example.org", "--force", "kent", "--force",
                     "Metropolitan Police", "--offence", "rape", "--every", "daily")
    assert code == 0 and "Subscribed desk@example.org (daily): Kent, Metropolitan Police; rape" in out
    code, out = _run(alert_config, "subscribers")
    assert code == 0 and "desk@example.org  daily" in out and "alerts: 0 queued, 0 sent" in out
    code, out = _run(alert_config, "unsubscribe", "desk@example.org")
    assert code == 0 and "Unsubscribed desk@example.org" in out
    assert "[unsubscribed]" in _run(alert_config, "subscribers")[1]
    code, out = _run(alert_config, "unsubscribe", "nobody@example.org")
    assert code == 1 and "not subscribed" in out


def test_unknown_names_are_errors_listing_the_closest(alert_config):
    code, out = _run(alert_config, "subscribe", "a@example.org", "--force", "Manchester")
    assert code == 1 and "Greater Manchester" in out
    code, out = _run(alert_config, "subscribe", "a@example.org", "--disposal", "community resolve")
    assert code == 1 and "'community resolution'" in out
    # Plurals and news wording the extractor knows are forgiven, and stored canonically.
    code, out = _run(alert_config, "subscribe", "a@example.org", "--disposal", "Community Resolutions",
                     "--force", "the Met")
    assert code == 0 and "community resolution" in out and "Metropolitan Police" in out
    with pytest.raises(UnknownName) as info:
        resolve("offence", "rapped")
    assert "rape" in info.value.suggestions
    code, out = _run(alert_config, "subscribe", "not an address")
    assert code == 1 and "not an email address" in out


def test_subscribers_live_only_in_the_private_database(alert_config):
    _run(alert_config, "subscribe", "secret@example.org")
    add_figure(alert_config)
    alert(alert_config)
    public = sqlite3.connect(alert_config.archive.path)
    dump = "\n".join(public.iterdump())
    assert "secret@example.org" not in dump
    assert "subscribers" not in {r[0] for r in public.execute("select name from sqlite_master")}


def test_filters_and_keywords_choose_the_subscribers(alert_config, smtp_sink):
    _run(alert_config, "subscribe", "rape@example.org", "--offence", "rape")
    _run(alert_config, "subscribe", "grooming@example.org", "--keyword", "online grooming")
    _run(alert_config, "subscribe", "caution@example.org", "--disposal", "caution", "--force", "Kent")
    add_figure(alert_config, offence="rape", disposal="caution", force="Essex", count=3,
               text="Essex gave 3 cautions for rape after online grooming cases.")
    add_figure(alert_config, offence="sexual offences", disposal="caution", force="Kent", count=7,
               text="Kent gave 7 cautions for sexual offences.")
    alert(alert_config)
    got = sorted((rcpt, str(m["Subject"])) for (_, (rcpt,)), m in zip(smtp_sink.envelopes, smtp_sink.wait_for(3)))
    assert got == [("caution@example.org", "Kent: 7 cautions for sexual offences, 2022/23"),
                   ("grooming@example.org", "Essex: 3 cautions for rape, 2022/23"),
                   ("rape@example.org", "Essex: 3 cautions for rape, 2022/23")]


def test_detection_is_idempotent_and_survives_re_extraction(alert_config):
    _run(alert_config, "subscribe", "a@example.org", "--every", "weekly")
    document_id = add_figure(alert_config, count=45)
    public = archive.open_archive(alert_config.archive.path)
    private = archive.open_private(alert_config.archive.private_path)
    assert detect_and_queue(public, private).queued == 1
    # Re-extraction deletes and re-inserts the figure rows (new ids): still nothing new.
    from archive.figures import replace_figures
    rows = [dict(r) for r in public.query("select * from figures where document_id = ?", [document_id])]
    digest = public["documents"].get(document_id)["content_hash"]
    replace_figures(public, document_id, digest, [{k: v for k, v in r.items() if k != "id"} for r in rows])
    again = detect_and_queue(public, private)
    assert (again.new, again.changed, again.queued) == (0, 0, 0)
    assert private["outbox"].count == 1
