"""Bad input: every failure is recorded against its run, and the rest of the crawl carries on."""
from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from policewatch.cli import cli
from policewatch.crawling import crawl_in_child
from tests.crawl_support import archive, crawl, documents, errors, write_config
from tests.siteserver import FixtureSite

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site():
    with FixtureSite() as running:
        yield running


def test_each_failure_endpoint_is_an_error_and_good_articles_are_stored(site, tmp_path):
    config = write_config(tmp_path, f"""
        [[sources]]
        name = "bad-entries"
        type = "feed"
        url = "{site.base_url}/fail/feed-with-bad-entries.xml"
    """)
    code, summaries = crawl(config)
    assert code == 0
    summary = summaries["bad-entries"]
    assert summary["status"] == "partial"
    found = {e["url"].replace(site.base_url, ""): e["error"] for e in errors(config, "bad-entries")}
    assert found["/fail/500"] == "HTTP 500"
    assert found["/fail/404"] == "HTTP 404"
    assert found["/fail/slow?seconds=10"] == "timed out after 3 s"
    assert "redirect loop" in found["/fail/redirect-loop"]
    assert "redirect loop" in found["/fail/redirect-a"]
    assert "max_body_bytes" in found["/fail/huge"]
    assert "no main text" in found["/fail/malformed.html"]
    assert "without a link" in found["/fail/feed-with-bad-entries.xml"]
    assert summary["errors"] == len(errors(config, "bad-entries"))
    run = archive(config)["crawl_runs"].get(summary["run_id"])
    assert run["status"] == "partial" and run["errors"] == summary["errors"]
    # A page in Latin-1 that claims UTF-8 (or claims nothing) is decoded properly.
    docs = documents(config)
    assert any("Café owner fined £200" in d["text"] for d in docs)
    assert not any("\ufffd" in d["text"] for d in docs)
    # No half-written rows: every stored document has its text and hash.
    assert all(d["text"] and d["content_hash"] for d in docs)


def test_when_every_source_fails_the_exit_code_says_so(site, tmp_path):
    config = write_config(tmp_path, f"""
        [[sources]]
        name = "server-error"
        type = "feed"
        url = "{site.base_url}/fail/500"

        [[sources]]
        name = "broken-feed"
        type = "feed"
        url = "{site.base_url}/fail/malformed-feed.xml"

        [[sources]]
        name = "embargoed"
        type = "page"
        url = "{site.base_url}/private/embargoed/"
        item_selector = "a"

        [[sources]]
        name = "nobody-home"
        type = "page"
        url = "http://127.0.0.1:9/listing/"
        item_selector = "a"
        enabled = false
    """)
    site.reset_requests()
    code, summaries = crawl(config, "server-error", "broken-feed", "embargoed", "nobody-home")
    assert code == 1
    assert {name: s["status"] for name, s in summaries.items()} == {
        "server-error": "failed", "broken-feed": "failed", "embargoed": "failed", "nobody-home": "failed"}
    assert summaries["embargoed"]["message"].startswith("forbidden by robots.txt")
    assert not any("/private/" in line for line in site.requests)
    assert summaries["server-error"]["message"].startswith("HTTP 500")
    assert summaries["broken-feed"]["message"].startswith("malformed feed")
    assert "cannot connect" in summaries["nobody-home"]["message"]
    statuses = [r["status"] for r in archive(config).query("select status from crawl_runs")]
    assert statuses == ["failed"] * 4


def test_a_crashed_crawl_process_is_marked_failed_by_the_parent(site, tmp_path, monkeypatch):
    config = write_config(tmp_path, f"""
        [[sources]]
        name = "gazette"
        type = "feed"
        url = "{site.base_url}/news/gazette/rss.xml"
    """)
    # Stand-in interpreter that dies the way a segfaulting extension would leave us: no summary.
    fake = tmp_path / "python"
    fake.write_text("#!/bin/sh\necho 'Fatal Python error: Segmentation fault' >&2\nexit 139\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr("policewatch.crawling.sys.executable", os.fspath(fake))
    summary = crawl_in_child(config, "gazette", timeout=30)
    assert summary.status == "failed"
    assert "exited with code 139" in summary.message and "Segmentation fault" in summary.message
    run = archive(config)["crawl_runs"].get(summary.run_id)
    assert run["status"] == "failed" and run["finished"]
    assert errors(config, "gazette")[0]["error"] == summary.message


def test_a_crawl_over_its_time_limit_stops_and_is_recorded(site, tmp_path):
    config = write_config(tmp_path, f"""
        [[sources]]
        name = "slow"
        type = "feed"
        url = "{site.base_url}/fail/slow?seconds=20"
    """, crawl="[crawl]\ndownload_delay = 0\ntimeout = 60\nretries = 0\n")
    summary = crawl_in_child(config, "slow", timeout=2)
    assert summary.status == "failed"
    assert "timed out after 2 s" in summary.message
    run = archive(config)["crawl_runs"].get(summary.run_id)
    assert run["status"] == "failed" and run["finished"]


def test_an_unknown_source_name_is_a_usage_error(tmp_path):
    config = write_config(tmp_path, """
        [[sources]]
        name = "gazette"
        type = "feed"
        url = "http://127.0.0.1:9/rss.xml"
    """)
    result = CliRunner().invoke(cli, ["-c", str(config), "crawl", "gazete"])
    assert result.exit_code == 2
    assert "no source named 'gazete'" in result.output and "known: gazette" in result.output
    assert not (tmp_path / "archive.db").exists()
