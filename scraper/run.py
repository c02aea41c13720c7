"""One crawl of one source, in this process: the child-process entry point.

    python -m scraper.run --config policewatch.toml SOURCE [--dry-run OUT.jsonl] [--limit N]

Records the run in the archive (unless --dry-run) and prints a one-line JSON
summary as the last line on stdout. Scrapy's log goes to stderr.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from scrapy.crawler import CrawlerProcess

from archive import open_archive
from archive.runs import finish_run, start_run
from policewatch.config import Config, ConfigError, Source, load_config
from scraper.report import CrawlRun, CrawlSummary
from scraper.settings import crawl_settings
from scraper.spiders import SPIDERS


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scraper.run", description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="policewatch.toml")
    parser.add_argument("source", help="name of the [[sources]] entry to crawl")
    parser.add_argument("--dry-run", type=Path, metavar="OUT.jsonl",
                        help="store nothing; write each document as JSON Lines to OUT.jsonl")
    parser.add_argument("--limit", type=int, help="stop after this many documents")
    parser.add_argument("--time-limit", type=float, help="stop gracefully after this many seconds")
    parser.add_argument("--run-id", type=int, help="crawl_runs row already started by the parent")
    parser.add_argument("--log-level", default="WARNING", help="Scrapy log level (default: WARNING)")
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
        source = config.source(args.source)
    except ConfigError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    summary = run_crawl(config, source, run_id=args.run_id, dry_run=args.dry_run, limit=args.limit,
                        time_limit=args.time_limit, log_level=args.log_level.upper())
    print(summary.to_json(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
