"""`policewatch demo`: crawl the bundled sample site, extract figures, email two subscribers."""
from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--output", "output", type=click.Path(file_okay=False, path_type=Path),
              default=Path("demo-output"), show_default=True, help="Folder for config, archive and mail.")
def demo(output: Path) -> None:
    """Run the whole pipeline on a local sample site and show what it found and sent.

    Serves the bundled sample site and a local SMTP sink on 127.0.0.1, writes a config
    in the output folder, subscribes two demo addresses, runs one cycle, prints the
    figures, and saves every email received (.eml and .html).

    \b
    Example:
        policewatch demo
        policewatch demo --output /tmp/pw-demo
    """
    from policewatch.demo import DAILY, IMMEDIATE, run_demo

    config, report, figures, mails = run_demo(output, echo=click.echo)
    for summary in report.crawled:
        click.echo(f"  crawled {getattr(summary, 'source', '?')}: {getattr(summary, 'status', '?')}, "
                   f"{getattr(summary, 'new_documents', 0)} new documents")
    for problem in report.problems:
        click.echo(f"  warning: {problem}")
    click.echo(f"\n{len(figures)} figures in the archive:\n")
    _table(figures)
    d = report.detected
    click.echo(f"\n{d.new} new and {d.changed} changed figures; {d.queued} alerts queued; "
               f"{report.mail.sent} emails sent to the local SMTP sink:")
    for path in mails:
        click.echo(f"  {path}  (+ {path.with_suffix('.html').name})")
    if not mails:
        click.echo("  none (see the warnings above)")
    cfg = f"--config {config.path}"
    click.echo(f"""
{IMMEDIATE} got immediate alerts; {DAILY} got the daily digest.
Open an .html file above in a browser to see a mail as subscribers do.

Try next:
  policewatch {cfg} search "community resolution"
  policewatch {cfg} figures --offence rape
  policewatch {cfg} figures --force Derbyshire --format csv
  policewatch {cfg} subscribers
  policewatch {cfg} serve          # browse the archive in Datasette
(The sample site and SMTP sink stopped with the demo, so `run` would find them gone.)""")


def _table(rows: list[dict]) -> None:
    head = ("FORCE", "OFFENCE", "DISPOSAL", "COUNT", "PERIOD", "SOURCE")
    cells = [(r["force"] or "(national)", r["offence"] or "(unstated)", r["disposal"], str(r["count"]),
              r["period"] or "", r["source"] or "") for r in rows]
    widths = [max(len(c[i]) for c in [head, *cells]) for i in range(len(head))]
    for cell in [head, *cells]:
        click.echo("  " + "  ".join(v.rjust(w) if i == 3 else v.ljust(w)
                                    for i, (v, w) in enumerate(zip(cell, widths))).rstrip())


COMMANDS = [demo]
