"""Mentions found in one sentence, and the document context carried between sentences."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple


from .periods import RELATIVE_OLDER, RELATIVE_PREVIOUS
from .wording import DISPOSAL_DEFAULT_OFFENCE, REVIEW_VERBS, window_contains
from .pipeline import COUNTS_KEY, PERIODS_KEY, doc_text, token_starts
from .vocab import canonical, force_of_body

_THE = re.compile(r"^the\s+", re.I)
ENTITY_KINDS = {"FORCE": "force", "OFFENCE": "offence", "DISPOSAL": "disposal"}
OTHER_OUTCOME = "other-outcome"
# A name after these is a caveat or a qualifier, not what the count is about.
_ASIDE = re.compile(r"(?:\(\s*[^()]*\b(?:including|incl\.?|excluding|excl\.?|except)|"
                    r"\b(?:exclude|excludes|excluding|excluded|except(?:\s+for)?|other\s+than|apart\s+from|"
                    r"not\s+including|does\s+not\s+include|do\s+not\s+include|"
                    r"replaced\s+(?:with|by)|superseded\s+by|in\s+favou?r\s+of|instead\s+of|rather\s+than|in\s+place\s+of|replacing))\s+(?:the\s+)?(?:an?\s+)?$", re.I)
_EXAMPLE = re.compile(r"\b(?:reserved|designed|intended|meant|normally|usually|typically|aimed|suitable|"
                      r"appropriate)\b[^.;:]{0,70}\b(?:like|such\s+as|e\.g\.?|for\s+example)\s+(?:[\w-]+\s+){0,2}$", re.I)
_SAMPLE_INTRO = re.compile(rf"\b(?:{REVIEW_VERBS})\b", re.I)
_JOINED = re.compile(r"\s*,?\s*(?:and|plus|as\s+well\s+as)\s+(?:to\s+)?(?:the\s+)?", re.I)
_SOURCE_LINE = re.compile(r"\s*(?:(?:sources?|notes?|date(?:\s+of\s+(?:response|request))?)\s*:|"
                          r"(?:published|updated|last\s+updated|first\s+published|posted|released)\b)", re.I)
_SUPERLATIVE_SCOPE = re.compile(r"\b(?:largest|biggest|smallest|highest|lowest|greatest|busiest|worst|best|most|"
                                r"least|fewest|only|top|bottom|quartile|ranked|ranking|ranks)\b[^.;:,()]{0,30}$", re.I)
# Forces that police a whole nation: in their own documents "the national figures" are theirs,
# and "forces in England and Wales" are other forces.
DEVOLVED_FORCES = {"Police Scotland", "Police Service of Northern Ireland"}
_OTHER_NATIONS = re.compile(r"england|wales", re.I)
_WHOLE_UK = re.compile(r"\b(?:uk|britain|united\s+kingdom)\b", re.I)

# Words one of which every match of _ASIDE / _EXAMPLE / _NO_DATA / _SUPERLATIVE_SCOPE contains:
# a substring test first skips the regular expression for almost every name (it runs once per
# name found).
_ASIDE_WORDS = ("incl", "excl", "except", "than", "apart", "replac", "supersed", "favo", "instead", "place")
_EXAMPLE_WORDS = ("like", "such", "e.g", "example")
_NO_DATA_WORDS = ("unable", "not", "excluded", "omitted", "missing")
_SUPERLATIVE_WORDS = ("est", "worst", "most", "least", "only", "top", "bottom", "quartile", "rank")  # largest, busiest, ...


def is_aside(text: str, cstart: int) -> bool:
    """Whether a name starting at cstart is a caveat or qualifier: "(excluding Devon and
    Cornwall)", "other than cautions"."""
    return window_contains(text, cstart - 60, cstart, _ASIDE_WORDS) and bool(_ASIDE.search(text, max(0, cstart - 60), cstart))


