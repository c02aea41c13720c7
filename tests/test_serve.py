"""`policewatch serve`: Datasette on the public archive only, read-only, described and searchable."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

import archive
from archive.documents import save_document
from policewatch.cli import cli
from policewatch.commands.serve import datasette_args, load_metadata
from tests import sample_archive as sample

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def config(tmp_path) -> Path:
    sample.build(tmp_path / "archive.db")
    return sample.write_config(tmp_path)


def get(config: Path, path: str):
    """Fetch one path through `policewatch serve --get`, as Datasette would serve it."""
    result = CliRunner().invoke(cli, ["-c", str(config), "serve", "--get", path])
    assert result.exit_code == 0, result.output
    return result.stdout


def get_json(config: Path, path: str):
    return json.loads(get(config, path))


def test_metadata_describes_every_table_and_column(tmp_path):
    db = archive.open_archive(tmp_path / "fresh.db")
    tables = load_metadata("fresh")["databases"]["fresh"]["tables"]
    for name in db.table_names():
        if name.startswith("documents_fts"):
            continue  # Datasette hides the full-text index tables itself
        assert name in tables, f"archive/metadata.yml has no entry for table {name}"
        assert tables[name].get("title") and tables[name].get("description"), name
        missing = set(db[name].columns_dict) - set(tables[name].get("columns", {}))
        assert not missing, f"archive/metadata.yml: describe {name} columns {sorted(missing)}"


def test_only_the_public_archive_is_served_read_only(tmp_path, config):
    args = datasette_args(tmp_path / "archive.db", tmp_path / "m.json", host="127.0.0.1", port=8001)
    assert str(tmp_path / "archive.db") in args
    assert not {"-i", "--immutable", "--create"} & set(args)
    assert not any("private" in a for a in args)
    (database,) = get_json(config, "/-/databases.json")
    assert (database["name"], database["is_mutable"]) == ("archive", True)  # opened ?mode=ro
    metadata = get_json(config, "/-/metadata.json")
    assert metadata["title"] == "PoliceWatch archive" and list(metadata["databases"]) == ["archive"]


def test_full_text_search_and_facets(config):
    found = get_json(config, "/archive/documents.json?_search=%22recorded+45%22&_shape=objects")
    assert [r["url"] for r in found["rows"]] == [sample.KENT_FOI]
    assert set(found["facet_results"]) == {"source", "kind"}
    figures = get_json(config, "/archive/figures.json?_labels=on&_shape=objects")
    facets = figures["facet_results"]
    assert set(facets) == {"force", "offence", "disposal"}
    assert {v["value"] for v in facets["force"]["results"]} >= {"Kent", "Essex", "Lincolnshire"}
    # Figures link to their documents, labelled with the document's title.
    linked = {r["document_id"]["label"] for r in figures["rows"]}
    assert "Use of community resolutions for rape offences" in linked


def test_canned_queries(config):
    week = get_json(config, "/archive/new_figures_this_week.json?_shape=array")
    assert len(week) == 5  # one row per figure, though Kent's comes from two documents
    by_force = get_json(config, "/archive/figures_by_force_and_disposal.json?_shape=array"
                                "&offence=&disposal=community+resolution")
    assert [(r["force"], r["documents"]) for r in by_force] == [("Kent", 2), ("Lincolnshire", 1)]
    mention = get_json(config, "/archive/documents_mentioning_force.json?_shape=array&force=Kent+Police")
    assert {r["url"] for r in mention} == {sample.KENT_NEWS, sample.KENT_FOI}
    assert get_json(config, "/archive/documents_mentioning_force.json?_shape=array&force=%22") == []


def test_atom_feed_of_new_figures(config, tmp_path):
    feed = ET.fromstring(get(config, "/archive/new_figures_feed.atom").encode())
    assert feed.findtext(f"{ATOM}title") == "PoliceWatch – new figures"
    titles = {e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")}
    assert "Kent: 45 × community resolution for rape (2023)" in titles
    links = {e.find(f"{ATOM}link").get("href") for e in feed.iter(f"{ATOM}entry")}
    assert sample.LINCS in links
    # A reader can subscribe before the first figure exists.
    archive.open_archive(tmp_path / "empty" / "archive.db").close()
    empty = ET.fromstring(get(sample.write_config(tmp_path / "empty"), "/archive/new_figures_feed.atom").encode())
    assert [e.findtext(f"{ATOM}title") for e in empty.iter(f"{ATOM}entry")] == ["No figures in the archive yet"]


# ---- A real server in a child process ---------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_server(config):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "policewatch", "-c", str(config), "serve",
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if proc.poll() is not None:
                pytest.fail(f"policewatch serve exited: {proc.stdout.read().decode(errors='replace')}")
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("policewatch serve did not answer within 15 seconds")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_running_server_sees_documents_archived_after_it_started(live_server, config):
    def search() -> list[dict]:
        with urllib.request.urlopen(live_server + "/archive/documents.json?_search=dispersal&_shape=array") as r:
            return json.load(r)

    assert search() == []
    db = archive.open_archive(config.parent / "archive.db")
    save_document(db, url="https://news.example/dispersal", source="kent-news", kind="news",
                  title="Dispersal orders", text="Kent Police used dispersal orders and cautions.")
    db.close()
    assert [r["url"] for r in search()] == ["https://news.example/dispersal"]


@pytest.mark.browser
def test_browser_search_then_figures_faceted_by_force(live_server):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed and could not be (see `python -m tests.browser_setup`)")
    playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(live_server + "/archive/documents")
            page.fill("input[name=_search]", '"recorded 45" rape')
            page.press("input[name=_search]", "Enter")
            page.wait_for_url("**_search=*")
            rows = page.locator("table.rows-and-columns tbody tr")
            playwright.expect(rows).to_have_count(1)
            playwright.expect(rows.first).to_contain_text("Use of community resolutions for rape offences")

            page.goto(live_server + "/archive/figures")
            facet = page.locator(".facet-info[data-column=force]")
            playwright.expect(facet).to_contain_text("Lincolnshire")
            facet.get_by_role("link", name="Kent", exact=True).click()
            page.wait_for_url("**force=Kent*")
            # Kent's figure was read from two documents: a row each, linked by title.
            playwright.expect(rows).to_have_count(2)
            playwright.expect(rows).to_contain_text(["community resolution"] * 2)
            playwright.expect(page.get_by_role("link", name="Kent Police gave community resolutions",
                                               exact=False)).to_be_visible()
        finally:
            browser.close()
