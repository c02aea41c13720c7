"""Find candidate counts in text: digits ("1,064") and words ("forty-two", "a dozen").

Finding a number is easy; most of this module is about the numbers that are NOT
disposal counts (ages, years, dates, money, rates, section numbers, counts of
officers or victims, suppressed values) so that linking never sees them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .vocab import disposal_keys
from .wording import contains_any, window_contains

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
    rf"\b(?<![-–])(?=[ZzOoTtFfSsEeNnHhAaDd])(?:(?:half\s+)?an?\s+(?=(?:dozen|hundred|thousand)\b))?(?:{_WORD})"
    rf"(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*\b(?![-–]\w)",
    re.IGNORECASE,
)
# A digit run that is a whole number on its own: not part of a code (FOI-2024-00873),
# a decimal (1.1), a time (10:20), a fraction or financial year (2021/22), money or a percentage.
DIGIT_NUMBER_RE = re.compile(
    r"(?<![\w£$€.,/:#\-–\\<>≤≥])(\d{1,3}(?:,\d{3})+|\d+)(?![\w%£$€/\\]|[.,:]\d|[-–]\w)"
)

MONTHS = (r"january|february|march|april|may|june|july|august|september|october|"
          r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")

# Nouns that, right after a number, say it counts something other than disposals.
EXCLUDED_UNITS = {
    "files", "file", "records", "entrants", "meetings", "convictions", "conviction", "detections",
    "advisers", "advisors", "projects",
    "full-time", "fte", "ftes", "equivalents",
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
    "recommendations", "questions", "responses", "interviews", "interview", "degrees", "inches", "litres", "tonnes",
    "volunteers", "chiefs", "commissioners", "judges", "magistrates", "miles", "incident",
    "incidents", "emergency", "999", "callers", "visits", "patrols", "searches",
    # things seized, handed in or reported, and people other than those dealt with
    "knives", "blades", "weapons", "firearms", "guns", "referral", "referrals", "number", "numbers", "hotline", "coordinators",
    "coordinator", "advisers", "advisors", "specialists", "investigators", "analysts", "partners",
    "perpetrators", "participants", "attendees", "facilitators", "practitioners", "mediators",
    "caseworkers", "workers", "trainers", "mentors", "weekend", "weekends", "night", "nights",
    "evenings", "shifts", "teams", "units", "suites", "sites", "locations", "premises", "venues", "square", "hectares", "acres", "seizures",
    # places a count of disposals is never of
    "town", "towns", "centres", "centers", "cities", "villages", "schools", "hospitals", "estates",
    "neighbourhoods", "neighborhoods", "streets", "parks",
    # court orders ("41 such orders"), never a disposal
    "order", "orders",
    # "the 764 figure was the tip of the iceberg": a figure given before, named again
    "figure",
    "families", "family", "households", "household", "homeowners",
    # ranks and kit: "312 custody sergeants can authorise", "2,500 CCTV cameras", "two front counters"
    "sergeant", "sergeants", "inspector", "inspectors", "superintendents", "camera", "cameras",
    "cctv", "counters", "desks", "drones", "tasers", "body-worn", "bodycams", "radios",
    # a web page's chrome: "Follow (3 followers)"
    "followers", "subscribers", "views", "likes", "comments", "replies", "annotations",
    # partners: "the four local authority youth justice services"
    "authority", "authorities", "services", "agencies", "councils", "partnerships",
}
_PEOPLE_WORDS = {"individuals", "people", "persons", "offenders", "suspects"}
_DEALT_WITH_WORDS = {"caution", "cautioned", "resolution", "arrested", "charged", "convicted", "sentenced", "warning", "reprimand"}
_LEVEL_WORDS = {"stood", "stands", "stand", "was", "were", "is", "are", "remained", "remains", "put", "level",
                "total", "figure", "peaked", "settled", "came", "steady", "unchanged", "capped", "set"}
# "used the disposal in 188 domestic incidents": after "in", incidents are what was dealt with
_DEALT_IN_UNITS = {"incident", "incidents"}
# The head of a list label that counts something other than disposals ("- Victims referred to
# support: 18,904", "Advisers funded: 15"), unless the label also names a disposal.
_LABEL_TALLY_WORDS = {
    "victim", "victims", "survivors", "adviser", "advisers", "advisors", "detections", "officers",
    "staff", "employees", "pcsos", "constables", "referrals", "calls", "complaints", "volunteers",
    "arrests", "members", "meetings", "visits", "patrols", "searches", "recruits", "specialists",
    "workers", "vacancies", "posts", "callers",
}
# "which polices ... around 500,000 people", "serves 1.1 million residents": a population
_POPULATION_UNITS = {"people", "residents", "inhabitants"}
_POPULATION_VERB = re.compile(r"\b(?:polic(?:es|ing)|serv(?:es|ing)|cover(?:s|ing)|home\s+to|population)\b[^.;:,\n]*$", re.I)
# "31 of the 97 were youth cautions": the part is the count, what follows says what it is
_PART_VERBS = {"were", "was", "had", "have", "received", "got", "went", "involved", "ended", "resulted", "led", "came"}
# "dished out the most, 14, with ...": a ranking's value, not an age after a name
_RANKING_WORDS = {"most", "highest", "largest", "biggest", "fewest", "least", "lowest", "smallest", "total", "all"}
# "a boy of 17": an age
_YOUNG_PEOPLE = {"boy", "boys", "girl", "girls", "child", "children", "teenager", "teenagers", "youngster",
                 "youngsters", "pupil", "pupils", "lad", "lads", "man", "men", "woman", "women"}


def _age_of_young_people(pre: list[str]) -> bool:
    """Whether the words before a number end "boys of" or "boys of 16 and" ("boys of 16 and 17"),
    or "as young as" ("some as young as 14 and 15")."""
    if "as" in pre:
        joined = " ".join(pre)
        if "young as" in joined or "old as" in joined:
            return True
    if len(pre) >= 2 and pre[-1] == "of":
        return pre[-2] in _YOUNG_PEOPLE
    return (len(pre) >= 4 and pre[-1] in ("and", "or", "to") and pre[-2][:1].isdigit() and pre[-3] == "of"
            and pre[-4] in _YOUNG_PEOPLE)


_POSSESSIVE_OF = {"the", "its", "their", "his", "her", "our", "your"}
# Words after which we stop looking for a unit: the number is already tied to something.
STOP_WORDS = {
    "for", "in", "to", "by", "of", "with", "on", "at", "from", "and", "or", "but",
    "were", "was", "had", "have", "has", "are", "is", "been", "be", "which", "who",
    "that", "than", "times", "occasions", "cases", "offences", "offenders", "people",
    "crimes", "suspects", "individuals", "adults", "youths", "children", "juveniles",
    "men", "incidents", "the", "a", "an", "this", "last", "compared", "while", "whereas",
    "because", "after", "when", "as", "since", "burglaries", "thefts", "rapes", "assaults",
    "robberies", "allegations", "reports",
}

# Words right before a number that make it a label, an age, a bound or a rate, not a count.
PRE_LABEL_WORDS = {
    "section", "sections", "s", "sec", "article", "chapter", "part", "schedule", "table",
    "figure", "fig", "volume", "vol", "page", "pages", "pp", "paragraph", "paragraphs", "para", "paras", "no", "nos", "number", "ref", "reference",
    "outcome", "outcomes", "type", "types", "code", "codes", "improvement", "recommendation", "uin",
    "quarter", "version", "level", "tier", "category", "question",
    "q", "item", "step", "annex", "appendix", "act", "rule", "regulation", "reg", "clause",
    "phase", "operation", "room", "flat", "unit", "route", "junction", "exhibit", "grade",
    "stage", "division", "top", "bottom", "ranked", "rank", "aged", "age", "ages", "per",
    "every", "foi", "number", "aged", "band", "bands", "platform", "line", "wave", "round",
    "ext", "extension", "tel", "telephone", "phone", "via", "dial", "ring", "text", "sms", "between",
    "call", "calling", "contact", "contacting", "texting", "texted", "non-emergency", "emergency", "helpline",
    "freephone", "crimestoppers", "minute",  # "(minute 38)" of a committee's minutes
    "<", ">", "≤",
}
PRE_LABEL_BIGRAMS = {
    "fewer than", "less than", "lower than", "out of", "one in", "age of", "score of",
    "cost of", "rate of", "case number", "aged between", "younger than", "older than",
    "ages of", "under the", "up to", "a maximum", "population of", "aged from", "from age",
    "call on", "ring on", "text on", "calling on",
}
_DIGIT = re.compile(r"\d")  # every match of _LABEL_PAIR has one: a cheap test first
_LABEL_PAIR = re.compile(r"([A-Za-z]+)\s+(?:\d{1,3}\s*(?:,\s*and|,|and|or|&)\s*)+$")
# "agenda pages 23 to 41": the end of a range of pages, paragraphs or sections
_RANGE_END = re.compile(r"\b(?:pages?|pp|paragraphs?|paras?|sections?|items?|annex(?:es)?)\.?\s+\d{1,3}\s*(?:to|-|–)\s*$", re.I)
_SERVICE_NUMBERS = {101, 111, 999, 112}
_PHONE_VERB = re.compile(r"\b(?:call|ring|phone|contact|dial|text|report it|reach)\w*\b", re.I)
_AGE_PAIR = re.compile(r"\s*(?:and|or|to|-|–)\s*\d{1,2}[-\s]years?[-\s]olds?\b", re.I)
_CURRENCY_CODES = {"gbp", "eur", "usd", "euros", "euro"}
_APPROX_TAIL = {"more", "than", "over", "nearly", "almost", "around", "about", "some", "roughly",
                "approximately", "just", "under", "fewer", "less"}
# "the average age of those cautioned was 34", "the youngest suspect was 15": an age.
_TIME_AFTER_THE = {"year", "years", "previous", "preceding", "prior", "following", "same", "month", "months",
                   "quarter", "week", "period", "last", "next", "first", "second"}
_NORMATIVE = {"should be", "must be", "would be", "could be", "ought be", "to be"}
_NOTE_LINE = re.compile(r"\s*(?:[*†‡¹²³]|notes?\b|key\b)", re.I)
_SUPPRESSION_NOTE = re.compile(r"\b(?:denotes|suppressed|suppression|redacted|withheld)\b", re.I)


_AGE_WORDS = ("age", "youngest", "oldest")  # every match of _AGE_STAT holds one
_AGE_STAT = re.compile(r"\b(?:(?:average|median|mean|typical)\s+age|youngest|oldest)\b[^.;\n]*$", re.I)
PRE_BOUND_WORDS = {"under", "over", "below", "above", "under-", "u"}  # with value <= 25: ages
DIFF_HEADS = {
    "rose", "risen", "rising", "increased", "increasing", "fell", "fallen", "falling", "dropped",
    "decreased", "grew", "jumped", "climbed", "up", "down", "rise", "increase", "fall", "drop",
    "decrease", "jump", "reduction", "change", "difference", "gap", "more", "fewer", "extra",
}
APPROX = {"almost", "nearly", "around", "about", "some", "over", "roughly", "approximately"}
SMALL_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "every"}
MONTH_WORDS = set(MONTHS.split("|"))
# Words right after a number that make it money, a percentage, a time, a multiplier or an age.
POST_REJECT_WORDS = {
    "%", "per", "percent", "percentage", "pc", "p", "m", "bn", "k", "million", "billion",
    "pounds", "pence", "quid", "yo", "am", "pm", "a.m", "p.m", "o'clock", "hrs", "gmt", "bst",
    "st", "nd", "rd", "th", "fold", "-fold", "year-old", "year-olds", "years-old", *MONTH_WORDS,
    # a service's number, not a count: "its 61016 text service", "the 101 line"
    "text", "textphone", "hotline", "helpline", "freephone",
}
_WORD = r"[a-z][a-z'’.\-]*|%|\d[\d,]*|[(/]"
_WORDS_RE = re.compile(_WORD)
# The first four matches of _WORDS_RE in one match (what lies between them is whatever cannot
# start one): findall would collect every word of the text only for four to be kept.
_GAP = r"[^a-z%\d(/]*"
_FIRST_FOUR_WORDS = re.compile(rf"{_GAP}({_WORD})(?:{_GAP}({_WORD})(?:{_GAP}({_WORD})(?:{_GAP}({_WORD}))?)?)?")
_NAME_COMMA = re.compile(r"[A-Za-z],\s*$")
_COMMA_WORD = re.compile(r"\s*,\s*[a-z]")
_ITEM_WORDS = {"request", "answer", "response", "reply"}
_RATE_UNITS = {"day", "week", "month", "year", "hour", "fortnight", "minute", "shift"}
_FILLERS = {"just", "only", "some", "around", "about", "roughly", "approximately", "nearly", "almost", "over"}
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\n")  # the unit of a count is never past this
_ONE_OK = {"caution", "cautions", "community", "penalty", "cannabis", "conditional", "youth",
           "fixed", "restorative", "on-the-spot", "out-of-court"}


def _pre_words(pre: str) -> list[str]:
    return [w.rstrip(":#.") for w in _WORDS_RE.findall(pre.lower())[-4:]]


def _post_words(post: str) -> list[str]:
    m = _FIRST_FOUR_WORDS.match(post.lower())
    return [w.rstrip(".") if len(w) > 2 else w for w in m.groups() if w is not None] if m else []


class NumberMatch(NamedTuple):  # a tuple: one is made for every number read
    start: int
    end: int
    value: int
    is_word: bool


_WORD_SPLIT = re.compile(r"[\s\-]+")


def words_to_int(text: str) -> int | None:
    """'two hundred and six' -> 206, 'forty-two' -> 42, 'a dozen' -> 12."""
    tokens = [t for t in _WORD_SPLIT.split(text.lower()) if t and t != "and"]
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


# "45 weapons offences", "12 reports of shoplifting dealt with": the noun is a modifier
_OFFENCE_HEADS = {"offences", "offence", "possession", "crimes", "crime", "cases", "case"}


def _excluded_unit(words: list[str]) -> str | None:
    """The unit among the words after a number that makes it no count of disposals, if any."""
    for n, word in enumerate(words):
        if n >= 4:
            break
        if word in EXCLUDED_UNITS and not (n + 1 < len(words) and words[n + 1] in _OFFENCE_HEADS):
            return word
        if word in STOP_WORDS or word[:1].isdigit() or word in UNITS or word in TENS:
            return None  # "118 three years earlier": the unit is the next number's
    return None


def _word_before(text: str, pos: int) -> str:
    """The lower-cased word that ends just before pos (blanks skipped)."""
    words = _WORDS_RE.findall(text[max(0, pos - 20):pos].lower())
    return words[-1] if words else ""


# "the number of officers": not "a number of specialist teams", which means several
_NUMBER_OF = re.compile(r"(?<!\ba\s)(?<!\ban\s)\bnumber\s+of\s+((?:[a-z'-]+\s+){0,3}[a-z'-]+)[^.;:\n]*$")


def _counts_other_things(text: str, start: int) -> bool:
    """Whether "the number of ..." before the number names a unit that is no disposal
    ("the number of officers rose to 3,400") and no disposal is named on the way."""
    m = _NUMBER_OF.search(text[max(0, start - 80):start].lower())
    return bool(m) and any(w in EXCLUDED_UNITS for w in m.group(1).split()) and not contains_any(
        m.group(0), disposal_keys())


def _labels_other_tally(text: str, start: int) -> bool:
    """Whether the number follows a list label that counts something other than disposals
    ("- Victims referred to our support service: 18,904")."""
    label = text[text.rfind("\n", 0, start) + 1:start].lower()
    if len(label) > 120:
        return False
    words = set(_WORDS_RE.findall(label))
    return not words.isdisjoint(_LABEL_TALLY_WORDS) and not contains_any(label, disposal_keys())


def _starts_line(text: str, pos: int) -> bool:
    """Whether only blanks, "(" and the ">" of a quoted e-mail stand between the line's start
    and pos (without copying the line: paragraphs are single lines, often thousands of
    characters long)."""
    while pos > 0 and text[pos - 1] in " \t(>":
        pos -= 1
    return pos == 0 or text[pos - 1] == "\n"


def is_excluded(text: str, start: int, end: int, value: int, is_word: bool) -> bool:
    """True when the number at text[start:end] is clearly not a count of disposals.

    Set look-ups on the few words either side: this runs for every number in every
    document, so it avoids regular expressions over the context. Every test below only
    ever answers True, so their order is free: the cheapest and most common come first.
    """
    if not is_word:
        raw = text[start:end]
        if "," not in raw and (1900 <= value <= 2039 or value >= 10000):
            return True  # a year, whatever follows; counts this large are written "10,000": codes, short numbers
        if len(raw) > 1 and raw.startswith("0"):
            return True  # codes and reference numbers
    # The words after the number first: a unit ("34 officers") or a date, money or rate word
    # ("3 March", "45%") settles a quarter of all numbers without reading the words before.
    post_text = text[end:end + 50]
    stop = _CLAUSE_END.search(post_text)
    post = _post_words(post_text[:stop.start()] if stop else post_text)
    first = post[0] if post else ""
    if first in POST_REJECT_WORDS or first.startswith(("-year", "year-old")):
        return True
    unit = _excluded_unit(post)
    if unit is not None and not (unit in _DEALT_IN_UNITS and _word_before(text, start) == "in"):
        return True
    pre_text = text[max(0, start - 40):start]
    pre_text = pre_text[pre_text.rfind("\n") + 1:]  # a line break ends the context ("made up of:\n- 1,902")
    if pre_text[-1:] == "(" and pre_text[-2:-1].isalnum():
        return True  # "Section 40(2)"
    pre_stripped = pre_text.rstrip()
    pre_end = pre_stripped[-1:]
    if pre_end in ("£", "$", "€", "#", "№"):
        return True  # money, "No. #4"
    pre = _pre_words(pre_text)
    if pre and pre[-1] in _CURRENCY_CODES:
        return True  # "GBP 100"
    core_pre = list(pre)
    while core_pre and core_pre[-1] in _APPROX_TAIL:
        core_pre.pop()
    if value >= 1000 and "population" in core_pre[-3:]:
        return True  # "the city's total population is approximately 330,000"
    if " ".join(core_pre[-2:]) in ("out of", "total of all", "population of") and value >= 10:
        return True  # "out of more than 67,000 reports": the base of a share
    if value <= 110 and window_contains(text, start - 90, start, _AGE_WORDS) and _AGE_STAT.search(
            text, max(0, start - 90), start):
        return True  # "the average age of those cautioned was 34"
    last = pre[-1] if pre else ""
    last2 = " ".join(pre[-2:]) if len(pre) >= 2 else ""
    core2 = " ".join([w for w in pre if w not in _FILLERS][-2:])
    # "Operation 12" is a label; "During the operation, 167 people ..." is not
    if ((last in PRE_LABEL_WORDS and pre_end not in (",", ";"))
            or last2 in PRE_LABEL_BIGRAMS or core2 in PRE_LABEL_BIGRAMS):
        return True
    if value in _SERVICE_NUMBERS and last in ("rang", "rung", "dialled", "dialed", "called", "phoned", "ringing", "calling"):
        return True  # "when I rang 101"
    if last == "on" and value in _SERVICE_NUMBERS and _PHONE_VERB.search(pre_text):
        return True  # "call Kent Police on 101": a telephone number
    if pre_stripped.endswith(("to", "-", "–")) and _RANGE_END.search(pre_text):
        return True  # "pages 23 to 41"
    label_pair = (pre_stripped.endswith((",", "and", "or", "&")) and _DIGIT.search(pre_text)
                  and _LABEL_PAIR.search(pre_text))
    if label_pair and label_pair.group(1).lower() in PRE_LABEL_WORDS:
        return True  # the "16" of "outcomes 15 and 16", "sections 4 to 5"
    if last in _ITEM_WORDS and pre_end != ":":
        return True  # "Request 1 - ...": an item number ("Answer: 31" is a value)
    if last in PRE_BOUND_WORDS and value <= 25:
        return True
    if ("aged" in pre or "ages" in pre) and (value <= 25 or last in ("to", "and", "from")):
        return True  # "aged 10 to 17", "aged from 18 to 57"
    if last == "and" and len(pre) >= 3 and pre[-3] == "between":
        return True  # "a figure between 1 and 4": a band, not a count
    if (last == "at" and value <= 21 and (len(pre) < 2 or pre[-2] not in _LEVEL_WORDS)
            and (not post or first in ("for", "when", "after", "and", "but", "because", "while")
                 or (len(pre) >= 2 and pre[-2] in _DEALT_WITH_WORDS))):
        return True  # "my son got a caution at 15 for ...", "a caution at 14 can be": an age ("stood at 15" is a level)
    if value <= 21 and "age" in pre[-5:] and last in ("often", "usually", "typically", "mostly", "about", "around", "aged",
                                                      "age", "or", "to", "and"):
        return True  # "children of a similar age, often 12 or 13"
    if (last == "to" and (first in _PEOPLE_WORDS or (len(post) > 1 and post[1] in _PEOPLE_WORDS)) and len(pre) >= 2 and pre[-2] in ("given", "handed", "issued", "administered")
            and _DIGIT.search(text, max(0, text.rfind(".", 0, start), start - 200), start)):
        return True  # "The 203 conditional cautions were given to 188 individuals": people, after the count
    if last in MONTH_WORDS and value <= 31:
        return True  # "March 3"
    if last in ("in", "of") and len(pre) >= 2 and (pre[-2][:1].isdigit() or pre[-2] in SMALL_NUMBER_WORDS):
        return True  # the "three" of "two in three"
    core = [w for w in pre if w not in APPROX]
    if (len(core) >= 2 and core[-1] in ("by", "of") and core[-2] in DIFF_HEADS
            and not (core[-2] == "up" and len(core) >= 3 and core[-3] in ("made", "make", "makes", "making"))):
        return True  # "rose by 45", "an increase of 12": a difference
    if first in ("above", "below") or (first == "on" and last in ("up", "down")):
        return True  # "53 above the target", "charges up 1,208 on the previous year": differences
    if first == "or" and len(post) > 1 and post[1] in ("more", "fewer", "less", "over", "above"):
        return True  # "three or more offences": a threshold
    if last2 in _NORMATIVE or last in ("face", "faces", "facing"):
        return True  # "a number that should be zero", "they face 230 offences"
    if value == 1 and last == "than":
        return True  # "more than one caution"
    if value <= 110 and last2 in ("age as", "age at", "aged as"):
        return True  # "gave his age as 81"
    if value <= 25 and (last2 in ("he was", "she was", "they were", "when aged") or last in ("turned", "turns", "turning")
                        or _age_of_young_people(pre)):
        return True  # "when he was 15": an age
    if last == "in" and len(post) > 1 and post[0] == "of" and post[1] in ("them", "these", "those", "the"):
        return True  # "in five of them": a share of forces, not a count
    if last2 == "of the" and len(pre) >= 3 and (pre[-3][:1].isdigit() or pre[-3] in SMALL_NUMBER_WORDS):
        return True  # the 13 of "in 4 of the 13 cases", the 97 of "31 of the 97 were youth cautions": a share's base
    if last2 == "of the" and (not post or text[end:end + 1] in (",", ".", ";", ":", ")")):
        return True  # "the lowest of the five,": a group already named
    if first in ("times", "occasions") and (last in ("met", "sat", "convened") or (last == "on" and len(pre) > 1 and pre[-2] in ("met", "sat", "convened")) or (
            len(post) > 2 and post[1] in ("a", "an", "each", "every") and post[2] in _RATE_UNITS)):
        return True  # "the panel met four times", "meets four times a year": meetings, a rate
    if first == "of" and len(post) > 3 and post[1] in _POSSESSIVE_OF and (
            post[2] in EXCLUDED_UNITS or post[3] in EXCLUDED_UNITS):
        return True  # "all six of the panel's recommendations", "two of its officers"
    if window_contains(text, start - 80, start, ("number of",)) and _counts_other_things(text, start):
        return True  # "the number of first time entrants to the youth justice system fell to 8,333"
    if first in _POPULATION_UNITS and _POPULATION_VERB.search(text, max(0, start - 90), start):
        return True  # "which polices ... only around 500,000 people": a population
    if pre_end == ":" and _labels_other_tally(text, start):
        return True  # "- Independent Sexual Violence Advisers funded: 15"
    if first == "times" and len(post) > 2 and (post[1] == "per" or post[1:3] == ["for", "every"]):
        return True  # "94 times for every 1,000 offences": a rate
    nxt2, prev2 = text[end:end + 2], pre_text[-2:]
    if not is_word and ((nxt2[:1] == " " and nxt2[1:].isdigit()) or (prev2[:1].isdigit() and prev2[1:] in (" ", "."))):
        return True  # "0115 967 0999", "ext. 800 2345": digit groups of a phone number
    if first in ("(", "/") and text[end:end + 1] in "(/":
        return True  # "40(2)", "12/5"
    if _AGE_PAIR.match(text, end, end + 30):
        return True  # "16 and 17-year-olds"
    if first in ("years", "year") and len(post) > 1 and post[1] == "old":
        return True
    if (first in ("a", "an", "each", "every") and len(post) > 1 and post[1] in _RATE_UNITS
            and (len(post) < 3 or post[2] not in ("earlier", "ago", "before", "previously", "later", "on"))):
        return True  # "the equivalent of 40 a week": a rate
    if first == "times" and len(post) > 1 and post[1] in ("more", "less", "higher", "lower", "as", "greater", "the") and not (
            post[1] == "the" and len(post) > 2 and post[2] in _TIME_AFTER_THE):
        return True  # "three times the national rate"; not "61 times the year before"
    if first in ("in", "out", "of") and len(post) > 1:
        nxt = post[2] if first == "out" and len(post) > 2 else post[1]
        if nxt in SMALL_NUMBER_WORDS or (nxt[:1].isdigit() and len(nxt) <= 3 and "," not in nxt):
            return True  # "4 out of 5", "two in 10"
    if (value <= 110 and pre_end == "," and _NAME_COMMA.search(pre_text) and last not in _RANKING_WORDS
            and _COMMA_WORD.match(text, end, end + 4)):
        return True  # "Jordan Smith, 34, of Hill Road", "Man, 34, charged": an age
    if (first in ("of", "out") and len(post) > 2 and post[1] == "the" and post[2][:1].isdigit()
            and not (len(post) > 3 and post[3] in _PART_VERBS)):
        return True  # "18 of the 32 boroughs": a share, not a count
    if value < 10:
        line_start = text.rfind("\n", 0, start) + 1
        if _NOTE_LINE.match(text, line_start, start):
            line_end = text.find("\n", end)
            if _SUPPRESSION_NOTE.search(text, line_start, line_end if line_end >= 0 else len(text)):
                return True  # "* Denotes a figure of 1 or 2", "* value of 1 to 4, suppressed"
    if value < 100 and text[end:end + 1] in (".", ")") and text[end + 1:end + 2] not in ("\n", "\r", "") and _starts_line(text, start):
        return True  # "1. The number of ..." / "2) ...": a list enumerator (not the answer "46." on its own line)
    if is_word and last in ("several", "many", "few", "hundreds", "thousands") and text[start:end].lower() in (
            "hundred", "thousand", "dozen"):
        return True  # "several hundred": no number at all
    if first == "times" and last2 == "at least" and value <= 20:
        return True  # "had each stolen from shops at least ten times": a threshold
    if is_word and text[start:end].lower() in ("one", "a", "an") and first not in _ONE_OK:
        return True  # "one of the", "in one case": too vague to be a count
    return False


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in text, words and digits, in order of position."""
    found: list[NumberMatch] = []
    for m in DIGIT_NUMBER_RE.finditer(text):
        if len(m.group(1)) > 15:
            continue
        found.append(NumberMatch(m.start(1), m.end(1), int(m.group(1).replace(",", "")), False))
    for m in WORD_NUMBER_RE.finditer(text):
        value = words_to_int(m.group(0))
        if value is not None:
            found.append(NumberMatch(m.start(), m.end(), value, True))
    found.sort(key=lambda n: n.start)
    return found