# "a dozen of the cautions were for ...": a part of the figure before, not the topic
SUBSET_AFTER = re.compile(r"\s+of\s+(?:the|these|those|them|which)\b", re.I)
_CLAUSE_THEN_VERB = re.compile(r"[^.;,]*,\s+(?:also\s+)?(?:issued|gave|used|handed|recorded|made|dealt|reported|cautioned|charged)\b", re.I)
_NO_DATA = re.compile(r"[\s,]*(?:(?:which|who)\s+)?(?:were|was|is|are|has|have|had)?\s*(?:been\s+)?"
                      r"(?:(?:unable|not\s+able)\s+to\s+(?:supply|provide|submit)\s+(?:data|figures|information)|"
                      r"not\s+(?:included|supplied|provided|submitted)\s+(?:in|data|figures)|"
                      r"did\s+not\s+(?:supply|provide|submit)\s+(?:data|figures)|"
                      r"could\s+not\s+(?:supply|provide)\s+(?:data|figures)|excluded\s+from|omitted\s+from|missing\s+from)", re.I)
# offence -> the broader offences it is a kind of
BROADER = {"child rape": ("rape", "sexual offences"), "rape": ("sexual offences",),
           "sexual assault": ("sexual offences",), "indecent exposure": ("sexual offences",),
           "common assault": ("violence against the person",), "shoplifting": ("theft",),
           "stalking and harassment": ("violence against the person",), "sexual grooming": ("sexual offences",),
           "indecent images of children": ("sexual offences",), "child sexual exploitation": ("sexual offences",),
           "sexual activity with a child": ("sexual offences",)}
CUE_KINDS = {"DISPOSAL_REF": "dref", "FORCE_REF": "fref", "NATIONAL": "national"}


# "1.", "2)", "(b)", "Question 2", "Q2", "Part 3": a numbered item of a request or answer
ENUMERATOR_RE = re.compile(r"^\s*(?:(?:(?:response|answer|reply)\s+to\s+)?(?:question|q|part|item|answer|ans|a|request)\s*"
                           r"(\d{1,2}|[a-h])\b[.):]?|\(?(\d{1,2}|[a-h])[.)](?=[ \t]*\S))", re.IGNORECASE)
# (an enumerator has its item after it: "   46." alone on a line is an answer, not item 46)


@dataclass(slots=True)
class Mention:
    kind: str        # force, offence, disposal, dref, fref, national, period, count
    start: int       # token indices in the Doc
    end: int
    cstart: int      # character offsets in the Doc
    cend: int
    value: object    # canonical name, period text or integer count


@dataclass(slots=True)
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
    national: bool = False      # force None because the text says national, not because unknown
    approximate: bool = False   # "more than 3,000", "nearly 1,500"
    subset: bool = False        # "a dozen of the cautions ...": a part of an earlier figure
    in_table: bool = False      # read from a table row
    table_start: int = -1       # where that table starts
    total_row: bool = False     # read from its "Total" row


