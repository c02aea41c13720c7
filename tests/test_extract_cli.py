"""`policewatch extract`: files to JSON lines or a table, and the archive's unread documents."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import archive
from archive.documents import save_document
from policewatch.commands.extract import extract
from tests import sample_archive as sample
from tests.conftest import SHARED_EVAL

REPO = Path(__file__).resolve().parents[1]
KENT = "Kent Police issued 45 cautions for theft in 2023, up from 30 in 2022.\n"
HTML = ("<html><body><article><h1>Cautions for theft</h1><p>Figures obtained by this newspaper "
        "show how often forces in the South East used cautions for theft.</p><table>"
        "<tr><th>Force</th><th>Cautions</th></tr><tr><td>Surrey Police</td><td>212</td></tr>"
        "<tr><td>Sussex Police</td><td>187</td></tr></table></article></body></html>")


def run(*args: str):
    return CliRunner().invoke(extract, list(args))


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_jsonl_has_one_object_per_figure_with_the_contract_keys(tmp_path):
    path = tmp_path / "kent.txt"
    path.write_text(KENT, encoding="utf-8")
    result = run(str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = lines(result)
    assert [(r["force"], r["disposal"], r["offence"], r["count"], r["period"]) for r in rows] == [
        ("Kent", "caution", "theft", 45, "2023"), ("Kent", "caution", "theft", 30, "2022")]
    first = rows[0]
    assert {"file", "force", "disposal", "offence", "count", "period", "quote", "previous_count",
            "change_pct", "char_start", "char_end"} <= set(first)
    assert first["file"] == str(path)
    assert (first["previous_count"], first["change_pct"]) == (30, 50.0)
    assert KENT[first["char_start"]:first["char_end"]] == first["quote"]


def test_html_files_go_through_the_main_text_extractor(tmp_path):
    path = tmp_path / "page.HTML"
    path.write_text(HTML, encoding="utf-8")
    rows = lines(run(str(path)))
    assert [(r["force"], r["disposal"], r["count"]) for r in rows] == [
        ("Surrey", "caution", 212), ("Sussex", "caution", 187)]


def test_feeds_and_saved_entries_are_read_as_their_entries_text(tmp_path):
    entry = ("<entry><title>Cautions in Surrey</title><content type=\"html\">&lt;p&gt;Surrey Police, which "
             "shares a number of teams with Sussex, issued 17 cautions for stalking in 2023.&lt;/p&gt;</content></entry>")
    (tmp_path / "entry.txt").write_text(entry, encoding="utf-8")
    rss = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><item><title>Essex</title>"
           "<description>&lt;p&gt;Essex Police gave 31 community resolutions for theft in 2023.&lt;/p&gt;"
           "</description></item></channel></rss>")
    (tmp_path / "news.xml").write_text(rss, encoding="utf-8")
    result = run(str(tmp_path / "entry.txt"), str(tmp_path / "news.xml"), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [(r["file"].rsplit("/", 1)[-1], r["force"], r["count"], r["quote"][:12]) for r in lines(result)] == [
        ("entry.txt", "Surrey", 17, "Surrey Polic"), ("news.xml", "Essex", 31, "Essex Police")]


def test_bad_bytes_are_replaced_not_fatal(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Kent Police issued 45 cautions for theft \xe9t\xe9 2023.".encode("latin-1"))
    result = run(str(path))
    assert result.exit_code == 0
    assert [r["count"] for r in lines(result)] == [45]


def test_unreadable_file_is_named_the_rest_carry_on_and_exit_is_1(tmp_path):
    good = tmp_path / "kent.txt"
    good.write_text(KENT, encoding="utf-8")
    result = run(str(tmp_path / "missing.txt"), str(tmp_path), str(good))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 2
    assert "missing.txt" in errors[0] and str(tmp_path) in errors[1]
    assert [r["count"] for r in lines(result)] == [45, 30]


def test_table_format_is_aligned_and_readable(tmp_path):
    path = tmp_path / "kent.txt"
    path.write_text(KENT, encoding="utf-8")
    result = run(str(path), "--format", "table")
    assert result.exit_code == 0
    out = result.stdout.splitlines()
    assert out[0].split() == ["file", "force", "disposal", "offence", "count", "period", "quote"]
    assert set(out[1]) <= {"-", " "}
    assert out[2].startswith("kent.txt") and " 45 " in out[2]
    assert out[0].index("count") <= out[2].index("45")


def test_table_format_says_when_nothing_was_found(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    assert run(str(path), "--format", "table").stdout.strip() == "no figures found"


def test_no_files_extracts_unread_archive_documents_once(tmp_path):
    db = archive.open_archive(tmp_path / "archive.db")
    save_document(db, url="https://news.example/kent", source="news", kind="news", text=KENT)
    save_document(db, url="https://news.example/none", source="news", kind="news",
                  text="Nothing to see here.")
    db.close()
    config = sample.write_config(tmp_path)
    from policewatch.cli import cli

    first = CliRunner().invoke(cli, ["-c", str(config), "extract"])
    assert first.exit_code == 0, first.output
    assert "extracted 2 document(s): 2 figure(s)" in first.output
    db = archive.open_archive(tmp_path / "archive.db")
    rows = list(db.query("select force, disposal, count, figure_key from figures order by count"))
    db.close()
    assert [(r["force"], r["disposal"], r["count"]) for r in rows] == [("Kent", "caution", 30), ("Kent", "caution", 45)]
    assert all(len(r["figure_key"]) == 40 for r in rows)
    again = CliRunner().invoke(cli, ["-c", str(config), "extract"])
    assert "extracted 0 document(s)" in again.output


def test_no_files_and_no_archive_is_a_clear_error(tmp_path):
    config = sample.write_config(tmp_path, "missing.db")
    from policewatch.cli import cli

    result = CliRunner().invoke(cli, ["-c", str(config), "extract"])
    assert result.exit_code == 1
    assert "no archive at" in result.output and "missing.db" in result.output



def test_dev_set_scores_above_the_bar(figure_scorer):
    score = figure_scorer
    gold = json.loads((SHARED_EVAL / "dev/gold.json").read_text(encoding="utf-8"))
    docs = sorted((SHARED_EVAL / "dev/docs").iterdir())
    result = run(*map(str, docs), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    overall = score.score(gold, lines(result))[-1]
    bucket, f1, precision, recall, offence_acc, _ = overall
    assert bucket == "all"
    assert f1 >= 0.90, (f1, precision, recall)
    assert offence_acc >= 0.85
