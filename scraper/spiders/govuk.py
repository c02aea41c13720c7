"""gov.uk research and statistics: search API -> content API -> publication and its attachments.

`/api/search.json` finds statistics publications matching the source's `query`
and/or `organisation`; `/api/content/<base_path>` gives each one's title,
description, body and `details.attachments[]`. The publication and each readable
attachment (CSV, ODS, XLSX, PDF) are stored as kind `stats`. All API URLs are
built relative to the source's `url`, e.g. `https://www.gov.uk/`.
"""
from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import lxml.html
from scrapy.http import Response

from scraper.article import block_text, clean
from scraper.attachments import attachment_kind
from scraper.dates import normalise_date
from scraper.items import DocumentItem
from scraper.spiders.base import SourceSpider

PAGE_SIZE = 50
# The research-and-statistics finder's document types (published statistics and research).
STATISTICS_TYPES = ("official_statistics", "national_statistics", "statistical_data_set", "research")
FIELDS = "title,link,public_timestamp,description,content_store_document_type"
ASSETS_HOST = "assets.publishing.service.gov.uk"


def search_url(site_url: str, query: str | None, organisation: str | None, start: int = 0) -> str:
    params: list[tuple[str, str | int]] = []
    if query:
        params.append(("q", query))
    if organisation:
        params.append(("filter_organisations", organisation))
    # Repeating a filter ORs its values.
    params += [("filter_content_store_document_type", t) for t in STATISTICS_TYPES]
    params += [("fields", FIELDS), ("order", "-public_timestamp"), ("count", PAGE_SIZE), ("start", start)]
    return urljoin(site_url, "api/search.json?" + urlencode(params))


def html_text(fragment: str | None) -> str:
    if not fragment or not fragment.strip():
        return ""
    return block_text(lxml.html.fragment_fromstring(fragment, create_parent="div"))


class GovukSpider(SourceSpider):
    name = "govuk"
    kind = "stats"

    def domains(self) -> tuple[str, ...]:
        domains = self.source.domains
        host = urlsplit(self.source.url).hostname or ""
        if not self.source.allowed_domains and host.endswith("gov.uk"):
            domains += (ASSETS_HOST,)  # where gov.uk serves every attachment
        return domains

    async def start(self) -> AsyncIterator[Any]:
        url = search_url(self.source.url, self.source.query, self.source.organisation)
        request = self.request(url, self.parse_search, cache=True, start=True, cb_kwargs={"start": 0})
        if request is not None:
            yield request

    def parse_search(self, response: Response, start: int = 0) -> Iterator[Any]:
        try:
            data = json.loads(response.text)
            results = data["results"]
            total = int(data.get("total", 0))
        except (ValueError, KeyError, TypeError) as exc:
            self.run.error(response.url, f"not a gov.uk search API answer: {exc}", fatal=start == 0)
            return
        for result in results:
            link = result.get("link") or ""
            if not link.startswith("/"):
                continue  # external links in search results are not gov.uk content items
            self.run.list_items([link])
            request = self.request(
                urljoin(self.source.url, "api/content" + link), self.parse_content, cache=True,
                cb_kwargs={"page_url": urljoin(self.source.url, link.lstrip("/")),
                           "listed": normalise_date(result.get("public_timestamp"))})
            if request is not None:
                yield request
        following = start + len(results)
        if results and following < total:
            url = search_url(self.source.url, self.source.query, self.source.organisation, following)
            request = self.request(url, self.parse_search, cache=True, cb_kwargs={"start": following})
            if request is not None:
                yield request

    def parse_content(self, response: Response, page_url: str, listed: str | None = None) -> Iterator[Any]:
        try:
            item = json.loads(response.text)
        except ValueError as exc:
            self.run.error(response.url, f"not a gov.uk content API answer: {exc}")
            return
        details = item.get("details") or {}
        attachments = [a for a in details.get("attachments") or []
                       if a.get("url") and a.get("attachment_type", "file") == "file"]
        published = (normalise_date(item.get("first_published_at"))
                     or normalise_date(details.get("first_public_at")) or listed)
        parts = [item.get("title"), item.get("description"), html_text(details.get("body"))]
        parts += [html_text(doc) for doc in details.get("documents") or [] if isinstance(doc, str)]
        if attachments:
            parts.append("Attachments:\n" + "\n".join(
                f"- {a.get('title') or a.get('filename')} ({a.get('filename') or a['url']})" for a in attachments))
        text = "\n\n".join(p.strip() for p in parts if p and p.strip())
        yield DocumentItem(
            url=self.canonical(page_url), source=self.source.name, kind=self.kind, text=text,
            title=clean(item.get("title")), published=published, content_type="application/json")
        readable = {urljoin(response.url, a["url"]): clean(a.get("title")) or a.get("filename")
                    for a in attachments
                    if attachment_kind(a.get("content_type"), a.get("filename") or a["url"])}
        yield from self.attachment_requests(readable, parent_url=self.canonical(page_url),
                                            published=published, titles=readable)
