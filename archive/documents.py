"""Storing documents: one row per piece of content, however many URLs carry it."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlite_utils import Database

from archive.clock import utc_now

KINDS = ("news", "foi", "stats")
Outcome = Literal["new", "updated", "unchanged", "duplicate"]
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Saved:
    outcome: Outcome
    document_id: int


def content_hash(text: str) -> str:
    """Hash of the text with whitespace folded, so re-wrapped copies count as the same."""
    folded = _SPACE.sub(" ", text).strip().lower()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def document_id_for_url(db: Database, url: str) -> int | None:
    """The document stored under this URL, directly or as an alias; None when unknown."""
    row = db.execute("select id from documents where url = ?", [url]).fetchone()
    if row:
        return int(row[0])
    row = db.execute("select document_id from document_urls where url = ?", [url]).fetchone()
    return int(row[0]) if row else None


def archived_urls(db: Database, urls: Iterable[str]) -> set[str]:
    """Which of these URLs are already archived (as a document or an alias)."""
    wanted = list(dict.fromkeys(urls))
    return urls_in(db, "documents", wanted) | urls_in(db, "document_urls", wanted)


def urls_in(db: Database, table: str, urls: Iterable[str]) -> set[str]:
    """Which of these URLs stand in `table`'s url column."""
    wanted = list(dict.fromkeys(urls))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
        chunk = wanted[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(row[0] for row in db.execute(f"select url from {table} where url in ({marks})", chunk))
    return found


def save_document(
    db: Database, *, url: str, source: str, kind: str, text: str,
    title: str | None = None, published: str | None = None,
    content_type: str | None = None, parent_url: str | None = None,
) -> Saved:
    """Insert or update one document atomically, deduplicating by URL and by content.

    The same URL is stored once and rewritten only when its content changed; the same
    content under a new URL becomes an alias of the existing document.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    digest = content_hash(text)
    now = utc_now()
    with db.conn:  # one transaction: a document is never half-written
        parent_id = document_id_for_url(db, parent_url) if parent_url else None
        existing = document_id_for_url(db, url)
        if existing is not None:
            row = db["documents"].get(existing)
            if row["content_hash"] == digest:
                return Saved("unchanged", existing)
            db["documents"].update(existing, {
                "text": text, "title": title or row["title"], "content_hash": digest,
                "published": published or row["published"], "updated_at": now,
                "content_type": content_type or row["content_type"],
            })
            return Saved("updated", existing)
        twin = db.execute("select id from documents where content_hash = ? order by id limit 1",
                          [digest]).fetchone()
        if twin:
            db["document_urls"].insert(
                {"url": url, "document_id": twin[0], "source": source, "first_seen": now},
                ignore=True)
            return Saved("duplicate", int(twin[0]))
        table = db["documents"].insert({
            "url": url, "source": source, "kind": kind, "title": title,
            "published": published, "fetched_at": now, "updated_at": now, "text": text,
            "content_hash": digest, "content_type": content_type, "parent_id": parent_id,
        })
        return Saved("new", int(table.last_pk))


def count_documents(db: Database, source: str | None = None) -> int:
    if source is None:
        return db["documents"].count
    return db.execute("select count(*) from documents where source = ?", [source]).fetchone()[0]


def recent_documents(db: Database, source: str | None = None, limit: int = 20) -> list[dict]:
    """Newest stored documents (by fetch time), without their full text."""
    where, params = ("where source = ?", [source]) if source else ("", [])
    sql = (f"select id, url, source, kind, title, published, fetched_at, length(text) as text_length, "
           f"parent_id from documents {where} order by fetched_at desc, id desc limit ?")
    return [dict(row) for row in db.query(sql, params + [limit])]
