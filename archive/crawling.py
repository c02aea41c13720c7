"""SQL the crawler needs beyond storing documents: recording the URLs that led to a document."""
from __future__ import annotations

from sqlite_utils import Database

from archive.clock import utc_now


def add_alias(db: Database, url: str, document_id: int, source: str) -> bool:
    """Record `url` as another address of the document (e.g. a link that redirected to it).

    Returns False when the URL is already known, as a document or as an alias.
    """
    with db.conn:
        if db.execute("select 1 from documents where url = ?", [url]).fetchone():
            return False
        cursor = db.execute(
            "insert or ignore into document_urls (url, document_id, source, first_seen) values (?, ?, ?, ?)",
            [url, document_id, source, utc_now()])
        return cursor.rowcount > 0
