"""The crawl child process: `python -m policewatch.crawl_child --config PATH SOURCE`.

    python -m policewatch.crawl_child --config policewatch.toml SOURCE [--dry-run OUT.jsonl] [--limit N]

Runs one crawl (scraper.run.run_crawl) and prints its one-line JSON summary as the last
line on stdout; Scrapy's log goes to stderr. policewatch.crawling starts it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policewatch.config import ConfigError, load_config
from scraper.run import run_crawl


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policewatch.crawl_child", description=__doc__.splitlines()[0])
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
