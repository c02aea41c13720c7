"""The archive keeps one row per piece of content, with full-text search in step."""
from __future__ import annotations

import archive
from archive.documents import archived_urls, save_document
from archive.figures import documents_to_extract, replace_figures
from archive.runs import finish_run, record_error, recent_runs, start_run


def _save(db, url, text, **extra):
    return save_document(db, url=url, source="local-news", kind="news", text=text,
                         title=extra.pop("title", "Title"), **extra)


def test_same_url_is_stored_once_and_updated_only_when_changed(tmp_path):
    db = archive.open_archive(tmp_path / "pw.db")
    first = _save(db, "https://n.example/a", "Kent issued 45 community resolutions.")
    assert first.outcome == "new"
    assert _save(db, "https://n.example/a", "Kent issued 45  community\nresolutions.").outcome == "unchanged"
    changed = _save(db, "https://n.example/a", "Kent issued 46 community resolutions.")
    assert (changed.outcome, changed.document_id) == ("updated", first.document_id)
    assert db["documents"].count == 1
    # Full-text search follows the update: the old wording is gone, the new one found.
    assert [r["id"] for r in db["documents"].search("46")] == [first.document_id]
    assert list(db["documents"].search("45")) == []


def test_same_content_under_another_url_is_one_document(tmp_path):
    db = archive.open_archive(tmp_path / "pw.db")
    original = _save(db, "https://n.example/a", "Essex issued 38 cautions.")
    syndicated = _save(db, "https://other.example/story?utm_source=x", "Essex issued 38 cautions.")
    assert (syndicated.outcome, syndicated.document_id) == ("duplicate", original.document_id)
    assert db["documents"].count == 1
    assert archived_urls(db, ["https://other.example/story?utm_source=x", "https://n.example/a",
                              "https://n.example/new"]) == {
        "https://other.example/story?utm_source=x", "https://n.example/a"}


def test_attachments_point_at_their_parent(tmp_path):
    db = archive.open_archive(tmp_path / "pw.db")
    parent = save_document(db, url="https://foi.example/request/x", source="wdtk", kind="foi", text="Request")
    child = save_document(db, url="https://foi.example/request/x/attach/1/a.pdf", source="wdtk",
                          kind="foi", text="Table", parent_url="https://foi.example/request/x")
    assert db["documents"].get(child.document_id)["parent_id"] == parent.document_id


def test_reopening_applies_migrations_once(tmp_path):
    archive.open_archive(tmp_path / "pw.db")
    db = archive.open_archive(tmp_path / "pw.db")
    names = [r["name"] for r in db.query("select name from _sqlite_migrations")]
    assert len(names) == len(set(names)) >= 3
    assert db.journal_mode == "wal"


def test_figures_are_replaced_when_a_document_changes(tmp_path):
    db = archive.open_archive(tmp_path / "pw.db")
    doc = _save(db, "https://n.example/a", "v1")
    (pending,) = documents_to_extract(db)
    fig = {"figure_key": "k1", "disposal": "caution", "count": 3, "force": "Kent"}
    assert replace_figures(db, doc.document_id, pending["content_hash"], [fig]) == 1
    assert list(documents_to_extract(db)) == []  # re-running is a no-op
    _save(db, "https://n.example/a", "v2")
    (pending,) = documents_to_extract(db)
    replace_figures(db, doc.document_id, pending["content_hash"], [{**fig, "figure_key": "k2", "count": 4}])
    assert [r["count"] for r in db["figures"].rows] == [4]


def test_crawl_runs_record_errors(tmp_path):
    db = archive.open_archive(tmp_path / "pw.db")
    run = start_run(db, "local-news")
    record_error(db, run, "local-news", "https://n.example/broken", "HTTP 500")
    finish_run(db, run, status="partial", pages=3, new_documents=2)
    (row,) = recent_runs(db, "local-news")
    assert (row["status"], row["errors"], row["pages"], row["new_documents"]) == ("partial", 1, 3, 2)


def test_new_figures_are_credited_to_the_sources_latest_run(tmp_path):
    from archive.runs import credit_new_figures

    db = archive.open_archive(tmp_path / "pw.db")
    old, new = start_run(db, "local-news"), start_run(db, "local-news")
    credit_new_figures(db, {"local-news": 3})
    assert [r["new_figures"] for r in recent_runs(db, "local-news")] == [3, 0]
    assert (new, old) == tuple(r["id"] for r in recent_runs(db, "local-news"))


def test_a_figure_still_stated_after_an_edit_keeps_when_it_was_first_read(tmp_path):
    db = archive.open_archive(tmp_path / "pw.db")
    doc = _save(db, "https://n.example/a", "v1")
    (pending,) = documents_to_extract(db)
    kept = {"figure_key": "k1", "disposal": "caution", "count": 3, "force": "Kent"}
    replace_figures(db, doc.document_id, pending["content_hash"], [kept])
    db.execute("update figures set extracted_at = '2020-01-01T00:00:00'")
    db.conn.commit()
    _save(db, "https://n.example/a", "v2: a corrected paragraph and one more figure")
    (pending,) = documents_to_extract(db)
    added = {**kept, "figure_key": "k2", "count": 4}
    replace_figures(db, doc.document_id, pending["content_hash"], [kept, added])
    first_read = {r["figure_key"]: r["extracted_at"] for r in db["figures"].rows}
    assert first_read["k1"] == "2020-01-01T00:00:00"
    assert first_read["k2"] > "2020-01-01T00:00:00"
