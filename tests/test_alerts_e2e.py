"""End to end on the bundled sample site: crawl -> extract -> mail, as `policewatch demo` does."""
from __future__ import annotations

import email
from email import policy

import pytest

import archive
from policewatch.cycle import run_cycle
from policewatch.demo import DAILY, IMMEDIATE, run_demo
from archive.outbox import message_counts
from policewatch.config import load_config


@pytest.mark.slow
def test_demo_crawls_extracts_and_mails(tmp_path):
    folder = tmp_path / "demo-output"
    config, report, figures, mails = run_demo(folder, echo=lambda text: None)
    assert not report.problems, report.problems
    assert len(figures) >= 5
    assert report.detected.new >= 5
    received = [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in mails]
    assert sorted(str(m["To"]) for m in received) == sorted([IMMEDIATE, DAILY])
    digest = next(m for m in received if str(m["To"]) == DAILY)
    assert str(digest["Subject"]).startswith("Daily digest: ")
    assert all(p.with_suffix(".html").exists() for p in mails)
    # Every announced figure is in the digest.
    private = archive.open_private(config.archive.private_path)
    text = digest.get_body(("plain",)).get_content()
    assert text.count("\n* ") == private["news"].count
    # Another cycle (the site is gone, so no crawl) finds nothing new and sends nothing more.
    again = run_cycle(load_config(config.path), do_crawl=False)
    assert (again.detected.new, again.mail.sent) == (0, 0)
    assert message_counts(private)["sent"] == 2
