"""Crawls in child processes: Twisted's reactor runs once per process, and a crash in
one crawl must not take the caller (the CLI, the daemon) down with it.

The parent starts the crawl run in the archive and hands its id to the child; if the
child dies or times out without finishing the run, the parent marks it failed.
"""
from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO

from archive import open_archive
from archive.runs import finish_run, get_run, record_error, start_run
from policewatch.config import Config, load_config
from scraper.report import CrawlSummary

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 3600.0
# The child is asked to wind down this long before the parent's deadline, and is given
# this long to react to each signal after it.
GRACE = 5.0
_TAIL_LINES = 20


def crawl_in_child(config_path: str | Path, source_name: str, *, timeout: float = DEFAULT_TIMEOUT,
                   dry_run: str | Path | None = None, limit: int | None = None,
                   log_level: str = "WARNING", echo_log: bool = False) -> CrawlSummary:
    """Crawl one source in `python -m policewatch.crawl_child`; always returns a summary, even after a crash."""
    config = load_config(config_path)
    config.source(source_name)  # fail here, in the caller, on an unknown name
    db = None if dry_run else open_archive(config.archive.path)
    run_id = start_run(db, source_name) if db is not None else None
    command = [sys.executable, "-m", "policewatch.crawl_child", "--config", str(Path(config_path).resolve()),
               source_name, "--log-level", log_level, "--time-limit", str(max(timeout - GRACE, timeout / 2))]
    if run_id is not None:
        command += ["--run-id", str(run_id)]
    if dry_run:
        command += ["--dry-run", str(Path(dry_run).resolve())]
    if limit:
        command += ["--limit", str(limit)]
    started = time.monotonic()
    stdout, stderr_tail, code, timed_out = _run(command, timeout, echo_log)
    duration = time.monotonic() - started
    summary = _parse_summary(stdout)
    if summary is not None and code == 0 and not timed_out:
        return summary
    if timed_out:
        problem = f"crawl timed out after {timeout:g} s"
    else:
        problem = f"crawl process exited with code {code}"
        if stderr_tail:
            problem += ": " + stderr_tail[-1].strip()
    logger.error("%s: %s", source_name, problem)
    if db is not None and run_id is not None:
        record_error(db, run_id, source_name, None, problem)
        if get_run(db, run_id)["status"] == "running":
            finish_run(db, run_id, status="failed", pages=0, new_documents=0, message=problem)
    if summary is not None:  # timed out after the child had reported
        summary.errors += 1
        summary.message = "; ".join(filter(None, [summary.message, problem]))
        return summary
    return CrawlSummary(source=source_name, status="failed", errors=1, duration=round(duration, 2),
                        run_id=run_id, message=problem, error_list=[(None, problem)])


def crawl_sources(config: Config, names: Sequence[str] = (), *, timeout: float = DEFAULT_TIMEOUT,
                  log_level: str = "WARNING", echo_log: bool = False) -> list[CrawlSummary]:
    """Crawl the named sources, or every enabled one, one after another."""
    sources = [config.source(n) for n in names] if names else [s for s in config.sources if s.enabled]
    return [crawl_in_child(config.path, s.name, timeout=timeout, log_level=log_level, echo_log=echo_log)
            for s in sources]


def all_failed(summaries: Iterable[CrawlSummary]) -> bool:
    summaries = list(summaries)
    return bool(summaries) and all(s.status == "failed" for s in summaries)


def _run(command: list[str], timeout: float, echo_log: bool) -> tuple[list[str], list[str], int | None, bool]:
    """Run the child; returns (stdout lines, last stderr lines, exit code, timed out)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, text=True, encoding="utf-8", errors="replace")
    assert process.stdout is not None and process.stderr is not None
    out: list[str] = []
    tail: deque[str] = deque(maxlen=_TAIL_LINES)
    readers = [threading.Thread(target=_drain, args=(process.stdout, out.append), daemon=True),
               threading.Thread(target=_drain, args=(process.stderr, _stderr_sink(tail, echo_log)), daemon=True)]
    for reader in readers:
        reader.start()
    timed_out = False
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        _stop(process)
    for reader in readers:
        reader.join(timeout=5)
    return out, list(tail), process.returncode, timed_out


def _stop(process: subprocess.Popen[str]) -> None:
    """SIGTERM asks Scrapy to close (it waits for requests in flight), a second one makes
    it stop at once and still report; SIGKILL is the last resort."""
    for _ in range(2):
        process.terminate()
        try:
            process.wait(timeout=GRACE)
            return
        except subprocess.TimeoutExpired:
            continue
    process.kill()
    process.wait()


def _drain(stream: IO[str], sink: Callable[[str], None]) -> None:
    for line in stream:
        sink(line)


def _stderr_sink(tail: deque[str], echo: bool) -> Callable[[str], None]:
    """Keep the last lines for a crash report; pass them through live when asked."""
    def sink(line: str) -> None:
        tail.append(line)
        if echo:
            sys.stderr.write(line)
    return sink


def _parse_summary(lines: list[str]) -> CrawlSummary | None:
    for line in reversed(lines):
        if line.strip():
            try:
                return CrawlSummary.from_json(line)
            except (ValueError, TypeError, KeyError):
                return None
    return None
