"""PoliceWatch figure extraction.

    from nlp import extract, extract_many, Figure
    extract("Kent Police issued 45 cautions for shoplifting in 2023")

Rules and vocabularies only (spaCy blank English + EntityRuler): no model download.

How a document is read:
  1. A text that contains no disposal word at all is skipped (vocab.disposal_keys).
  2. segment.py splits it into prose blocks and tables (pipe, tab or space aligned).
  3. Prose goes through the spaCy pipeline (pipeline.py): the ruler marks forces,
     offences, disposals and cues from patterns/*.jsonl; components mark periods and
     candidate counts (numbers.py drops ages, years, money, rates, officers...).
  4. linking.py attaches every count to a disposal, force, offence and period, using
     the sentence first and the document context (context.py) second; tables.py does
     the same from header rows, row labels and captions.
  5. Repeats are merged and the result frozen into Figure records.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from .context import Context, Draft
from .figure import Figure
from .html import html_to_text
from .linking import link_doc
from .pipeline import build_pipeline, get_nlp, make_doc
from .segment import segment
from .tables import link_table
from .vocab import disposal_keys, force_named_by

__all__ = ["Figure", "extract", "extract_many", "html_to_text", "get_nlp", "build_pipeline"]


def extract(text: str) -> list[Figure]:
    """All figures in one document."""
    return next(extract_many([text]))


def extract_many(texts: Iterable[str], batch_size: int = 32) -> Iterator[list[Figure]]:
    """Figures per document, in input order; paragraphs of a batch go through nlp.pipe together."""
    nlp = get_nlp()
    it = iter(texts)
    while True:
        batch = [t if isinstance(t, str) else "" for t in islice(it, max(1, batch_size))]
        if not batch:
            return
        plans = [segment(t) if _may_hold_figures(t) else [] for t in batch]
        docs = nlp.pipe((make_doc(nlp, b.text) for plan in plans for b in plan if b.kind == "text"),
                        batch_size=256)
        for text, plan in zip(batch, plans):
            ctx = Context(letterhead_force=_letterhead(text) if plan else None)
            drafts: list[Draft] = []
            waiting = []  # tables whose disposal is only named in the text after them
            for block in plan:
                if block.kind == "text":
                    drafts.extend(link_doc(next(docs), block.start, ctx))
                    for table in waiting:
                        drafts.extend(link_table(table, ctx, nlp) or [])
                    waiting = []
                else:
                    found = link_table(block, ctx, nlp)
                    if found is None:
                        waiting.append(block)
                    drafts.extend(found or [])
            yield _finish(drafts)


def _letterhead(text: str) -> str | None:
    """The force named alone on the document's first line ("Suffolk Constabulary" over an FOI
    letter from a unit the force shares with Norfolk): the figures' force when no other is."""
    first = _FIRST_LINE.match(text).group(1)  # not text.lstrip(): that copies the whole document
    return force_named_by(first) if first else None


_FIRST_LINE = re.compile(r"\s*([^\n]{0,80})")


def _may_hold_figures(text: str) -> bool:
    low = text.lower()
    for key in disposal_keys():  # a plain loop: any() over a generator costs more than the tests
        if key in low:
            return True
    return False


def _compatible(a: Draft, b: Draft) -> bool:
    if (a.count and a.table_start == b.table_start >= 0 and a.char_start != b.char_start
            and not (a.total_row or b.total_row)):
        return False  # two rows of one table ("Bradford 12", "Leeds 12") are two figures
    # (but a total equal to one row restates it, and a table's nil rows stay one per kind)
    return all(x is None or y is None or x == y for x, y in ((a.offence, b.offence), (a.period, b.period)))


def _restated_across(a: Draft, b: Draft) -> bool:
    """A table's figure restated in the text around it ("Sussex told us of its 219 community
    resolutions"): the text's period is often loose ("the year", a date from a source line),
    so a count of ten or more of the same force, disposal and offence is taken as the same."""
    return a.in_table != b.in_table and a.count >= 10 and (a.offence is None or b.offence is None or a.offence == b.offence)


_DEFINITE_NUMBER = re.compile(r"\b(?:the|those|these)\s+(\d[\d,]*)", re.I)


def _restates(d: Draft) -> bool:
    """Whether the quote says "the 146 ..." of this draft's count."""
    written = (f"{d.count:,}", str(d.count))
    return any(m.group(1).rstrip(",") in written for m in _DEFINITE_NUMBER.finditer(d.quote))


def _finish(drafts: list[Draft]) -> list[Figure]:
    """Merge repeats (a headline restating the body) and freeze into Figures."""
    kept: list[Draft] = []
    by_key: dict[tuple, list[Draft]] = {}  # long tables: keep this linear
    for d in drafts:
        same = by_key.setdefault((d.force, d.disposal, d.count), [])
        twin = next((k for k in same if _compatible(k, d)), None) or next(
            (k for k in same if _restated_across(k, d)), None)
        if twin is None:
            kept.append(d)
            same.append(d)
            continue
        twin.offence = twin.offence or d.offence
        twin.period = twin.period or d.period
        if twin.previous_count is None and d.previous_count is not None:
            twin.previous_count, twin.change_pct = d.previous_count, d.change_pct
    # "the 146 people charged" after "charged 146 people": a definite restatement, not a new figure
    # (by_key groups drafts of the same force, disposal and count already)
    kept = [d for d in kept if not (len(group := by_key[(d.force, d.disposal, d.count)]) > 1
                                    and any(o.char_start < d.char_start for o in group) and _restates(d))]
    # "More than 3,000 ..." in a headline, "3,112 cautions" in the body: the rounded
    # restatement is not a figure of its own.
    if any(d.approximate for d in kept):
        exact = [d for d in kept if not d.approximate]
        kept = [d for d in kept if not (d.approximate and any(
            (o.force, o.disposal) == (d.force, d.disposal)
            and _compatible(o, d) and abs(o.count - d.count) <= 0.15 * max(o.count, d.count) for o in exact))]
    return [Figure(d.force, d.disposal, d.offence, d.count, d.period, d.quote, d.char_start,
                   d.char_end, d.previous_count, d.change_pct) for d in kept]
