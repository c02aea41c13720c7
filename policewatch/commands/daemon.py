"""`policewatch run`: the daemon (crawl on schedule, extract, alert), or one cycle with --once."""
from __future__ import annotations

import logging

import click

from policewatch.context import Context, pass_context


@click.command()
@click.option("--once", is_flag=True, help="Run one full cycle now (crawl all, extract, send alerts "
                                           "and digests), then exit.")
@pass_context
def run(obj: Context, once: bool) -> None:
    """Crawl every source on its schedule, extract figures, and email subscribers.

    Runs until stopped (Ctrl-C or SIGTERM). Each source is crawled on its own
    `every` / `cron` schedule; daily and weekly digests go out at the [alerts] times.

    \b
    Example:
        policewatch run
        policewatch run --once
    """
    config = obj.config
    root = logging.getLogger()
    if root.level > logging.INFO:  # a daemon reports each job run unless asked for less
        root.setLevel(logging.INFO)
        for name in ("scrapy", "spacy", "urllib3"):
            logging.getLogger(name).setLevel(logging.WARNING)
    if once:
        from policewatch.cycle import run_cycle

        report = run_cycle(config)
        for summary in report.crawled:
            click.echo(f"crawl {getattr(summary, 'source', '?')}: {getattr(summary, 'status', '?')}, "
                       f"{getattr(summary, 'new_documents', 0)} new documents")
        d, m = report.detected, report.mail
        click.echo(f"{report.documents_extracted} documents extracted; {d.new} new and {d.changed} changed "
                   f"figures; {d.queued} alerts queued; {m.sent} mails sent"
                   + (f", {m.retrying} to retry, {m.failed} failed" if m.retrying or m.failed else "")
                   + f" ({report.seconds:.1f}s)")
        return  # problems (a stage unavailable or failing) were logged as warnings
    from policewatch.daemon import LiveConfig, run_daemon

    run_daemon(LiveConfig(obj.path, config))


COMMANDS = [run]
