"""An Alaveteli site (WhatDoTheyKnow) and a search query -> FOI requests, responses, attachments.

The Atom search feed (`/feed/search/<query>`) lists events; each entry links to
`/request_event/<id>`, which redirects to the request page (`/request/<url_title>`,
anchored at `#incoming-<id>`). The request page holds the correspondence: outgoing
messages (`#outgoing-<id>`) and authority responses (`#incoming-<id>`), with
attachments at `/request/<url_title>/response/<id>/attach/<part>/<file name>`.

Stored: the request (its outgoing messages), each response as its own document
(`<request url>#incoming-<id>`), and each readable attachment; all kind `foi`,
with the request page as parent.
"""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import quote, urljoin

import feedparser
import lxml.html
from scrapy.http import Response

from scraper.article import block_text, clean, decode_html
from scraper.dates import normalise_date
from scraper.items import DocumentItem, SeenItem
from scraper.spiders.base import SourceSpider
from scraper.spiders.feed import entry_link, feed_error

REDIRECTS = [301, 302, 303, 307, 308]
_ATTACHMENT = re.compile(r"/response/(\d+)/attach/(\d+)/")
_HTML_ATTACHMENT = re.compile(r"/attach/html/")


def search_feed_url(site_url: str, query: str) -> str:
    return urljoin(site_url, "feed/search/" + quote(query, safe=""))


class AlaveteliSpider(SourceSpider):
    name = "alaveteli"
    kind = "foi"
    # Alaveteli adds it to every attachment link for its cache; it names no different file.
    drop_params = frozenset({"cookie_passthrough"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # request page URL -> event URLs that led to it, remembered once the page is read
        self.events_for: dict[str, list[str]] = {}
        self.requests_read: set[str] = set()

    async def start(self) -> AsyncIterator[Any]:
        url = search_feed_url(self.source.url, self.source.query or "")
        # Alaveteli's robots.txt disallows */feed/ to keep crawlers off its feeds and says,
        # in its comments, that feed readers rightly ignore that rule. This one request per
        # crawl is feed-reader traffic; request pages and attachments still obey robots.txt.
        request = self.request(url, self.parse_feed, cache=True, start=True,
                               meta={"dont_obey_robotstxt": True})
        if request is not None:
            yield request

    def parse_feed(self, response: Response) -> Iterator[Any]:
        parsed = feedparser.parse(response.body)
        links = [urljoin(response.url, link) for entry in parsed.entries if (link := entry_link(entry))]
        problem = feed_error(parsed)
        if problem:
            self.run.error(response.url, problem, fatal=not links)
        self.run.list_items(links)
        for url in self.not_archived(links):
            # Read the redirect ourselves: several events lead to one request page, which
            # should be fetched once, and each event must be remembered as seen.
            request = self.request(url, self.parse_event, meta={
                "dont_redirect": True, "handle_httpstatus_list": REDIRECTS})
            if request is not None:
                yield request

    def parse_event(self, response: Response) -> Iterator[Any]:
        event_url = self.canonical(response.url)
        if response.status in REDIRECTS:
            location = response.headers.get("Location", b"").decode("latin-1")
            if not location:
                self.run.error(event_url, f"HTTP {response.status} without a Location header")
                return
            page_url = self.canonical(urljoin(response.url, location))
        else:
            page_url = event_url  # an entry that links straight to the request page
        if page_url in self.requests_read:
            yield SeenItem(event_url, self.source.name, "alaveteli event")
            return
        waiting = self.events_for.setdefault(page_url, [])
        if event_url != page_url:
            waiting.append(event_url)
        if response.status not in REDIRECTS:
            yield from self.parse_request(response)
        elif len(waiting) == 1:
            request = self.request(page_url, self.parse_request)
            if request is not None:
                yield request

    def parse_request(self, response: Response) -> Iterator[Any]:
        page_url = self.canonical(response.url)
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        tree = lxml.html.fromstring(decode_html(response.body, content_type))
        title = clean(" ".join(h.text_content() for h in tree.cssselect("#request_header h1, h1")[:1]))
        summary = [block_text(n) for n in tree.cssselect("#request_header .subtitle, #request_status")]
        outgoing = tree.cssselect('[id^="outgoing-"]')
        sent = [self.message(n) for n in outgoing]
        request_text = "\n\n".join(filter(None, [title, *summary, *(text for _, _, text in sent)]))
        yield DocumentItem(
            url=page_url, source=self.source.name, kind=self.kind, text=request_text, title=title,
            published=sent[0][1] if sent else None, content_type="text/html",
            requested_url=self.requested_url(response))
        for node in tree.cssselect('[id^="incoming-"]'):
            author, published, text = self.message(node)
            if not text:
                continue
            yield DocumentItem(
                url=f"{page_url}#{node.get('id')}", source=self.source.name, kind=self.kind,
                text=text, title=f"{title}: response from {author or 'the authority'}",
                published=published, content_type="text/html", parent_url=page_url)
            links = [urljoin(response.url, a.get("href")) for a in node.iter("a")
                     if a.get("href") and _ATTACHMENT.search(a.get("href"))
                     and not _HTML_ATTACHMENT.search(a.get("href"))]
            yield from self.attachment_requests(links, parent_url=page_url, published=published)
        self.requests_read.add(page_url)
        for event_url in self.events_for.pop(page_url, []):
            yield SeenItem(event_url, self.source.name, "alaveteli event")

    @staticmethod
    def message(node: Any) -> tuple[str | None, str | None, str]:
        """(author, date, text) of one correspondence block."""
        author = clean(" ".join(n.text_content() for n in node.cssselect(
            ".correspondence__header__author, .from")[:1]))
        dates = [t.get("datetime") for t in node.iter("time") if t.get("datetime")]
        bodies = node.cssselect(".correspondence_text")
        text = "\n".join(block_text(b) for b in bodies) if bodies else block_text(node)
        return author, normalise_date(dates[0]) if dates else None, text.strip()
