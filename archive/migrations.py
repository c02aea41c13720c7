"""Append-only schema history. Never edit an applied migration: add a new one."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

PUBLIC = Migrations("policewatch-archive")
PRIVATE = Migrations("policewatch-private")


@PUBLIC()
def m001_documents(db: Database) -> None:
    db["documents"].create(
        {
            "id": int, "url": str, "source": str, "kind": str, "title": str,
            "published": str, "fetched_at": str, "updated_at": str, "text": str,
            "content_hash": str, "content_type": str, "parent_id": int,
        },
        pk="id",
        not_null={"url", "source", "kind", "fetched_at", "text", "content_hash"},
        foreign_keys=[("parent_id", "documents", "id")],
    )
    db["documents"].create_index(["url"], unique=True)
    db["documents"].create_index(["content_hash"])
    db["documents"].create_index(["source", "published"])
    db["documents"].create_index(["kind"])
    db["documents"].create_index(["published"])
    db["documents"].create_index(["parent_id"])
    db["documents"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    # Other URLs under which a stored document was seen (syndication, tracking parameters).
    db["document_urls"].create(
        {"url": str, "document_id": int, "source": str, "first_seen": str},
        pk="url",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["document_urls"].create_index(["document_id"])


@PUBLIC()
def m002_crawl_runs(db: Database) -> None:
    db["crawl_runs"].create(
        {
            "id": int, "source": str, "started": str, "finished": str, "status": str,
            "pages": int, "new_documents": int, "updated_documents": int, "errors": int,
            "new_figures": int, "items_seen": int, "message": str,
        },
        pk="id",
        not_null={"source", "started", "status"},
        defaults={"status": "running", "pages": 0, "new_documents": 0, "updated_documents": 0,
                  "errors": 0, "new_figures": 0, "items_seen": 0},
    )
    db["crawl_runs"].create_index(["source", "started"])
    db["crawl_errors"].create(
        {"id": int, "run_id": int, "source": str, "url": str, "error": str, "at": str},
        pk="id",
        foreign_keys=[("run_id", "crawl_runs", "id")],
    )
    db["crawl_errors"].create_index(["run_id"])


@PUBLIC()
def m003_figures(db: Database) -> None:
    db["figures"].create(
        {
            "id": int, "document_id": int, "force": str, "offence": str, "disposal": str,
            "count": int, "period": str, "previous_count": int, "change_pct": float,
            "quote": str, "char_start": int, "char_end": int, "figure_key": str,
            "extracted_at": str,
        },
        pk="id",
        not_null={"document_id", "disposal", "count", "figure_key"},
        foreign_keys=[("document_id", "documents", "id")],
    )
    for columns in (["document_id"], ["figure_key"], ["force"], ["offence"], ["disposal"],
                    ["extracted_at"]):
        db["figures"].create_index(columns)
    # Which version (content hash) of each document the figures were read from, so that
    # re-running extraction is a no-op and a changed document is extracted again.
    db["extractions"].create(
        {"document_id": int, "content_hash": str, "extracted_at": str, "figures": int},
        pk="document_id",
        foreign_keys=[("document_id", "documents", "id")],
    )


@PUBLIC()
def m004_source_health(db: Database) -> None:
    # The last health verdict per source, so an admin is told once when a source breaks
    # and once when it recovers, not on every run in between.
    db["source_health"].create(
        {"source": str, "state": str, "reason": str, "since": str, "notified_at": str},
        pk="source",
    )
