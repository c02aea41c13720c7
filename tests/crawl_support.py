"""Helpers for the crawl tests: a config pointing at the fixture site, and `policewatch crawl`."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

from click.testing import CliRunner

from archive import open_archive
from policewatch.cli import cli

# Fast and strict: no politeness delay, short timeouts, no retries, a small body cap.
CRAWL = """
[crawl]
contact = "mailto:crawl-tests@example.org"
download_delay = 0
timeout = 3
retries = 0
max_body_bytes = 2000000
autothrottle = false
"""


def write_config(folder: Path, sources: str, crawl: str = CRAWL) -> Path:
    """A policewatch.toml in `folder` with an archive beside it and the given [[sources]]."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "policewatch.toml"
    path.write_text(f'[archive]\npath = "archive.db"\n{crawl}\n{textwrap.dedent(sources)}', encoding="utf-8")
    return path


def crawl(config: Path, *names: str) -> tuple[int, dict[str, dict]]:
    """Run `policewatch crawl --json NAME...`; returns the exit code and the summaries by source."""
    result = CliRunner().invoke(cli, ["-c", str(config), "crawl", "--json", "--timeout", "60", *names])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    summaries = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    return result.exit_code, {s["source"]: s for s in summaries}


def archive(config: Path):
    return open_archive(config.parent / "archive.db")


def documents(config: Path, source: str | None = None) -> list[dict]:
    db = archive(config)
    where, params = ("where source = ?", [source]) if source else ("", [])
    return [dict(r) for r in db.query(f"select * from documents {where} order by id", params)]


def errors(config: Path, source: str) -> list[dict]:
    return [dict(r) for r in archive(config).query(
        "select * from crawl_errors where source = ? order by id", [source])]


def paths(site, prefix: str = "") -> list[str]:
    """Paths (with query) the site was asked for, e.g. ['/news/gazette/rss.xml', ...]."""
    return [line.split(" ", 1)[1] for line in site.requests if line.split(" ", 1)[1].startswith(prefix)]
