"""Canonical force, offence and disposal names that subscription filters accept.

The names are the extractor's output vocabulary (the Home Office short force names and
the closed offence and disposal lists). When the nlp package exposes them they come from
there (nlp.vocab.canonical_names), so filters and figures can never disagree; when nlp
cannot be imported, from canonical.json here (a copy of the same lists).
"""
from __future__ import annotations

import difflib
import json
from functools import lru_cache
from importlib.resources import files

KINDS = ("forces", "offences", "disposals")


@lru_cache(maxsize=None)
def canonical(kind: str) -> tuple[str, ...]:
    """The canonical names of one kind: 'forces', 'offences' or 'disposals'."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    names = _from_nlp(kind)
    if names:
        return names
    data = json.loads(files("alerts").joinpath("canonical.json").read_text(encoding="utf-8"))
    return tuple(data[kind])


def _from_nlp(kind: str) -> tuple[str, ...]:
    """nlp.vocab.canonical_names() ({"force": {id: name}, ...}) when the nlp package has it."""
    try:
        from nlp.vocab import canonical_names
        names = canonical_names().get(kind[:-1], {})  # "forces" -> "force"
    except Exception:  # nlp missing or broken: our own copy of the list still works
        return ()
    return tuple(names.values())


class UnknownName(ValueError):
    def __init__(self, kind: str, name: str, suggestions: list[str]) -> None:
        self.kind, self.name, self.suggestions = kind, name, suggestions
        hint = f"did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else \
            f"known {kind}: {', '.join(canonical(kind))}"
        super().__init__(f"unknown {kind[:-1]} {name!r}: {hint}")


def resolve(kind: str, name: str) -> str:
    """The canonical spelling of name (case and spacing forgiven); UnknownName lists the closest."""
    names = canonical(kind)
    wanted = " ".join(name.split()).lower()
    for known in names:
        if known.lower() == wanted:
            return known
    by_lower = {known.lower(): known for known in names}
    close = difflib.get_close_matches(wanted, list(by_lower), n=3, cutoff=0.5)
    # A prefix ("Metropolitan", "Greater") is a likely intent that difflib scores low.
    starts = [k for k in by_lower if k.startswith(wanted) and k not in close] if wanted else []
    raise UnknownName(kind, name, [by_lower[k] for k in close + starts[:3]])
