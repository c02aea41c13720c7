"""The vocabularies: well-formed pattern files, canonical names from the closed lists,
and one worked example per pattern id (tests/nlp_examples.jsonl)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nlp import build_pipeline, extract, get_nlp
from nlp.pipeline import COUNTS_KEY, PERIODS_KEY, make_doc
from nlp.vocab import ENTITY_FILES, PATTERN_DIR, canonical_names, read_jsonl

EXAMPLES = Path(__file__).with_name("nlp_examples.jsonl")
DISPOSALS = {"community resolution", "caution", "conditional caution", "youth caution",
             "youth conditional caution", "penalty notice", "cannabis warning",
             "out-of-court disposal", "charge", "no further action"}
OFFENCES = {"child rape", "rape", "sexual assault", "sexual grooming", "indecent exposure",
            "indecent images of children", "child sexual exploitation",
            "sexual activity with a child", "sexual offences", "domestic abuse",
            "stalking and harassment", "common assault", "violence against the person",
            "hate crime", "shoplifting", "burglary", "theft", "robbery", "criminal damage",
            "drug offences", "possession of weapons", "public order offences", "fraud"}
PATTERN_FILES = [*ENTITY_FILES, "cues.jsonl"]


def all_patterns() -> list[dict]:
    return [p for f in PATTERN_FILES for p in read_jsonl(PATTERN_DIR / f)]


def examples() -> list[dict]:
    return read_jsonl(EXAMPLES)


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_pattern_lines_have_label_pattern_and_slug_id(name):
    rows = read_jsonl(PATTERN_DIR / name)
    assert rows
    for row in rows:
        assert set(row) == {"label", "pattern", "id"}, row
        assert isinstance(row["pattern"], str) and row["pattern"].strip(), row
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", row["id"]), row


def test_each_named_id_resolves_to_a_canonical_name():
    names = canonical_names()
    kinds = {"FORCE": "force", "OFFENCE": "offence", "DISPOSAL": "disposal"}
    for row in all_patterns():
        if row["label"] in kinds:
            assert row["id"] in names[kinds[row["label"]]], row


def test_canonical_names_are_the_closed_lists_and_ids_are_their_slugs():
    names = canonical_names()
    assert set(names["disposal"].values()) == DISPOSALS
    assert set(names["offence"].values()) == OFFENCES
    for kind in names.values():
        for slug, name in kind.items():
            assert slug == re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    forces = set(names["force"].values())
    assert len(forces) == 48  # 43 territorial forces, BTP, Scotland, PSNI, CNC, MoD Police
    assert {"Avon and Somerset", "Greater Manchester", "Metropolitan Police", "London, City of",
            "Police Scotland", "Police Service of Northern Ireland", "British Transport Police",
            "Civil Nuclear Constabulary", "Ministry of Defence Police"} <= forces


def test_no_pattern_is_listed_twice_or_claimed_by_two_ids():
    seen: dict[str, str] = {}
    for row in all_patterns():
        key = " ".join(row["pattern"].lower().split())
        assert key not in seen, f"{key!r} appears twice ({seen.get(key)}, {row['id']})"
        seen[key] = row["id"]


def test_every_pattern_id_has_an_example():
    covered = {(e["label"], e["id"]) for e in examples()}
    missing = {(p["label"], p["id"]) for p in all_patterns()} - covered
    assert not missing, f"ids without an example in {EXAMPLES.name}: {sorted(missing)}"


@pytest.mark.parametrize("example", examples(), ids=lambda e: e["id"])
def test_example(example):
    got = [f.to_dict() for f in extract(example["text"])]
    want = example["expect"]
    assert len(got) == len(want), got
    for fig, expect in zip(got, want):
        assert {k: fig[k] for k in expect} == expect, fig
        assert example["text"][fig["char_start"]:fig["char_end"]] == fig["quote"]


def test_the_annotated_pipeline_shows_what_extraction_reads_as_spacy_annotations():
    # build_pipeline() ends with policewatch_annotate: a pattern author can read a sentence's
    # names, counts and periods as doc.ents and doc.spans, exactly as the extraction pipeline
    # (get_nlp, which skips that last step) recorded them for the linker.
    text = ("Thames Valley Police issued 45  cautions\nand thirty-one community resolutions for "
            "shoplifting in the year to March 2023, the force said.")
    shown = build_pipeline()(text)
    read = make_doc(get_nlp(), text)
    for _, component in get_nlp().pipeline:
        read = component(read)
    assert "policewatch_annotate" not in get_nlp().pipe_names and not read.ents
    assert [(e.label_, e.ent_id_, e.start, e.end) for e in shown.ents] == read.user_data["pw_ents"]
    assert {e.text: e.label_ for e in shown.ents} == {
        "Thames Valley Police": "FORCE", "cautions": "DISPOSAL", "community resolutions": "DISPOSAL",
        "shoplifting": "OFFENCE", "the force": "FORCE_REF"}
    for key in (COUNTS_KEY, PERIODS_KEY):
        spans = shown.spans[key]
        assert [(s.start, s.end, s.start_char, s.end_char) for s in spans] == [
            t[:4] for t in read.user_data[key]]
    assert [(s.text, s._.pw_value) for s in shown.spans[COUNTS_KEY]] == [("45", 45), ("thirty-one", 31)]
    assert [s.text for s in shown.spans[PERIODS_KEY]] == ["year to March 2023"]
