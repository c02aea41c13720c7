"""Find candidate counts in text: digits ("1,064") and words ("forty-two", "a dozen").

Finding a number is easy; most of this module is about the numbers that are NOT
disposal counts (ages, years, dates, money, rates, section numbers, counts of
officers or victims, suppressed values) so that linking never sees them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000}
_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "dozen"], key=len, reverse=True))
WORD_NUMBER_RE = re.compile(
    rf"\b(?:(?:half\s+)?an?\s+(?=(?:dozen|hundred|thousand)\b))?(?:{_WORD})"
    rf"(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*\b",
    re.IGNORECASE,
)
# A digit run that is a whole number on its own: not part of a code (FOI-2024-00873),
# a decimal (1.1), a time (10:20), a fraction or financial year (2021/22), money or a percentage.
DIGIT_NUMBER_RE = re.compile(
    r"(?<![\w£$€.,/:#\-–\\])(\d{1,3}(?:,\d{3})+|\d+)(?![\w%£$€/\\]|[.,:]\d|[-–]\w)"
)

MONTHS = (r"january|february|march|april|may|june|july|august|september|october|"
          r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")

# Nouns that, right after a number, say it counts something other than disposals.
EXCLUDED_UNITS = {
    "officer", "officers", "staff", "employee", "employees", "constable", "constables",
    "detective", "detectives", "pcso", "pcsos", "recruit", "recruits", "personnel",
    "victim", "victims", "survivor", "survivors", "complainant", "complainants",
    "witness", "witnesses", "girl", "girls", "boy", "boys", "woman", "women",
    "arrest", "arrests", "force", "forces", "year", "years", "month", "months", "week",
    "weeks", "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds",
    "decade", "decades", "yrs", "year-old", "year-olds", "mph", "mile", "miles", "km",
    "metres", "meters", "feet", "kg", "grams", "kilos", "kilograms", "percent",
    "per", "pounds", "pence", "million", "billion", "bn", "m", "k", "residents",
    "population", "member", "members", "councillor", "councillors", "mps", "page",
    "pages", "call", "calls", "complaint", "complaints", "charity", "charities",
    "school", "schools", "pupil", "pupils", "home", "homes", "house", "houses",
    "property", "properties", "store", "stores", "retailer", "retailers", "business",
    "businesses", "vehicle", "vehicles", "car", "cars", "plant", "plants", "point",
    "points", "vote", "votes", "seat", "seats", "job", "jobs", "post", "posts", "bed",
    "beds", "cell", "cells", "dog", "dogs", "area", "areas", "ward", "wards", "borough",
    "boroughs", "county", "counties", "district", "districts", "region", "regions",
    "station", "stations", "requests", "request", "respondents", "surveyed", "working",
    "recommendations", "questions", "degrees", "inches", "litres", "tonnes",
    "volunteers", "chiefs", "commissioners", "judges", "magistrates", "miles",
}
# Words after which we stop looking for a unit: the number is already tied to something.
STOP_WORDS = {
    "for", "in", "to", "by", "of", "with", "on", "at", "from", "and", "or", "but",
    "were", "was", "had", "have", "has", "are", "is", "been", "be", "which", "who",
    "that", "than", "times", "occasions", "cases", "offences", "offenders", "people",
    "crimes", "suspects", "individuals", "adults", "youths", "children", "juveniles",
    "men", "incidents", "the", "a", "an", "this", "last", "compared", "while", "whereas",
}
_UNIT_WORD_RE = re.compile(r"[a-z][a-z'’\-]*|%")

_PRE_LABEL_RE = re.compile(
    r"\b(?:section|sections|s\.|sec\.|article|chapter|part|schedule|table|figure|fig\.|"
    r"page|paragraph|para|no\.?|nos\.?|number|ref\.?|reference|outcome|outcomes|type|"
    r"code|version|level|tier|category|question|q|item|step|annex|appendix|act|rule|"
    r"regulation|reg\.|clause|phase|operation|room|flat|unit|route|junction|exhibit|"
    r"grade|stage|division|top|bottom|ranked|rank|aged|age|ages|age of|aged between|"
    r"fewer than|less than|lower than|per|every|out of|one in|score of|"
    r"cost of|rate of|foi|case number)\s*[:#]?\s*$",
    re.IGNORECASE,
)
# "fell by 45", "an increase of 12": a difference, not a count
_PRE_DIFF_RE = re.compile(
    r"\b(?:rose|risen|rising|increased|increasing|fell|fallen|falling|dropped|decreased|"
    r"grew|jumped|climbed|up|down|rise|increase|fall|drop|decrease|jump|reduction|"
    r"change|difference|gap|more|fewer|extra)\s+(?:by|of)\s+"
    r"(?:almost\s+|nearly\s+|around\s+|about\s+|some\s+|more\s+than\s+|over\s+)?$",
    re.IGNORECASE,
)
_PRE_AGE_BOUND_RE = re.compile(r"\b(?:under|over|below|above|younger than|older than|under-)\s*$", re.I)
_POST_REJECT_RE = re.compile(
    r"^\s*(?:%|per\s?cent|percent|percentage|pc\b|p\b|m\b|bn\b|k\b|million|billion|"
    r"pounds|pence|quid|years?[\s-]+old|year-old|-year|yo\b|am\b|pm\b|a\.m\.|p\.m\.|"
    r"o'clock|hrs\b|gmt\b|bst\b|times\s+(?:more|less|higher|lower|as|greater|the)|"
    rf"(?:in|out\s+of|of\s+every)\s+(?:\d{{1,3}}(?![\d,])|one|two|three|four|five|six|seven|eight|nine|ten|every)\b|"
    rf"(?:{MONTHS})\b|\(\d|/\d|st\b|nd\b|rd\b|th\b|-fold|fold\b)",
    re.IGNORECASE,
)
_PRE_RATIO_RE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of|of\s+every)\s*$", re.I)
_PRE_DATE_RE = re.compile(rf"\b(?:{MONTHS})\.?\s*$", re.IGNORECASE)
_ONE_OK_RE = re.compile(
    r"^\s*(?:caution|community\s+resolution|penalty|cannabis|conditional|youth|"
    r"fixed|restorative|on-the-spot|out-of-court)", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: int
    is_word: bool


def words_to_int(text: str) -> int | None:
    """'two hundred and six' -> 206, 'forty-two' -> 42, 'a dozen' -> 12."""
    tokens = [t for t in re.split(r"[\s\-]+", text.lower()) if t and t != "and"]
    total, current, seen = 0, 0, False
    half = False
    for tok in tokens:
        if tok == "half":
            half = True
        elif tok in ("a", "an"):
            current = max(current, 1) if not seen else current
            seen = True
        elif tok in UNITS:
            current += UNITS[tok]
            seen = True
        elif tok in TENS:
            current += TENS[tok]
            seen = True
        elif tok == "dozen":
            current = max(current, 1) * 12
            seen = True
        elif tok == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif tok == "thousand":
            total += max(current, 1) * 1000
            current = 0
            seen = True
        else:
            return None
    if not seen:
        return None
    value = total + current
    return value // 2 if half else value


def _unit_excluded(post: str) -> bool:
    for n, word in enumerate(_UNIT_WORD_RE.findall(post.lower()[:60])):
        if n >= 3:
            break
        if word in EXCLUDED_UNITS or word == "%":
            return True
        if word in STOP_WORDS:
            return False
    return False


def is_excluded(text: str, start: int, end: int, value: int, is_word: bool) -> bool:
    """True when the number at text[start:end] is clearly not a count of disposals."""
    pre = text[max(0, start - 40):start]
    post = text[end:end + 60]
    if _POST_REJECT_RE.match(post) or _PRE_LABEL_RE.search(pre) or _PRE_DIFF_RE.search(pre):
        return True
    if _PRE_RATIO_RE.search(pre):
        return True  # the "three" of "two in three"
    if _PRE_DATE_RE.search(pre) and value <= 31:
        return True
    if _PRE_AGE_BOUND_RE.search(pre) and value <= 25:
        return True
    if pre.rstrip().endswith(("£", "$", "€", "#", "№")) or re.search(r"\w\($", pre):
        return True  # money, "No. #4", "Section 40(2)"
    if _unit_excluded(post):
        return True
    raw = text[start:end]
    if not is_word:
        if "," not in raw and 1900 <= value <= 2039:
            return True  # a year, whatever follows
        if len(raw) > 1 and raw.startswith("0"):
            return True  # codes and reference numbers
        if "," not in raw and value >= 100000:
            return True  # phone numbers, long references
    elif raw.lower() in ("one", "a", "an") and not _ONE_OK_RE.match(post):
        return True  # "one of the", "in one case": too vague to be a count
    return False


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in text, words and digits, in order of position."""
    found: list[NumberMatch] = []
    for m in DIGIT_NUMBER_RE.finditer(text):
        found.append(NumberMatch(m.start(1), m.end(1), int(m.group(1).replace(",", "")), False))
    for m in WORD_NUMBER_RE.finditer(text):
        value = words_to_int(m.group(0))
        if value is not None:
            found.append(NumberMatch(m.start(), m.end(), value, True))
    found.sort(key=lambda n: n.start)
    return found


def find_counts(text: str) -> list[NumberMatch]:
    """Numbers that may be disposal counts (the exclusions above removed)."""
    return [n for n in find_numbers(text) if not is_excluded(text, n.start, n.end, n.value, n.is_word)]


def parse_cell_number(cell: str) -> int | None:
    """A table cell holding only a count ('1,204', '12'); None for '*', '<5', '12%', text."""
    s = cell.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", s):
        return int(s.replace(",", ""))
    return None
