"""What every PoliceWatch spider shares: its source, the run it reports to, polite requests.

Every request goes through `request()`, which canonicalises the URL, skips what this
crawl already asked for, spends the source's `max_pages` budget, and attaches the
errback that records failures. Attachments are fetched and read here too, since
three kinds of source have them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any, TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Response
from twisted.python.failure import Failure

from scraper.attachments import AttachmentError, attachment_kind, attachment_text
from scraper.errors import describe_failure
from scraper.items import DocumentItem
from scraper.report import CrawlRun
from scraper.urls import canonical_url

if TYPE_CHECKING:  # the config is the CLI's; this package only reads the objects it is given
    from policewatch.config import Source

ATTACHMENT_SUFFIXES = (".pdf", ".xlsx", ".csv", ".ods", ".txt")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_attachment_url(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(ATTACHMENT_SUFFIXES)


def filename_of(url: str) -> str:
    return PurePosixPath(unquote(urlsplit(url).path)).name


class SourceSpider(scrapy.Spider):
    """Base class: subclasses set `name`, `kind` and implement `start_requests_for_source`."""

    kind = "news"
    # Site-specific query parameters that do not change the page (see scraper.urls).
    drop_params: frozenset[str] = frozenset()
    dry_run_path: str | None = None  # set by scraper.run for --dry-run

    def __init__(self, source: Source, run: CrawlRun, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.run = run
        self.allowed_domains = [d.lower() for d in self.domains()]
        self.budget = source.max_pages
        self.requested: set[str] = set()
        self.start_urls_seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SourceSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.response_received, signal=signals.response_received)
        crawler.signals.connect(spider.item_error, signal=signals.item_error)
        return spider

    def closed(self, reason: str) -> None:
        if reason not in ("finished", "closespider_itemcount"):
            self.run.note(f"crawl stopped early: {reason}")

    def domains(self) -> tuple[str, ...]:
        return self.source.domains

    # -- bookkeeping ------------------------------------------------------------
    def canonical(self, url: str) -> str:
        return canonical_url(url, self.drop_params)

    def is_start(self, url: str | None) -> bool:
        return url is not None and self.canonical(url) in self.start_urls_seen

    def response_received(self, response: Response, request: scrapy.Request, spider: Any = None) -> None:
        # robots.txt is Scrapy's own request, not a page of the source.
        if 200 <= response.status < 300 and urlsplit(response.url).path != "/robots.txt":
            self.run.page_fetched()
            if "cached" in response.flags:
                # Served from the HTTP cache: the server said 304 Not Modified (or it was fresh).
                self.run.not_modified += 1

    def item_error(self, item: Any, response: Response | None, failure: Failure, spider: Any = None) -> None:
        """A pipeline bug or archive failure: recorded against the document's URL."""
        url = getattr(item, "url", None) or (response.url if response is not None else None)
        self.run.error(url, f"cannot store document: {failure.getErrorMessage()}")

    def not_archived(self, urls: Iterable[str]) -> list[str]:
        """Canonical forms of `urls` that neither the archive nor this crawl has seen, in order."""
        wanted = [u for u in dict.fromkeys(self.canonical(u) for u in urls) if u not in self.requested]
        known = self.run.archived(wanted)
        return [u for u in wanted if u not in known]

    # -- requests -----------------------------------------------------------------
    def request(self, url: str, callback: Callable[..., Any], *, cache: bool = False,
                start: bool = False, cb_kwargs: dict[str, Any] | None = None,
                meta: dict[str, Any] | None = None) -> scrapy.Request | None:
        """A request for `url`, or None if already requested in this crawl or over max_pages.

        `cache=True` is for feeds, listings and API pages: the HTTP cache revalidates them
        with ETag / Last-Modified. Articles and attachments are archived instead.
        """
        url = self.canonical(url)
        if url in self.requested:
            return None
        host = urlsplit(url).hostname or ""
        if not any(host == d or host.endswith(f".{d}") for d in self.allowed_domains):
            # Scrapy would drop it silently; counted, so a missing allowed_domains shows.
            self.run.skip(f"outside the source's domains ({host}; see allowed_domains)")
            return None
        if self.budget <= 0:
            self.run.note(f"stopped at max_pages={self.source.max_pages}")
            return None
        self.budget -= 1
        self.requested.add(url)
        if start:
            self.start_urls_seen.add(url)
        return scrapy.Request(
            url, callback=callback, errback=self.failed, cb_kwargs=cb_kwargs or {},
            meta={**(meta or {}), "dont_cache": not cache},
        )

    def failed(self, failure: Failure) -> None:
        settings = self.crawler.settings
        problem = describe_failure(failure, settings.getint("DOWNLOAD_MAXSIZE"),
                                   settings.getfloat("DOWNLOAD_TIMEOUT"))
        if problem.is_error or self.is_start(problem.url):
            self.run.error(problem.url, problem.message, fatal=self.is_start(problem.url))
        else:
            self.logger.info("%s: %s", problem.message, problem.url)
            self.run.skip(problem.message)

    # -- attachments ----------------------------------------------------------------
    @staticmethod
    def is_file(response: Response) -> bool:
        """A PDF, spreadsheet or text file where a web page was expected (by type, name or bytes)."""
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        media = content_type.split(";")[0].strip().lower()
        return media not in HTML_TYPES and attachment_kind(
            media, filename_of(response.url), response.body[:8]) is not None

    def attachment_requests(self, urls: Iterable[str], *, parent_url: str | None,
                            published: str | None = None,
                            titles: dict[str, str] | None = None) -> Iterator[scrapy.Request]:
        """Requests for the attachments not yet archived."""
        titles = {self.canonical(k): v for k, v in (titles or {}).items()}
        for url in self.not_archived(urls):
            request = self.request(url, self.parse_attachment, cb_kwargs={
                "parent_url": parent_url, "published": published, "title": titles.get(url)})
            if request is not None:
                yield request

    def parse_attachment(self, response: Response, parent_url: str | None = None,
                         published: str | None = None, title: str | None = None) -> Iterator[DocumentItem]:
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
        url = self.canonical(response.url)
        try:
            text = attachment_text(response.body, content_type, filename_of(url))
        except AttachmentError as exc:
            self.run.error(url, f"cannot read attachment: {exc}")
            return
        yield DocumentItem(
            url=url, source=self.source.name, kind=self.kind, text=text,
            title=title or filename_of(url), published=published,
            content_type=content_type, parent_url=parent_url,
            requested_url=self.requested_url(response),
        )

    def requested_url(self, response: Response) -> str | None:
        """The canonical URL first requested, if a redirect led somewhere else."""
        redirects = response.meta.get("redirect_urls") or []
        if not redirects:
            return None
        first = self.canonical(redirects[0])
        return first if first != self.canonical(response.url) else None
