"""Reading figures back: filters by canonical names, one row per figure with all its sources."""
from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache

from sqlite_utils import Database

FILTERS = ("force", "offence", "disposal")
# The closed lists of the extraction schema, so that the common case needs no vocabulary
# (importing it loads spaCy); aliases and force names come from nlp.vocab.
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


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, dict[str, str]]:
    """{filter: {alias in lower case: canonical name}} from the extraction vocabulary.

    Imported lazily (it loads spaCy) and only when a name is not found directly.
    """
    names: dict[str, dict[str, str]] = {"force": {}, "offence": {}, "disposal": {}}
    try:
        from nlp import vocab

        canonical = vocab.canonical_names()
        for column in FILTERS:
            names[column].update({n.lower(): n for n in canonical.get(column, {}).values()})
        for entry in vocab.entity_patterns():
            column = vocab.LABEL_KIND.get(entry.get("label"))
            name = canonical.get(column, {}).get(entry.get("id"))
            # Only plain-string patterns are aliases; token patterns are for spaCy.
            if name and isinstance(entry.get("pattern"), str):
                names[column].setdefault(entry["pattern"].lower(), name)
    except Exception:  # noqa: BLE001 - vocabulary missing or mid-edit: closed lists still apply
        pass
    return names


def canonical_name(db: Database, column: str, value: str) -> str:
    """The canonical spelling of a force, offence or disposal a user typed.

    Case-insensitive; forces also match without "Police"/"Constabulary" and by their
    common aliases. Names already in the archive always count as known. Raises
    ValueError naming the closest known names when nothing matches.
    """
    closed = {"offence": OFFENCES, "disposal": DISPOSALS}.get(column, ())
    stored = [r[0] for r in db.execute(f"select distinct [{column}] from figures where [{column}] is not null")]
    known = {n.lower(): n for n in (*closed, *stored)}
    wanted = value.strip().lower()
    if wanted not in known:
        known = {**_vocabulary()[column], **known}
    if wanted in known:
        return known[wanted]
    if column == "force":
        folded = {_fold(alias): name for alias, name in known.items()}
        if _fold(wanted) in folded:
            return folded[_fold(wanted)]
    choices = sorted(set(known.values()))
    by_lower = {c.lower(): c for c in choices}
    close = [by_lower[c] for c in difflib.get_close_matches(wanted, by_lower, n=3, cutoff=0.5)]
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
