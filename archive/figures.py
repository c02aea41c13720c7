"""Figures extracted from documents, kept in step with each document's content."""
from __future__ import annotations

from collections.abc import Iterator

from sqlite_utils import Database

from archive.clock import utc_now

FIGURE_COLUMNS = ("force", "offence", "disposal", "count", "period", "previous_count",
                  "change_pct", "quote", "char_start", "char_end", "figure_key")


def documents_to_extract(db: Database, batch: int = 200) -> Iterator[dict]:
    """Documents never extracted, or changed since their figures were read."""
    sql = ("select d.id from documents d "
           "left join extractions e on e.document_id = d.id "
           "where e.document_id is null or e.content_hash != d.content_hash order by d.id")
    # Materialise ids first: the caller writes between batches and SQLite cursors
    # over a table being written are unreliable.
    ids = [row[0] for row in db.execute(sql)]
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        marks = ",".join("?" * len(chunk))
        yield from (dict(r) for r in db.query(
            f"select id, source, text, content_hash from documents where id in ({marks}) order by id", chunk))


def replace_figures(db: Database, document_id: int, content_hash: str, figures: list[dict]) -> int:
    """Replace a document's figures with these; returns how many figure keys are new to the archive.

    extracted_at is when a figure was first read from this document."""
    now = utc_now()
    with db.conn:
        keys = {f["figure_key"] for f in figures}
        known = set()
        if keys:
            marks = ",".join("?" * len(keys))
            known = {r[0] for r in db.execute(
                f"select distinct figure_key from figures where figure_key in ({marks}) and document_id != ?",
                [*keys, document_id])}
        # A figure the document still states keeps the time it was first read: "new
        # figures this week" must not list it again because a typo was fixed nearby.
        first_read = dict(db.execute(
            "select figure_key, min(extracted_at) from figures where document_id = ? group by figure_key",
            [document_id]).fetchall())
        db.execute("delete from figures where document_id = ?", [document_id])
        rows = [{"document_id": document_id, "extracted_at": first_read.get(f["figure_key"], now),
                 **{c: f.get(c) for c in FIGURE_COLUMNS}} for f in figures]
        if rows:
            db["figures"].insert_all(rows)
        db["extractions"].upsert({"document_id": document_id, "content_hash": content_hash,
                                  "extracted_at": now, "figures": len(rows)}, pk="document_id")
    return len(keys - known)
