"""Find reporting periods as written: "2022", "2021/22", "year to March 2023", "last year"."""
from __future__ import annotations

import re
from typing import NamedTuple

_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|"
          r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_YEAR = r"(?:19|20)\d{2}"
# 2021/22, 2021-22, 2021/2022, 2021 to 2022 (consecutive years are checked in periods_at)
_FY = rf"{_YEAR}(?:/|-|–|\s+to\s+)(?:{_YEAR}|\d{{2}})(?!\d)"
_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
_NUMW = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)"
_REL = r"(?:last|previous|preceding|past|same|this|current|prior|latest|most\s+recent|whole|first|second|third|final)"

# Ordered longest/most specific first; the first pattern to claim a stretch of text wins.
_PATTERNS = [
    rf"(?:financial\s+|calendar\s+)?years?\s+(?:ending|ended|to|up\s+to)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}(?:\s+{_YEAR})?",
    rf"{_NUMW}\s+months\s+(?:to|ending|ended|up\s+to|until)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}\s+)?{_MONTH}(?:\s+{_YEAR})?",
    rf"{_REL}\s+{_NUMW}\s+(?:financial\s+|calendar\s+|full\s+)?(?:years|months|weeks|quarters)",
    rf"between\s+{_DAY}(?:{_MONTH}\s+)?(?:{_FY}|{_YEAR})\s+and\s+{_DAY}(?:{_MONTH}\s+)?(?:{_FY}|{_YEAR})",
    rf"from\s+{_DAY}(?:{_MONTH}\s+)?{_YEAR}\s+(?:to|until)\s+{_DAY}(?:{_MONTH}\s+)?{_YEAR}",
    rf"{_MONTH}\s+{_YEAR}\s*(?:to|and|-|–)\s*{_MONTH}\s+{_YEAR}",
    rf"(?:q[1-4]|quarter\s+[1-4]|first\s+quarter\s+of)\s+(?:{_FY}|{_YEAR})",
    rf"since\s+(?:{_MONTH}\s+)?{_YEAR}",
    rf"(?:financial\s+year\s+|fy\s*)?{_FY}(?:\s+financial\s+year)?",
    rf"first\s+(?:six|three|nine)\s+months\s+of\s+{_YEAR}",
    rf"(?:{_MONTH}\s+)?{_YEAR}",
    rf"{_REL}\s+(?:financial\s+|calendar\s+|full\s+|reporting\s+)?(?:year|period|quarter|twelve\s+months|12\s+months|month|financial\s+year)",
    r"year\s+(?:earlier|before)|twelve\s+months\s+earlier|12\s+months\s+earlier",
    r"recent\s+years|since\s+records\s+began",
]


def _period_re(patterns: list[str], lookahead: str = "") -> re.Pattern:
    """The patterns as one alternation, tried in order, not inside a word."""
    return re.compile(r"(?<![\w])" + lookahead + "(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b",
                      re.IGNORECASE)


# The leading lookahead lists every letter a period can start with: it lets the regex
# engine skip most positions cheaply (about twice as fast on long texts).
PERIOD_RE = _period_re(_PATTERNS, r"(?=[YyFfCcLlPpSsTtBbQqAaOoRrIiMmJjDdNnEeWwHh0-9])")
# The characters each pattern above can start with (lower case, "9" for any digit). At a
# given first character the other patterns can only fail, so PERIOD_BY_FIRST holds, for each
# character, PERIOD_RE reduced to the patterns that can start with it, in the same order
# (the first to match still wins): a year or "March" no longer walks through all fourteen.
_FIRST_CHARS = ["fcy", "9tfsen", "lpstcmwf", "b", "f", "jfmasond", "qf", "s", "f9", "f", "jfmasond9", "lpstcmwf",
                "yt9", "rs"]
assert len(_FIRST_CHARS) == len(_PATTERNS)
PERIOD_BY_FIRST = {c: _period_re([p for p, firsts in zip(_PATTERNS, _FIRST_CHARS) if c in firsts])
                   for c in set("".join(_FIRST_CHARS))}
