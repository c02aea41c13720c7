"""Turning crawl failures into one-line messages for the run's error log.

Errbacks see download failures (HTTP status, timeouts, oversized bodies, redirect
loops); `RecordErrors` sees exceptions raised inside spider callbacks, the one place
where a broken page is caught broadly, recorded with its URL and skipped.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.defer import CancelledError
from twisted.internet.error import ConnectError, DNSLookupError, TimeoutError as TwistedTimeout
from twisted.python.failure import Failure

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    url: str | None
    message: str
    is_error: bool  # False for requests we chose not to make (robots.txt, other domains)


def original_url(request: Any) -> str | None:
    """The URL first asked for, before any redirect."""
    if request is None:
        return None
    redirects = request.meta.get("redirect_urls") or []
    return redirects[0] if redirects else request.url


def describe_failure(failure: Failure, max_body_bytes: int, timeout: float) -> Problem:
    request = getattr(failure, "request", None)
    url = original_url(request)
    exc = failure.value
    if isinstance(exc, HttpError):
        response: Response = exc.response
        return Problem(url, f"HTTP {response.status}", True)
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if "robots.txt" in text:
            return Problem(url, "forbidden by robots.txt", False)
        if "offsite" in text:
            domain = text.rsplit(" ", 1)[-1].strip("'\"")
            return Problem(url, f"outside the source's domains ({domain}; see allowed_domains)", False)
        if "redirections" in text:
            return Problem(url, "redirect loop: more redirects than allowed", True)
        return Problem(url, f"request dropped: {text}", True)
    if isinstance(exc, (DownloadTimeoutError, TwistedTimeout)):
        return Problem(url, f"timed out after {timeout:g} s", True)
    if isinstance(exc, (DownloadCancelledError, CancelledError)):
        return Problem(url, f"response larger than the {max_body_bytes}-byte limit (max_body_bytes); "
                            f"download cancelled", True)
    if isinstance(exc, (DownloadConnectionRefusedError, ConnectError, CannotResolveHostError, DNSLookupError)):
        return Problem(url, f"cannot connect: {exc}", True)
    if isinstance(exc, ResponseDataLossError):
        return Problem(url, "connection closed before the whole response arrived", True)
    return Problem(url, f"{type(exc).__name__}: {exc}", True)


class RecordErrors:
    """Spider middleware: an exception in a callback becomes a recorded error for that URL."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> RecordErrors:
        return cls(crawler)

    def process_spider_exception(self, response: Response, exception: Exception) -> list[Any] | None:
        if isinstance(exception, HttpError):
            return None  # HttpErrorMiddleware's business
        spider = self.crawler.spider
        logger.error("error processing %s", response.url, exc_info=exception)
        url = original_url(response.request) or response.url
        spider.run.error(url, f"{type(exception).__name__}: {exception}", fatal=spider.is_start(url))
        return []
