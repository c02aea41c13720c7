"""Sentence boundaries by rule, computed only for paragraphs that hold a count.

A line break always ends a sentence: headings, list items and lines like
'2020/21: 14' carry no full stop.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from spacy.tokens import Doc

from .pipeline import token_starts

# A run of stops (and closing quotes or brackets) before a blank ends a sentence, unless the
# tests in sentence_starts() say otherwise. The leading lookahead lets the regex engine skip to
# candidate characters.
_STOP_RE = re.compile(r"(?=[.!?])[.!?]+[\"'”’)\]]*(?=\s)")
_NEWLINE_RE = re.compile(r"\n")
MAX_TOKENS = 250
NON_SPACE = re.compile(r"\S")  # finds where a stretch stops being blank, without copying it
_ENUM_RE = re.compile(r"\s*\(?(?:\d{1,2}|[a-hA-H]|[ivx]{1,4})")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "no", "nos", "insp", "det", "supt", "sgt", "ch",
                  "cllr", "rev", "prof", "gen", "col", "capt", "lt", "vs", "v", "e.g", "i.e", "etc",
                  "approx", "fig", "ref", "sec", "para", "jan", "feb", "mar", "apr", "jun", "jul",
                  "aug", "sep", "sept", "oct", "nov", "dec", "co", "inc", "ltd", "op"}


class Sent(NamedTuple):
    """The parts of a sentence span linking needs: token and character bounds."""
    doc: Doc
    start: int
    end: int
    start_char: int
    end_char: int
    first_char: int  # its first character that is not blank


def sentence_starts(text: str) -> list[int]:
    """Character offsets where a new sentence begins (0 not included), in no set order."""
    out = [m.end() for m in _NEWLINE_RE.finditer(text)]  # every line break is a boundary
    for m in _STOP_RE.finditer(text):
        end = m.end()
        dot = m.start()
        nxt = text[end:end + 3].lstrip()[:1]
        if nxt.islower():
            continue
        line_start = text.rfind("\n", 0, dot) + 1
        if dot - line_start <= 5 and _ENUM_RE.fullmatch(text, line_start, dot):
            continue  # "1. The number of cautions": an item number, not a sentence end
        if text[dot - 1:dot].isalpha():
            word = text[max(line_start, dot - 8):dot].rsplit(None, 1)[-1:]
            if word and word[0].lower().lstrip("(") in _ABBREVIATIONS:
                continue
        out.append(end)
    return out


def sentences(doc: Doc, text: str) -> list[Sent]:
    """Sentences of a Doc whose text is `text`, skipping whitespace-only stretches."""
    n = len(doc)
    if n == 0:
        return []
    idx = token_starts(doc)
    cuts = {bisect_left(idx, start, 0, n) for start in sentence_starts(text)}
    bounds = [0, *sorted(c for c in cuts if 0 < c < n), n]
    # Text with no full stops (tables flattened into prose, noise) would make one endless
    # "sentence" and linking quadratic in it: cut those into pieces of bounded length.
    if any(b - a > MAX_TOKENS for a, b in zip(bounds, bounds[1:])):
        bounds = [x for a, b in zip(bounds, bounds[1:]) for x in range(a, b, MAX_TOKENS)] + [n]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        start_char, end_char = idx[a], idx[b]
        first = NON_SPACE.search(text, start_char, end_char)
        if first:
            out.append(Sent(doc, a, b, start_char, end_char, first.start()))
    return out
