"""Attach each count in a sentence to its disposal, force, offence and period.

The rules work on token positions: a name right after the count ("612 community
resolutions for shoplifting") beats one in the same stretch before it ("Kent Police
on 24"), which beats any other in the sentence, which beats the document context.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from .context import (BROADER, SUBSET_AFTER, Context, Draft, Mention, by_sentence, doc_mentions, enter_answer_line,
                      localise_national, read_line, update)
from .periods import RELATIVE_OLDER
from .pipeline import doc_text
from .sentences import Sent, sentences
from .wording import (
    ACTIVITY_AFTER, APPROX_BEFORE, ASSIGNED_TO, CAMPAIGN, BASE_POST, CRIME_TALLY_VERB, DEALT_WITH, PLURAL_FORCES, REPLACED_WITH, SAME_SHAPE, YOUTH_AFTER, TALLY_NOUN, CLAUSE_BREAK, COMPARE_HINT, COMPARE_PRE, DISPOSAL_DEFAULT_OFFENCE,
    FIGURE_REF, FIGURE_NOUN_REF, IT_CHANGED, FROM_END, GLUE, IN_WORDS, ISSUED_VERB, LIST_LINE, NEWLINE, OTHER_VERB,
    contains_any, window_contains, ALL_OFFENCES, GENERIC_DISPOSAL, OUT_OF_COURT_KINDS, LABEL_COLON, REVIEW_VERBS, OTHER_CLAUSE, RISE_TO, CRIME_NOUN_AFTER, TOTAL_AFTER, PAREN_COMPARE, PAREN_ITEM, RECORDED, SUBSET_START, SUBSET_WORDS, TO_BETWEEN, YOUTH_BEFORE,
)


SHARE_VERB = re.compile(r"\s+(?:made\s+up|makes\s+up|make\s+up|accounted\s+for|accounts\s+for|account\s+for|"
                        r"represented|comprised|totalled|totaled|came\s+to)\s+(?:some\s+|about\s+|around\s+|another\s+|a\s+further\s+)?",
                        re.I)
FOR_OFFENCE = re.compile(r"\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:for|related\s+to|involved)\s+(?:the\s+|an?\s+)?", re.I)
NOT_A = re.compile(r"\b(?:not|neither|nor|never)\s+(?:an?\s+|the\s+)?(?:formal\s+|recognised\s+|official\s+)?$", re.I)
# between the parts of a listed sample: "60 records: 30 community resolutions, 20 ..."
SAMPLE_LIST = re.compile(r"[^.;\d]{0,60}?(?::|,|\band\b)\s*", re.I)
# fixed penalties of councils, wardens and the DVLA are not police disposals
NOT_POLICE_ISSUER = re.compile(r"\b(?:council'?s?|local\s+authorit(?:y|ies)|civil\s+enforcement|enforcement\s+officers|"
                               r"(?:dog|street|litter|parking|traffic)\s+wardens?|environmental\s+health)\b"
                               r"(?:(?!\bpolice\b)[^.;])*\b(?:issued|gave|handed\s+out|imposed)\b[^.;]*$", re.I)
_ISSUER_WORDS = ("council", "authorit", "enforcement", "warden", "environmental")
_SAMPLE_WORDS = ("review", "audit", "examin", "sampl", "scrutini", "inspect", "assess")
# a line that starts with an item number ("1.", "(b)", "Question 2"): see context._item
ITEM_LINE = re.compile(r"^[ \t]*(?:\(?(?:\d{1,2}|[a-h])[.)]|(?:question|q|part|item|request)\s*\d)", re.I | re.M)
RANKED_AMONG = re.compile(r"\b(?:most|least)\s+(?:common(?:ly\s+used)?|frequent(?:ly\s+used)?|used|popular|widely\s+used)\s+"
                          r"(?:(?:type|form|kind)\s+of\s+)?$|\bcommonest\s+$", re.I)
# A scrutiny panel's verdicts on the cases it sampled ("Of the 6 community resolutions reviewed,
# members were satisfied that 5 met the criteria"): small counts there are of the sample.
_REVIEWER_WORDS = _SAMPLE_WORDS + ("panel", "members", "files")
_VERDICT_WORDS = ("appropriate", "satisfied", "judged", "deemed", "proportionate", " felt ", "compliant", "criteria",
                  "found that")
_CAMPAIGN_WORDS = ("-long", "action", "crackdown", "campaign", "blitz", "operation", "initiative")
# every match of OTHER_VERB / BASE_POST holds one of these: a cheap test before the pattern
_OTHER_VERB_WORDS = _SAMPLE_WORDS + ("replac", "check", "survey", "interview", "looked", "spoke", "contact", "trained",
                                     "read", "through")
_TALLY_VERB_WORDS = ("record", "receiv", "report", "logged", "attended", "investigated", "responded", "admit", "seized",
                     "recovered", "arrested", "detained", "stopped", "searched", "identified", "employ", "recruited",
                     "trained", "divert", "referr")
_APPROX_WORDS = ("nearly", "almost", "than", "over", "around", "about", "some", "roughly", "approximately", "least",
                 "up", "close", "upwards", "under")
_RECORDED_WORDS = ("recorded", "reported", "logged")
_ISSUED_WORDS = ("issued", "hand", "gave", "given", "dished", "administered", "imposed", "used")
_BASE_POST_WORDS = ("which", "recorded", "reported", "logged")  # ", of which" or the verb of a tally
SAMPLE_INTRO = re.compile(rf"\b(?:{REVIEW_VERBS}|inspected|assessed)\s+(?:a\s+sample\s+of\s+)?\d[\d,]*[^.;:]*:[^.;]*$", re.I)
# "the number of teenagers cautioned", "children given a conditional caution": the youth kind
YOUNG_SUBJECT = re.compile(r"\b(?:teenagers?|children|child|under-18s?|juveniles?|youngsters?|boys|girls|young\s+people)\s+"
                           r"(?:(?:were|was|being|been|who\s+were)\s+)?(?:given\s+(?:an?\s+)?|handed\s+(?:an?\s+)?|receiving\s+(?:an?\s+)?)?$", re.I)
# an answer line that is only its number, perhaps after a short lead: "Nine.", "... records system: 12."
BARE_ANSWER = re.compile(r"\s*(?:[^.?!\n]{0,140}:\s*)?(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)\.?\s*", re.I)
GOT_BEFORE = re.compile(r"\s+(?:[\w'-]+\s+){0,6}?(?:got|received|were\s+given|was\s+given)\s+(?:an?\s+)?", re.I)
ALL_OF_THEM = re.compile(r"\ball\s+(?:of\s+(?:them|which|these)\s+)?(?:were\s+|being\s+)?(?:an?\s+)?$", re.I)
WITH_AFTER = re.compile(r"\bwith\s+(?:an?\s+|the\s+)?$", re.I)
RESOLVED_BEFORE = re.compile(r"\b(?:resolved|resolving|dealt\s+with|dealing\s+with|settled|settling|disposed\s+of|closed)\s+"
                             r"(?:a\s+further\s+|another\s+|some\s+|about\s+|around\s+|nearly\s+|almost\s+)?$", re.I)
BY_WAY_OF = re.compile(r"\b(?:by|through|via)\s+(?:(?:way|means)\s+of\s+)?(?:an?\s+|the\s+|its\s+|their\s+)?$", re.I)
SAID_AFTER = re.compile(r"\s*(?:has\s+|had\s+)?(?:said|says|told|added|confirmed|reported|announced)\b", re.I)
RELATIVE_OPEN = re.compile(r",\s*(?:which|who|whose)\b[^,;]*$", re.I)
NOT_HANDED_OUT = ("no further action", "charge")  # outcomes nobody "hands out" or "uses"
LABEL_GAP = re.compile(r"\s*[:=\-–]?\s*(?:around|about|nearly|almost|some|roughly|over|just\s+over|under)?\s*", re.I)
LIST_GAP = re.compile(r"\s*(?:,|and|&|,\s*and)\s*", re.I)
EITHER_GAP = re.compile(r"\s*(?:,\s*)?(?:or|and/or)\s+(?:an?\s+|the\s+)?", re.I)


# a disposal -> the narrower kinds "such <disposal>" may refer back to
NARROWER_KINDS = {"caution": ("conditional caution", "youth caution", "youth conditional caution"),
                  "youth caution": ("youth conditional caution",)}


_COMPARE_FILLERS = {"the", "just", "only", "some", "around", "about"}
_COMPARE_ENDS = ("with", "to", "from", "against", "versus", "vs", "vs.", "on")


def _may_compare(pre: str) -> bool:
    """What every match of COMPARE_PRE ("compared with the ", "up from ") has: past the
    fillers, the last word ends in with, to, from, on, against or versus. Testing the words
    first skips that pattern, which tries every position of the text, for most counts."""
    words = pre.lower().split()
    while words:
        if words[-1] in _COMPARE_FILLERS:
            words.pop()
        elif words[-3:] == ["a", "total", "of"]:
            del words[-3:]
        else:
            break
    return bool(words) and words[-1].endswith(_COMPARE_ENDS)


def _reports_campaign(text: str, start: int, end: int, low: str) -> bool:
    """"a week-long crackdown", "during the operation": text[start:end] reports a campaign
    (low: that stretch in lower case, for the substring test that guards the pattern)."""
    return contains_any(low, _CAMPAIGN_WORDS) and bool(CAMPAIGN.search(text, start, end))


# "... and Suffolk Constabulary each issued 22", "... each recorded 140"
_EACH_VERB = re.compile(r"\s+each\s+(?:[a-z]+ed|gave|handed\s+out|made)\b[^\d.;:,]{0,30}", re.I)
_FORCE_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", re.I)


# "21 youth cautions and youth conditional cautions (combined)", "902 cautions and community resolutions"
COMBINED_PAIR = re.compile(r"\s*(?:,|and|and/or|&|/)\s*(?:the\s+)?", re.I)


# "reports ... rose ... to": what rose is a tally of crimes, not of disposals
CRIME_NOUN_RISING = re.compile(r"\b(?:reports|incidents|allegations|arrests|calls)\b(?:\s+[\w-]+){0,5}\s+(?:has\s+|have\s+|"
                               r"had\s+)?(?:rose|risen|increased|fell|fallen|dropped|climbed|jumped|grew)\b", re.I)


# "In 2022 the corresponding figures were 31, 12 and 5": the figures before, in order, again
CORRESPONDING = re.compile(r"\b(?:corresponding|equivalent|comparable)\s+(?:figures|numbers|totals)\s+(?:were|was|are)\b")
FOUND_APPROPRIATE = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:were|was)\s+(?:all\s+)?(?:found|judged|deemed|assessed|considered|"
                               r"rated)\s+(?:to\s+(?:be|have\s+been)\s+)?(?:as\s+)?(?:in)?appropriate\b", re.I)
PART_OF_THOSE = re.compile(r"\s+of\s+(?:those|these|them)\s+(?:involved|were|was|related|concerned|involving)\b", re.I)
OF_THE = re.compile(r"\s+of\s+(?:the|these|those|its|their)\s+", re.I)
WERE_GAP = re.compile(r"(?:\s+[^\s.;,]+){0,8}?\s+(?:were|was)\s+(?:(?:issued\s+as|given\s+as|in\s+the\s+form\s+of)\s+)?(?:an?\s+)?", re.I)


def _first(items: list[Mention]) -> Mention | None:
    return items[0] if items else None


def _last(items: list[Mention]) -> Mention | None:
    return items[-1] if items else None


class SentenceLinker:
    def __init__(self, sent: Sent, mentions: list[Mention], ctx: Context) -> None:
        self.sent = sent
        self.doc = sent.doc
        self.text = doc_text(sent.doc)
        self.sent_text = self.text[sent.start_char:sent.end_char]
        self.sent_low = self.sent_text.lower()  # for the substring tests that guard sentence-wide patterns
        self.ms = mentions
        self.ctx = ctx
        self.counts = counts = [m for m in mentions if m.kind == "count"]
        # per count: where the previous count ends and the next one starts (token indices)
        self.bounds = [(counts[i - 1].end if i else sent.start, counts[i + 1].start if i + 1 < len(counts) else sent.end)
                       for i in range(len(counts))]
        self.claimed: dict[int, int] = {}   # period token start -> index of the count owning it
        self.bases: set[int] = set()         # counts of crimes or reports, not of disposals
        self.samples: set[int] = set()       # counts of a reviewed sample and its breakdown
        self.linked = 0                      # counts of this sentence linked so far
        self._kinds: dict[tuple, list[Mention]] = {}
        self._resolve_refs()

    def _resolve_refs(self) -> None:
        """'the force' / 'the sanction' mean the nearest force / disposal named before them."""
        force, disposal = self.ctx.force, self.ctx.disposal
        for m in self.ms:
            if m.kind == "force":
                force = m.value
            elif m.kind == "disposal":
                disposal = m.value
            elif m.kind == "fref":
                m.value = force
            elif m.kind == "dref":
                # "dealt with 14 offences this way": the way the document is about
                # and "the let-off", "the slap on the wrist": the writer's word for the story's subject
                said = str(m.value).lower()
                if disposal in NOT_HANDED_OUT and said.startswith(("used", "issued", "gave", "given", "handed")):
                    # "used them 702 times": not the no-further-action named last
                    disposal = next((d for d in reversed(self.ctx.disposals_named) if d not in NOT_HANDED_OUT), disposal)
                # but "ended the same way" is the way the figure before was dealt with, out of
                # court ("charged 301 people ... Stalking was resolved the same way 402 times" means
                # the community resolutions before the charges)
                same = next((d.disposal for d in reversed(self.ctx.recent_figures)
                             if d.disposal not in NOT_HANDED_OUT), None) if "same" in said else None
                topical = any(w in said for w in ("way", "let-off", "slap", "soft")) and "same" not in said
                m.value = same or ((self.ctx.topic_disposal or disposal) if topical else disposal)
                if "warning" in said:
                    # "the figure was 655 warnings": a warning, whatever was named last
                    m.value = next((d for d in (disposal, *reversed(self.ctx.disposals_named))
                                    if d and "warning" in d), None)

    def _of(self, kinds: tuple[str, ...]) -> list[Mention]:
        found = self._kinds.get(kinds)
        if found is None:
            found = self._kinds[kinds] = [m for m in self.ms if m.kind in kinds]
        return found

    def _word_before(self, m: Mention, past_the: bool = False) -> str:
        """The lower-cased word before a mention; with past_the, the one before a "the"
        ("issued by the Metropolitan Police Service")."""
        words = self.text[max(0, m.cstart - (16 if past_the else 12)):m.cstart].lower().split()
        if past_the and words and words[-1] == "the":
            words.pop()
        return words[-1] if words else ""

    def _clear_between(self, a: int, b: int, strict: bool) -> bool:
        """No clause break between two character offsets ('3 men and charged' is two clauses)."""
        between = self.text[a:b]
        if CLAUSE_BREAK.search(between):
            return False
        return not (strict and "," in between)

    def pick(self, i: int, kinds: tuple[str, ...], after_window: int, need_in: bool = False,
             any_after: bool = False) -> Mention | None:
        c = self.counts[i]
        prev_end, next_start = self.bounds[i]
        in_stretch = before = after = after_verb = None
        for m in self._of(kinds):  # one pass; mentions are in text order
            if m.end <= c.start and need_in and self._in_relative_clause(m, c):
                continue  # "Sussex Police, which shares a command with Surrey, issued 203"
            if m.end <= c.start:
                before = m
                if prev_end <= m.start:
                    in_stretch = m
            elif m.start >= c.end:
                if (m.start <= c.end + after_window and m.start < next_start
                        and self._clear_between(c.cend, m.cstart, need_in)
                        and (not need_in or self._word_before(m, past_the=True) in IN_WORDS)):
                    return m  # right after the count: "612 community resolutions for shoplifting"
                if after is None and (any_after or m.start < next_start) and not (
                        need_in and not self._clear_between(c.cend, m.cstart, False)):
                    after = m  # a force named in a later clause ("..., and Gwent used it") is not this one's
                if (after_verb is None and not need_in and m.start <= c.end + 12 and m.start < next_start
                        and DEALT_WITH.match(self.text, c.cend, m.cstart)):
                    after_verb = m  # "a further 9 dealt with by way of a community resolution"
                if (after_verb is None and any_after and m.kind in ("disposal", "other") and m.start <= c.end + 8
                        and m.start < next_start and BY_WAY_OF.search(self.text, max(0, m.cstart - 25), m.cstart)
                        and self._clear_between(c.cend, m.cstart, True)):
                    after_verb = m  # "to deal with 1,012 public order offences by community resolution"
                if (after_verb is None and any_after and m.kind == "disposal" and m.start <= c.end + 8
                        and m.start < next_start and WITH_AFTER.search(self.text, max(0, m.cstart - 12), m.cstart)
                        and RESOLVED_BEFORE.search(self.text, max(self.sent.start_char, c.cstart - 40), c.cstart)
                        and self._clear_between(c.cend, m.cstart, True)):
                    after_verb = m  # "resolved 1,309 possession of drugs offences with a community resolution"
                if (after_verb is None and any_after and m.kind == "disposal" and m.start <= c.end + 10
                        and m.start < next_start and GOT_BEFORE.fullmatch(self.text, c.cend, m.cstart)):
                    after_verb = m  # "12 teenagers who broke into homes got youth cautions"
        return after_verb or in_stretch or before or after

    def _in_relative_clause(self, m: Mention, c: Mention) -> bool:
        """Whether m sits in a ", which ... ," clause that closes before the count."""
        return ("," in self.text[m.cend:c.cstart]
                and bool(RELATIVE_OPEN.search(self.text, self.sent.start_char, m.cstart)))

    def _adjacent_period(self, i: int) -> Mention | None:
        """'2020/21: 14', 'In 2023, 45 cautions'"""
        c = self.counts[i]
        for p in self._of(("period",)):
            if c.start - 3 <= p.end <= c.start and GLUE.fullmatch(self.text, p.cend, c.cstart):
                return p
        return None

    def period(self, i: int, loose: bool = False) -> str | None:
        if not self._of(("period",)):
            return None  # most sentences name no period: none of the tests below can find one
        c = self.counts[i]
        prev_end, next_start = self.bounds[i]
        m = self._adjacent_period(i)
        if m is None:
            ps = [p for p in self._of(("period",)) if p.start not in self.claimed or self.claimed[p.start] == i]
            # "612 cautions for theft in 2023" beats "In 2021 the figure was 9" beats a later one
            m = (_first([p for p in ps if c.end <= p.start <= c.end + 6 and p.start < next_start
                         and self._clear_between(c.cend, p.cstart, True)])
                 or _last([p for p in ps if prev_end <= p.start and p.end <= c.start])
                 or _first([p for p in ps if c.end <= p.start < next_start]))
            if m is None and loose:  # "Kent issued 45 and Essex 38 in 2022": one period for the sentence
                m = _last([p for p in ps if p.end <= c.start]) or _first(ps)
        return m.value if m else None

    def comparison(self, i: int) -> str | None:
        """'old' when this count is the earlier value of a comparison, 'from' for 'from A to B'."""
        c = self.counts[i]
        prev_char = self.counts[i - 1].cend if i > 0 else self.sent.start_char
        pre = self.text[max(prev_char, c.cstart - 80):c.cstart]
        low = pre.lower()
        if not contains_any(low, COMPARE_HINT):
            return None
        if i + 1 < len(self.counts) and FROM_END.search(pre):
            if TO_BETWEEN.match(self.text[c.cend:self.counts[i + 1].cstart]):
                return "from"
        if _may_compare(pre[-45:]) and COMPARE_PRE.search(pre[-45:]):
            return "old"
        if pre.rstrip().endswith("(") and PAREN_COMPARE.search(pre):
            return "old"
        if PAREN_ITEM.search(pre) and self._adjacent_period(i):
            return "old"  # "45 community resolutions (2021: 30)"
        return None

    def _respectively(self, drafts: dict[int, Draft]) -> None:
        """'Kent and Essex issued 45 and 38 cautions respectively': pair names and counts in order."""
        if "respectively" not in self.sent_text.lower() or len(drafts) < 2:
            return
        first = min(self.counts[i].start for i in drafts)
        for kind in ("force", "offence", "period"):
            names = [m.value for m in self.ms if m.kind == kind and m.end <= first]
            if len(names) == len(drafts):
                for name, i in zip(names, sorted(drafts)):
                    setattr(drafts[i], kind, name)
            elif kind == "force":
                # "South Wales used it 29 times, while Gwent and Dyfed-Powys recorded 17 and 11
                # respectively": the counts after the last name pair with the names since the count before
                last = max((m for m in self.ms if m.kind == "force"), key=lambda m: m.start, default=None)
                tail = [i for i in sorted(drafts) if last is not None and self.counts[i].start > last.end]
                if len(tail) >= 2 and tail[0] > 0:
                    since = self.counts[tail[0] - 1].end
                    names = [m.value for m in self.ms if m.kind == "force" and since <= m.start and m.end <= self.counts[tail[0]].start]
                    if len(names) == len(tail):
                        for name, i in zip(names, tail):
                            drafts[i].force = name

    def _each_of(self, i: int, d: Draft) -> list[str]:
        """'Cheshire Constabulary and Suffolk Constabulary each issued 22 cautions': the forces
        of the pair (or list) the count is each one's, d's own among them; else none."""
        if " each " not in self.sent_low:
            return []
        c, (prev_end, _) = self.counts[i], self.bounds[i]
        forces = [m for m in self._of(("force",)) if prev_end <= m.start and m.end <= c.start]
        if len(forces) < 2 or not _EACH_VERB.fullmatch(self.text, forces[-1].cend, c.cstart):
            return []
        run = [forces[-1]]
        for m in reversed(forces[:-1]):
            if not _FORCE_JOIN.fullmatch(self.text, m.cend, run[0].cstart):
                break
            run.insert(0, m)
        names = list(dict.fromkeys(m.value for m in run))
        return names if len(names) >= 2 and d.force in names else []

    def _respectively_again(self, quote: str, q_start: int) -> list[Draft] | None:
        """'The equivalent figures were 1,210, 401 and 98 respectively': with no disposal in the
        sentence, the counts restate the last figures of as many disposal kinds, in order."""
        n = len(self.counts)
        if n < 2 or self._of(("disposal", "dref", "other")):
            return None
        if "respectively" not in self.sent_low:
            last = self.ctx.last_figures
            if not CORRESPONDING.search(self.sent_low) or not last or n % len(last):
                return None
            # "... 23 for sexual assault, 9 for exposure and 4 for rape. In 2022 the corresponding
            # figures were 31, 12 and 5" (", and in 2023 they were 29, 14 and 6"): the last
            # sentence's figures, in order, once for each period
            periods = self._of(("period",))
            out = []
            for k, c in enumerate(self.counts):
                d = last[k % len(last)]
                period = _last([p for p in periods if p.end <= c.start])
                out.append(Draft(d.force, d.disposal, d.offence, c.value, period.value if period else None, quote,
                                 q_start, q_start + len(quote), national=d.national))
            return out
        periods = [m.value for m in self._of(("period",))]
        named = list(dict.fromkeys(m.value for m in self._of(("force",)) if m.end <= self.counts[0].start))
        if len(named) == n and self.ctx.recent_figures:
            # "Devon and Cornwall, Avon and Somerset and Dorset issued 77, 64 and 29 respectively":
            # one count per force, of the figure before
            d = self.ctx.recent_figures[-1]
            return [Draft(f, d.disposal, d.offence, c.value, periods[-1] if periods else d.period, quote, q_start,
                          q_start + len(quote)) for f, c in zip(named, self.counts)]
        firsts: dict[str, Draft] = {}
        for d in self.ctx.recent_figures:
            firsts.setdefault(d.disposal, d)
        by_force = self._respectively_per_force(firsts, quote, q_start)
        if by_force is not None:
            return by_force
        if len(firsts) >= n:
            ordered = list(firsts.values())[-n:]
        elif len(self.ctx.recent_figures) >= n:
            # "1,329 cautions for sexual assault and 412 for exposure ... community resolutions
            # 1,745 and 688. The equivalent figures ... were 1,402, 390, 1,811 and 701 respectively."
            ordered = self.ctx.recent_figures[-n:]
        else:
            return None
        forces = list(dict.fromkeys(m.value for m in self._of(("force",))))  # "North Wales Police - Heddlu Gogledd Cymru -": one
        out = []
        for c, d in zip(self.counts, ordered):
            out.append(Draft(forces[0] if len(forces) == 1 else d.force, d.disposal, d.offence, c.value,
                             periods[-1] if periods else None, quote, q_start, q_start + len(quote),
                             national=d.national))
        return out

    def _respectively_per_force(self, firsts: dict, quote: str, q_start: int) -> list[Draft] | None:
        """'Thames Valley Police recorded 244 and 21 respectively; Hampshire, 198 and 17': each
        force's counts restate, in order, the kinds of the figures before."""
        forces = self._of(("force",))
        owners = [next((f.value for f in reversed(forces) if f.end <= c.start), None) for c in self.counts]
        if None in owners or len(set(owners)) < 2:
            return None
        groups: dict[str, list[Mention]] = {}
        for owner, c in zip(owners, self.counts):
            groups.setdefault(owner, []).append(c)
        sizes = {len(g) for g in groups.values()}
        if len(sizes) != 1 or len(firsts) < (k := sizes.pop()) or k < 2:
            return None
        kinds = list(firsts.values())[-k:]
        periods = [m.value for m in self._of(("period",))]
        return [Draft(owner, d.disposal, d.offence, c.value, periods[-1] if periods else d.period, quote, q_start,
                      q_start + len(quote)) for owner, g in groups.items() for c, d in zip(g, kinds)]

    def _respective_olds(self, kinds: list[str | None]) -> dict[int, int]:
        """'... compared with 201 and 38 respectively': the counts listed after an older value
        are older values too, paired in order with the figures before them. Returns, for each
        older value of such a list, how far back among the earlier figures its partner is."""
        if "respectively" not in self.sent_text.lower():
            return {}
        back: dict[int, int] = {}
        i = 0
        while i < len(kinds):
            j = i
            if kinds[i] == "old":
                while (j + 1 < len(kinds) and kinds[j + 1] is None
                       and LIST_GAP.fullmatch(self.text, self.counts[j].cend, self.counts[j + 1].cstart)):
                    j += 1
                    kinds[j] = "old"
                for k in range(i, j + 1):
                    back[k] = j + 1 - k
            i = j + 1
        return back

    def _earlier_figure(self, i: int) -> Draft | None:
        """The figure an older value with no partner in its sentence belongs to: the last one,
        unless its clause names another force ("..., while West Yorkshire's fell from 1,391")."""
        c = self.counts[i]
        prev_end, _ = self.bounds[i]
        named = [m for m in self._of(("force",)) if prev_end <= m.start and m.end <= c.start]
        kinds = {m.value for m in self._of(("disposal",))}  # "The number of community resolutions was up from 22"
        if not named and not kinds:
            return self.ctx.last_primary()
        # a named force may reach back a few sentences; a disposal only to the last figures
        pool = self.ctx.recent_figures if named else self.ctx.last_figures
        for d in reversed(pool):
            if (not named or d.force == named[-1].value) and (not kinds or d.disposal in kinds):
                return d
        return None

    def _has_own_name(self, i: int) -> bool:
        """'compared with 38 in Essex' / 'compared with 38 cautions': a figure of its own."""
        c = self.counts[i]
        for m in self.ms:
            if m.kind == "disposal" and c.end <= m.start <= c.end + 2:
                return True
            if m.kind == "force" and c.end < m.start <= c.end + 3 and self.doc[m.start - 1].lower_ in IN_WORDS:
                return True
        return False

    def link(self) -> list[Draft]:
        if self.sent_text.rstrip().endswith("?") or not self.counts:
            return []
        quote = self.sent_text.strip()
        lead = len(self.sent_text) - len(self.sent_text.lstrip())
        q_start = self.sent.start_char + lead
        again = self._respectively_again(quote, q_start)
        if again is not None:
            return again
        drafts: dict[int, Draft] = {}
        olds: list[tuple[int, int | None]] = []  # (count index, partner index or None)
        kinds = [self.comparison(i) for i in range(len(self.counts))]
        # Periods written next to an older value belong to it alone ("up from 167 in 2022").
        self.claimed = {}
        for i, kind in enumerate(kinds):
            if kind:
                adj = self._adjacent_period(i)
                c = self.counts[i]
                nxt = self.counts[i + 1].start if i + 1 < len(self.counts) else self.sent.end
                own = adj or _first([p for p in self._of(("period",)) if c.end <= p.start < nxt])
                if own is not None:
                    self.claimed[own.start] = i
        run = self._respective_olds(kinds)
        rejected = False
        for i, c in enumerate(self.counts):
            kind = kinds[i]
            if kind == "from":
                olds.append((i, i + 1))
                continue
            if kind == "old" and not self._has_own_name(i):
                prior = [j for j in drafts if j < i]
                back = run.get(i, 1)  # "compared with 201 and 38 respectively": in order
                if len(prior) >= back:
                    olds.append((i, prior[-back]))
                elif not rejected:  # not the earlier value of a count this sentence turned down
                    olds.append((i, None))
                continue
            d = self.primary(i, quote, q_start)
            if d is not None:
                drafts[i] = d
                self.linked += 1
            else:
                rejected = True
        self._respectively(drafts)
        out = []
        for i, d in drafts.items():
            out.extend([d if f == d.force else replace(d, force=f) for f in self._each_of(i, d)] or [d])
        for i, partner in olds:
            new = drafts.get(partner) if partner is not None else self._earlier_figure(i)
            if new is None:
                continue
            c = self.counts[i]
            old = Draft(new.force, new.disposal, new.offence, c.value, self.period(i), quote,
                        q_start, q_start + len(quote), is_previous=True)
            new.previous_count = c.value
            new.change_pct = round(100.0 * (new.count - c.value) / c.value, 1) if c.value else None
            out.append(old)
        return out

    def _generic_over_list(self, c: Mention, disp: Mention | None) -> Mention | None:
        """The generic out-of-court mention when the count's disposal is one of a list of kinds
        that only spells the generic out ("formal outcomes - cautions, PNDs and warnings -")."""
        if disp is None or disp.value == GENERIC_DISPOSAL or disp.cend > c.cstart:
            return None
        if LABEL_GAP.fullmatch(self.text, disp.cend, c.cstart):
            return None  # "... disposals instead: community resolutions 21,004; cautions 3,512": each its own
        generic = [m for m in self._of(("disposal",)) if m.value == GENERIC_DISPOSAL and m.cend <= disp.cstart]
        if not generic:
            return None
        g = generic[-1]
        listed = {m.value for m in self._of(("disposal",)) if g.cend <= m.cstart and m.cend <= c.cstart}
        return g if len(listed) >= 2 else None

    def _judges_a_sample(self) -> bool:
        """Whether the sentence gives reviewers' verdicts on the cases they looked at."""
        low = self.sent_low
        return contains_any(low, _VERDICT_WORDS) and contains_any(low, _REVIEWER_WORDS)

    def _not_a_disposal_count(self, i: int, adjacent: bool, text_after: str) -> bool:
        """Counts of crimes, reports, people or activities written near a disposal word."""
        c = self.counts[i]
        if c.value < 100 and self._judges_a_sample():
            self.samples.add(i)
            return True  # "in five of them the panel felt the victim's wishes had not been met"
        start = self.sent.start_char
        before = self.text[start:c.cstart].lower()  # cheap substring tests guard the patterns below
        if "replac" in before and REPLACED_WITH.search(self.text, start, c.cstart):
            return True  # "replace the six disposals with two"
        issuer = contains_any(before, _ISSUER_WORDS) and NOT_POLICE_ISSUER.search(self.text, start, c.cstart)
        if issuer and not any(issuer.start() < m.cstart < c.cstart for m in self._of(("force", "fref"))):
            # "the council's enforcement officers issued 1,340 fixed penalty notices for littering"
            # (not "with the four local authority youth justice services, Kent issued 212 ...")
            return True
        if contains_any(before[-40:], _OTHER_VERB_WORDS) and OTHER_VERB.search(self.text, max(start, c.cstart - 40), c.cstart):
            self.bases.add(i)  # so are its parts: "..., of which 52 were appropriate"
            self.samples.add(i)
            return True  # "the panel reviewed 120 cases": counts an activity, not disposals
        if (i - 1 in self.samples and SAMPLE_LIST.fullmatch(self.text, self.counts[i - 1].cend, c.cstart)) or \
                (":" in before and contains_any(before, _SAMPLE_WORDS) and SAMPLE_INTRO.search(self.text, start, c.cstart)):
            self.samples.add(i)
            return True  # "reviewed 60 records: 30 community resolutions, 20 conditional cautions and 10 ..."
        if FOUND_APPROPRIATE.match(text_after):
            self.samples.add(i)
            return True  # "All 9 adult conditional cautions were found appropriate": a panel's verdict
        if adjacent:
            return False
        assigned = ASSIGNED_TO.search(self.text, max(start, c.cstart - 40), c.cstart)
        base = not assigned and contains_any(text_after.lower(), _BASE_POST_WORDS) and BASE_POST.match(text_after)
        if base and not ("which" in base.group(0) and any(m.cend <= c.cstart for m in self._of(("disposal",)))):
            # (but "Of the 3,106 community resolutions, ... 389 for criminal damage, of which 41 ...":
            # the disposal named before makes the count its own, and the part after a part of it)
            self.bases.add(i)
            return True  # "4,000 offences were recorded": the base, not a disposal count
        if CRIME_NOUN_AFTER.match(text_after) and RISE_TO.search(self.text, max(start, c.cstart - 90), c.cstart):
            return True  # "a 14% rise in recorded hate crime, to more than 9,400 offences"
        rising = RISE_TO.search(self.text, max(start, c.cstart - 60), c.cstart) and CRIME_NOUN_RISING.search(
            self.text, max(start, c.cstart - 90), c.cstart)
        if rising and not any(rising.start() <= m.cstart < c.cstart for m in self._of(("disposal", "dref"))):
            return True  # "shop theft reports to the force rose 37 per cent to 9,480"
        if (not assigned and TALLY_NOUN.match(text_after) and contains_any(before[-50:], _TALLY_VERB_WORDS)
                and CRIME_TALLY_VERB.search(self.text, max(start, c.cstart - 50), c.cstart)):
            self.bases.add(i)
            return True  # "BTP received 2,741 reports", "recorded 1,842 hate crimes"
        if ACTIVITY_AFTER.match(text_after):
            return True  # "1,100 perpetrators had completed the course"
        if i - 1 in self.bases and (SUBSET_WORDS.search(self.text, self.counts[i - 1].cend, c.cstart)
                                    or SAME_SHAPE.match(self.text, self.counts[i - 1].cend, c.cstart)):
            self.bases.add(i)
            return True  # "..., including 1,030 of sexual touching": a part of that tally
        return False

    def _says_issued(self) -> bool:
        """"issued", "handed out", "gave": the sentence says disposals were given."""
        return contains_any(self.sent_low, _ISSUED_WORDS) and bool(ISSUED_VERB.search(self.sent_text))

    def _kind_ranked_among(self, generic: Mention) -> Mention | None:
        """The kind a sentence ranks among out-of-court disposals: "Community resolutions remained
        the most common out-of-court disposal, at 96,214" is a figure of community resolutions."""
        if not RANKED_AMONG.search(self.text, max(self.sent.start_char, generic.cstart - 40), generic.cstart):
            return None
        kinds = [m for m in self._of(("disposal",)) if m.cend <= generic.cstart and m.value != GENERIC_DISPOSAL]
        return kinds[-1] if kinds else None

    def _all_of_one_kind(self, c: Mention) -> Mention | None:
        """"used an out of court resolution for 318 hate crimes, all of them community
        resolutions": the kind the sentence says they all were."""
        for m in self._of(("disposal",)):
            if m.cstart > c.cend and m.value != GENERIC_DISPOSAL and ALL_OF_THEM.search(
                    self.text, max(c.cend, m.cstart - 25), m.cstart):
                return m
        return None

    def _either_disposal(self, disp: Mention) -> bool:
        """Whether the disposal is one of "A or B": a count over two kinds is a figure of neither."""
        for m in self._of(("disposal",)):
            if m is disp or m.value == disp.value or m.value == GENERIC_DISPOSAL:
                continue
            a, b = (m, disp) if m.cend <= disp.cstart else (disp, m)
            if b.cstart >= a.cend and EITHER_GAP.fullmatch(self.text, a.cend, b.cstart):
                return True
        return False

    def _kinds_combined(self, disp: Mention) -> bool:
        """Whether the disposal is the first of "N A and B" (no count of its own for B): the
        count is of both kinds, so the generic out-of-court disposal's."""
        for m in self._of(("disposal",)):
            if m.cstart >= disp.cend and m.value != disp.value:
                return bool(COMBINED_PAIR.fullmatch(self.text, disp.cend, m.cstart))
        return False

    def primary(self, i: int, quote: str, q_start: int) -> Draft | None:
        c, ctx = self.counts[i], self.ctx
        text_after = self.text[c.cend:min(c.cend + 80, self.sent.end_char)]  # never past the sentence
        disp = self.pick(i, ("disposal", "dref", "other"), 3, any_after=True)
        if disp is not None and disp.kind == "disposal" and OF_THE.fullmatch(self.text, c.cend, disp.cstart):
            # "14,870 of the adult cautions were conditional cautions": the part's own kind
            kind = next((m for m in self._of(("disposal",)) if m.cstart > disp.cend), None)
            if kind is not None and WERE_GAP.fullmatch(self.text, disp.cend, kind.cstart):
                disp = kind
        if disp is not None and disp.kind == "other":
            return None  # "placed 1,146 offenders on a diversion scheme", "4,150 Recorded Police Warnings"
        adjacent = (disp is not None and c.end <= disp.start <= c.end + 3
                    and self._clear_between(c.cend, disp.cstart, False))
        if disp is not None and not adjacent and disp.cend <= c.cstart:
            # "Penalty Notices for Disorder (PNDs): 14,880, of which ...": the value of its label
            adjacent = bool(LABEL_COLON.fullmatch(self.text, disp.cend, c.cstart))
        generic = self._generic_over_list(c, disp)
        if generic is not None:
            disp = generic  # "Out-of-court outcomes - cautions, PNDs and warnings - (85,490)"
        elif disp is not None and disp.value == GENERIC_DISPOSAL and disp.cend <= c.cstart:
            disp = self._kind_ranked_among(disp) or self._all_of_one_kind(c) or disp
        if (adjacent and disp.kind == "disposal" and disp.cstart > c.cend and disp.value in OUT_OF_COURT_KINDS
                and self._kinds_combined(disp)):
            disp = Mention("disposal", disp.start, disp.end, disp.cstart, disp.cend, GENERIC_DISPOSAL)
        # "of which 300 were dealt with by community resolution": the count names its own outcome
        own = disp is not None and disp.cstart > c.cend and bool(DEALT_WITH.match(self.text, c.cend, disp.cstart))
        if self._not_a_disposal_count(i, adjacent or own, text_after):
            return None
        if disp is not None and disp.kind == "disposal" and NOT_A.search(self.text, max(0, disp.cstart - 30), disp.cstart):
            return None  # "... 41,300 times - but it is not a formal out-of-court disposal"
        if disp is not None and disp.kind == "disposal" and self._either_disposal(disp):
            return None  # "dealt with by a caution or a community resolution": no one kind's count
        if (disp is not None and disp.kind == "disposal" and ctx.disposal in NARROWER_KINDS.get(disp.value, ())
                and self._word_before(disp) in ("such", "these", "those", "same")):
            disp = Mention("dref", disp.start, disp.end, disp.cstart, disp.cend, ctx.disposal)
            # "issued such cautions 203 times" after "a conditional caution": that kind
        force_m = self.pick(i, ("force", "fref", "national"), 6, need_in=True)
        offence_m = self.pick(i, ("offence",), 4)
        if offence_m is None:
            only = [m for m in self.ms if m.kind == "offence"]
            # "gave 14 and 9 youth cautions for robbery": one offence for all the counts, but
            # not across "1,032 ..., of which 301 were for shoplifting"
            between = self.text[min(c.cend, only[0].cstart):max(c.cstart, only[0].cend)] if only else ""
            # nor across "5,480 PNDs in total, while the City of London issued 318 for shoplifting"
            if len({m.value for m in only}) == 1 and not SUBSET_WORDS.search(between) and not OTHER_CLAUSE.search(between):
                offence_m = only[0]
        period = self.period(i, loose=True)
        prev = ctx.last_primary()
        if prev is None and ctx.figure_age <= 2 and ctx.recent_figures and FIGURE_NOUN_REF.search(self.sent_text):
            # "Its neighbours are not far behind. Merseyside's figure was 611": the figure across
            # a sentence that gave none
            prev = ctx.recent_figures[-1]
        if disp is not None and disp.value:
            disposal = disp.value
            offence = offence_m.value if offence_m else ctx.offence
            period = period or ctx.period
        else:
            # Without a disposal in the sentence, a count continues the previous sentence's
            # figures only when tied to a force ("Kent Police on 24"), to an offence
            # ("612 related to shoplifting"), or in a list or breakdown ("Of these, ...").
            offence_after = offence_m is not None and c.end < offence_m.start <= c.end + 4
            list_line = ctx.disposal is not None and LIST_LINE.fullmatch(self.sent_text)
            # "Shoplifting made up 9,480.": an offence's share of the figure before
            share = offence_m is not None and offence_m.cend <= c.cstart and bool(
                SHARE_VERB.fullmatch(self.text, offence_m.cend, c.cstart))
            anchored = (ctx.list_mode or list_line or force_m is not None or offence_after or share
                        or SUBSET_START.match(self.sent_text) or FIGURE_REF.search(self.sent_text)
                        or PART_OF_THOSE.match(text_after))  # "Thirteen of those involved exposure"
            # "The force issued 220 last year." shortly after the disposal was named; "1,006 were
            # for sexual offences" right after a paragraph about the disposal
            for_offence = offence_after and bool(FOR_OFFENCE.fullmatch(self.text, c.cend, offence_m.cstart))
            issued = ctx.disposal_age <= 2 and (self._says_issued() or for_offence or share) or (
                ctx.disposal_age <= 1 and bool(IT_CHANGED.match(self.sent_text)))
            # "4. How many adults received a conditional caution ...?" / "Nine.": the answer to it
            answer = ctx.last_line.rstrip().endswith("?") and bool(BARE_ANSWER.fullmatch(self.sent_text))
            if not (anchored and (prev or ctx.list_mode or list_line)) and not issued and not answer:
                return None
            if contains_any(self.sent_low, _RECORDED_WORDS) and RECORDED.search(self.sent_text):
                return None  # "Rapes recorded in 2022: 1,102": crimes, not disposals
            base = None if ctx.list_mode or list_line or not prev else prev
            if base is not None and base.disposal in NOT_HANDED_OUT and self._says_issued():
                # "The Met handed out the most, 1,455" after a sentence on investigations closed
                # with no further action: the figure before that, of something handed out
                base = next((d for d in reversed(ctx.recent_figures) if d.disposal not in NOT_HANDED_OUT), None)
            disposal = base.disposal if base else ctx.disposal
            if disposal is None:
                return None
            # a figure for a narrower offence than the topic ("a further 17 for rape of a child")
            # is not continued: the next counts are of the topic again
            narrower = base is not None and ctx.offence in BROADER.get(base.offence, ())
            offence = offence_m.value if offence_m else (
                base.offence if base and not base.subset and not narrower else ctx.offence)
            carried = base.period if base and not RELATIVE_OLDER.search(base.period or "") else None
            period = period or carried or ctx.period
        forces = self._of(("force",))
        if force_m is None and len(forces) == 1 and forces[0].start > c.end and SAID_AFTER.match(self.text, forces[0].cend):
            force_m = forces[0]  # "A further 402 people were dealt with ..., the transport police said."
        if force_m is None and (forces or ("forces" in self.sent_low and PLURAL_FORCES.search(self.sent_text))):
            # the sentence's force belongs to another clause, or it counts for several forces
            force, national = None, ctx.national
        elif force_m is None and any(m.kind == "national" for m in self.ms) and not self._of(("force", "fref")):
            force, national = None, True  # "... were charged across England and Wales in 2023"
        elif force_m is None:
            force, national = ctx.default_force(), ctx.national
        else:
            force, national = (None, True) if force_m.kind == "national" else (force_m.value, False)
        if force is None and not national and c.value < 10:
            return None  # "she had received two community resolutions": one person's record
        if (period is None and (disposal == "charge" or c.value < 10)
                and not (ctx.list_mode or LIST_LINE.fullmatch(self.sent_text))
                and not (self.linked and force is not None)  # "Kent issued 11 cautions, Essex 9 and Notts 8"
                and not ctx.campaign and not _reports_campaign(self.sent_text, 0, len(self.sent_text), self.sent_low)):
            return None  # "Kent Police charged 12 people after Saturday's disorder": an incident
        if disposal in ("caution", "conditional caution") and (
                YOUTH_AFTER.match(text_after) or YOUTH_BEFORE.search(self.text, max(0, c.cstart - 20), c.cstart)
                or (disp is not None and disp.kind == "disposal" and YOUNG_SUBJECT.search(
                    self.text, max(self.sent.start_char, disp.cstart - 30), disp.cstart))):
            disposal = "youth " + disposal  # "(31,644 adult and 7,564 youth)", "teenagers cautioned for ..."
        if offence_m is None and (TOTAL_AFTER.match(text_after) or (
                "all" in self.sent_low and ALL_OFFENCES.search(self.sent_text))):
            offence = None  # "issued 5,480 PNDs in total": for all offences, not the topic's
        if disposal in DISPOSAL_DEFAULT_OFFENCE and offence_m is None:
            offence = DISPOSAL_DEFAULT_OFFENCE[disposal]  # a cannabis warning is for a drug offence
        offence = offence or DISPOSAL_DEFAULT_OFFENCE.get(disposal)
        approximate = window_contains(self.text, c.cstart - 25, c.cstart, _APPROX_WORDS) and bool(
            APPROX_BEFORE.search(self.text, max(0, c.cstart - 25), c.cstart))
        return Draft(force, disposal, offence, c.value, period, quote, q_start, q_start + len(quote),
                     national=national, approximate=approximate, subset=bool(SUBSET_AFTER.match(self.text, c.cend)))


