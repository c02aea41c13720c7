"""What one crawl did: pages fetched, documents saved, errors met, and the verdict.

`CrawlRun` lives inside the crawl (spiders and pipeline report to it);
`CrawlSummary` is what comes out, printed as one JSON line by the child process.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from sqlite_utils import Database

from archive.crawling import seen_urls
from archive.documents import archived_urls
from archive.runs import record_error

logger = logging.getLogger(__name__)


@dataclass
class CrawlSummary:
    source: str
    status: str  # ok | partial | failed
    pages: int = 0
    not_modified: int = 0
    new_documents: int = 0
    updated_documents: int = 0
    unchanged: int = 0
    duplicates: int = 0
    filtered: int = 0
    errors: int = 0
    duration: float = 0.0
    run_id: int | None = None
    message: str | None = None
    error_list: list[tuple[str | None, str]] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> CrawlSummary:
        data = json.loads(line)
        known = set(cls.__dataclass_fields__)
        data = {k: v for k, v in data.items() if k in known}
        data["error_list"] = [tuple(e) for e in data.get("error_list", [])]
        return cls(**data)


class CrawlRun:
    """Counters and error log of one crawl; writes errors to the archive unless it is a dry run."""

    # Errors kept in memory for the summary; the archive keeps them all.
    KEEP_ERRORS = 50

    def __init__(self, source: str, db: Database | None = None, run_id: int | None = None) -> None:
        self.source = source
        self.db = db
        self.run_id = run_id
        self.pages = 0
        self.not_modified = 0
        self.listed: set[str] = set()  # item links the source listed this run, archived or not
        self.outcomes = {"new": 0, "updated": 0, "unchanged": 0, "duplicate": 0, "filtered": 0}
        self.error_count = 0
        self.errors: list[tuple[str | None, str]] = []
        self.start_failed = False
        self.notes: list[str] = []
        self.skipped: Counter[str] = Counter()

    @property
    def dry_run(self) -> bool:
        return self.db is None

    def error(self, url: str | None, message: str, *, fatal: bool = False) -> None:
        """Record an error; `fatal` means the start page itself failed, so the run failed."""
        logger.info("%s: %s (%s)", self.source, message, url)
        self.error_count += 1
        if len(self.errors) < self.KEEP_ERRORS:
            self.errors.append((url, message))
        self.start_failed = self.start_failed or fatal
        if self.db is not None and self.run_id is not None:
            record_error(self.db, self.run_id, self.source, url, message)

    def note(self, message: str) -> None:
        """Something worth a line in the run's message that is not an error (e.g. max_pages hit)."""
        if message not in self.notes:
            logger.info("%s: %s", self.source, message)
            self.notes.append(message)

    def skip(self, reason: str) -> None:
        """A link deliberately not followed (robots.txt, another domain); counted, not an error."""
        self.skipped[reason] += 1

    def page_fetched(self) -> None:
        self.pages += 1

    def list_items(self, urls: Iterable[str]) -> None:
        """Item links a feed, listing or search offered, whether or not they are fetched:
        a source that lists nothing usually lists something (its health depends on it)."""
        self.listed.update(urls)

    @property
    def items_seen(self) -> int:
        return len(self.listed)

    def counted(self, outcome: str) -> None:
        self.outcomes[outcome] += 1

    def archived(self, urls: Iterable[str]) -> set[str]:
        """URLs the archive holds, or that an earlier crawl dealt with; a dry run pretends none."""
        if self.db is None:
            return set()
        wanted = list(urls)
        return archived_urls(self.db, wanted) | seen_urls(self.db, wanted)

    @property
    def status(self) -> str:
        if self.start_failed or self.pages == 0:
            return "failed"
        return "partial" if self.error_count else "ok"

    def message(self) -> str | None:
        parts = list(self.notes)
        parts += [f"{count} not followed: {reason}" for reason, count in sorted(self.skipped.items())]
        if self.status == "failed" and self.errors:
            url, text = self.errors[0]
            parts.insert(0, f"{text} ({url})" if url else text)
        return "; ".join(parts) or None

    def summary(self, duration: float) -> CrawlSummary:
        return CrawlSummary(
            source=self.source, status=self.status, pages=self.pages, not_modified=self.not_modified,
            new_documents=self.outcomes["new"], updated_documents=self.outcomes["updated"],
            unchanged=self.outcomes["unchanged"], duplicates=self.outcomes["duplicate"],
            filtered=self.outcomes["filtered"], errors=self.error_count,
            duration=round(duration, 2), run_id=self.run_id, message=self.message(),
            error_list=list(self.errors),
        )
