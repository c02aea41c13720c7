"""Build the spaCy pipeline: blank English + rulers + PoliceWatch components.

No statistical model is needed: entities come from the JSONL vocabularies, counts and
periods from the regular expressions in numbers.py / periods.py.
"""
from __future__ import annotations

import gc
from bisect import bisect_left
from functools import lru_cache
from operator import itemgetter

import numpy as np
import spacy
from spacy.attrs import IDX, LIKE_NUM
from spacy.lang.lex_attrs import lower, word_shape
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from .numbers import counts_at, numbers_at
from .periods import START_WORDS, YEAR_SHAPES, periods_at
from .vocab import cue_patterns, entity_patterns

COUNTS_KEY = "pw_counts"
PERIODS_KEY = "pw_periods"


def _count_value(span: Span) -> int | None:
    """The value of a COUNT span, read from its text when asked (setting an extension
    attribute on every span cost more than all the other bookkeeping of the counts)."""
    found = numbers_at(span.text, [0])
    return found[0].value if found else None


if not Span.has_extension("pw_value"):
    Span.set_extension("pw_value", getter=_count_value)


def doc_text(doc: Doc) -> str:
    """doc.text, computed once: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("pw_text")
    if text is None:
        text = doc.user_data["pw_text"] = doc.text
    return text


# Columns of token_array(): each token's character offset and three lexeme flags.
IDX_COL, NUM_COL, SCALE_COL, PERIOD_COL = 0, 1, 2, 3
_SCALE_WORDS = frozenset(("dozen", "hundred", "thousand"))
_ARTICLES = frozenset(("a", "an", "half"))


def _is_scale_word(word: str) -> bool:
    return lower(word) in _SCALE_WORDS


def _may_start_period(word: str) -> bool:
    return lower(word) in START_WORDS or word_shape(word) in YEAR_SHAPES


def lexeme_flag(vocab, getter) -> int:
    """The id of a lexeme flag computed by getter, added to the vocab the first time.

    A flag is computed once per distinct word (spaCy stores it on the lexeme), so reading
    which tokens may start a count or a period costs one Doc.to_array call instead of
    hash look-ups over every token of every document."""
    getters = vocab.lex_attr_getters
    flag_id = _FLAG_IDS.get(getter)
    if flag_id is not None and getters.get(flag_id) is getter:
        return flag_id  # the usual case: one pipeline per process
    flag_id = next((i for i, known in getters.items() if known is getter), None)
    if flag_id is None:
        flag_id = vocab.add_flag(getter)
    _FLAG_IDS[getter] = flag_id
    return flag_id


_FLAG_IDS: dict = {}  # getter -> the flag id it had in the last vocab that asked


def token_array(doc: Doc) -> np.ndarray:
    """Per token: IDX, LIKE_NUM, scale word ("dozen"), may start a period; read once."""
    arr = doc.user_data.get("pw_array")
    if arr is None:
        vocab = doc.vocab
        arr = doc.user_data["pw_array"] = doc.to_array(
            [IDX, LIKE_NUM, lexeme_flag(vocab, _is_scale_word), lexeme_flag(vocab, _may_start_period)])
    return arr


def token_starts(doc: Doc) -> list[int]:
    """Character offset of every token, then the text's length (so token i spans
    starts[i]:starts[i + 1]); a plain list, read once, for bisect and indexing."""
    starts = doc.user_data.get("pw_starts")
    if starts is None:
        starts = doc.user_data["pw_starts"] = token_array(doc)[:, IDX_COL].tolist()
        starts.append(len(doc_text(doc)))
    return starts


def names_disposal(doc: Doc) -> bool:
    """Whether the text names a disposal ("cautions") or refers to one ("the sanction").
    Without one no figure can be read, so counts and periods are not worth finding."""
    flag = doc.user_data.get("pw_has_disposal")
    if flag is None:
        labels = [e[0] for e in doc.user_data["pw_ents"]]
        flag = doc.user_data["pw_has_disposal"] = "DISPOSAL" in labels or "DISPOSAL_REF" in labels
    return flag


class _SpanFinder:
    """What CountFinder and PeriodFinder share: what find() returns, (start_char, end_char,
    value), is widened to whole tokens and recorded for the linker as plain tuples
    (start, end, start_char, end_char, value) in doc.user_data[KEY]; the annotate component
    turns them into spans in doc.spans[KEY]. With require_disposal, a text that names no
    disposal is not searched."""
    KEY = ""

    def __init__(self, require_disposal: bool = True) -> None:
        self.require_disposal = require_disposal

    def __call__(self, doc: Doc) -> Doc:
        found = []
        if len(doc) and (not self.require_disposal or names_disposal(doc)):
            text, starts = doc_text(doc), token_starts(doc)
            for start, end, value in self.find(doc):
                # find() only matches from a token's first character, so these are the tokens
                # doc.char_span(start, end, alignment_mode="expand") would give. The last one
                # holds the match's last character, so it is not blank: it ends where the
                # next token starts, less the one space spaCy keeps as its trailing whitespace.
                first, stop = bisect_left(starts, start), bisect_left(starts, end)
                end_char = starts[stop] - (text[starts[stop] - 1] == " ")
                found.append((first, stop, start, end_char, value))
        doc.user_data[self.KEY] = found
        return doc

    def find(self, doc: Doc) -> list[tuple[int, int, object]]:
        raise NotImplementedError


class CountFinder(_SpanFinder):
    """Mark candidate counts (doc.user_data[COUNTS_KEY]; as spans in doc.spans[COUNTS_KEY],
    value in span._.pw_value, once annotated).

    Only number-like tokens (and the "a" of "a dozen") are tried, so the cost follows
    the number of numbers, not the length of the text.
    """
    KEY = COUNTS_KEY

    def find(self, doc: Doc) -> list[tuple[int, int, int]]:
        arr = token_array(doc)
        # .nonzero(), not np.flatnonzero: on short texts its Python wrapper costs more than the work
        cand = (arr[:, NUM_COL] | arr[:, SCALE_COL]).nonzero()[0]
        starts = arr[cand, IDX_COL].tolist()
        for k in arr[cand, SCALE_COL].nonzero()[0].tolist():  # rare: "a dozen", "half a dozen"
            i = j = int(cand[k])
            while j > 0 and j >= i - 2 and doc[j - 1].lower_ in _ARTICLES:
                j -= 1
            starts[k] = int(arr[j, IDX_COL])
        return [(n.start, n.end, n.value) for n in counts_at(doc_text(doc), sorted(starts))]


class PeriodFinder(_SpanFinder):
    """Mark periods as written (doc.user_data[PERIODS_KEY]; doc.spans once annotated), trying
    only plausible first tokens."""
    KEY = PERIODS_KEY

    def find(self, doc: Doc) -> list[tuple[int, int, str]]:
        arr = token_array(doc)
        starts = arr[arr[:, PERIOD_COL].nonzero()[0], IDX_COL].tolist()
        return [(p.start, p.end, p.text) for p in periods_at(doc_text(doc), starts)]


@Language.factory("policewatch_counts", assigns=["doc.user_data"], default_config={"require_disposal": True})
def make_policewatch_counts(nlp: Language, name: str, require_disposal: bool) -> CountFinder:
    return CountFinder(require_disposal)


@Language.factory("policewatch_periods", assigns=["doc.user_data"], default_config={"require_disposal": True})
def make_policewatch_periods(nlp: Language, name: str, require_disposal: bool) -> PeriodFinder:
    return PeriodFinder(require_disposal)


class PhraseEntityRuler(EntityRuler):
    """EntityRuler for phrase patterns, without two per-document costs of the stock one:
    it recounts every pattern on each call (__len__) and runs the empty token Matcher."""

    def add_patterns(self, patterns) -> None:
        super().add_patterns(patterns)
        self._n_patterns = EntityRuler.__len__(self)

    def __len__(self) -> int:
        n = getattr(self, "_n_patterns", None)
        return EntityRuler.__len__(self) if n is None else n

    def match(self, doc: Doc):
        if any(self.token_patterns.values()):
            return super().match(doc)
        # PhraseMatcher.add skips empty patterns, so no match is empty: the set only drops repeats
        return sorted(set(self.phrase_matcher(doc)), key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def set_annotations(self, doc: Doc, matches) -> None:
        """Longest match first, no overlaps; existing entities are kept and win. The result is
        recorded as plain tuples (label, ent_id, start, end) in doc.user_data["pw_ents"], which
        the linker reads; the annotate component writes them to doc.ents. Making a Span of
        every name and setting doc.ents cost about 3% of extraction's instructions and 5% of its
        time (bench/), for output that extraction never reads."""
        taken = bytearray(len(doc))
        found = [(e.label_, e.ent_id_, e.start, e.end) for e in doc.ents]
        for _, _, start, end in found:
            taken[start:end] = b"\x01" * (end - start)
        for match_id, start, end in matches:
            if taken.find(1, start, end) >= 0:  # no copy of the slice
                continue
            taken[start:end] = b"\x01" * (end - start)
            label, ent_id = self._ent_ids.get(match_id, (match_id, ""))
            found.append((label, ent_id, start, end))
        doc.user_data["pw_ents"] = sorted(found, key=itemgetter(2))


def write_annotations(doc: Doc) -> Doc:
    """Write what the components recorded as spaCy annotations: names to doc.ents (label and
    ent_id), counts and periods to doc.spans[COUNTS_KEY] and doc.spans[PERIODS_KEY]. For
    reading a Doc with spaCy's own tools (displacy, doc.ents); extraction does not need it."""
    ents = doc.user_data.get("pw_ents", [])
    # "unmodified": tokens outside the names stay unset instead of being written one by one as "O"
    doc.set_ents([Span(doc, start, end, label=label, span_id=ent_id) for label, ent_id, start, end in ents],
                 default="unmodified")
    for key, label in ((COUNTS_KEY, "COUNT"), (PERIODS_KEY, "PERIOD")):
        doc.spans[key] = [Span(doc, start, end, label=label) for start, end, *_ in doc.user_data.get(key, [])]
    return doc


