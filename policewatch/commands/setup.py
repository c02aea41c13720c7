"""`policewatch init`: write a commented example config."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from policewatch.config import config_path


def example_config() -> str:
    return files("policewatch").joinpath("policewatch.example.toml").read_text(encoding="utf-8")


@click.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.pass_context
def init(ctx: click.Context, path: Path | None, force: bool) -> None:
    """Write a commented example config (default: ./policewatch.toml).

    \b
    Example:
        policewatch init
        policewatch init /etc/policewatch.toml
    """
    target = path or ctx.obj.path or config_path()
    if target.exists() and not force:
        raise click.ClickException(f"{target} already exists (use --force to overwrite)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(example_config(), encoding="utf-8")
    click.echo(f"Wrote {target}. Edit [crawl] contact and the sources, then run `policewatch crawl`.")


COMMANDS = [init]
