"""The bundled demo site behaves like the real sources it imitates."""
from __future__ import annotations

import io
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from urllib.parse import quote

import feedparser
import openpyxl
import pdfplumber
import pytest
from odf.opendocument import load as load_ods
from odf.table import Table, TableCell, TableRow
from odf import teletype

from tests.siteserver import FixtureSite


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_plain = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, headers: dict | None = None, follow: bool = True, timeout: float = 10):
    """(status, headers, body) without raising on HTTP errors."""
    req = urllib.request.Request(url, headers=headers or {})
    opener = urllib.request.build_opener() if follow else _plain
    try:
        with opener.open(req, timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


@pytest.fixture(scope="module")
def site():
    with FixtureSite() as s:
        yield s


# ------------------------------------------------------------------- basics

def test_startup_is_fast_and_index_links_sections():
    t0 = time.monotonic()
    with FixtureSite() as s:
        status, _, body = fetch(s.url("/"))
    assert time.monotonic() - t0 < 2
    assert status == 200
    for href in ("/news/", "/alaveteli/", "/govuk/", "/force/foi-ai/", "/fail/"):
        assert href.encode() in body


def test_url_and_requests_log(site):
    assert site.url("/x").startswith("http://127.0.0.1:")
    site.reset_requests()
    fetch(site.url("/robots.txt"))
    fetch(site.url("/news/gazette/rss.xml?a=1"))
    assert site.requests == ["GET /robots.txt", "GET /news/gazette/rss.xml?a=1"]
    site.reset_requests()
    assert site.requests == []


def test_base_placeholder_is_substituted(site):
    _, _, body = fetch(site.url("/news/ledger/atom.xml"))
    assert b"{{BASE}}" not in body
    assert site.url("/news/ledger/").encode() in body


def test_robots_disallows_private(site):
    status, _, body = fetch(site.url("/robots.txt"))
    assert status == 200 and b"Disallow: /private/" in body


# -------------------------------------------------------------------- news

def test_news_feeds_parse(site):
    rss = feedparser.parse(fetch(site.url("/news/gazette/rss.xml"))[2])
    atom = feedparser.parse(fetch(site.url("/news/ledger/atom.xml"))[2])
    assert not rss.bozo and rss.version == "rss20"
    assert not atom.bozo and atom.version == "atom10"
    assert 5 <= len(rss.entries) <= 8 and 5 <= len(atom.entries) <= 8
    for entry in rss.entries + atom.entries:
        status, _, body = fetch(entry.link)
        assert status == 200, entry.link
        assert b"<article" in body
    links = [e.link for e in rss.entries]
    assert any("/private/" in link for link in links)
    assert any("utm_source=" in link for link in links)


def test_syndicated_article_has_the_same_body_under_three_urls(site):
    path = "/news/gazette/2024/05/21/cautions-sexual-offences-kent-essex.html"
    plain = fetch(site.url(path))[2]
    tracked = fetch(site.url(path + "?utm_source=rss&utm_medium=feed"))[2]
    partner = fetch(site.url("/news/ledger/partners/gazette/kent-essex-sexual-offence-cautions.html"))[2]
    assert plain == tracked == partner
    assert b"Kent issued 45 and Essex 38" in plain


def test_article_dates_vary(site):
    meta = fetch(site.url("/news/gazette/2024/03/14/community-resolutions-child-rape-cases.html"))[2]
    jsonld = fetch(site.url("/news/ledger/uk/2024/07/15/wales-cannabis-warnings.html"))[2]
    none = fetch(site.url("/news/gazette/2024/04/19/norfolk-shoplifting-penalty-notices.html"))[2]
    assert b'property="article:published_time"' in meta
    assert b'"datePublished"' in jsonld and b"NewsArticle" in jsonld
    assert b"published_time" not in none and b"datePublished" not in none and b"<time" not in none


# ------------------------------------------------------- conditional GET

@pytest.mark.parametrize("path", ["/news/gazette/rss.xml", "/news/ledger/atom.xml",
                                  "/govuk/media/64b7c0d1e2f3a4b5c6d7e8f9/ooc-disposals-sexual-offences-mar2023-tables.ods"])
def test_conditional_get(site, path):
    status, headers, _ = fetch(site.url(path))
    assert status == 200
    etag, last_mod = headers["ETag"], headers["Last-Modified"]
    assert etag and last_mod
    assert fetch(site.url(path), {"If-None-Match": etag})[0] == 304
    assert fetch(site.url(path), {"If-Modified-Since": last_mod})[0] == 304
    assert fetch(site.url(path), {"If-None-Match": '"stale"'})[0] == 200
    assert fetch(site.url(path), {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})[0] == 200


# ----------------------------------------------------------------- Alaveteli

def test_alaveteli_search_feed_and_event_redirect(site):
    q = quote('"community resolution"', safe="")
    status, headers, body = fetch(site.url(f"/alaveteli/feed/search/{q}"))
    assert status == 200 and "atom" in headers["Content-Type"]
    feed = feedparser.parse(body)
    assert not feed.bozo and 1 <= len(feed.entries) <= 25
    entry = feed.entries[0]
    assert entry.id.startswith("tag:") and "InfoRequestEvent/" in entry.id
    assert "/alaveteli/request_event/" in entry.link
    status, headers, _ = fetch(entry.link, follow=False)
    assert status == 301
    assert "/alaveteli/request/" in headers["Location"] and "#incoming-" in headers["Location"]
    assert fetch(headers["Location"])[0] == 200


def test_alaveteli_search_prefixes(site):
    q = quote("variety:response requested_from:kent_police", safe="")
    feed = feedparser.parse(fetch(site.url(f"/alaveteli/feed/search/{q}"))[2])
    assert [e.title for e in feed.entries] == ["Cautions for sexual offences 2021/22 and 2022/23"]
    events = json.loads(fetch(site.url("/alaveteli/feed/search/filetype:xlsx.json"))[2])
    assert events and all(e["event_type"] == "response" for e in events)
    assert {"info_request", "public_body", "snippet", "incoming_message_id"} <= set(events[0])


def test_alaveteli_request_json_and_attachments(site):
    slug = "use_of_community_resolutions_for_rape_offences"
    data = json.loads(fetch(site.url(f"/alaveteli/request/{slug}.json"))[2])
    for key in ("id", "url_title", "title", "created_at", "updated_at", "described_state",
                "display_status", "awaiting_description", "prominence", "law_used", "tags",
                "user", "public_body", "info_request_events"):
        assert key in data
    assert data["public_body"]["url_name"] == "lincolnshire_police"
    incoming = [e["incoming_message_id"] for e in data["info_request_events"] if e["event_type"] == "response"]
    page = fetch(site.url(f"/alaveteli/request/{slug}"))[2].decode()
    for mid in incoming:
        assert f'id="incoming-{mid}"' in page
    href = f"/alaveteli/request/{slug}/response/{incoming[0]}/attach/2/FOI_000412_24_Community_resolutions_2019_2023.pdf?cookie_passthrough=1"
    assert href in page
    status, headers, body = fetch(site.url(href))
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        text = pdf.pages[0].extract_text()
    assert "Rape of a female child under 13 Community Resolution 0 1 2 4 3" in text


def test_alaveteli_xlsx_csv_and_bad_attachments(site):
    base = "/alaveteli/request/cautions_for_sexual_offences_2021_22_and_2022_23/response/1911/attach"
    body = fetch(site.url(f"{base}/2/FOI_24_0188_Cautions_sexual_offences.xlsx?cookie_passthrough=1"))[2]
    rows = list(openpyxl.load_workbook(io.BytesIO(body)).worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("Force", "Offence", "Outcome", "2021-22", "2022-23")
    assert ("Kent", "Exposure and voyeurism", "Community Resolution", 12, 15) in rows
    csv_text = fetch(site.url(f"{base}/3/outcomes_by_district_2022_23.csv"))[2].decode()
    assert "Medway,Caution - adults,9" in csv_text

    bad = "/alaveteli/request/out_of_court_disposals_for_sexual_offences_against_children/response/1922/attach"
    pdf_bytes = fetch(site.url(f"{bad}/2/Disclosure_FOI_4471.pdf"))[2]
    assert pdf_bytes.startswith(b"%PDF")
    with pytest.raises(Exception):
        with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
            pdf.pages[0].extract_text()
    xlsx_bytes = fetch(site.url(f"{bad}/3/Appendix_A_outcomes.xlsx"))[2]
    with pytest.raises(zipfile.BadZipFile):
        openpyxl.load_workbook(io.BytesIO(xlsx_bytes))


# -------------------------------------------------------------------- gov.uk

def test_govuk_search(site):
    url = site.url("/govuk/api/search.json?filter_organisations=home-office"
                   "&filter_content_store_document_type=official_statistics&order=-public_timestamp"
                   "&fields=title,link,public_timestamp,description&count=1&start=0")
    data = json.loads(fetch(url)[2])
    assert set(data) >= {"results", "total", "start", "aggregates", "suggested_queries"}
    assert data["total"] == 2 and data["start"] == 0 and len(data["results"]) == 1
    first = data["results"][0]
    assert first["link"] == "/government/statistics/crime-outcomes-in-england-and-wales-2023-to-2024"
    assert {"title", "link", "public_timestamp", "description"} <= set(first)
    assert "format" not in first
    page2 = json.loads(fetch(url.replace("start=0", "start=1"))[2])
    assert page2["results"][0]["link"] != first["link"]
    full = json.loads(fetch(site.url("/govuk/api/search.json?q=out+of+court&aggregate_organisations=5"))[2])
    assert full["total"] >= 2
    r = full["results"][0]
    assert {"title", "link", "description", "format", "organisations", "public_timestamp"} <= set(r)
    assert r["organisations"][0]["slug"] in ("home-office", "ministry-of-justice")
    assert full["aggregates"]["organisations"]["options"]


@pytest.mark.parametrize("query", ["bogus=1", "order=-nonsense", "count=abc", "fields=nope"])
def test_govuk_search_rejects_bad_parameters(site, query):
    status, headers, body = fetch(site.url(f"/govuk/api/search.json?{query}"))
    assert status == 422
    assert "error" in json.loads(body)


def test_govuk_content_api_and_attachments(site):
    base_path = "/government/statistics/crime-outcomes-in-england-and-wales-2023-to-2024"
    item = json.loads(fetch(site.url("/govuk/api/content" + base_path))[2])
    for key in ("base_path", "content_id", "title", "description", "document_type", "schema_name",
                "first_published_at", "public_updated_at", "details", "links"):
        assert key in item
    assert item["base_path"] == base_path
    assert "16 community resolutions" in item["details"]["body"]
    assert item["links"]["organisations"][0]["title"] == "Home Office"
    atts = {a["filename"].rsplit(".", 1)[-1]: a for a in item["details"]["attachments"]}
    for a in atts.values():
        assert {"attachment_type", "id", "title", "url", "content_type", "filename", "file_size"} <= set(a)
        assert "/govuk/media/" in a["url"]
    xlsx = fetch(atts["xlsx"]["url"])[2]
    rows = list(openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0].iter_rows(values_only=True))
    assert "Force outcomes recorded in quarter" in rows[0]
    with pdfplumber.open(io.BytesIO(fetch(atts["pdf"]["url"])[2])) as pdf:
        assert "Cleveland Drug offences Cannabis/Khat warning 802 774" in pdf.pages[0].extract_text()
    assert fetch(site.url(base_path.replace("/government", "/govuk/government")))[0] == 200
    assert fetch(site.url("/govuk/api/content/government/statistics/missing"))[0] == 404


def test_govuk_ods_and_csv(site):
    item = json.loads(fetch(site.url(
        "/govuk/api/content/government/statistics/police-use-of-out-of-court-disposals-for-sexual-offences-2022-to-2023"))[2])
    atts = {a["filename"].rsplit(".", 1)[-1]: a for a in item["details"]["attachments"]}
    doc = load_ods(io.BytesIO(fetch(atts["ods"]["url"])[2]))
    table = doc.spreadsheet.getElementsByType(Table)[0]
    rows = [[teletype.extractText(c) for c in r.getElementsByType(TableCell)]
            for r in table.getElementsByType(TableRow)]
    assert rows[0] == ["Force", "Offence group", "Outcome", "2021/22", "2022/23"]
    assert ["Avon and Somerset", "Sexual offences", "Community Resolution", "31", "27"] in rows
    assert b"Avon and Somerset,Sexual offences,Community Resolution,31,27" in fetch(atts["csv"]["url"])[2]


# ------------------------------------------------------------ disclosure log

def test_disclosure_log_pagination(site):
    from scrapy import Selector

    url = site.url("/force/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log")
    items, pages = [], 0
    while url:
        sel = Selector(text=fetch(url)[2].decode())
        items += sel.css(".published-items a.item-link::attr(href)").getall()
        nxt = sel.css("a.next::attr(href)").get()
        url = urllib.parse.urljoin(url, nxt) if nxt else None
        pages += 1
    assert pages == 3 and len(items) == 10 and len(set(items)) == 10
    attachments = []
    for href in items:
        status, _, body = fetch(site.url(href))
        assert status == 200 and b"Enquiry Reference: FOI:" in body
        attachments += Selector(text=body.decode()).css("a.attachment-link::attr(href)").getall()
    assert len(attachments) == 2
    for href in attachments:
        assert "/force/SysSiteAssets/foi-media/derbyshire/disclosure_2024/" in href
        assert fetch(site.url(href))[0] == 200
    assert fetch(site.url("/force/foi-ai/af/accessing-information/published-items/?page=4"))[0] == 404


# ------------------------------------------------------------------ failures

def test_failure_endpoints(site):
    assert fetch(site.url("/fail/500"))[0] == 500
    assert fetch(site.url("/fail/404"))[0] == 404
    status, headers, _ = fetch(site.url("/fail/redirect-loop"), follow=False)
    assert status == 302 and headers["Location"].endswith("/fail/redirect-loop")
    assert fetch(site.url("/fail/redirect-a"), follow=False)[1]["Location"].endswith("/fail/redirect-b")
    assert fetch(site.url("/fail/redirect-b"), follow=False)[1]["Location"].endswith("/fail/redirect-a")
    assert fetch(site.url("/fail/redirect-chain?hop=7"), follow=False)[1]["Location"].endswith("/fail/redirect-chain?hop=8")
    status, headers, body = fetch(site.url("/fail/bad-charset"))
    assert "utf-8" in headers["Content-Type"]
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    status, headers, body = fetch(site.url("/fail/no-charset"))
    assert headers["Content-Type"] == "text/html" and b"charset" not in body
    feed = feedparser.parse(fetch(site.url("/fail/malformed-feed.xml"))[2])
    assert feed.bozo
    assert fetch(site.url("/fail/malformed.html"))[0] == 200


def test_slow_endpoint_times_out_a_client(site):
    t0 = time.monotonic()
    with pytest.raises(Exception):
        urllib.request.urlopen(site.url("/fail/slow?seconds=3"), timeout=0.5).read()
    assert time.monotonic() - t0 < 2
    t0 = time.monotonic()
    assert fetch(site.url("/fail/slow?seconds=0.2"))[0] == 200
    assert time.monotonic() - t0 >= 0.2


def test_huge_body_is_generated(site):
    with urllib.request.urlopen(site.url("/fail/huge"), timeout=10) as resp:
        assert int(resp.headers["Content-Length"]) == 30 * 1024 * 1024
        assert len(resp.read(1024 * 1024)) == 1024 * 1024
    with urllib.request.urlopen(site.url("/fail/huge?mb=0.5&chunked=1"), timeout=10) as resp:
        assert resp.headers["Content-Length"] is None
        assert len(resp.read()) == 512 * 1024


def test_feed_with_bad_entries(site):
    feed = feedparser.parse(fetch(site.url("/fail/feed-with-bad-entries.xml"))[2])
    assert not feed.bozo
    links = [e.get("link") for e in feed.entries]
    assert None in links
    assert any(link and link.endswith("/fail/500") for link in links)
    good = [link for link in links if link and "/news/" in link]
    assert len(good) == 1 and fetch(good[0])[0] == 200