@Language.component("policewatch_annotate", assigns=["doc.ents", "doc.spans"])
def annotate_component(doc: Doc) -> Doc:
    return write_annotations(doc)


@Language.factory(
    "policewatch_ruler", assigns=["doc.user_data"],
    default_config={"phrase_matcher_attr": "LOWER", "validate": False, "overwrite_ents": False,
                    "ent_id_sep": "||"})
def make_policewatch_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None, validate: bool,
                           overwrite_ents: bool, ent_id_sep: str) -> PhraseEntityRuler:
    return PhraseEntityRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                             overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep)


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize, remembering the text so components need not rebuild it from tokens."""
    doc = nlp.make_doc(text)
    doc.user_data["pw_text"] = text
    return doc


def build_pipeline(annotate: bool = True) -> Language:
    """A fresh pipeline. Pattern files are read once per process (cached in vocab).

    With annotate, a last component writes names, counts and periods as spaCy annotations
    (doc.ents, doc.spans); without it they are only in doc.user_data, which is all that
    extraction reads (get_nlp)."""
    nlp = spacy.blank("en")
    # Long documents are split into paragraphs before they reach spaCy (see segment.py);
    # this limit only guards against a caller passing a huge single chunk.
    nlp.max_length = 2_000_000
    # One ruler for names and cues ("the sanction", "the force", "nationally"): a single
    # PhraseMatcher pass, and overlaps resolve longest-first ("the penalty notice" beats
    # the anaphor "the penalty").
    ruler = nlp.add_pipe("policewatch_ruler")
    ruler.add_patterns(list(entity_patterns()) + list(cue_patterns()))
    # Periods are read even where no disposal is named: a caption or heading ("Table 1:
    # ... by force, 2023/24") gives its period to the table or list under it.
    nlp.add_pipe("policewatch_periods", config={"require_disposal": False})
    nlp.add_pipe("policewatch_counts")
    if annotate:
        nlp.add_pipe("policewatch_annotate")
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared extraction pipeline for this process (build_pipeline without annotate).

    It lives as long as the process, so its ~100,000 Python objects (vocabulary, pattern
    tables) are moved out of the cyclic garbage collector's reach: otherwise every
    full collection rescans them, which cost a quarter of extraction time (bench/).
    Refcounting still frees everything else as before."""
    nlp = build_pipeline(annotate=False)
    gc.freeze()
    return nlp
