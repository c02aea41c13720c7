"""User stories for FOI sources: an Alaveteli search and a force's disclosure log."""
from __future__ import annotations

import shutil

import pytest

from policewatch.demo_site import SITE_ROOT
from tests.crawl_support import crawl, documents, errors, paths, write_config
from tests.siteserver import FixtureSite

pytestmark = pytest.mark.slow

LOG = "/force/foi-ai/af/accessing-information/published-items/"


@pytest.fixture(scope="module")
def site():
    with FixtureSite() as running:
        yield running


@pytest.fixture(scope="module")
def alaveteli(site, tmp_path_factory):
    config = write_config(tmp_path_factory.mktemp("alaveteli"), f"""
        [[sources]]
        name = "wdtk"
        type = "alaveteli"
        url = "{site.base_url}/alaveteli/"
        query = '"community resolution" OR caution'
    """)
    site.reset_requests()
    first = crawl(config)
    first_requests = paths(site)
    site.reset_requests()
    second = crawl(config)
    return config, first, first_requests, second, paths(site)


def test_alaveteli_requests_responses_and_attachments_are_archived(alaveteli):
    config, (code, summaries), asked, *_ = alaveteli
    assert code == 0
    assert summaries["wdtk"]["status"] == "partial"  # two damaged attachments, see below
    assert "/alaveteli/feed/search/%22community%20resolution%22%20OR%20caution" in asked
    docs = documents(config, "wdtk")
    assert {d["kind"] for d in docs} == {"foi"}
    by_url = {d["url"]: d for d in docs}
    base = config.read_text().split('url = "')[1].split('"')[0]
    request = by_url[f"{base}request/cautions_for_sexual_offences_2021_22_and_2022_23"]
    assert request["title"] == "Cautions for sexual offences 2021/22 and 2022/23"
    assert "Please tell me how many adult cautions" in request["text"]
    assert request["published"] == "2024-01-15T19:44:10+00:00"
    response = by_url[f"{base}request/cautions_for_sexual_offences_2021_22_and_2022_23#incoming-1911"]
    assert response["parent_id"] == request["id"]
    assert "Kent Police issued 11 adult cautions" in response["text"]
    children = {d["url"].rsplit("/", 1)[1]: d for d in docs if d["parent_id"] == request["id"]}
    assert {"FOI_24_0188_Cautions_sexual_offences.xlsx", "outcomes_by_district_2022_23.csv"} <= set(children)
    xlsx = children["FOI_24_0188_Cautions_sexual_offences.xlsx"]
    assert "| Kent | Exposure and voyeurism | Community Resolution | 12 | 15 |" in xlsx["text"]
    assert "| Medway | Community Resolution | 7 |" in children["outcomes_by_district_2022_23.csv"]["text"]
    pdf = [d for d in docs if d["url"].endswith("FOI_000412_24_Community_resolutions_2019_2023.pdf")]
    assert pdf and "Community resolutions" in pdf[0]["text"] and pdf[0]["parent_id"]
    assert not any("cookie_passthrough" in d["url"] for d in docs)


def test_alaveteli_damaged_attachments_are_recorded_and_others_kept(alaveteli):
    config, *_ = alaveteli
    failures = {e["url"].rsplit("/", 1)[1]: e["error"] for e in errors(config, "wdtk")}
    assert "corrupt PDF" in failures["Disclosure_FOI_4471.pdf"]
    assert "corrupt XLSX" in failures["Appendix_A_outcomes.xlsx"]
    titles = [d["title"] for d in documents(config, "wdtk")]
    assert sum("response from West Yorkshire Police" in (t or "") for t in titles) == 2


def test_alaveteli_second_crawl_reads_the_feed_only(alaveteli):
    config, _, _, (code, summaries), asked = alaveteli
    assert summaries["wdtk"]["new_documents"] == 0 and summaries["wdtk"]["updated_documents"] == 0
    assert [p for p in asked if p != "/robots.txt"] == [
        "/alaveteli/feed/search/%22community%20resolution%22%20OR%20caution"]


def test_disclosure_log_pages_items_and_attachments(site, tmp_path):
    sources = """
        [[sources]]
        name = "{name}"
        type = "page"
        url = "{url}"
        item_selector = "a.item-link"
        next_selector = "a[rel=next]"
        max_pages = {max_pages}
    """
    config = write_config(tmp_path / "all", sources.format(name="derbyshire", url=site.url(LOG), max_pages=50))
    limited = write_config(tmp_path / "limited", sources.format(
        name="derbyshire-limited", url=site.url(LOG), max_pages=4))
    site.reset_requests()
    code, summaries = crawl(config)
    assert code == 0 and summaries["derbyshire"]["status"] == "ok"
    asked = paths(site)
    assert {LOG, f"{LOG}?page=2", f"{LOG}?page=3"} <= set(asked)
    docs = {d["title"]: d for d in documents(config, "derbyshire")}
    assert len([d for d in docs.values() if d["parent_id"] is None]) == 10  # every listed item
    item = docs["Cautions for sexual offences"]
    assert item["kind"] == "foi" and item["published"] == "2024-05-20"
    attachment = docs["foi-24-0577-cautions-sexual-offences.pdf"]
    assert attachment["parent_id"] == item["id"] and attachment["kind"] == "foi"
    assert "Derbyshire Constabulary" in attachment["text"]

    # max_pages = 4: the first listing page and three of its items, then the crawl stops.
    site.reset_requests()
    code, summaries = crawl(limited)
    summary = summaries["derbyshire-limited"]
    assert summary["status"] == "ok" and summary["pages"] == 4
    assert "max_pages=4" in summary["message"]
    assert f"{LOG}?page=2" not in paths(site)
    assert len(documents(limited)) == 3


# Alaveteli's own robots.txt rules (app/views/general/robots.txt in mysociety/alaveteli).
ALAVETELI_ROBOTS = """User-agent: *
Disallow: */search?*
Disallow: */feed/*
Allow: */request/*/response/*/attach/*
Disallow: */request/*/response/*
"""


def test_alaveteli_under_its_real_robots_rules(tmp_path):
    """The search feed is read as a feed reader reads it; everything else obeys robots.txt."""
    root = tmp_path / "site"
    shutil.copytree(SITE_ROOT / "alaveteli", root / "alaveteli")
    (root / "robots.txt").write_text(ALAVETELI_ROBOTS)
    with FixtureSite(root=root) as site:
        config = write_config(tmp_path / "crawl", f"""
            [[sources]]
            name = "wdtk"
            type = "alaveteli"
            url = "{site.base_url}/alaveteli/"
            query = "requested_from:kent_police"
        """)
        code, summaries = crawl(config)
    assert code == 0 and summaries["wdtk"]["status"] == "ok"
    names = {d["url"].rsplit("/", 1)[1] for d in documents(config)}
    assert {"FOI_24_0188_Cautions_sexual_offences.xlsx", "outcomes_by_district_2022_23.csv"} <= names