@dataclass(slots=True)
class Context:
    """What the document has established so far (headline, earlier sentences, table captions)."""
    force: str | None = None
    force_recent: bool = False          # a force was named in the previous sentence
    forces_seen: set = field(default_factory=set)
    national: bool = False
    offence: str | None = None
    disposal: str | None = None
    disposal_age: int = 99              # sentences since a disposal was last named
    figure_age: int = 99                # sentences since the last one that gave a figure
    topic_disposal: str | None = None   # the first disposal the document names: its subject
    topic_offence: str | None = None    # the offence named before any figure: the story's
    offence_of_figure: bool = False     # the offence was named with a figure, not as the topic
    period: str | None = None
    last_figures: list = field(default_factory=list)
    recent_figures: list = field(default_factory=list)  # primaries of the last figure sentences
    list_mode: bool = False             # after a heading line ending with ':'
    items: dict = field(default_factory=dict)  # numbered request items -> (disposal, offence)
    heading_force: str | None = None    # a section headed by a force's name ("South Wales")
    letterhead_force: str | None = None  # the force whose name alone heads the document (its letter)
    campaign: bool = False              # the document reports an operation or crackdown
    disposals_named: list = field(default_factory=list)  # every disposal named so far, in order
    sample_intro: bool = False          # "the panel examined 32 cases chosen at random:" heads a sample
    other_outcome_heading: bool = False  # the last heading named an outcome we do not count
    last_line: str = ""                 # the text of the line read last (what introduces a table)
    national_document: bool = False     # national in scope before any force was named: a force
                                        # named later is a detail, not the document's force

    def default_force(self) -> str | None:
        if self.national:
            return None
        if self.force_recent:
            return self.force
        if (self.list_mode or len(self.forces_seen) == 1) and not self.national_document:
            return self.force
        return self.heading_force or self.letterhead_force

    def quiet_sentence(self, line: Line) -> None:
        """A sentence that names nothing: recency fades; it may still open or close a list."""
        self.sample_intro = line.sample_intro
        self.last_line = line.text
        if line.heading:
            self.heading_force = None  # "What the commissioners say": the force's section is over
            _new_section(self, False)
        self.disposal_age += 1
        self.figure_age += 1
        self.force_recent = False
        self.last_figures = []
        _line_state(self, line, False, False)

    def quiet_again(self) -> None:
        """quiet_sentence() once more for the same line, right after it: only recency moves on.
        An age of 0 here means the line is a numbered item that names its disposal afresh
        every time (_line_state), so it stays 0."""
        self.disposal_age += 1 if self.disposal_age else 0
        self.figure_age += 1

    def last_primary(self) -> Draft | None:
        for d in reversed(self.last_figures):
            if not d.is_previous:
                return d
        return None


_NOT_A_FORCE_CASED = frozenset(("MPs", "mps", "Mps"))
NEGATED = re.compile(r"\b(?:not|never|nor)\s+(?:an?\s+)?$", re.I)
_TEXT_ORDER = attrgetter("start", "end")  # a C-level key: mentions are sorted once per text block


def doc_mentions(doc) -> list[Mention]:
    """All mentions of a Doc in text order; counts overlapping names or periods are dropped."""
    if "pw_mentions" in doc.user_data:
        return doc.user_data["pw_mentions"]
    out: list[Mention] = []
    blocked = bytearray(len(doc) + 1)   # tokens inside a name or period: never a count
    ents = doc.user_data["pw_ents"]  # the components' tuples (see pipeline.py)
    if ents:
        text = doc_text(doc)
        idx = token_starts(doc)
    for label, ent_id, start, end in ents:
        blocked[start:end] = b"\x01" * (end - start)
        kind = ENTITY_KINDS.get(label) or CUE_KINDS.get(label)
        if label == "NOT_DISPOSAL" and ent_id == OTHER_OUTCOME:
            kind = "other"  # "outcome 22", "Recorded Police Warnings": an outcome, not a listed disposal
        elif label == "NOT_FORCE":
            kind = "body"   # "Lincolnshire Police and Crime Panel": names the force of the document
        if not kind:
            continue
        cstart, cend = idx[start], idx[end]
        if kind == "force" and text[cstart:cend] in _NOT_A_FORCE_CASED:
            continue  # matching ignores case: "MPS" is the Met, "MPs" are Members of Parliament
        while cend > cstart and text[cend - 1].isspace():
            cend -= 1
        value = canonical(label, ent_id) if label in ENTITY_KINDS else text[cstart:cend]
        if kind == "body":
            value = force_of_body(value)
        if kind == "offence" and window_contains(text, cstart - 90, cstart, _EXAMPLE_WORDS) and _EXAMPLE.search(
                text, max(0, cstart - 90), cstart):
            continue  # "a punishment normally reserved for low-level crimes like graffiti"
        if (kind == "force" and window_contains(text, cend, cend + 80, _NO_DATA_WORDS)
                and (no_data := _NO_DATA.match(text, cend, cend + 80))
                and not _CLAUSE_THEN_VERB.match(text, no_data.end(), no_data.end() + 80)):
            continue  # "(1) Devon and Cornwall Police were unable to supply data": a caveat
            # (not "Avon and Somerset Police, which did not provide figures for 2023, issued 1,310 ...")
        if kind == "disposal" and text[cstart - 1:cstart] == " " and NEGATED.search(text, max(0, cstart - 12), cstart):
            kind = "other"  # "is not a caution": named to be denied, so no count's disposal and no topic
        if kind in ("disposal", "force", "offence") and is_aside(text, cstart):
            continue  # "(adult caution, including conditional cautions)", "Excludes Devon and Cornwall"
        if kind == "national" and window_contains(text, cstart - 50, cstart, _SUPERLATIVE_WORDS) and _SUPERLATIVE_SCOPE.search(
                text, max(0, cstart - 50), cstart):
            continue  # "Dyfed-Powys, the largest force area in England and Wales, ...": a comparison
        if value:
            out.append(Mention(kind, start, end, cstart, cend, value))
    # "the 43 forces in England and Wales and British Transport Police": the force is part
    # of the national scope, not the force the figures belong to
    out = [m for k, m in enumerate(out) if not (
        m.kind == "force" and k > 0 and out[k - 1].kind == "national"
        and _JOINED.fullmatch(text, out[k - 1].cend, m.cstart))]
    periods = doc.user_data[PERIODS_KEY]
    doc_str = doc_text(doc) if periods else ""
    last_end = -10
    for start, end, cstart, cend, text in periods:
        blocked[start:end] = b"\x01" * (end - start)
        bracketed = (doc_str[cstart - 1:cstart] == "(" and doc_str[cend:cend + 1] == ")"
                     and not doc_str[last_end:cstart - 1].strip(" ,"))
        last_end = cend
        if bracketed:
            continue  # "year ending March 2024 (2023)": the earlier period of bracketed values
        value = _THE.sub("", text) if text[:3].lower() == "the" else text
        out.append(Mention("period", start, end, cstart, cend, value))
    for start, end, cstart, cend, value in doc.user_data[COUNTS_KEY]:
        if not any(blocked[start:end]):
            out.append(Mention("count", start, end, cstart, cend, value))
    out.sort(key=_TEXT_ORDER)
    doc.user_data["pw_mentions"] = out
    return out


