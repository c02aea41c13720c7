"""User stories for news feeds: an editor adds an RSS and an Atom feed and runs `policewatch crawl`."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from policewatch.demo_site import SITE_ROOT
from tests.crawl_support import archive, crawl, documents, paths, write_config
from tests.siteserver import FixtureSite

pytestmark = pytest.mark.slow

SOURCES = """
[[sources]]
name = "gazette"
type = "feed"
url = "{base}/news/gazette/rss.xml"

[[sources]]
name = "ledger"
type = "feed"
url = "{base}/news/ledger/atom.xml"
"""


@pytest.fixture(scope="module")
def site():
    with FixtureSite() as running:
        yield running


@pytest.fixture(scope="module")
def crawled(site, tmp_path_factory):
    """Both feeds crawled once, then once more, with the site's request log of each crawl."""
    config = write_config(tmp_path_factory.mktemp("feeds"), SOURCES.format(base=site.base_url))
    site.reset_requests()
    first = crawl(config)
    first_requests = list(site.requests)
    site.reset_requests()
    second = crawl(config)
    return config, first, first_requests, second, list(site.requests)


def test_rss_and_atom_articles_are_archived_with_title_date_and_main_text(crawled):
    config, (code, summaries), *_ = crawled
    assert code == 0
    assert summaries["gazette"]["status"] == "ok" and summaries["ledger"]["status"] == "ok"
    gazette = {d["title"]: d for d in documents(config, "gazette")}
    story = gazette["Police used community resolutions in four child rape cases"]
    assert story["kind"] == "news"
    assert story["published"] == "2024-03-14T06:30:00+00:00"  # RSS pubDate, in UTC
    assert "Lincolnshire Police" in story["text"]
    ledger = {d["title"]: d for d in documents(config, "ledger")}
    atom = ledger["Transport police cautioned 57 suspects for sexual assault on trains"]
    assert atom["published"] == "2024-07-02T06:45:00+00:00"  # Atom <published>, +01:00 -> UTC


def test_boilerplate_is_left_out(crawled):
    config, *_ = crawled
    for doc in documents(config):
        for chrome in ("Advertisement", "Accept all", "Subscribe from", "Most read", "Registered in England"):
            assert chrome not in doc["text"], (chrome, doc["url"])


def test_tracking_parameters_are_dropped_from_urls(crawled):
    config, *_ = crawled
    urls = [d["url"] for d in documents(config)]
    assert any(u.endswith("/cautions-sexual-offences-kent-essex.html") for u in urls)
    assert not any("utm_" in u for u in urls)


def test_a_syndicated_copy_becomes_an_alias_of_the_original(crawled):
    config, (code, summaries), *_ = crawled
    assert summaries["ledger"]["duplicates"] == 1
    rows = list(archive(config).query("select u.url, d.source, d.url as original from document_urls u "
                                      "join documents d on d.id = u.document_id"))
    partner = [r for r in rows if r["url"].endswith("/partners/gazette/kent-essex-sexual-offence-cautions.html")]
    assert partner and partner[0]["original"].endswith("/cautions-sexual-offences-kent-essex.html")
    titles = [d["title"] for d in documents(config)]
    assert titles.count("Hundreds of sex offenders given cautions instead of court, figures show") == 1


def test_robots_txt_is_obeyed(crawled):
    config, _, first_requests, *_ = crawled
    asked = [line.split(" ", 1)[1] for line in first_requests]
    assert "/robots.txt" in asked
    assert not any(p.startswith("/private/") for p in asked)
    assert not any("EMBARGOED" in (d["title"] or "") for d in documents(config))


def test_second_crawl_adds_nothing_fetches_no_article_and_revalidates_feeds(crawled):
    config, (_, first), _, (code, second), second_requests = crawled
    assert code == 0
    assert first["gazette"]["new_documents"] == 6 and first["ledger"]["new_documents"] == 6
    for name in ("gazette", "ledger"):
        assert second[name]["status"] == "ok"
        assert second[name]["new_documents"] == 0 and second[name]["updated_documents"] == 0
        assert second[name]["not_modified"] == 1  # the feed answered 304; the cached copy was read
    asked = [line.split(" ", 1)[1] for line in second_requests]
    assert sorted(p for p in asked if p != "/robots.txt") == ["/news/gazette/rss.xml", "/news/ledger/atom.xml"]
    runs = list(archive(config).query("select source, status, pages, new_documents from crawl_runs order by id"))
    assert [(r["source"], r["status"], r["new_documents"]) for r in runs] == [
        ("gazette", "ok", 6), ("ledger", "ok", 6), ("gazette", "ok", 0), ("ledger", "ok", 0)]


