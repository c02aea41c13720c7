"""`policewatch extract`: read figures from files, or from every archived document not yet read."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import click

FORMATS = click.Choice(["jsonl", "table"])
JSON_KEYS = ("file", "force", "disposal", "offence", "count", "period", "quote",
             "previous_count", "change_pct", "char_start", "char_end", "figure_key")
TABLE_COLUMNS = ("file", "force", "disposal", "offence", "count", "period", "quote")
HTML_SUFFIXES = (".html", ".htm")


FEED_SUFFIXES = (".xml", ".atom", ".rss")
FEED_STARTS = ("<?xml", "<feed", "<rss", "<entry", "<item")


def read_document(path: str) -> str:
    """The text of a file: HTML pages through the main-text extractor, RSS/Atom feeds (or one
    saved entry) as their entries' titles and text, anything else as UTF-8."""
    import nlp
    raw = Path(path).read_bytes()
    text = raw.decode("utf-8", errors="replace")
    if path.lower().endswith(HTML_SUFFIXES):
        return nlp.html_to_text(text)
    head = text[:200].lstrip().lower()
    if path.lower().endswith(FEED_SUFFIXES) or head.startswith(FEED_STARTS):
        return _feed_text(text) or text
    return text


def _feed_text(text: str) -> str | None:
    """Entries' titles, summaries and content as paragraphs; None when feedparser finds none."""
    import feedparser
    import nlp
    if text.lstrip().lower().startswith(("<entry", "<item")):
        # a single entry saved on its own: give it the feed around it that feedparser expects
        text = f'<feed xmlns="http://www.w3.org/2005/Atom">{text}</feed>' if text.lstrip().lower().startswith(
            "<entry") else f"<rss><channel>{text}</channel></rss>"
    parsed = feedparser.parse(text)
    parts = []
    for entry in parsed.entries:
        parts.append(entry.get("title", ""))
        bodies = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
        parts.extend(nlp.html_to_text(body) if "<" in body else body for body in bodies)
    return "\n\n".join(p.strip() for p in parts if p and p.strip()) or None


def figure_row(file: str | None, figure) -> dict:
    row = {"file": file, **figure.to_dict(), "figure_key": figure.key()}
    return {k: row.get(k) for k in JSON_KEYS if file is not None or k != "file"}


def _readable(paths: Iterable[str], errors: list[str]) -> Iterator[tuple[str, str]]:
    for path in paths:
        try:
            yield path, read_document(path)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            click.echo(f"Error: cannot read {path}: {reason}", err=True)
            errors.append(path)


def _print_table(rows: list[dict]) -> None:
    if not rows:
        click.echo("no figures found")
        return
    cells = [[_cell(r.get(c), c) for c in TABLE_COLUMNS] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(TABLE_COLUMNS)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(TABLE_COLUMNS, widths)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(v.rjust(w) if TABLE_COLUMNS[i] == "count" else v.ljust(w)
                             for i, (v, w) in enumerate(zip(row, widths))).rstrip())


def _cell(value: object, column: str) -> str:
    if value is None:
        return "-"
    text = " ".join(str(value).split())
    if column == "file":
        text = Path(text).name
    limit = 70 if column == "quote" else 40
    return text if len(text) <= limit else text[:limit - 1] + "…"


def extract_files(paths: tuple[str, ...], fmt: str) -> int:
    import nlp
    errors: list[str] = []
    docs = list(_readable(paths, errors)) if fmt == "table" else _readable(paths, errors)
    rows: list[dict] = []
    pairs = iter(docs)
    while True:
        batch = list(islice(pairs, 16))
        if not batch:
            break
        for (path, _), figures in zip(batch, nlp.extract_many([t for _, t in batch])):
            for fig in figures:
                row = figure_row(path, fig)
                if fmt == "jsonl":
                    click.echo(json.dumps(row, ensure_ascii=False))
                else:
                    rows.append(row)
    if fmt == "table":
        _print_table(rows)
    return 1 if errors else 0


def extract_archive(obj) -> None:
    """Extract every archived document that is new or changed since it was last read."""
    from policewatch.pipeline import extract_pending

    path = obj.config.archive.path
    if not Path(path).exists():
        raise click.ClickException(f"no archive at {path} yet: run `policewatch crawl` first")
    result = extract_pending(obj.config)
    click.echo(f"extracted {result.documents} document(s): {result.figures} figure(s), "
               f"{result.new_figure_keys} new")


@click.command("extract")
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option("--format", "fmt", type=FORMATS, default="jsonl", show_default=True,
              help="jsonl: one JSON object per figure; table: aligned columns for reading.")
@click.pass_context
def extract(ctx: click.Context, files: tuple[str, ...], fmt: str) -> None:
    """Extract disposal figures from FILEs (HTML when named .html/.htm, else text).

    With no FILE, extract every archived document not yet extracted (or changed since)
    into the archive's figures table.

    \b
    Example:
        policewatch extract article.html foi-letter.txt --format table
        policewatch extract docs/*.txt --format jsonl > figures.jsonl
        policewatch extract
    """
    if files:
        status = extract_files(files, fmt)
        if status:
            ctx.exit(status)
        return
    from policewatch.context import Context
    obj = ctx.find_object(Context) or Context(None)
    extract_archive(obj)


COMMANDS = [extract]
