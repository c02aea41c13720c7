"""Mentions found in one sentence, and the document context carried between sentences."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from .periods import RELATIVE_PREVIOUS
from .pipeline import COUNTS_KEY, CUES_KEY, PERIODS_KEY
from .vocab import canonical

ENTITY_KINDS = {"FORCE": "force", "OFFENCE": "offence", "DISPOSAL": "disposal"}
CUE_KINDS = {"DISPOSAL_REF": "dref", "FORCE_REF": "fref", "NATIONAL": "national"}


@dataclass
class Mention:
    kind: str        # force, offence, disposal, dref, fref, national, period, count
    start: int       # token indices in the Doc
    end: int
    cstart: int      # character offsets in the Doc
    cend: int
    value: object    # canonical name, period text or integer count


@dataclass
class Draft:
    """A figure being assembled; becomes a Figure once the document is read."""
    force: str | None
    disposal: str
    offence: str | None
    count: int
    period: str | None
    quote: str
    char_start: int
    char_end: int
    previous_count: int | None = None
    change_pct: float | None = None
    is_previous: bool = False   # the older value of a comparison


@dataclass
class Context:
    """What the document has established so far (headline, earlier sentences, table captions)."""
    force: str | None = None
    force_recent: bool = False          # a force was named in the previous sentence
    forces_seen: set = field(default_factory=set)
    national: bool = False
    offence: str | None = None
    disposal: str | None = None
    disposal_age: int = 99              # sentences since a disposal was last named
    period: str | None = None
    last_figures: list = field(default_factory=list)
    list_mode: bool = False             # after a heading line ending with ':'

    def default_force(self) -> str | None:
        if self.national:
            return None
        if self.list_mode or len(self.forces_seen) == 1 or self.force_recent:
            return self.force
        return None

    def last_primary(self) -> Draft | None:
        for d in reversed(self.last_figures):
            if not d.is_previous:
                return d
        return None


def gather(sent: Span) -> list[Mention]:
    """All mentions inside the sentence, in text order; counts overlapping names are dropped."""
    doc = sent.doc
    out: list[Mention] = []
    blocked: list[tuple[int, int]] = []
    for ent in sent.ents:
        blocked.append((ent.start, ent.end))
        kind = ENTITY_KINDS.get(ent.label_)
        if kind:
            name = canonical(ent.label_, ent.ent_id_)
            if name:
                out.append(Mention(kind, ent.start, ent.end, ent.start_char, ent.end_char, name))
    for key, store in ((CUES_KEY, CUE_KINDS), (PERIODS_KEY, None)):
        for sp in doc.spans.get(key, []):
            if sp.start < sent.start or sp.end > sent.end:
                continue
            kind = store.get(sp.label_) if store else "period"
            if kind is None:
                continue
            if any(sp.start < e and s < sp.end for s, e in blocked if kind in ("dref", "fref")):
                continue  # "the penalty" inside "the penalty notice"
            text = re.sub(r"^the\s+", "", sp.text, flags=re.I) if kind == "period" else sp.text
            out.append(Mention(kind, sp.start, sp.end, sp.start_char, sp.end_char, text))
            if kind in ("period", "national"):
                blocked.append((sp.start, sp.end))
    for sp in doc.spans.get(COUNTS_KEY, []):
        if sp.start < sent.start or sp.end > sent.end:
            continue
        if any(sp.start < e and s < sp.end for s, e in blocked):
            continue
        out.append(Mention("count", sp.start, sp.end, sp.start_char, sp.end_char, sp._.pw_value))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def update(ctx: Context, mentions: list[Mention], drafts: list[Draft], line_text: str) -> None:
    """Carry what this sentence established forward to the next one."""
    last = {}
    for m in mentions:
        last[m.kind] = m
    ctx.disposal_age += 1
    if "disposal" in last:
        ctx.disposal, ctx.disposal_age = last["disposal"].value, 0
    if "offence" in last:
        ctx.offence = last["offence"].value
    force = last.get("force")
    nat = last.get("national")
    if force is not None and (nat is None or force.start > nat.start):
        ctx.force, ctx.national, ctx.force_recent = force.value, False, True
        ctx.forces_seen.update(m.value for m in mentions if m.kind == "force")
    elif nat is not None:
        ctx.national, ctx.force_recent = True, False
    else:
        ctx.force_recent = False
    primaries = [d for d in drafts if not d.is_previous]
    if primaries and primaries[-1].period:
        ctx.period = primaries[-1].period
    else:
        periods = [m.value for m in mentions if m.kind == "period" and not RELATIVE_PREVIOUS.search(str(m.value))]
        if periods:
            ctx.period = periods[-1]
    ctx.last_figures = drafts
    stripped = line_text.rstrip()
    has_count = any(m.kind == "count" for m in mentions)
    heading = stripped.endswith(":") or (
        len(stripped) < 120 and not stripped.endswith((".", "!", "?", '"', "”")) and "disposal" in last)
    if heading and not has_count:
        ctx.list_mode = True  # a heading: the short lines below it are its list
    elif len(stripped) > 120 or (stripped.endswith(".") and not has_count):
        ctx.list_mode = False  # the list ended: back to prose
