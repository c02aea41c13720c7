"""`policewatch figures`: canonical filters, one row per figure, spreadsheet-safe CSV."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from policewatch.cli import cli
from tests import sample_archive as sample


@pytest.fixture
def run(tmp_path):
    sample.build(tmp_path / "archive.db")
    config = sample.write_config(tmp_path)

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["-c", str(config), "figures", *args])

    return invoke


def as_json(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_lists_each_figure_once_newest_first_with_all_its_documents(run):
    rows = as_json(run("--format", "json"))
    # Newest document first; the two 2023-07-20 figures by row order, newest row first.
    assert [r["force"] for r in rows] == ["Lincolnshire", "Kent", "Essex", None, "Metropolitan Police"]
    kent = rows[1]
    assert {"force", "offence", "disposal", "count", "period", "quote", "url"} <= set(kent)
    assert (kent["count"], kent["period"], kent["url"]) == (45, "2023", sample.KENT_NEWS)
    assert kent["urls"] == [sample.KENT_NEWS, sample.KENT_FOI]


def test_filters_are_canonical_names_matched_without_case(run):
    rows = as_json(run("--offence", "RAPE", "--disposal", "Community Resolution", "--format", "json"))
    assert [r["force"] for r in rows] == ["Kent"]
    assert [r["force"] for r in as_json(run("--force", "metropolitan police", "--format", "json"))] == [
        "Metropolitan Police"]
    assert [r["count"] for r in as_json(run("--force", "Kent Police", "--format", "json"))] == [45]


def test_since_uses_the_document_date(run):
    assert [r["force"] for r in as_json(run("--since", "2024-02", "--format", "json"))] == [
        "Lincolnshire", "Kent"]


def test_unknown_names_are_a_usage_error_with_suggestions(run):
    result = run("--disposal", "cautoin")
    assert result.exit_code == 2
    assert "unknown disposal 'cautoin'; did you mean 'caution'" in result.output


def test_csv_opens_cleanly_in_a_spreadsheet(run):
    result = run("--format", "csv")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("\ufeffdate,force,offence,disposal,count,period")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 5
    met = next(r for r in rows if r["force"] == "Metropolitan Police")
    # A cell that would run as a formula is defused; commas and quotes survive quoting.
    assert met["quote"].startswith("'=HYPERLINK(\"http://evil.example\")")
    assert met["title"] == "Crime outcomes in England and Wales, 2022 to 2023"
    kent = next(r for r in rows if r["force"] == "Kent")
    assert kent["urls"].split() == [sample.KENT_NEWS, sample.KENT_FOI]
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


def test_table_shows_quote_period_and_sources(run):
    result = run("--force", "kent")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["DATE", "FORCE", "OFFENCE", "DISPOSAL", "COUNT", "PERIOD"]
    assert lines[1].split() == ["2024-03-02", "Kent", "rape", "community", "resolution", "45", "2023"]
    assert "Kent Police issued 45 community resolutions" in lines[2]
    assert [line.strip() for line in lines[3:]] == [sample.KENT_NEWS, sample.KENT_FOI]
    assert run("--force", "Suffolk").stdout == "No figures match.\n"
