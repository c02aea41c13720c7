"""One crawl of one source, in this process (see policewatch.crawl_child, which runs it
in a child process: Twisted's reactor starts once per process).

Records the run in the archive (unless it is a dry run) and returns its summary.
"""
from __future__ import annotations

import time
from pathlib import Path

from typing import TYPE_CHECKING

from scrapy.crawler import CrawlerProcess

from archive import open_archive
from archive.runs import finish_run, start_run
from scraper.report import CrawlRun, CrawlSummary
from scraper.settings import crawl_settings
from scraper.spiders import SPIDERS

if TYPE_CHECKING:  # the config is the CLI's; this package only reads the objects it is given
    from policewatch.config import Config, Source


def run_crawl(config: Config, source: Source, *, run_id: int | None = None,
              dry_run: Path | None = None, limit: int | None = None,
              time_limit: float | None = None, log_level: str = "WARNING") -> CrawlSummary:
    """Crawl `source` once (starts and stops Twisted's reactor: once per process)."""
    db = None
    if dry_run is None:
        db = open_archive(config.archive.path)
        # WAL already makes a commit safe against corruption; NORMAL skips an fsync per
        # document, which otherwise dominates the cost of a large crawl.
        db.execute("PRAGMA synchronous = NORMAL")
        if run_id is None:
            run_id = start_run(db, source.name)
    run = CrawlRun(source.name, db, run_id)
    started = time.monotonic()
    try:
        settings = crawl_settings(config, source, dry_run=dry_run is not None, limit=limit,
                                  time_limit=time_limit, log_level=log_level)
        process = CrawlerProcess(settings)
        process.crawl(SPIDERS[source.type], source=source, run=run,
                      dry_run_path=str(dry_run) if dry_run else None)
        process.start()
    except BaseException as exc:
        # Leave no run marked "running" behind, then let the error surface.
        if db is not None and run_id is not None:
            finish_run(db, run_id, status="failed", pages=run.pages, new_documents=run.outcomes["new"],
                       updated_documents=run.outcomes["updated"], items_seen=run.items_seen,
                       message=f"crawl crashed: {type(exc).__name__}: {exc}")
        raise
    summary = run.summary(time.monotonic() - started)
    if db is not None and run_id is not None:
        finish_run(db, run_id, status=summary.status, pages=summary.pages,
                   new_documents=summary.new_documents, updated_documents=summary.updated_documents,
                   items_seen=run.items_seen, message=summary.message)
    return summary