def by_sentence(sents: list, mentions: list[Mention]) -> Iterator[tuple[object, list[Mention]]]:
    """Each sentence with fresh copies of its mentions (linking resolves references in place)."""
    k = 0
    for sent in sents:
        while k < len(mentions) and mentions[k].start < sent.start:
            k += 1
        inside = []
        while k < len(mentions) and mentions[k].start < sent.end:
            m = mentions[k]
            if m.end <= sent.end:
                # references get resolved in place: those need their own copy
                inside.append(Mention(m.kind, m.start, m.end, m.cstart, m.cend, m.value)
                              if m.kind in ("dref", "fref") else m)
            k += 1
        yield sent, inside


class Line(NamedTuple):
    """What the line holding a sentence says by itself, read once for all its sentences
    (a paragraph is one line, often many sentences and thousands of characters long)."""
    text: str
    end: str             # its last character that is not blank
    heading: bool        # short, no closing punctuation: "What the commissioners say"
    sample_intro: bool   # "The panel examined 32 cases chosen at random:" heads a sample
    item: str | None     # "2." / "Question 2": the number of a request's item


def read_line(text: str) -> Line:
    """The Line of a line's text (without its line break)."""
    stripped = text.strip()
    end = stripped[-1:]
    # a bulleted line ("- 11:15 City of London Police") is a list item, not a section's heading
    heading = (0 < len(stripped) <= 60 and end not in ".!?:;,\"”" and not stripped[:1].islower()
               and stripped[:1] not in "-•*–")
    return Line(text, end, heading, end == ":" and bool(_SAMPLE_INTRO.search(text)), _item(text[:40]))


_TALLY_QUESTION = re.compile(r"\bhow\s+many\b[^?]*\b(?:were|was|have\s+been|had\s+been)\s+(?:recorded|reported|"
                             r"made|arrested|received|logged)\b", re.I)


def _new_section(ctx: Context, names_offence: bool) -> None:
    """A heading ("3.3 Cautions") starts a section: the offence of the last figure ("For sexual
    offences, 1,486 ...") stays with it; an offence the document is about carries on."""
    if ctx.offence_of_figure and not names_offence:
        ctx.offence, ctx.offence_of_figure = ctx.topic_offence, False


