"""One full cycle: crawl, extract, find the news, queue and send alerts and digests.

Used by `policewatch run --once`, by the daemon's jobs, and by `policewatch demo`.
Extraction and the alert stage are each serialised by a process-wide lock: the daemon runs jobs in threads,
and two at once would only race for the same rows (transactions and the outbox claims
keep that safe, the locks keep it quiet and cheap).
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import archive
from alerts.delivery import SweepReport, sweep
from alerts.news import Detected, detect_and_queue
from policewatch.config import Config
from policewatch.crawling import crawl_in_child, crawl_sources
from scraper.report import CrawlSummary

log = logging.getLogger(__name__)
ALL_CADENCES = ("immediate", "daily", "weekly")
_ALERT_LOCK = threading.Lock()
_EXTRACT_LOCK = threading.Lock()


@dataclass
class CycleReport:
    crawled: list = field(default_factory=list)  # scraper CrawlSummary objects
    documents_extracted: int = 0
    detected: Detected = field(default_factory=Detected)
    mail: SweepReport = field(default_factory=SweepReport)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def crawl(config: Config, names: list[str] | None = None) -> list[CrawlSummary]:
    """Crawl these sources (all enabled ones when None), each in a child process."""
    return crawl_sources(config, names or ())


def crawl_one(config_path: Path, source_name: str) -> CrawlSummary:
    """Crawl a single source in a child process (the daemon's per-source job)."""
    return crawl_in_child(config_path, source_name)


def extract(config: Config) -> int:
    """Extract figures from every archived document not yet read; returns documents processed."""
    from policewatch.pipeline import extract_pending

    with _EXTRACT_LOCK:  # crawl jobs finishing together would otherwise read the same documents
        result = extract_pending(config)
    return int(getattr(result, "documents", result))


def alert(config: Config, cadences: tuple[str, ...] = ("immediate",), *,
          now: datetime | None = None) -> tuple[Detected, SweepReport]:
    """Find new and changed figures, queue them, and send what is due for these cadences."""
    with _ALERT_LOCK:
        public = archive.open_archive(config.archive.path)
        private = archive.open_private(config.archive.private_path)
        detected = detect_and_queue(public, private)
        report = sweep(config, cadences, now=now, private=private)
    return detected, report


def run_cycle(config: Config, *, names: list[str] | None = None, do_crawl: bool = True,
              cadences: tuple[str, ...] = ALL_CADENCES, now: datetime | None = None) -> CycleReport:
    """Crawl all, extract, then send due alerts and digests (all cadences count as due)."""
    started = time.monotonic()
    report = CycleReport()
    if do_crawl:
        try:
            report.crawled = crawl(config, names)
        except Exception as exc:  # one broken stage must not stop the alerts for what we have
            log.exception("crawl failed")
            report.problems.append(f"crawl failed: {exc}")
    try:
        report.documents_extracted = extract(config)
    except Exception as exc:
        log.exception("extraction failed")
        report.problems.append(f"extraction failed: {exc}")
    report.detected, report.mail = alert(config, cadences, now=now)
    report.seconds = time.monotonic() - started
    for problem in report.problems:
        log.warning(problem)
    return report