def test_include_keywords_filter_and_dry_run_stores_nothing(site, tmp_path):
    config = write_config(tmp_path, f"""
        [[sources]]
        name = "ledger-cautions"
        type = "feed"
        url = "{site.base_url}/news/ledger/atom.xml"
        include = ["caution"]
        exclude = ["Scotland Yard"]
    """)
    out = tmp_path / "check.jsonl"
    result = subprocess.run([sys.executable, "-m", "policewatch.crawl_child", "--config", str(config), "ledger-cautions",
                             "--dry-run", str(out)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.splitlines()[-1])
    assert summary["status"] == "ok" and summary["run_id"] is None
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(items) == 7 and all(item["text"] and item["url"] for item in items)
    kept = {item["title"] for item in items if item["kept"]}
    assert "Transport police cautioned 57 suspects for sexual assault on trains" in kept
    assert "Officer numbers reach record high, Home Office says" not in kept  # no include word
    assert not any("Scotland Yard" in title for title in kept)  # exclude word
    assert not (tmp_path / "archive.db").exists()  # a dry run leaves no archive behind

    site.reset_requests()
    code, summaries = crawl(config)
    assert code == 0
    stored = {d["title"] for d in documents(config)}
    assert stored == kept
    assert summaries["ledger-cautions"]["filtered"] == 7 - len(kept)
    # Filtered pages are remembered: the next crawl fetches only the feed.
    site.reset_requests()
    code, summaries = crawl(config)
    assert summaries["ledger-cautions"]["new_documents"] == 0
    assert [p for p in paths(site) if p != "/robots.txt"] == ["/news/ledger/atom.xml"]


def test_links_outside_the_sources_domains_are_counted_not_fetched(tmp_path):
    """Also: an entry that links straight to a PDF is archived as the PDF's text."""
    root = tmp_path / "site"
    shutil.copytree(SITE_ROOT / "news" / "gazette", root / "news" / "gazette")
    pdf = next((SITE_ROOT / "govuk" / "media").rglob("*technical-annex.pdf"))
    shutil.copy(pdf, root / "annex.pdf")
    with FixtureSite(root=root) as site:
        story = "/news/gazette/2024/04/02/humberside-cannabis-warnings-rise.html"
        elsewhere = f"http://localhost:{site.port}/news/gazette/2024/04/19/norfolk-shoplifting-penalty-notices.html"
        (root / "mixed.xml").write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Mixed</title>'
            f"<item><title>Here</title><link>{site.url(story)}</link></item>"
            f"<item><title>Elsewhere</title><link>{elsewhere}</link></item>"
            f"<item><title>The annex</title><link>{site.url('/annex.pdf')}</link></item></channel></rss>")
        sources = """
            [[sources]]
            name = "{name}"
            type = "feed"
            url = "{url}"
            {extra}
        """
        strict = write_config(tmp_path / "strict", sources.format(name="strict", url=site.url("/mixed.xml"), extra=""))
        wide = write_config(tmp_path / "wide", sources.format(name="wide", url=site.url("/mixed.xml"),
                                                             extra='allowed_domains = ["127.0.0.1", "localhost"]'))
        site.reset_requests()
        _, strict_summaries = crawl(strict)
        strict_requests = paths(site)
        _, wide_summaries = crawl(wide)
    summary = strict_summaries["strict"]
    assert summary["status"] == "ok" and summary["new_documents"] == 2
    annex = next(d for d in documents(strict) if d["url"].endswith("/annex.pdf"))
    assert annex["title"] == "The annex" and "technical annex" in annex["text"]
    assert "1 not followed: outside the source's domains (localhost; see allowed_domains)" in summary["message"]
    assert not any("norfolk" in p for p in strict_requests)
    assert wide_summaries["wide"]["new_documents"] == 3


def test_a_paged_atom_feed_is_followed_to_its_older_pages(tmp_path):
    """RFC 5005: an archive feed whose first page links rel="next" to older entries."""
    root = tmp_path / "site"
    root.mkdir()
    pages = [("atom.xml", "atom-2.xml", "harbour-town"), ("atom-2.xml", "atom-3.xml", "moorside"),
             ("atom-3.xml", None, "fenland")]
    for name, older, town in pages:
        link = f'<link rel="next" href="{{{{BASE}}}}/{older}"/>' if older else ""
        (root / name).write_text(
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<id>tag:pages.example,2024:{name}</id><title>Pages</title><updated>2024-05-01T09:00:00Z</updated>{link}'
            f'<entry><id>tag:pages.example,2024:{town}</id><title>Cautions in {town}</title>'
            f'<link rel="alternate" href="{{{{BASE}}}}/{town}.html"/><updated>2024-05-01T09:00:00Z</updated></entry>'
            "</feed>", encoding="utf-8")
        (root / f"{town}.html").write_text(
            f"<html><head><title>Cautions in {town}</title></head><body><article><h1>Cautions in {town}</h1>"
            f"<p>Officers in the {town} district gave out cautions for shoplifting more often last year, "
            "according to figures the force published this week.</p>"
            "<p>The force said each case had been reviewed by a sergeant before the decision was made, "
            "and that victims had been asked for their views.</p></article></body></html>", encoding="utf-8")
    with FixtureSite(root=root) as site:
        config = write_config(tmp_path / "paged", f"""
            [[sources]]
            name = "paged"
            type = "feed"
            url = "{site.url('/atom.xml')}"
        """)
        code, summaries = crawl(config)
    assert code == 0 and summaries["paged"]["new_documents"] == 3
    assert sorted(d["title"] for d in documents(config, "paged")) == [
        "Cautions in fenland", "Cautions in harbour-town", "Cautions in moorside"]
