"""Vocabularies: EntityRuler JSONL pattern files and the id -> canonical name mapping.

The files under patterns/ are data an admin can read and extend: one
{"label", "pattern", "id"} object per line, where id is the slug of the canonical
name listed in names.jsonl ({"kind", "id", "name"} per line).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.util import registry

PATTERN_DIR = Path(__file__).resolve().parent / "patterns"
ENTITY_FILES = ("forces.jsonl", "offences.jsonl", "disposals.jsonl")
CUE_FILE = "cues.jsonl"


def read_jsonl(path: str | Path) -> list[dict]:
    """Read a JSONL pattern file into a list (a generator would fail spaCy's config validation)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not a JSON object: {exc}") from exc
    return out


@registry.readers("policewatch.read_patterns.v1")
def read_patterns(path: str) -> list[dict]:
    return read_jsonl(path)


@lru_cache(maxsize=None)
def entity_patterns() -> tuple[dict, ...]:
    return tuple(p for f in ENTITY_FILES for p in read_jsonl(PATTERN_DIR / f))


@lru_cache(maxsize=None)
def cue_patterns() -> tuple[dict, ...]:
    return tuple(read_jsonl(PATTERN_DIR / CUE_FILE))


@lru_cache(maxsize=None)
def canonical_names() -> dict[str, dict[str, str]]:
    """{"force": {id: name}, "offence": {...}, "disposal": {...}}"""
    out: dict[str, dict[str, str]] = {}
    for row in read_jsonl(PATTERN_DIR / "names.jsonl"):
        out.setdefault(row["kind"], {})[row["id"]] = row["name"]
    return out


LABEL_KIND = {"FORCE": "force", "OFFENCE": "offence", "DISPOSAL": "disposal"}


@lru_cache(maxsize=None)
def canonical(label: str, ent_id: str) -> str | None:
    kind = LABEL_KIND.get(label)
    if kind is None:
        return None
    return canonical_names()[kind].get(ent_id)


# Words too common in news to tell a disposal text from any other.
_COMMON_WORDS = {"community", "further", "criminal", "outside", "possession", "outcome", "spot",
                 "dealt", "conditional", "fixed", "police", "youth", "adult", "adults", "simple",
                 "formal", "drug", "drugs", "given", "with", "out", "court", "the", "for", "and",
                 "action", "actions", "outcomes", "disorders", "taken", "justice", "meeting", "approach", "approaches", "informal",
                 "disorder", "order", "street", "use", "its", "this", "that", "was"}


@lru_cache(maxsize=None)
def disposal_keys() -> tuple[str, ...]:
    """Lower-case substrings at least one of which every disposal pattern contains.

    A text holding none of them cannot name a disposal, so it cannot hold a figure:
    extraction skips it without tokenizing (most crawled news is like that).
    """
    keys = set()
    for p in entity_patterns():
        if p.get("label") == "DISPOSAL" and isinstance(p.get("pattern"), str):
            phrase = p["pattern"].lower()
            words = [w for w in phrase.split() if len(w) >= 3 and w not in _COMMON_WORDS]
            keys.add(max(words, key=len) if words else phrase)
    # drop keys containing a shorter key: the shorter one is found wherever the longer is
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


@lru_cache(maxsize=None)
def _force_spellings() -> dict[str, str]:
    return {" ".join(p["pattern"].lower().split()): canonical("FORCE", p["id"])
            for p in entity_patterns() if p.get("label") == "FORCE"}


@lru_cache(maxsize=4096)
def force_of_body(text: str) -> str | None:
    """The force a body belongs to: 'Lincolnshire Police and Crime Panel' -> Lincolnshire."""
    words = text.lower().replace("’", "'").split()
    spellings = _force_spellings()
    for n in range(len(words) - 1, 0, -1):
        name = spellings.get(" ".join(words[:n]))
        if name:
            return name
    return None


def force_named_by(line: str) -> str | None:
    """The force a line names and nothing else ("Suffolk Constabulary"): a letterhead."""
    return _force_spellings().get(" ".join(line.lower().replace("’", "'").split()))
