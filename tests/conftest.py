"""Shared fixtures: real servers on 127.0.0.1, real SQLite files in tmp_path."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
# The shared evaluation folder (definition, scorer, dev set) sits beside the repository.
SHARED_EVAL = REPO.parent / "shared/eval"


@pytest.fixture(scope="session")
def figure_scorer() -> ModuleType:
    """The shared scorer (score.py), loaded by path; skips when the folder is absent."""
    path = SHARED_EVAL / "score.py"
    if not path.exists():
        pytest.skip(f"the shared evaluation folder is not beside the repository ({SHARED_EVAL})")
    spec = importlib.util.spec_from_file_location("figure_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def write_config(tmp_path: Path):
    """Write a policewatch.toml into tmp_path from TOML text; returns its path."""

    def write(text: str, name: str = "policewatch.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