# Every period has a year or one of these words; text without them is skipped.
_TRIGGER_RE = re.compile(r"(?:19|20)\d\d|[Yy]ears?\b|[Pp]eriod|[Mm]onths?\b|[Qq]uarter|[Ww]eeks|[Rr]ecords|YEAR|PERIOD|MONTH")

# The older period of a comparison: never carried forward as the document's period.
RELATIVE_OLDER = re.compile(r"^(?:previous|preceding|prior)\s+(?:financial\s+)?year$|year\s+(?:earlier|before)", re.I)
RELATIVE_PREVIOUS = re.compile(r"^(?:previous|preceding|prior|last)\s+(?:financial\s+)?year$|year\s+(?:earlier|before)", re.I)


# First words of every pattern above (lower case) and the shapes of year tokens: the
# pipeline tries PERIOD_RE only at tokens like these, never across the whole text.
START_WORDS = {
    "year", "years", "financial", "calendar", "between", "from", "since", "q1", "q2", "q3", "q4",
    "quarter", "fy", "recent", "first", "second", "third", "final", "last", "previous",
    "preceding", "past", "same", "this", "current", "prior", "latest", "most", "whole", "twelve",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "eighteen",
    *(str(n) for n in range(1, 37)),
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
YEAR_SHAPES = {"dddd", "dddd/dd", "dddd/dddd", "dddd-dd", "dddd–dd", "dddd-dddd"}


class PeriodMatch(NamedTuple):  # a tuple: one is made for every period read
    start: int
    end: int
    text: str


_RANGE_RE = re.compile(r"((?:19|20)(\d{2}))(?:/|-|–|\s+to\s+)(\d{2})$")


def _trim_false_year_range(found: str, start: int, end: int) -> int:
    """'2021-22' is a financial year; '2021-96' or 'from 34 in 2022 to 52' is a year then a
    number: keep only the year."""
    # only a text ending in a separator and two characters can match (skips the pattern for years)
    m = _RANGE_RE.search(found) if found[-3:-2] in "/-– " else None
    if m and (int(m.group(2)) + 1) % 100 != int(m.group(3)):
        return end - (len(m.group(0)) - len(m.group(1)))
    return end


_LAW_WORDS = frozenset(("act", "order", "regulations", "rules"))


def _names_a_law(text: str, pos: int) -> bool:
    """Whether the year at pos ends the name of a law ("Misuse of Drugs Act 1971", "the
    Criminal Justice Act 2003, s.22")."""
    words = text[max(0, pos - 14):pos].lower().split()
    return bool(words) and words[-1] in _LAW_WORDS


def periods_at(text: str, positions) -> list[PeriodMatch]:
    """Periods starting at the given character offsets (increasing), without overlaps."""
    out: list[PeriodMatch] = []
    last_end = -1
    for pos in positions:
        if pos < last_end:
            continue
        first = text[pos:pos + 1]
        if not first.isascii():
            pattern = PERIOD_RE  # case folding beyond ASCII: leave it to the full pattern
        elif "0" <= first <= "9":
            # A period starting with a digit is a year ("19..", "20..") or "12 months ...":
            # one or two digits, then a blank. Most numbers are neither (counts, "45 cases").
            second = text[pos + 1:pos + 2]
            if not text.startswith(("19", "20"), pos) and not (
                    second.isspace() or (second.isdigit() and text[pos + 2:pos + 3].isspace())):
                continue
            if _names_a_law(text, pos):
                continue  # "the Public Order Act 1986": the law's year, not a period
            pattern = PERIOD_BY_FIRST["9"]
        else:
            pattern = PERIOD_BY_FIRST.get(first.lower())
        m = pattern.match(text, pos) if pattern is not None else None
        if m:
            end = _trim_false_year_range(m.group(0), m.start(), m.end())
            out.append(PeriodMatch(m.start(), end, " ".join(text[m.start():end].split())))
            last_end = end
    return out


def find_periods(text: str) -> list[PeriodMatch]:
    """Periods in text, as written (without a leading 'the')."""
    out: list[PeriodMatch] = []
    if not _TRIGGER_RE.search(text):
        return out
    for m in PERIOD_RE.finditer(text):
        out.append(PeriodMatch(m.start(), m.end(), " ".join(m.group(0).split())))
    return out
