"""Reading figures back: filters by canonical names, one row per figure with all its sources."""
from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
import importlib.util
from pathlib import Path

from sqlite_utils import Database

FILTERS = ("force", "offence", "disposal")
# The closed lists of the extraction schema. The extraction vocabulary (nlp/patterns)
# is read when it is installed; these keep the filters checkable without it.
DISPOSALS = ("community resolution", "caution", "conditional caution", "youth caution",
             "youth conditional caution", "penalty notice", "cannabis warning",
             "out-of-court disposal", "charge", "no further action")
OFFENCES = ("child rape", "rape", "sexual assault", "sexual grooming", "indecent exposure",
            "indecent images of children", "child sexual exploitation",
            "sexual activity with a child", "sexual offences", "domestic abuse",
            "stalking and harassment", "common assault", "violence against the person",
            "hate crime", "shoplifting", "burglary", "theft", "robbery", "criminal damage",
            "drug offences", "possession of weapons", "public order offences", "fraud")
_PLAIN = re.compile(r"[^a-z0-9]+")
# Words a force's name is written with or without: "Kent Police", "Kent Constabulary".
_FILLER = {"police", "constabulary", "service", "force", "the", "of"}


def _fold(name: str) -> str:
    return " ".join(w for w in _PLAIN.sub(" ", name.lower()).split() if w not in _FILLER)


def _patterns_dir() -> Path | None:
    """nlp/patterns, found through the import system (pathlib: namespace-safe)."""
    try:
        spec = importlib.util.find_spec("nlp")
    except (ImportError, ValueError):
        return None
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location) / "patterns"
        if (path / "names.json").is_file():
            return path
    return None


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, dict[str, str]]:
    """{filter: {alias in lower case: canonical name}} from the extraction vocabulary."""
    names: dict[str, dict[str, str]] = {
        "force": {}, "offence": {n: n for n in OFFENCES}, "disposal": {n: n for n in DISPOSALS}}
    patterns = _patterns_dir()
    if patterns is None:
        return names
    try:
        canonical = json.loads((patterns / "names.json").read_text(encoding="utf-8"))
        for column in FILTERS:
            ids = canonical.get(column, {})
            names[column].update({n.lower(): n for n in ids.values()})
            path = patterns / f"{column}s.jsonl"
            for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else ():
                entry = json.loads(line) if line.strip() else {}
                # Only plain-string patterns are aliases; token patterns are for spaCy.
                if isinstance(entry.get("pattern"), str) and entry.get("id") in ids:
                    names[column].setdefault(entry["pattern"].lower(), ids[entry["id"]])
    except (OSError, ValueError, AttributeError):
        pass  # vocabulary not installed or being rewritten: the closed lists still apply
    return names


def canonical_name(db: Database, column: str, value: str) -> str:
    """The canonical spelling of a force, offence or disposal a user typed.

    Case-insensitive; forces also match without "Police"/"Constabulary" and by their
    common aliases. Names already in the archive always count as known. Raises
    ValueError naming the closest known names when nothing matches.
    """
    known = dict(_vocabulary()[column])
    stored = [r[0] for r in db.execute(f"select distinct [{column}] from figures where [{column}] is not null")]
    known.update({n.lower(): n for n in stored})
    wanted = value.strip().lower()
    if wanted in known:
        return known[wanted]
    if column == "force":
        folded = {_fold(alias): name for alias, name in known.items()}
        if _fold(wanted) in folded:
            return folded[_fold(wanted)]
    choices = sorted(set(known.values()))
    close = difflib.get_close_matches(value, choices, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else (
        "known: " + ", ".join(choices[:12]) + (", ..." if len(choices) > 12 else ""))
    raise ValueError(f"unknown {column} {value!r}; {hint}")


def find_figures(db: Database, *, force: str | None = None, offence: str | None = None,
                 disposal: str | None = None, since: str | None = None,
                 limit: int | None = None) -> list[dict]:
    """Figures newest first, one row per figure however many documents report it.

    Names must be canonical (see canonical_name). The date of a figure is its document's
    publication date, or the day it was fetched when unpublished; a figure found in
    several documents is shown with the newest one, and `urls` lists every document
    that carries it.
    """
    where, params = [], []
    for column, value in (("force", force), ("offence", offence), ("disposal", disposal)):
        if value is not None:
            where.append(f"lower(f.[{column}]) = lower(?)")
            params.append(value)
    if since:
        where.append("substr(coalesce(d.published, d.fetched_at), 1, 10) >= ?")
        params.append(since)
    sql = f"""
    with matching as (
        select f.*, d.url, d.title, d.source, d.kind,
               substr(coalesce(d.published, d.fetched_at), 1, 10) as date,
               row_number() over (partition by f.figure_key
                   order by coalesce(d.published, d.fetched_at) desc, f.id desc) as nth
        from figures f join documents d on d.id = f.document_id
        {"where " + " and ".join(where) if where else ""}
    )
    select m.force, m.offence, m.disposal, m.count, m.period, m.previous_count, m.change_pct,
           m.quote, m.date, m.url, m.title, m.source, m.kind, m.document_id, m.figure_key,
           (select json_group_array(url) from (
               select d2.url from figures f2 join documents d2 on d2.id = f2.document_id
               where f2.figure_key = m.figure_key
               group by d2.url order by max(coalesce(d2.published, d2.fetched_at)) desc)) as urls
    from matching m where m.nth = 1
    order by m.date desc, m.id desc
    {"limit ?" if limit else ""}
    """
    rows = db.query(sql, params + ([limit] if limit else []))
    return [{**row, "urls": json.loads(row["urls"])} for row in rows]
