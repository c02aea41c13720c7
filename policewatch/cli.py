"""The `policewatch` command: a thin click group; each command lives in policewatch/commands/."""
from __future__ import annotations

import importlib
import logging

import click

from policewatch import __version__
from policewatch.context import Context

# Explicit list, in the order `--help` shows them.
COMMAND_MODULES = ("setup", "crawl", "extract", "search", "alerts", "daemon", "serve", "sources", "demo")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policewatch")
@click.option("-c", "--config", "config", metavar="PATH", envvar="POLICEWATCH_CONFIG",
              help="Config file (default: ./policewatch.toml, or $POLICEWATCH_CONFIG).")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.pass_context
def cli(ctx: click.Context, config: str | None, verbose: int) -> None:
    """PoliceWatch: collect police disposal figures from news, FOI and statistics, and alert on them."""
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    ctx.obj = Context(config)


def _commands(module_name: str) -> list[click.Command]:
    module = importlib.import_module(f"policewatch.commands.{module_name}")
    if hasattr(module, "COMMANDS"):
        return list(module.COMMANDS)
    return [obj for obj in vars(module).values()
            if isinstance(obj, click.Command) and getattr(obj.callback, "__module__", None) == module.__name__]


for _name in COMMAND_MODULES:
    for _command in _commands(_name):
        cli.add_command(_command)
