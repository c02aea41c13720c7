"""`policewatch search` and `policewatch figures`: find documents and figures in the archive."""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence

import click

import archive
from archive.documents import KINDS
from archive.queries import find_figures
from policewatch.names import UnknownName, resolve
from archive.search import SearchError, date_bound, search_documents
from policewatch.context import Context, pass_context

FORMATS = click.Choice(["table", "json", "csv"])
# Spreadsheets run a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SEARCH_COLUMNS = ("title", "published", "source", "kind", "url", "snippet")
FIGURE_COLUMNS = ("date", "force", "offence", "disposal", "count", "period", "previous_count",
                  "change_pct", "quote", "title", "source", "url", "urls")


def _date_option(end: bool):
    def convert(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        try:
            return date_bound(value, end=end) if value else None
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    return convert


def _open(obj: Context):
    path = obj.config.archive.path
    if not path.exists():
        raise click.ClickException(f"no archive at {path} yet: run `policewatch crawl` first")
    return archive.open_archive(path)


def _safe_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: formulas are defused with a leading quote."""
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def write_csv(rows: Sequence[dict], columns: Sequence[str]) -> None:
    # A BOM makes Excel read UTF-8 (curly quotes, £); csv quotes commas, quotes and newlines.
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_safe_cell(row.get(c)) for c in columns] for row in rows)
    click.echo("\ufeff" + buffer.getvalue(), nl=False)


def write_json(rows: Sequence[dict]) -> None:
    click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2))


@click.command()
@click.argument("query")
@click.option("--source", metavar="NAME", help="Only documents from this source.")
@click.option("--kind", type=click.Choice(KINDS), help="Only news, FOI or statistics documents.")
@click.option("--since", metavar="DATE", callback=_date_option(end=False),
              help="Published on or after DATE (2024-03-01, 2024-03 or 2024).")
@click.option("--until", metavar="DATE", callback=_date_option(end=True),
              help="Published on or before DATE (2024-03-31, 2024-03 or 2024).")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="At most this many documents.")
@click.option("--raw", is_flag=True, help="QUERY is FTS5 syntax (NEAR, column filters), passed as is.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_context
def search(obj: Context, query: str, source: str | None, kind: str | None, since: str | None,
           until: str | None, limit: int, raw: bool, fmt: str) -> None:
    """Full-text search of archived documents, best match first.

    Words are found in any order, "a phrase" as written; hyphens and punctuation are
    plain text. Upper-case OR, AND, NOT and parentheses combine terms; word* matches
    by prefix.

    \b
    Example:
        policewatch search '"community resolution" rape' --kind foi --since 2024
        policewatch search 'caution* NOT youth' --format json
    """
    db = _open(obj)
    if source is not None and not db.execute(
            "select 1 from documents where source = ? limit 1", [source]).fetchone():
        known = [r[0] for r in db.execute("select distinct source from documents order by source")]
        raise click.BadParameter(f"no documents from {source!r}; sources: {', '.join(known) or 'none yet'}",
                                 param_hint="--source")
    # On a terminal matches are shown in bold; elsewhere between ** marks.
    bold = fmt == "table" and sys.stdout.isatty()
    marks = ("\x1b[1m", "\x1b[0m") if bold else ("**", "**")
    try:
        hits = search_documents(db, query, raw=raw, source=source, kind=kind, since=since,
                                until=until, limit=limit, highlight=marks)
    except SearchError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        write_json(hits)
    elif fmt == "csv":
        write_csv(hits, SEARCH_COLUMNS)
    elif not hits:
        click.echo(f"No documents match {query!r}.")
    else:
        for n, hit in enumerate(hits, 1):
            click.echo(f"{n}. {hit['title'] or '(untitled)'}")
            click.echo(f"   {(hit['published'] or 'undated')[:10]} · {hit['source']} · {hit['kind']} · {hit['url']}")
            click.echo("   " + " ".join(hit["snippet"].split()), color=bold)


def _canonical(column: str, value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return resolve(column, value)
    except UnknownName as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


@click.command()
@click.option("--force", metavar="NAME", help='A force, e.g. "Kent" or "Metropolitan Police".')
@click.option("--offence", metavar="NAME", help='An offence from the closed list, e.g. "rape".')
@click.option("--disposal", metavar="NAME", help='A disposal, e.g. "community resolution".')
@click.option("--since", metavar="DATE", callback=_date_option(end=False),
              help="Reported in documents dated on or after DATE (2024-03-01, 2024-03 or 2024).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many figures.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_context
def figures(obj: Context, force: str | None, offence: str | None, disposal: str | None,
            since: str | None, limit: int | None, fmt: str) -> None:
    """Extracted figures, newest first, with period, quote and source documents.

    Names are matched without regard to case; a figure reported by several documents
    is listed once, with all their URLs. CSV output opens cleanly in a spreadsheet.

    \b
    Example:
        policewatch figures --offence rape --disposal "community resolution" --since 2024
        policewatch figures --force kent --format csv > kent.csv
    """
    db = _open(obj)
    rows = find_figures(
        db, force=_canonical("force", force, "--force"),
        offence=_canonical("offence", offence, "--offence"),
        disposal=_canonical("disposal", disposal, "--disposal"), since=since, limit=limit)
    if fmt == "json":
        write_json(rows)
    elif fmt == "csv":
        write_csv(rows, FIGURE_COLUMNS)
    elif not rows:
        click.echo("No figures match.")
    else:
        _figures_table(rows)


def _figures_table(rows: list[dict]) -> None:
    head = ("DATE", "FORCE", "OFFENCE", "DISPOSAL", "COUNT", "PERIOD")
    cells = [(r["date"] or "", r["force"] or "(national)", r["offence"] or "(unstated)",
              r["disposal"], str(r["count"]), r["period"] or "") for r in rows]
    widths = [max(len(c[i]) for c in [head, *cells]) for i in range(len(head))]
    line = lambda c: "  ".join(v.rjust(w) if i == 4 else v.ljust(w)  # noqa: E731
                               for i, (v, w) in enumerate(zip(c, widths))).rstrip()
    click.echo(line(head))
    for row, cell in zip(rows, cells):
        click.echo(line(cell))
        if row["quote"]:
            click.echo(f"    “{' '.join(row['quote'].split())}”")
        for url in row["urls"]:
            click.echo(f"    {url}")


COMMANDS = [search, figures]
