"""Shared fixtures: real servers on 127.0.0.1, real SQLite files in tmp_path."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def write_config(tmp_path: Path):
    """Write a policewatch.toml into tmp_path from TOML text; returns its path."""

    def write(text: str, name: str = "policewatch.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
