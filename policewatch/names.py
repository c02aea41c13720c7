"""The canonical force, offence and disposal names users type in filters.

One resolver for `figures --force`, `subscribe --offence` and the rest, fed by the
extractor's own vocabulary (nlp/patterns/names.jsonl and the alias patterns), so a
filter can never name something the extractor would not output. It lives here, in
the wiring, because neither archive/ nor alerts/ may import nlp.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

KINDS = ("force", "offence", "disposal")
_PLAIN = re.compile(r"[^a-z0-9]+")
# Words a force's name is written with or without: "Kent Police", "Kent Constabulary".
_FILLER = {"police", "constabulary", "service", "force", "the", "of"}


class UnknownName(ValueError):
    """A name that matches nothing; `suggestions` holds the closest canonical names."""

    def __init__(self, kind: str, name: str, suggestions: list[str], known: list[str]) -> None:
        self.kind, self.name, self.suggestions = kind, name, suggestions
        hint = (f"did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions
                else "known: " + ", ".join(known[:12]) + (", ..." if len(known) > 12 else ""))
        super().__init__(f"unknown {kind} {name!r}; {hint}")


def _fold(name: str) -> str:
    return " ".join(w for w in _PLAIN.sub(" ", name.lower()).split() if w not in _FILLER)


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, tuple[tuple[str, ...], dict[str, str]]]:
    """{kind: (canonical names, {alias in lower case: canonical name})}."""
    from nlp import vocab

    canonical = vocab.canonical_names()
    result = {}
    for kind in KINDS:
        names = tuple(sorted(canonical.get(kind, {}).values()))
        aliases = {name.lower(): name for name in names}
        for entry in vocab.entity_patterns():
            name = canonical.get(kind, {}).get(entry.get("id"))
            # Only plain-string patterns are aliases; token patterns are for spaCy.
            if name and vocab.LABEL_KIND.get(entry.get("label")) == kind and isinstance(entry.get("pattern"), str):
                aliases.setdefault(entry["pattern"].lower(), name)
        result[kind] = (names, aliases)
    return result


def canonical_names(kind: str) -> tuple[str, ...]:
    return _vocabulary()[kind][0]


def resolve(kind: str, value: str) -> str:
    """The canonical spelling of what a user typed: case, spacing and common aliases
    forgiven ("the Met", "GMP", "Kent Police", "community resolutions")."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    names, aliases = _vocabulary()[kind]
    wanted = " ".join(value.split()).lower()
    if wanted in aliases:
        return aliases[wanted]
    if kind == "force":
        folded = {_fold(alias): name for alias, name in aliases.items()}
        if _fold(wanted) in folded:
            return folded[_fold(wanted)]
    by_lower = {name.lower(): name for name in names}
    close = difflib.get_close_matches(wanted, list(by_lower), n=3, cutoff=0.5)
    # A prefix ("Metropolitan", "Greater") is a likely intent that difflib scores low.
    starts = [k for k in by_lower if wanted and k.startswith(wanted) and k not in close]
    raise UnknownName(kind, value, [by_lower[k] for k in close + starts[:3]], list(names))
