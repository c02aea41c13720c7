"""SQL the crawler needs beyond storing documents.

* aliases: a link that redirected to a stored document is recorded as another
  address of it, so the next crawl recognises the link;
* seen URLs: pages fetched but deliberately not stored (no include keyword) and
  Alaveteli event links, so the next crawl does not fetch them again.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from archive.clock import utc_now
from archive.documents import urls_in

SEEN_TABLE = "crawl_seen"


def add_alias(db: Database, url: str, document_id: int, source: str) -> bool:
    """Record `url` as another address of the document; False when the URL is already known."""
    with db.conn:
        if db.execute("select 1 from documents where url = ?", [url]).fetchone():
            return False
        cursor = db.execute(
            "insert or ignore into document_urls (url, document_id, source, first_seen) values (?, ?, ?, ?)",
            [url, document_id, source, utc_now()])
        return cursor.rowcount > 0


def mark_seen(db: Database, urls: Iterable[str], source: str, reason: str) -> None:
    """Remember URLs that were fetched and dealt with but not stored as documents."""
    now = utc_now()
    rows = [(url, source, reason, now) for url in dict.fromkeys(urls)]
    with db.conn:
        db.conn.executemany(f"insert or ignore into {SEEN_TABLE} (url, source, reason, first_seen) "
                       "values (?, ?, ?, ?)", rows)


def seen_urls(db: Database, urls: Iterable[str]) -> set[str]:
    """Which of these URLs were seen before without becoming documents."""
    return urls_in(db, SEEN_TABLE, urls)