def localise_national(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """In a Police Scotland or PSNI document "the national figures" mean the force's own and
    "forces in England and Wales" are others: neither makes the figures national."""
    if not any(m.kind == "national" for m in mentions):
        return mentions
    named = {m.value for m in mentions if m.kind == "force"} | ctx.forces_seen
    own = next(iter(named)) if len(named) == 1 else None
    if own not in DEVOLVED_FORCES:
        return mentions  # only in the force's own documents, not where other forces are named too
    out = []
    for m in mentions:
        if m.kind == "national" and not _WHOLE_UK.search(str(m.value)):
            if _OTHER_NATIONS.search(str(m.value)):
                continue
            m = Mention("fref", m.start, m.end, m.cstart, m.cend, own)
        out.append(m)
    return out


def update(ctx: Context, mentions: list[Mention], drafts: list[Draft], line: Line,
           subset: bool = False) -> None:
    """Carry what this sentence established forward to the next one."""
    ctx.sample_intro = line.sample_intro
    ctx.last_line = line.text
    last = {}
    for m in mentions:
        last[m.kind] = m
    forces = [m for m in mentions if m.kind == "force"]
    if line.heading:
        _new_section(ctx, "offence" in last)
        if len(forces) == 1 and len(line.text.strip()) <= forces[0].cend - forces[0].cstart + 8:
            ctx.heading_force = forces[0].value  # a section about one force: "South Wales"
        elif not forces:
            ctx.heading_force = None
    if ("disposal" not in last and "dref" not in last and line.end == "?" and not drafts
            and _TALLY_QUESTION.search(line.text)):
        ctx.disposal = None  # "Q6. How many hate crimes were recorded in each year?": its answers are crimes
    if ("other" in last and "disposal" not in last and not drafts
            and (line.end == ":" or line.heading)):
        # "Recorded Police Warnings issued (s.39):", "Recorded Police Warnings issued" over a
        # table: it heads a list of an outcome we do not count
        ctx.disposal, ctx.other_outcome_heading = None, True
    elif "disposal" in last:
        ctx.other_outcome_heading = False
    ctx.disposal_age += 1
    if "disposal" in last:
        ctx.disposals_named.extend(m.value for m in mentions if m.kind == "disposal")
        ctx.disposal, ctx.disposal_age = last["disposal"].value, 0
        ctx.topic_disposal = ctx.topic_disposal or next(m.value for m in mentions if m.kind == "disposal")
    elif "dref" in last and last["dref"].value and drafts:
        # "using the soft option 37 times" read as the story's community resolutions: "the
        # sanction" in the next sentence is that one too
        ctx.disposal, ctx.disposal_age = last["dref"].value, 0
    if "offence" in last:
        offences = {m.value for m in mentions if m.kind == "offence"}
        # a breakdown over several offences leaves the document's topic offence in place
        # a narrower offence given with a figure ("a further 17 for rape of a child under 13")
        # is a part of the topic ("rape"), not a new topic for the figures after it
        narrower = bool(drafts) and ctx.offence in BROADER.get(last["offence"].value, ())
        # "guidance says it should not be used for serious sexual offences" in a piece about
        # child rape: a passing mention of the broader group does not change the topic
        broader = not drafts and last["offence"].value in BROADER.get(ctx.offence, ())
        # "cannabis warnings for 21,405 drug possession offences": the offence the disposal
        # implies anyway is no new topic for the figures after it
        implied = bool(drafts) and all(DISPOSAL_DEFAULT_OFFENCE.get(d.disposal) == last["offence"].value for d in drafts)
        if len(offences) == 1 and not subset and not narrower and not broader and not implied:
            ctx.offence = last["offence"].value
            ctx.offence_of_figure = bool(drafts)
            if not drafts and not ctx.recent_figures:
                ctx.topic_offence = ctx.topic_offence or ctx.offence  # named before any figure: the story's
    body = last.get("body")
    if body is not None and ctx.force is None and not ctx.forces_seen:
        # a panel or commissioner of one force: "the force" in its papers means that force
        ctx.force = body.value
        ctx.forces_seen.add(body.value)
    force = last.get("force")
    nat = last.get("national")
    if force is not None and (nat is None or force.start > nat.start):
        ctx.force, ctx.national, ctx.force_recent = force.value, False, True
        ctx.forces_seen.update(m.value for m in mentions if m.kind == "force")
    elif nat is not None:
        ctx.national, ctx.force_recent = True, False
        ctx.national_document = ctx.national_document or not ctx.forces_seen
    else:
        ctx.force_recent = False
    primaries = [d for d in drafts if not d.is_previous]
    if primaries and primaries[-1].period and not RELATIVE_OLDER.search(primaries[-1].period):
        ctx.period = primaries[-1].period
    else:
        periods = [m.value for m in mentions if m.kind == "period" and not RELATIVE_PREVIOUS.search(str(m.value))]
        if periods and not _SOURCE_LINE.match(line.text):  # "Source: replies received in July 2024"
            ctx.period = periods[-1]
    ctx.last_figures = drafts
    ctx.figure_age = 0 if primaries else ctx.figure_age + 1
    if drafts:
        ctx.recent_figures = (ctx.recent_figures + [d for d in drafts if not d.is_previous])[-12:]
    item = line.item
    _line_state(ctx, line, any(m.kind == "count" for m in mentions), "disposal" in last)
    if item and "disposal" in last:  # "2. The number of cannabis warnings ...": remember item 2
        ctx.items[item] = (last["disposal"].value, last["offence"].value if "offence" in last else None)
    elif (item and "offence" in last and ctx.items and ctx.disposal and item not in ctx.items
          and not any(m.kind == "count" for m in mentions)):
        # "Q2. Of these, how many related to indecent exposure?": the narrower offence of
        # the disposal the request's earlier item named
        ctx.items[item] = (ctx.disposal, next(m.value for m in mentions if m.kind == "offence"))


def enter_answer_line(ctx: Context, line: Line, mentions: list[Mention]) -> None:
    """'1. 2021 - 17; 2022 - 22' answers item 1 of the request: read it with the disposal and
    offence that item named. An answer to an item that named none ('2. Seven in total', for
    'How many of these involved a child?') has no disposal of its own."""
    if not ctx.items or any(m.kind in ("disposal", "dref") for m in mentions):
        return
    item = line.item
    if item is None:
        return
    if item in ctx.items:
        ctx.disposal, offence = ctx.items[item]
        ctx.offence = offence or ctx.offence
        ctx.disposal_age, ctx.list_mode = 0, True
    elif item.isdigit() == any(k.isdigit() for k in ctx.items):
        ctx.disposal, ctx.list_mode = None, False
    # else "(b) Burglary: 2021 - 12" under "Q2.": a lettered part of a numbered answer


def _item(line_text: str) -> str | None:
    head = line_text.lstrip()[:4]
    first = head[:1].lower()
    if first.isascii() and first not in "raqpi(" and not (
            (first.isdigit() or first in "abcdefgh") and ("." in head or ")" in head)):
        return None  # what every match starts with: a digit or a-h before "." or ")", or Q, Part, Item ...
    m = ENUMERATOR_RE.match(line_text)
    return (m.group(1) or m.group(2)).lower() if m else None


def _line_state(ctx: Context, line: Line, has_count: bool, names_disposal: bool) -> None:
    """Headings open a list of short lines ('2020/21: 14'); prose closes it."""
    end, item = line.end, line.item
    long_line = len(line.text) > 120
    heading = end == ":" or (not long_line and end not in (".", "!", "?", '"', "”") and names_disposal)
    if item and not names_disposal and item in ctx.items and not has_count:
        # "Question 2" / "2." in the answer part: the disposal the request's item 2 named
        ctx.disposal, offence = ctx.items[item]
        ctx.offence = offence or ctx.offence
        ctx.disposal_age, ctx.list_mode = 0, True
    elif heading and not has_count:
        ctx.list_mode = True
    elif long_line or (end == "." and not has_count):
        ctx.list_mode = False
