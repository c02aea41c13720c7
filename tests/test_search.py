"""Full-text search: what a journalist types finds what they mean, and never a traceback."""
from __future__ import annotations

import csv
import io
import json
import random

import pytest
from click.testing import CliRunner

import archive
from archive.search import SearchError, fts_query, insert_documents_bulk, search_documents
from policewatch.cli import cli
from tests import sample_archive as sample


@pytest.fixture
def db(tmp_path):
    return archive.open_archive(sample.build(tmp_path / "archive.db"))


@pytest.fixture
def run(tmp_path):
    sample.build(tmp_path / "archive.db")
    config = sample.write_config(tmp_path)

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["-c", str(config), *args])

    return invoke


def urls(hits):
    return [h["url"] for h in hits]


@pytest.mark.parametrize("typed, expression", [
    ("community resolution", '"community" AND "resolution"'),
    ('"community resolution" rape', '"community resolution" AND "rape"'),
    ("out-of-court", '"out-of-court"'),
    ("rape NOT child", '"rape" NOT "child"'),
    ("(kent OR essex) caution", '( "kent" OR "essex" ) AND "caution"'),
    ("caution*", '"caution"*'),
    ('"unclosed phrase', '"unclosed phrase"'),
    ("rape NOT", '"rape"'),                 # an operator with nothing to join is dropped
    ("NOT", '"NOT"'),                       # ... unless it is all there is
    ("(kent OR essex caution", '"kent" OR "essex" AND "caution"'),  # unbalanced: no groups
    ("title:kent", '"title:kent"'),         # column filters only with --raw
    ("a AND (OR) b", '"a" AND "b"'),
])
def test_user_text_becomes_a_safe_fts5_expression(typed, expression):
    assert fts_query(typed) == expression


def test_escaped_queries_never_fail(db):
    alphabet = list('abc -"*():^+.AND OR NOT NEAR\'') + ["AND", "OR", "NOT", "NEAR", "kent"]
    rng = random.Random(7)
    for _ in range(3000):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        try:
            search_documents(db, query)
        except SearchError as exc:  # only these two are the user's to fix
            assert str(exc).startswith(("empty search", "NOT excludes")), (query, exc)


def test_a_leading_not_is_explained_not_inverted(db):
    with pytest.raises(SearchError, match="as in rape NOT child"):
        search_documents(db, "NOT child")


def test_phrase_stays_a_phrase_and_words_match_in_any_order(db):
    assert urls(search_documents(db, '"recorded 45"')) == [sample.KENT_FOI]
    assert search_documents(db, '"45 recorded"') == []
    assert sample.KENT_FOI in urls(search_documents(db, "45 recorded"))


def test_hyphenated_words_and_porter_stemming(db):
    assert set(urls(search_documents(db, "out-of-court"))) == {sample.KENT_NEWS, sample.STATS}
    # "resolution" finds "resolutions": the index stems words.
    assert len(search_documents(db, "community resolution")) == 3


def test_operators_do_what_they_say(db):
    assert sample.LINCS not in urls(search_documents(db, "rape NOT child"))
    assert set(urls(search_documents(db, "Essex OR Lincolnshire"))) == {sample.KENT_FOI, sample.LINCS}
    # Lower-case words are just words: "not" is found as text.
    assert urls(search_documents(db, "figures not held")) == [sample.KENT_FOI]


def test_title_matches_rank_first(tmp_path):
    db = archive.open_archive(tmp_path / "rank.db")
    insert_documents_bulk(db, [
        {"url": "https://a.example/1", "source": "s", "kind": "news", "title": "Weather",
         "text": "Cautions were mentioned once among many other words " * 3},
        {"url": "https://a.example/2", "source": "s", "kind": "news", "title": "Cautions rise",
         "text": "A report on cautions and other words " * 3},
    ])
    assert urls(search_documents(db, "cautions")) == ["https://a.example/2", "https://a.example/1"]


def test_filters_by_source_kind_and_dates(db):
    assert urls(search_documents(db, "community", kind="foi")) == [sample.KENT_FOI]
    assert urls(search_documents(db, "community", source="lincs-news")) == [sample.LINCS]
    since = search_documents(db, "police", since="2024-01-16")
    assert set(urls(since)) == {sample.KENT_NEWS, sample.LINCS}
    # A datetime counts by its day: 2023-07-20T09:30+01:00 is within "until 2023-07-20".
    assert urls(search_documents(db, "police", until="2023-07-20")) == [sample.STATS]


def test_raw_queries_pass_through_and_fail_in_one_line(db):
    assert urls(search_documents(db, "title:lincolnshire", raw=True)) == []  # only in its text
    assert urls(search_documents(db, "title:outcomes", raw=True)) == [sample.STATS]
    assert urls(search_documents(db, "NEAR(kent rape, 6)", raw=True)) == [sample.KENT_NEWS]
    with pytest.raises(SearchError, match="invalid search query"):
        search_documents(db, "kent AND", raw=True)


def test_bulk_insert_keeps_full_text_search_in_step(tmp_path):
    db = archive.open_archive(tmp_path / "bulk.db")
    docs = [{"url": f"https://b.example/{n}", "source": "bulk", "kind": "stats",
             "title": f"Table {n}", "text": f"Row {n} lists penalty notices"} for n in range(50)]
    assert insert_documents_bulk(db, docs) == 50
    assert insert_documents_bulk(db, docs[:5]) == 0  # known URLs are skipped
    assert len(search_documents(db, "penalty notices", limit=100)) == 50
    assert db.execute("select count(*) from documents_fts").fetchone()[0] == 50


def test_cli_table_shows_title_date_source_url_and_highlight(run):
    result = run("search", '"community resolutions" rape', "--kind", "news")
    assert result.exit_code == 0, result.output
    assert "Kent Police gave community resolutions to 45 rape suspects" in result.stdout
    assert "2024-03-02 · kent-news · news · " + sample.KENT_NEWS in result.stdout
    assert "**community resolutions** for **rape**" in result.stdout


def test_cli_json_is_one_array_and_csv_parses(run):
    result = run("search", "out-of-court", "--format", "json")
    hits = json.loads(result.stdout)
    assert isinstance(hits, list) and len(hits) == 2
    assert {"title", "published", "source", "kind", "url", "snippet"} <= set(hits[0])
    result = run("search", "out-of-court", "--format", "csv", "--limit", "1")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert len(rows) == 1 and rows[0]["url"] == sample.STATS


def test_cli_errors_are_one_line(run):
    result = run("search", "kent AND", "--raw")
    assert result.exit_code == 1
    assert result.output.startswith("Error: invalid search query") and result.output.count("\n") == 1
    assert "Traceback" not in result.output
    assert run("search", "x", "--since", "2024-13").exit_code == 2
    assert "sources: govuk, kent-news" in run("search", "x", "--source", "nope").output
    assert run("search", '""').output == "Error: empty search: type some words to look for\n"
    assert run("search", "zebra").stdout == "No documents match 'zebra'.\n"
