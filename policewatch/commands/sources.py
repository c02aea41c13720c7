"""`policewatch sources ...`: list (and later check and watch) the configured sources."""
from __future__ import annotations

from datetime import datetime, timezone

import click

import archive
from archive.health import get_health, source_summary
from policewatch.context import Context, pass_context
from policewatch.schedules import next_run


@click.group()
def sources() -> None:
    """List, check and watch the configured sources."""


@sources.command(name="list")
@pass_context
def list_sources(obj: Context) -> None:
    """Show every configured source with its type, schedule and URL.

    \b
    Example:
        policewatch sources list
    """
    config = obj.config
    if not config.sources:
        click.echo(f"No sources in {config.path}. Add a [[sources]] table (see README, 'Adding a source').")
        return
    _table(("NAME", "TYPE", "SCHEDULE", "STATE", "URL"),
           [(s.name, s.type, s.cron or s.every or f"{config.crawl.every} (default)",
             "active" if s.enabled else "paused", s.url) for s in config.sources])


def _table(headers: tuple[str, ...], rows: list[tuple]) -> None:
    widths = [max(len(str(v)) for v in column) for column in zip(headers, *rows)]
    for row in (headers, *rows):
        click.echo("  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip())


def _when(iso: str | None, now: datetime) -> str:
    if not iso:
        return "-"
    moment = datetime.fromisoformat(iso)
    return "due now" if moment <= now else moment.strftime("%Y-%m-%d %H:%M")


@sources.command()
@pass_context
def status(obj: Context) -> None:
    """One row per source: last run, result, counts, failures in a row, next run.

    \b
    Example:
        policewatch sources status
    """
    config = obj.config
    db = archive.open_archive(config.archive.path)
    now = datetime.now(timezone.utc)
    rows = []
    for source in config.sources:
        summary = source_summary(db, source.name)
        last = summary["last_run"] or {}
        health = get_health(db, source.name)
        coming = next_run(config, source, last.get("started"), now)
        result = last.get("status", "never run")
        if health and health["state"] == "broken":
            result += " (BROKEN)"
        rows.append((source.name, (last.get("started") or "-")[:16].replace("T", " "), result,
                     last.get("pages", "-"), last.get("new_documents", "-"), last.get("new_figures", "-"),
                     last.get("errors", "-"), summary["consecutive_failures"],
                     _when(coming.isoformat() if coming else None, now) if source.enabled else "paused"))
    _table(("SOURCE", "LAST RUN (UTC)", "RESULT", "PAGES", "NEW DOCS", "NEW FIGURES", "ERRORS",
            "FAILS IN A ROW", "NEXT RUN"), rows)
    for source in config.sources:
        summary = source_summary(db, source.name)
        if summary["last_run"] and summary["last_run"]["status"] != "ok" and summary["last_error"]:
            click.echo(f"{source.name}: last error: {summary['last_error']}")


COMMANDS = [sources]
