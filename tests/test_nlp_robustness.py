"""Odd input never raises and stays fast: empty, whitespace, binary noise, huge lines."""
from __future__ import annotations

import random
import time

import pytest

from nlp import extract, extract_many, html_to_text


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \n", "\x00\x01\x02", "|", "| |\n|---|", "1,2,3", "-" * 500])
def test_degenerate_text_gives_no_figures(text):
    assert extract(text) == []


def test_non_string_items_in_a_batch_are_treated_as_empty():
    assert list(extract_many(["", None, "Kent Police issued 45 cautions in 2023."])) [:2] == [[], []]  # type: ignore[list-item]


def test_binary_garbage_decoded_with_replacement():
    rng = random.Random(3)
    blob = rng.randbytes(200_000).decode("utf-8", errors="replace")
    assert isinstance(extract(blob), list)


def test_five_megabyte_single_line_is_read_quickly():
    prose = "The review will look at how officers record their decisions and what victims are told. "
    text = ("Kent Police issued 45 cautions for theft in 2023. " + prose * (5_000_000 // len(prose))
            + "Essex Police issued 38 cautions for theft in 2023.")
    assert len(text) > 5_000_000 and "\n" not in text
    start = time.process_time()
    figures = extract(text)
    assert time.process_time() - start < 10
    assert [(f.force, f.count) for f in figures] == [("Kent", 45), ("Essex", 38)]
    assert all(text[f.char_start:f.char_end] == f.quote for f in figures)


def test_ten_megabytes_of_noise_and_huge_lines_raise_nothing():
    rng = random.Random(11)
    binary = rng.randbytes(4_000_000).decode("latin-1")
    words = " ".join(rng.choice(["caution", "x" * 300, "12", "£", "|", "2023", "Kent"]) for _ in range(100_000))
    text = binary + "\n" + words + "\n" + "9" * 1_500_000 + "\ncaution " + "7" * 5000
    assert len(text) > 9_500_000
    start = time.process_time()
    assert isinstance(extract(text), list)
    assert time.process_time() - start < 30


def test_html_fallbacks():
    assert html_to_text("") == ""
    assert html_to_text("   ") == ""
    text = html_to_text("<html><body><p>Kent Police issued 45 cautions for theft in 2023.</p></body></html>")
    assert "45 cautions" in text
    assert isinstance(html_to_text("<<<>>> not really html \x00"), str)


def test_html_table_comes_out_as_pipe_rows():
    html = ("<html><body><article><h1>Cautions</h1><p>Figures released to this newspaper show how "
            "forces compare on the use of cautions and community resolutions for theft.</p><table>"
            "<tr><th>Force</th><th>Cautions</th></tr><tr><td>Kent Police</td><td>1,204</td></tr>"
            "</table></article></body></html>")
    text = html_to_text(html)
    assert "| Kent Police | 1,204 |" in text
    assert [(f.force, f.disposal, f.count) for f in extract(text)] == [("Kent", "caution", 1204)]


def test_a_twenty_thousand_row_table_is_read_in_linear_time():
    rows = "\n".join(f"Kent Police\t{n}\t{n + 1}" for n in range(1, 20_001))
    start = time.process_time()
    figures = extract("Figures for 2023\nForce\tCautions\tCommunity resolutions\n" + rows)
    assert time.process_time() - start < 10
    assert len(figures) == 40_000
