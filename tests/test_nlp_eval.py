"""Our held-out regression sets, scored with the shared scorer's score() function."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp import extract_many
from policewatch.commands.extract import read_document

HERE = Path(__file__).resolve().parent
# (set, F1 bar, offence accuracy bar): a little below what the extractor reaches today
SETS = [("heldout-a", 0.97, 0.95), ("heldout-b", 0.97, 0.95), ("heldout-c", 0.97, 0.95),
        ("heldout-d", 0.98, 0.94), ("heldout-e", 0.96, 0.92), ("heldout-f", 0.94, 0.96),
        ("heldout-g", 0.94, 0.94), ("heldout-h", 0.93, 0.95), ("heldout-i", 0.93, 0.89),
        ("heldout-j", 0.95, 0.97), ("heldout-k", 0.93, 0.93),
        ("heldout-l", 0.92, 0.90), ("heldout-m", 0.93, 0.91), ("heldout-n", 0.97, 0.92),
        ("heldout-o", 0.89, 0.90), ("heldout-p", 0.96, 0.92), ("heldout-q", 0.91, 0.93),
        ("heldout-r", 0.93, 0.90), ("heldout-s", 0.93, 0.92), ("heldout-t", 0.95, 0.88),
        ("heldout-u", 0.89, 0.82), ("heldout-v", 0.94, 0.94),
        ("heldout-w", 0.93, 0.89), ("heldout-x", 0.95, 0.95), ("heldout-y", 0.96, 0.95),
        ("heldout-z", 0.91, 0.91)]


def _read(path: Path) -> str:
    return read_document(str(path))  # as `policewatch extract FILE` reads it


@pytest.mark.parametrize("name,f1_bar,offence_bar", SETS, ids=[s[0] for s in SETS])
def test_heldout_set_scores_above_its_bar(name, f1_bar, offence_bar, figure_scorer):
    folder = HERE / "eval" / name
    if not (folder / "gold.json").exists():
        pytest.skip(f"regression set {name} is not in this checkout")
    score = figure_scorer
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    docs = sorted((folder / "docs").iterdir())
    predictions = [dict(fig.to_dict(), file=doc.name)
                   for doc, figs in zip(docs, extract_many(_read(d) for d in docs)) for fig in figs]
    bucket, f1, precision, recall, offence_acc, _ = score.score(gold, predictions)[-1]
    assert bucket == "all"
    assert f1 >= f1_bar, (name, f1, precision, recall)
    assert offence_acc >= offence_bar, (name, offence_acc)
