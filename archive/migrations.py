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


# ---- Private database: subscribers and the alert outbox (never published) ----------


@PRIVATE()
def p001_subscribers(db: Database) -> None:
    # Filters are JSON lists of canonical names; an empty list means "any".
    db["subscribers"].create(
        {
            "id": int, "email": str, "every": str, "forces": str, "offences": str,
            "disposals": str, "keywords": str, "token": str, "created_at": str,
            "updated_at": str, "unsubscribed_at": str,
        },
        pk="id",
        not_null={"email", "every", "token", "created_at"},
        defaults={"every": "immediate", "forces": "[]", "offences": "[]", "disposals": "[]",
                  "keywords": "[]"},
    )
    db["subscribers"].create_index(["email"], unique=True)


@PRIVATE()
def p002_news(db: Database) -> None:
    # What has been announced, keyed by figure_key, with a snapshot of the figure and its
    # first source: mails are rendered from here, so re-extraction in the public archive
    # (which deletes and re-inserts figure rows) can neither lose nor repeat an alert.
    db["news"].create(
        {
            "id": int, "figure_key": str, "family_key": str, "kind": str, "previous_count": int,
            "force": str, "offence": str, "disposal": str, "count": int, "period": str,
            "quote": str, "stated_previous_count": int, "document_id": int, "title": str,
            "url": str, "source": str, "published": str, "first_seen": str,
        },
        pk="id",
        not_null={"figure_key", "family_key", "kind", "disposal", "count", "first_seen"},
    )
    db["news"].create_index(["figure_key"], unique=True)
    db["news"].create_index(["family_key"])
    # Every (figure, document) pair already looked at: the first one is the news, the
    # others are the same figure reported again by another outlet.
    db["figure_sources"].create(
        {"figure_key": str, "document_id": int, "title": str, "url": str, "source": str,
         "first_seen": str},
        pk=("figure_key", "document_id"),
    )
    # Latest count per (force, disposal, offence, period): what "changed" compares with.
    db["figure_families"].create(
        {"family_key": str, "figure_key": str, "count": int, "updated_at": str},
        pk="family_key",
    )


@PRIVATE()
def p003_outbox(db: Database) -> None:
    # One row per email. Its bytes are frozen when it is composed, so a retry sends the
    # very same message (same Message-ID) and receivers can drop a repeat.
    db["messages"].create(
        {
            "id": int, "subscriber_id": int, "kind": str, "message_id": str, "subject": str,
            "raw": bytes, "status": str, "attempts": int, "next_attempt_at": str,
            "last_attempt_at": str, "last_error": str, "created_at": str, "sent_at": str,
        },
        pk="id",
        not_null={"subscriber_id", "kind", "message_id", "status", "created_at"},
        defaults={"status": "pending", "attempts": 0},
        foreign_keys=[("subscriber_id", "subscribers", "id")],
    )
    db["messages"].create_index(["status", "next_attempt_at"])
    db["messages"].create_index(["message_id"], unique=True)
    # One row per (subscriber, figure), ever: the unique index is what makes queueing
    # idempotent. message_id links it to the email that carries it, once composed.
    db["outbox"].create(
        {
            "id": int, "subscriber_id": int, "news_id": int, "figure_key": str,
            "status": str, "queued_at": str, "message_id": int,
        },
        pk="id",
        not_null={"subscriber_id", "news_id", "figure_key", "status", "queued_at"},
        defaults={"status": "queued"},
        foreign_keys=[("subscriber_id", "subscribers", "id"), ("news_id", "news", "id"),
                      ("message_id", "messages", "id")],
    )
    db["outbox"].create_index(["subscriber_id", "figure_key"], unique=True)
    db["outbox"].create_index(["status", "subscriber_id"])
    db["outbox"].create_index(["message_id"])


@PUBLIC()
def m005_crawl_seen(db: Database) -> None:
    # Pages a crawl fetched and dealt with but did not store (dropped by include/exclude
    # keywords, Alaveteli event links), so the next crawl does not fetch them again.
    # "if not exists": archives from before this migration may already have the table.
    db.execute("create table if not exists crawl_seen ("
               "url text primary key, source text not null, reason text not null, "
               "first_seen text not null)")
