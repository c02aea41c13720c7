"""`policewatch crawl`: run sources now, each in its own process, and print what happened."""
from __future__ import annotations

import logging

import click

from policewatch.context import Context, pass_context
from policewatch.crawling import DEFAULT_TIMEOUT, all_failed, crawl_sources
from scraper.report import CrawlSummary

_COLUMNS = ("source", "status", "pages", "new", "updated", "errors", "duration")
_SHOWN_ERRORS = 3


@click.command()
@click.argument("names", nargs=-1, metavar="[NAME]...")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds one source may take before its crawl is stopped and marked failed.")
@click.option("--json", "as_json", is_flag=True, help="One JSON summary per line instead of a table.")
@pass_context
def crawl(obj: Context, names: tuple[str, ...], timeout: float, as_json: bool) -> None:
    """Crawl the named sources (default: every enabled one) and print a summary per source.

    Exits non-zero only when every source failed.

    Example:

        policewatch crawl

        policewatch crawl gazette-crime wdtk-community-resolution
    """
    config = obj.config
    known = {s.name for s in config.sources}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise click.UsageError(f"no source named {unknown[0]!r} in {config.path} "
                               f"(known: {', '.join(sorted(known)) or 'none'})")
    if not names and not any(s.enabled for s in config.sources):
        raise click.ClickException(f"{config.path}: no enabled sources to crawl")
    level = logging.getLogger().getEffectiveLevel()
    summaries = crawl_sources(config, names, timeout=timeout, log_level=logging.getLevelName(level),
                              echo_log=level < logging.WARNING)
    if as_json:
        for summary in summaries:
            click.echo(summary.to_json())
    else:
        click.echo(format_table(summaries))
    if all_failed(summaries):
        raise SystemExit(1)


def format_table(summaries: list[CrawlSummary]) -> str:
    rows = [[s.source, s.status, str(s.pages), str(s.new_documents), str(s.updated_documents),
             str(s.errors), f"{s.duration:.1f}s"] for s in summaries]
    widths = [max(len(c), *(len(r[i]) for r in rows)) if rows else len(c) for i, c in enumerate(_COLUMNS)]
    lines = [_line(_COLUMNS, widths)] + [_line(r, widths) for r in rows]
    for s in summaries:
        if s.message:
            lines.append(f"  {s.source}: {s.message}")
        for url, text in s.error_list[:_SHOWN_ERRORS] if s.status != "failed" else []:
            lines.append(f"  {s.source}: {text}" + (f" ({url})" if url else ""))
        if s.status != "failed" and s.errors > _SHOWN_ERRORS:
            lines.append(f"  {s.source}: ... and {s.errors - _SHOWN_ERRORS} more errors")
    return "\n".join(lines)


def _line(cells: tuple[str, ...] | list[str], widths: list[int]) -> str:
    # Names and words left-aligned, numbers right-aligned.
    parts = [c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))]
    return "  ".join(parts).rstrip()


COMMANDS = [crawl]
