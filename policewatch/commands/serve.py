"""`policewatch serve`: browse the public archive in Datasette, read-only."""
from __future__ import annotations

import json
import signal
import tempfile
from importlib import resources
from pathlib import Path

import click
import yaml

from policewatch.context import Context, pass_context

TEMPLATE_NAME = "archive"  # the database key used in archive/metadata.yml


def load_metadata(database_name: str) -> dict:
    """archive/metadata.yml with its database entry renamed to the served file's name.

    Datasette names a database after its file (data/policewatch.db is "policewatch"),
    and metadata is keyed by that name, so the shipped template is re-keyed to match.
    """
    text = resources.files("archive").joinpath("metadata.yml").read_text(encoding="utf-8")
    metadata = yaml.safe_load(text)
    metadata["databases"] = {database_name: metadata["databases"][TEMPLATE_NAME]}
    return metadata


def datasette_args(archive_path: Path, metadata_path: Path, *, host: str, port: int,
                   get: str | None = None) -> list[str]:
    """The `datasette serve` command line for the public archive, and nothing else.

    The archive is passed as a plain (mutable) file, not with -i/--immutable: Datasette
    then opens it with `?mode=ro`, so it cannot write, yet it sees every new crawl.
    Immutable mode would cache table counts and, because SQLite's immutable=1 ignores
    the write-ahead log, hide whatever the crawler wrote since the last checkpoint.
    The private database (subscribers, outbox) is never on this command line.
    """
    args = ["serve", str(archive_path), "--metadata", str(metadata_path),
            "--host", host, "--port", str(port),
            # Facet counts over a large archive need more than the default 200 ms.
            "--setting", "facet_time_limit_ms", "1000",
            "--setting", "sql_time_limit_ms", "3000",
            # Documents hold whole articles: show the start of each cell in table views
            # (the row page shows it all), so a page of results stays readable.
            "--setting", "truncate_cells_html", "280"]
    if get:
        args += ["--get", get]
    return args


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port to listen on (0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 makes the archive reachable from other machines.")
@click.option("--get", "get", metavar="PATH",
              help="Print the response for PATH (e.g. /policewatch/figures.json) and exit, without serving.")
@pass_context
def serve(obj: Context, port: int, host: str, get: str | None) -> None:
    """Browse and search the public archive in Datasette (read-only).

    Figures link to their documents and facet by force, offence and disposal; documents
    are full-text searchable; canned queries include an Atom feed of new figures. The
    private database of subscribers is never served.

    \b
    Example:
        policewatch serve --port 8001
        # then open http://127.0.0.1:8001/ and subscribe to
        # http://127.0.0.1:8001/policewatch/new_figures_feed.atom
    """
    from datasette.cli import cli as datasette_cli

    settings = obj.config.archive
    path = settings.path
    if not path.exists():
        raise click.ClickException(f"no archive at {path} yet: run `policewatch crawl` first")
    if path.resolve() == settings.private_path.resolve():
        raise click.ClickException("the archive path is the private database: refusing to serve it")
    with tempfile.TemporaryDirectory(prefix="policewatch-serve-") as tmp:
        metadata_path = Path(tmp) / "metadata.json"
        metadata_path.write_text(json.dumps(load_metadata(path.stem)), encoding="utf-8")
        if get is None:
            where = f"http://{host}:{port}/" if port else f"a free port on {host} (address below)"
            click.echo(f"Serving {path} read-only at {where} (Ctrl+C to stop)", err=True)
        # In-process, so the temporary metadata lives exactly as long as the server.
        # Uvicorn re-raises SIGTERM after its graceful shutdown; the default action
        # would end the process before the temporary directory is removed.
        previous = signal.signal(signal.SIGTERM, _exit) if get is None else None
        try:
            datasette_cli.main(datasette_args(path, metadata_path, host=host, port=port, get=get),
                               prog_name="datasette", standalone_mode=True)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


COMMANDS = [serve]