def numbers_at(text: str, positions) -> list[NumberMatch]:
    """Numbers starting at the given character offsets (increasing), e.g. number-like tokens."""
    out: list[NumberMatch] = []
    last_end = -1
    for pos in positions:
        if pos < last_end:
            continue
        if text[pos:pos + 1].isdigit():
            m = DIGIT_NUMBER_RE.match(text, pos)
            if m and len(m.group(1)) > 15:
                last_end = m.end()  # a digit run this long is an identifier, never a count
                continue
            if m:
                out.append(NumberMatch(m.start(1), m.end(1), int(m.group(1).replace(",", "")), False))
                last_end = m.end()
            continue
        m = WORD_NUMBER_RE.match(text, pos)
        if m:
            value = words_to_int(m.group(0))
            if value is not None:
                out.append(NumberMatch(m.start(), m.end(), value, True))
                last_end = m.end()
    return out


def counts_at(text: str, positions) -> list[NumberMatch]:
    """numbers_at() without the numbers that are clearly not counts."""
    return [n for n in numbers_at(text, positions) if not is_excluded(text, n.start, n.end, n.value, n.is_word)]


def find_counts(text: str) -> list[NumberMatch]:
    """Numbers that may be disposal counts (the exclusions above removed)."""
    return [n for n in find_numbers(text) if not is_excluded(text, n.start, n.end, n.value, n.is_word)]


@lru_cache(maxsize=8192)  # table cells repeat ("0", "*", "-", header words)
def parse_cell_number(cell: str) -> int | None:
    """A table cell holding only a count ('1,204', '12'); None for '*', '<5', '12%', text."""
    m = _CELL_RE.fullmatch(cell.strip().rstrip("¹²³⁴⁵⁶⁷⁸⁹⁰†‡*"))  # "27¹", "1,027*": a footnote mark
    if m and len(m.group(1)) <= 15:
        return int(m.group(1).replace(",", ""))
    return None


# "1,204", "846", "1,204 (12%)": a count, optionally followed by a bracketed share
_CELL_RE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\s*\([^()]{0,12}\))?")