def link_doc(doc, base: int, ctx: Context) -> list[Draft]:
    """Figures of one text block (paragraphs) with offsets shifted by base."""
    text = doc_text(doc)
    mentions = doc_mentions(doc)
    if not any(m.kind == "count" for m in mentions) and not ITEM_LINE.search(text):
        # Nothing to link: only carry the names forward (one pass, no sentence split). Not
        # where lines are numbered: "1. How many community resolutions ...?" must be read
        # line by line, so that "Question 1" later means community resolutions.
        # The last line on its own: a heading there ("Recorded Police Warnings issued") speaks for
        # the table under it, whatever the lines before it named.
        body = text.rstrip()
        cut = body.rfind("\n") + 1
        before = [m for m in mentions if m.cstart < cut]
        if before:
            update(ctx, localise_national(ctx, before), [], read_line(body[body.rfind("\n", 0, cut - 1) + 1:cut - 1]))
            mentions = [m for m in mentions if m.cstart >= cut]
        update(ctx, localise_national(ctx, mentions), [], read_line(body[cut:]))
        return []
    out: list[Draft] = []
    breaks = [m.start() for m in NEWLINE.finditer(text)]
    quiet_line = -1  # the line of the previous sentence, when that sentence was quiet
    line_k, line, line_first = -1, None, 0  # the line read last, and where its text begins
    for sent, inside in by_sentence(sentences(doc, text), mentions):
        pos = sent.first_char
        k = bisect_right(breaks, pos)  # the line holding the sentence's first character
        if not inside and k == quiet_line:
            ctx.quiet_again()  # prose goes on: the line's effects are in place already
            continue
        if k != line_k:
            line_start = breaks[k - 1] + 1 if k else 0
            line_text = text[line_start:breaks[k] if k < len(breaks) else len(text)]
            line_k, line = k, read_line(line_text)
            line_first = line_start + len(line_text) - len(line_text.lstrip())
        if not inside:  # plain prose: it only ages the context
            ctx.quiet_sentence(line)
            quiet_line = k
            continue
        quiet_line = -1
        chunk = text[sent.start_char:sent.end_char]
        inside = localise_national(ctx, inside)
        if pos == line_first:  # the sentence starts its line
            enter_answer_line(ctx, line, inside)
            if ctx.national_document:
                ctx.force_recent = False  # a force named in passing does not carry to the next paragraph
        counts = [m for m in inside if m.kind == "count"]
        linker = SentenceLinker(sent, inside, ctx) if counts else None
        drafts = linker.link() if linker else []
        # "after admitting 31 thefts": an offence named only with a tally is not the topic
        tally_only = bool(linker and linker.bases and not drafts)
        for d in drafts:
            d.char_start += base
            d.char_end += base
        subset = any(SUBSET_AFTER.match(text, m.cend) for m in counts)
        # "14,880, of which 2,201 were for retail theft": the offence of a part is not the topic
        first_count = counts[0] if counts else None
        subset = subset or (first_count is not None and any(
            m.kind == "offence" and m.cstart > first_count.cend
            and SUBSET_WORDS.search(text, first_count.cend, m.cstart) for m in inside))
        # a press release on an operation: its small counts are its results, not incidents
        if not ctx.campaign:
            ctx.campaign = _reports_campaign(text, sent.start_char, sent.end_char,
                                             linker.sent_low if linker else chunk.lower())
        # "For sexual offences the proportion ... was 0.7%": a rate about an offence, not a new topic
        rate_only = not drafts and not first_count and ("%" in chunk or "per cent" in chunk)
        update(ctx, inside, drafts, line, subset or tally_only or rate_only)
        out.extend(drafts)
    return out
