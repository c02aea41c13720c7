"""The crawler's pure parts: URLs, dates, article pages, attachments, settings and summaries."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from policewatch.config import load_config
from policewatch.demo_site import SITE_ROOT
from policewatch.demo_site.make_attachments import make_ods, make_pdf
from scraper.article import ArticleError, block_text, decode_html, page_metadata, parse_article
from scraper.attachments import AttachmentError, attachment_kind, attachment_text
from scraper.dates import normalise_date
from scraper.report import CrawlRun, CrawlSummary
from scraper.settings import cache_dir, crawl_settings
from scraper.urls import canonical_url
from policewatch.commands.crawl import format_table

import lxml.html


# -- URLs ----------------------------------------------------------------------------------

@pytest.mark.parametrize("url, expected", [
    ("http://Example.ORG:80/a?utm_source=rss&id=3&fbclid=x#top", "http://example.org/a?id=3"),
    ("https://example.org/story?gclid=1&mc_cid=2&utm_medium=feed", "https://example.org/story"),
    ("http://127.0.0.1:8000?page=2&q=a%20b", "http://127.0.0.1:8000/?page=2&q=a%20b"),
    ("https://example.org:443/x?B=2&a=1", "https://example.org/x?B=2&a=1"),  # order kept
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_canonical_url_drops_site_specific_parameters():
    url = "https://wdtk.example/request/x/response/1/attach/2/a.pdf?cookie_passthrough=1"
    assert canonical_url(url, frozenset({"cookie_passthrough"})).endswith("/attach/2/a.pdf")


# -- dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2024-05-21T07:15:00+01:00", "2024-05-21T06:15:00+00:00"),
    ("2024-05-21T07:15:00Z", "2024-05-21T07:15:00+00:00"),
    ("Tue, 21 May 2024 07:15:00 +0100", "2024-05-21T06:15:00+00:00"),
    ("2024-05-20", "2024-05-20"),
    ("20 May 2024", "2024-05-20"),
    ("20/05/2024", "2024-05-20"),  # UK order
    ("not a date", None),
    ("", None),
    ("0001-01-01T00:00:00Z", None),
])
def test_normalise_date(text, expected):
    assert normalise_date(text) == expected


# -- article pages ---------------------------------------------------------------------------

ARTICLE = SITE_ROOT / "news/gazette/2024/03/14/community-resolutions-child-rape-cases.html"


def test_article_title_date_and_main_text_from_a_real_page():
    article = parse_article(ARTICLE.read_text(encoding="utf-8"))
    assert article.title == "Police used community resolutions in four child rape cases"
    assert article.published == "2024-03-14T06:30:00+00:00"  # JSON-LD datePublished
    assert "Lincolnshire Police" in article.text
    assert "Advertisement" not in article.text and "cookies" not in article.text.lower()


def test_feed_title_and_date_win_over_the_page():
    article = parse_article(ARTICLE.read_text(encoding="utf-8"), feed_title="From the feed",
                            feed_published="2024-01-01T00:00:00+00:00")
    assert (article.title, article.published) == ("From the feed", "2024-01-01T00:00:00+00:00")


def test_tables_survive_as_pipe_rows():
    paragraph = "<p>" + "Figures released by the force under the Freedom of Information Act. " * 3 + "</p>"
    html = (f"<html><body><article><h1>Figures</h1>{paragraph}<table><tr><th>Force</th><th>Count</th></tr>"
            f"<tr><td>Kent</td><td>45</td></tr></table>{paragraph}</article></body></html>")
    assert "| Kent | 45 |" in parse_article(html).text


def test_metadata_from_meta_tags_and_time_elements():
    tree = lxml.html.fromstring(
        '<html><head><meta property="article:published_time" content="2024-02-03T10:00:00Z">'
        '<meta property="og:title" content="OG title"><title>Site | Page</title></head><body></body></html>')
    assert page_metadata(tree) == {"published": "2024-02-03T10:00:00+00:00", "title": "OG title"}
    tree = lxml.html.fromstring('<html><body><h1>Heading</h1><time datetime="2024-05-20">20 May</time>'
                                '<script type="application/ld+json">{broken</script></body></html>')
    assert page_metadata(tree) == {"published": "2024-05-20", "title": "Heading"}


def test_a_page_without_main_text_is_an_article_error():
    with pytest.raises(ArticleError):
        parse_article("<html><head><title>Nothing</title></head><body><script>app()</script></body></html>")


@pytest.mark.parametrize("body, content_type", [
    ("Café £5".encode("cp1252"), "text/html; charset=utf-8"),  # declared wrongly
    ("Café £5".encode("cp1252"), "text/html"),  # not declared
    ("Café £5".encode("utf-8"), "text/html"),
    ('<meta charset="iso-8859-1">Café £5'.encode("latin-1"), None),
    ("\ufeffCafé £5".encode("utf-8"), "text/html; charset=cp1252"),  # the BOM wins
])
def test_decode_html_trusts_a_charset_only_when_the_bytes_agree(body, content_type):
    assert "Café £5" in decode_html(body, content_type)


def test_block_text_keeps_paragraphs_breaks_and_table_rows():
    node = lxml.html.fromstring("<div><p>Dear Sir,</p><p>Line one<br>Line two</p><script>x()</script>"
                                "<table><tr><th>Year</th><th>Count</th></tr><tr><td>2023</td><td>4</td></tr>"
                                "</table></div>")
    assert block_text(node) == "Dear Sir,\nLine one\nLine two\n| Year | Count |\n| 2023 | 4 |"


# -- attachments -----------------------------------------------------------------------------

def _xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Table 1"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_pdf_text():
    pdf = make_pdf([(72, 700, "Community resolutions for rape: 4", 12, False)])
    assert attachment_text(pdf, "application/pdf", "reply.pdf") == "Community resolutions for rape: 4"


def test_xlsx_rows_become_pipe_rows():
    text = attachment_text(_xlsx([["Force", "Count"], ["Kent", 45], [None, None]]), None, "t.xlsx")
    assert text == "Sheet: Table 1\n| Force | Count |\n| Kent | 45 |"


def test_ods_and_csv_and_plain_text():
    ods = make_ods("Table_1", ["Force", "Count"], [["Essex", 38]])
    assert "| Essex | 38 |" in attachment_text(ods, "application/vnd.oasis.opendocument.spreadsheet", None)
    assert attachment_text(b"Force;Count\nKent;45\n", "text/csv", None) == "| Force | Count |\n| Kent | 45 |"
    assert attachment_text("Café, 5".encode("cp1252"), "text/plain", "notes.txt") == "Café, 5"


def test_kind_from_name_type_or_first_bytes():
    assert attachment_kind(None, "https://x/a/report.PDF?x=1") == "pdf"
    assert attachment_kind("text/csv; charset=utf-8", "download") == "csv"
    assert attachment_kind("application/octet-stream", "download", b"%PDF-1.7") == "pdf"
    assert attachment_kind("application/octet-stream", "download", _xlsx([["a"]])) == "xlsx"
    assert attachment_kind("image/png", "chart.png") is None


def _encrypted_ods() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", '<manifest:encryption-data manifest:checksum="x"/>')
        archive.writestr("content.xml", b"\x8f\x02 encrypted bytes")
    return out.getvalue()


ENCRYPTED_PDF = make_pdf([(72, 700, "secret", 12, False)]).replace(
    b"/Info 7 0 R >>", b"/Info 7 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O <" + b"ab" * 32
    + b"> /U <" + b"cd" * 32 + b"> /P -4 >> /ID [<00112233445566778899aabbccddeeff>"
    b"<00112233445566778899aabbccddeeff>] >>")


@pytest.mark.parametrize("data, name, message", [
    (ENCRYPTED_PDF, "a.pdf", "encrypted"),
    (b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF", "a.pdf", "corrupt PDF"),
    (b"<html>not a pdf</html>", "a.pdf", "not a PDF"),
    (make_pdf([]), "blank.pdf", "no text layer"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "a.xlsx", "encrypted"),
    (b"PK\x03\x04 truncated", "a.xlsx", "corrupt XLSX"),
    (_encrypted_ods(), "a.ods", "encrypted"),
    (b"", "a.csv", "empty"),
    (b"\x89PNG\r\n", "chart.png", "unsupported"),
])
def test_unreadable_attachments_raise_a_clear_error(data, name, message):
    with pytest.raises(AttachmentError, match=message):
        attachment_text(data, None, name)


def test_the_fixture_sites_damaged_files_are_reported_not_crashed_on():
    damaged = SITE_ROOT / "alaveteli/request/out_of_court_disposals_for_sexual_offences_against_children/response/1922/attach"
    for path in damaged.rglob("*.*"):
        with pytest.raises(AttachmentError):
            attachment_text(path.read_bytes(), None, path.name)


# -- settings, run report, summary table -------------------------------------------------------

def test_settings_come_from_crawl_defaults_and_source_overrides(tmp_path: Path):
    config_file = tmp_path / "policewatch.toml"
    config_file.write_text("""
