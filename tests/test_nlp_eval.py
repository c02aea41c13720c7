"""Our held-out regression sets, scored with the shared scorer's score() function."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from nlp import extract_many, html_to_text

HERE = Path(__file__).resolve().parent
EVAL = HERE.parents[1] / "shared/eval"
# (set, F1 bar, offence accuracy bar): a little below what the extractor reaches today
SETS = [("heldout-a", 0.97, 0.95), ("heldout-b", 0.97, 0.95), ("heldout-c", 0.97, 0.95),
        ("heldout-d", 0.98, 0.94)]


def _scorer():
    path = EVAL / "score.py"
    if not path.exists():
        pytest.skip(f"the shared scorer is not beside the repository ({EVAL})")
    spec = importlib.util.spec_from_file_location("figure_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    return html_to_text(text) if path.suffix.lower() in (".html", ".htm") else text


@pytest.mark.parametrize("name,f1_bar,offence_bar", SETS, ids=[s[0] for s in SETS])
def test_heldout_set_scores_above_its_bar(name, f1_bar, offence_bar):
    folder = HERE / "eval" / name
    if not (folder / "gold.json").exists():
        pytest.skip(f"regression set {name} is not in this checkout")
    score = _scorer()
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    docs = sorted((folder / "docs").iterdir())
    predictions = [dict(fig.to_dict(), file=doc.name)
                   for doc, figs in zip(docs, extract_many(_read(d) for d in docs)) for fig in figs]
    bucket, f1, precision, recall, offence_acc, _ = score.score(gold, predictions)[-1]
    assert bucket == "all"
    assert f1 >= f1_bar, (name, f1, precision, recall)
    assert offence_acc >= offence_bar, (name, offence_acc)
