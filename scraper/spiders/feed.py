"""RSS 2.0 / Atom feed -> each entry's article page -> main text, title and date."""
from __future__ import annotations

import xml.sax
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin

import feedparser
from scrapy.http import Response

from scraper.article import ArticleError, decode_html, parse_article
from scraper.dates import from_struct
from scraper.items import DocumentItem
from scraper.spiders.base import SourceSpider


def entry_link(entry: Any) -> str | None:
    """The entry's article URL: <link>, else the first rel=alternate link, else a permalink guid."""
    if entry.get("link"):
        return entry["link"]
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    guid = entry.get("id") or ""
    return guid if entry.get("guidislink") and guid.startswith("http") else None


def feed_error(parsed: Any) -> str | None:
    """Why the feed is broken, or None. Encoding mix-ups are not errors: feedparser copes."""
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(exc, xml.sax.SAXException):
        return f"malformed feed: {exc}"
    if not parsed.get("version") and not parsed.entries:
        return "not an RSS or Atom feed"
    return None


class FeedSpider(SourceSpider):
    name = "feed"
    kind = "news"

    async def start(self) -> AsyncIterator[Any]:
        request = self.request(self.source.url, self.parse_feed, cache=True, start=True)
        if request is not None:
            yield request

    def parse_feed(self, response: Response) -> Iterator[Any]:
        headers = {"content-type": response.headers.get("Content-Type", b"").decode("latin-1"),
                   "content-location": response.url}
        parsed = feedparser.parse(response.body, response_headers=headers)
        entries = [(urljoin(response.url, link), entry)
                   for entry in parsed.entries if (link := entry_link(entry))]
        problem = feed_error(parsed)
        if problem:
            self.run.error(response.url, problem, fatal=not entries)
        for entry in parsed.entries:
            if not entry_link(entry):
                self.run.error(response.url, f"feed entry without a link: {entry.get('title', '(untitled)')!r}")
        self.run.list_items(url for url, _ in entries)
        fresh = set(self.not_archived(url for url, _ in entries))
        for url, entry in entries:
            url = self.canonical(url)
            if url not in fresh:
                continue
            request = self.request(url, self.parse_article, cb_kwargs={
                "feed_title": entry.get("title"),
                "feed_published": from_struct(entry.get("published_parsed") or entry.get("updated_parsed")),
            })
            if request is not None:
                yield request
        # RFC 5005 paged feeds: follow rel="next" while the page budget lasts.
        for link in parsed.feed.get("links", []):
            if link.get("rel") == "next" and link.get("href"):
                request = self.request(urljoin(response.url, link["href"]), self.parse_feed, cache=True)
                if request is not None:
                    yield request

    def parse_article(self, response: Response, feed_title: str | None = None,
                      feed_published: str | None = None) -> Iterator[Any]:
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        if self.is_file(response):
            # Some feeds link straight to a PDF or spreadsheet.
            yield from self.parse_attachment(response, published=feed_published, title=feed_title)
            return
        html = decode_html(response.body, content_type)
        try:
            article = parse_article(html, feed_title=feed_title, feed_published=feed_published)
        except ArticleError as exc:
            self.run.error(self.canonical(response.url), str(exc))
            return
        yield DocumentItem(
            url=self.canonical(response.url), source=self.source.name, kind=self.kind,
            text=article.text, title=article.title, published=article.published,
            content_type=content_type or None, requested_url=self.requested_url(response),
        )
