"""A listing page (e.g. a force's FOI disclosure log) -> its items and their attachments.

CSS selectors from the source: `item_selector` picks item links, `next_selector`
the next listing page, `attachment_selector` the attachments on an item page
(default: links ending .pdf, .xlsx, .csv, .ods). Items and attachments are kind `foi`.
"""
from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin

from scrapy.http import Response

from scraper.article import ArticleError, decode_html, parse_article
from scraper.items import DocumentItem
from scraper.spiders.base import SourceSpider, is_attachment_url

DEFAULT_ATTACHMENTS = ", ".join(f'a[href$="{suffix}" i]' for suffix in (".pdf", ".xlsx", ".csv", ".ods"))


def links(response: Response, selector: str) -> list[str]:
    """Absolute URLs of the links the selector picks: <a> elements, or links inside what it picks."""
    hrefs = []
    for node in response.css(selector):
        own = node.attrib.get("href")
        hrefs += [own] if own else node.css("a::attr(href)").getall()
    return [urljoin(response.url, h.strip()) for h in hrefs if h and h.strip()
            and not h.strip().startswith(("mailto:", "javascript:", "#"))]


class PageSpider(SourceSpider):
    name = "page"
    kind = "foi"

    async def start(self) -> AsyncIterator[Any]:
        request = self.request(self.source.url, self.parse_listing, cache=True, start=True)
        if request is not None:
            yield request

    def parse_listing(self, response: Response) -> Iterator[Any]:
        found = links(response, self.source.item_selector or "a")
        if not found and self.is_start(response.url):
            self.run.note(f"item_selector {self.source.item_selector!r} matched no links on the first page")
        # Items before the next page, so max_pages spends its budget on what is listed first.
        pages = [u for u in found if not is_attachment_url(u)]
        files = [u for u in found if is_attachment_url(u)]
        self.run.list_items(found)
        for url in self.not_archived(pages):
            request = self.request(url, self.parse_item)
            if request is not None:
                yield request
        yield from self.attachment_requests(files, parent_url=None)
        if self.source.next_selector:
            for url in links(response, self.source.next_selector)[:1]:
                request = self.request(url, self.parse_listing, cache=True)
                if request is not None:
                    yield request

    def parse_item(self, response: Response) -> Iterator[Any]:
        if self.is_file(response):  # an item link that leads straight to a PDF or spreadsheet
            yield from self.parse_attachment(response)
            return
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        url = self.canonical(response.url)
        try:
            article = parse_article(decode_html(response.body, content_type))
        except ArticleError as exc:
            self.run.error(url, str(exc))
            return
        yield DocumentItem(
            url=url, source=self.source.name, kind=self.kind, text=article.text, title=article.title,
            published=article.published, content_type=content_type or None,
            requested_url=self.requested_url(response))
        selector = self.source.attachment_selector or DEFAULT_ATTACHMENTS
        yield from self.attachment_requests(links(response, selector), parent_url=url,
                                            published=article.published)
