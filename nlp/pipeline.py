"""Build the spaCy pipeline: blank English + rulers + PoliceWatch components.

No statistical model is needed: entities come from the JSONL vocabularies, counts and
periods from the regular expressions in numbers.py / periods.py.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .numbers import find_counts
from .periods import find_periods
from .vocab import cue_patterns, entity_patterns

COUNTS_KEY = "pw_counts"
PERIODS_KEY = "pw_periods"
CUES_KEY = "pw_cues"

if not Span.has_extension("pw_value"):
    Span.set_extension("pw_value", default=None)


class CountFinder:
    """Mark candidate counts as spans in doc.spans[COUNTS_KEY], value in span._.pw_value."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for n in find_counts(doc.text):
            span = doc.char_span(n.start, n.end, label="COUNT", alignment_mode="expand")
            if span is None:
                continue
            span._.pw_value = n.value
            spans.append(span)
        doc.spans[COUNTS_KEY] = spans
        return doc


class PeriodFinder:
    """Mark periods as written in doc.spans[PERIODS_KEY]."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for p in find_periods(doc.text):
            span = doc.char_span(p.start, p.end, label="PERIOD", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[PERIODS_KEY] = spans
        return doc


@Language.factory("policewatch_counts", assigns=["doc.spans"])
def make_policewatch_counts(nlp: Language, name: str) -> CountFinder:
    return CountFinder()


@Language.factory("policewatch_periods", assigns=["doc.spans"])
def make_policewatch_periods(nlp: Language, name: str) -> PeriodFinder:
    return PeriodFinder()


def build_pipeline() -> Language:
    """A fresh pipeline. Pattern files are read once per process (cached in vocab)."""
    nlp = spacy.blank("en")
    # Long documents are split into paragraphs before they reach spaCy (see segment.py);
    # this limit only guards against a caller passing a huge single chunk.
    nlp.max_length = 2_000_000
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": False})
    ruler.add_patterns(list(entity_patterns()))
    cues = nlp.add_pipe("span_ruler", name="cue_ruler",
                        config={"spans_key": CUES_KEY, "phrase_matcher_attr": "LOWER"})
    cues.add_patterns(list(cue_patterns()))
    nlp.add_pipe("policewatch_periods")
    nlp.add_pipe("policewatch_counts")
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline for this process."""
    return build_pipeline()
