"""`policewatch sources ...`: list (and later check and watch) the configured sources."""
from __future__ import annotations

import click

from policewatch.context import Context, pass_context


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
    rows = [(s.name, s.type, s.cron or s.every or f"{config.crawl.every} (default)",
             "" if s.enabled else "paused", s.url) for s in config.sources]
    widths = [max(len(str(r[i])) for r in rows + [("NAME", "TYPE", "SCHEDULE", "", "URL")]) for i in range(4)]
    click.echo("  ".join(h.ljust(w) for h, w in zip(("NAME", "TYPE", "SCHEDULE", ""), widths)) + "  URL")
    for row in rows:
        click.echo("  ".join(str(v).ljust(w) for v, w in zip(row, widths)) + f"  {row[4]}")


COMMANDS = [sources]
