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
    for source in config.sources:  # what an admin should read next, one line each
        summary = source_summary(db, source.name)
        last, health = summary["last_run"], get_health(db, source.name)
        if health and health["state"] == "broken":
            click.echo(f"{source.name}: BROKEN since {health['since'][:16].replace('T', ' ')}: {health['reason']}")
        if last and last["status"] != "ok" and summary["last_error"]:
            click.echo(f"{source.name}: last error: {summary['last_error']}")
        elif last and last["message"] and health and health["state"] == "broken":
            click.echo(f"{source.name}: last run: {last['message']}")


@sources.command()
@click.argument("name")
@click.option("--limit", default=10, show_default=True, help="Stop after this many documents.")
@click.option("--timeout", default=300.0, show_default=True, help="Seconds the trial crawl may take.")
@pass_context
def check(obj: Context, name: str, limit: int, timeout: float) -> None:
    """Crawl one source now, store nothing, and show what would be archived.

    Prints each document (title, date, URL, text length) with the figures found in
    it, then what looks wrong: robots.txt, no items, a selector that matched nothing,
    missing dates, every page the same.

    \b
    Example:
        policewatch sources check kent-disclosure-log --limit 5
    """
    from policewatch.config import ConfigError
    from policewatch.source_check import check_source

    try:
        report = check_source(obj.config, name, limit, timeout)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    summary = report.summary
    click.echo(f"{name} ({report.source.type}, {report.source.url}): {summary.status}, "
               f"{summary.pages} pages, {len(report.items)} documents would be archived")
    for index, item in enumerate(report.items, 1):
        kept = "" if item.get("kept", True) else "  [dropped by include/exclude]"
        click.echo(f"\n{index}. {item.get('title') or '(no title)'}{kept}")
        click.echo(f"   {item.get('published') or 'no date'} · {item.get('kind')} · "
                   f"{len(item.get('text') or '')} characters · {item['url']}")
        for figure in (report.figures[index - 1] if report.figures else []):
            click.echo(f"   figure: {figure.force or '(national)'} · {figure.disposal} · "
                       f"{figure.offence or '(offence not stated)'} · {figure.count} · {figure.period or '-'}")
    click.echo("")
    if report.problems:
        click.echo("What looks wrong:")
        for problem in report.problems:
            click.echo(f"  - {problem}")
    else:
        click.echo("Nothing looks wrong.")


COMMANDS = [sources]
