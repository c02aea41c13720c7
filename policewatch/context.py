"""The object every command receives: the config path, and the config loaded on first use."""
from __future__ import annotations

import click

from policewatch.config import Config, ConfigError, config_path, load_config


class Context:
    """What every command gets: where the config is, loaded on first use."""

    def __init__(self, path: str | None) -> None:
        self.path = config_path(path)
        self._config: Config | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            try:
                self._config = load_config(self.path)
            except ConfigError as exc:
                raise click.ClickException(str(exc)) from None
        return self._config


pass_context = click.make_pass_decorator(Context)
