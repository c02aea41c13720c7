"""Find reporting periods as written: "2022", "2021/22", "year to March 2023", "last year"."""
from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|"
          r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_YEAR = r"(?:19|20)\d{2}"
_FY = rf"{_YEAR}\s*(?:/|-|–|to)\s*(?:{_YEAR}|\d{{2}})(?!\d)"
_NUMW = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)"
_REL = r"(?:last|previous|preceding|past|same|this|current|prior|latest|most\s+recent|whole|first|second|third|final)"

# Ordered longest/most specific first; the first pattern to claim a stretch of text wins.
_PATTERNS = [
    rf"(?:financial\s+|calendar\s+)?years?\s+(?:ending|ended|to|up\s+to)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}(?:\s+{_YEAR})?",
    rf"{_NUMW}\s+months\s+(?:to|ending|ended|up\s+to|until)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}\s+)?{_MONTH}\s+{_YEAR}",
    rf"{_REL}\s+{_NUMW}\s+(?:financial\s+|calendar\s+|full\s+)?(?:years|months|weeks|quarters)",
    rf"between\s+(?:{_MONTH}\s+)?(?:{_FY}|{_YEAR})\s+and\s+(?:{_MONTH}\s+)?(?:{_FY}|{_YEAR})",
    rf"from\s+(?:{_MONTH}\s+)?{_YEAR}\s+(?:to|until)\s+(?:{_MONTH}\s+)?{_YEAR}",
    rf"{_MONTH}\s+{_YEAR}\s*(?:to|and|-|–)\s*{_MONTH}\s+{_YEAR}",
    rf"(?:q[1-4]|quarter\s+[1-4]|the\s+first\s+quarter\s+of)\s+(?:{_FY}|{_YEAR})",
    rf"since\s+(?:{_MONTH}\s+)?{_YEAR}",
    rf"(?:financial\s+year\s+|fy\s*)?{_FY}(?:\s+financial\s+year)?",
    rf"(?:the\s+first\s+(?:six|three|nine)\s+months\s+of\s+)?(?:{_MONTH}\s+)?{_YEAR}",
    rf"{_REL}\s+(?:financial\s+|calendar\s+|full\s+|reporting\s+)?(?:year|period|quarter|twelve\s+months|12\s+months|month|financial\s+year)",
    r"(?:a|one)\s+year\s+(?:earlier|before)|the\s+year\s+before|twelve\s+months\s+earlier|12\s+months\s+earlier",
    r"(?:in\s+)?recent\s+years|since\s+records\s+began",
]
PERIOD_RE = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + r")\b", re.IGNORECASE)

RELATIVE_PREVIOUS = re.compile(r"^(?:previous|preceding|prior|last)\s+(?:financial\s+)?year$|year\s+(?:earlier|before)", re.I)


@dataclass(frozen=True)
class PeriodMatch:
    start: int
    end: int
    text: str


def find_periods(text: str) -> list[PeriodMatch]:
    """Periods in text, as written (without a leading 'the')."""
    out = []
    for m in PERIOD_RE.finditer(text):
        out.append(PeriodMatch(m.start(), m.end(), re.sub(r"\s+", " ", m.group(0)).strip()))
    return out