[archive]
path = "data/archive.db"
[crawl]
contact = "mailto:ops@example.org"
download_delay = 2
concurrency = 3
max_body_bytes = 1000
[[sources]]
name = "fast"
type = "feed"
url = "https://news.example/rss"
download_delay = 0.5
concurrency = 1
""", encoding="utf-8")
    config = load_config(config_file)
    settings = crawl_settings(config, config.source("fast"))
    assert "mailto:ops@example.org" in settings["USER_AGENT"]
    assert settings["ROBOTSTXT_OBEY"] is True and settings["AUTOTHROTTLE_ENABLED"] is True
    assert settings["DOWNLOAD_DELAY"] == 0.5 and settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1
    assert settings["DOWNLOAD_MAXSIZE"] == 1000
    assert settings["HTTPCACHE_POLICY"].endswith("RFC2616Policy")
    assert settings["HTTPCACHE_DIR"] == str(tmp_path / "data" / ".httpcache" / "fast")
    assert cache_dir(config, config.source("fast")).is_absolute()
    assert crawl_settings(config, config.source("fast"), dry_run=True)["HTTPCACHE_ENABLED"] is False


def test_run_status_ok_partial_failed():
    run = CrawlRun("s")
    assert run.status == "failed"  # nothing fetched
    run.page_fetched()
    assert run.status == "ok"
    run.error("http://x/a", "HTTP 500")
    assert run.status == "partial"
    run.error("http://x/feed", "malformed feed", fatal=True)
    assert run.status == "failed" and run.message().startswith("HTTP 500")


def test_summary_round_trips_and_prints_as_a_table():
    summary = CrawlSummary(source="gazette", status="partial", pages=7, new_documents=5, errors=1,
                           duration=1.25, error_list=[("http://x/fail/500", "HTTP 500")])
    assert CrawlSummary.from_json(summary.to_json()) == summary
    table = format_table([summary, CrawlSummary(source="down", status="failed", errors=1,
                                                message="HTTP 500 (http://x/)")])
    lines = table.splitlines()
    assert lines[0].split() == ["source", "status", "pages", "new", "updated", "errors", "duration"]
    assert lines[1].split() == ["gazette", "partial", "7", "5", "0", "1", "1.2s"]
    assert "  gazette: HTTP 500 (http://x/fail/500)" in lines
    assert "  down: HTTP 500 (http://x/)" in lines


def test_pdf_lines_wrapped_mid_sentence_are_joined_but_table_rows_are_not():
    from scraper.attachments import reflow

    wrapped = ("Northumbria Police assigned 16 community resolutions for sexual offences in the year ending\n"
               "March 2024, up from 11 the year before.\n"
               "Force Offence group Outcome 2022/23 2023/24\n"
               "Northumbria Sexual offences Community Resolution 11 16\n"
               "Durham Sexual offences Community Resolution 3 5\n"
               "Figures are provisional and the force has been asked to check them again before\n"
               "- a list item stays on its own line")
    assert reflow(wrapped).splitlines() == [
        "Northumbria Police assigned 16 community resolutions for sexual offences in the year ending"
        " March 2024, up from 11 the year before.",
        "Force Offence group Outcome 2022/23 2023/24",
        "Northumbria Sexual offences Community Resolution 11 16",
        "Durham Sexual offences Community Resolution 3 5",
        "Figures are provisional and the force has been asked to check them again before",
        "- a list item stays on its own line",
    ]
