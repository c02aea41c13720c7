"""Queries behind figure news: which (figure, document) pairs are unseen, and recording them.

"Seen before" lives in the private database, not in the public figures table: public
figure rows are deleted and re-inserted whenever a document is re-extracted (new ids,
new extracted_at), so neither ids nor extraction times say what was announced. The
private tables `news` (one row per figure_key ever announced), `figure_sources` (every
(figure_key, document) pair looked at) and `figure_families` (latest count per force,
disposal, offence and period) are written only here, so they survive any re-extraction.
"""
from __future__ import annotations

from sqlite_utils import Database

from archive.clock import utc_now
from archive.outbox import immediate_transaction as detection  # noqa: F401 (re-exported)


def unseen_figures(public: Database, private: Database) -> list[dict]:
    """Public figures whose (figure_key, document) pair has never been looked at, oldest first.

    Joining across the two files would need ATTACH, binding the public archive into the
    private connection's locks and transactions; reading the seen pairs into a set instead
    costs a few bytes per figure ever seen.
    """
    seen = {(k, d) for k, d in private.execute("select figure_key, document_id from figure_sources")}
    sql = """
    select f.id, f.figure_key, f.document_id, f.force, f.offence, f.disposal, f.count, f.period,
           f.quote, f.previous_count, f.extracted_at, d.title, d.url, d.source, d.published
    from figures f join documents d on d.id = f.document_id
    order by f.id
    """
    found: list[dict] = []
    for row in public.query(sql):
        if (row["figure_key"], row["document_id"]) not in seen:
            seen.add((row["figure_key"], row["document_id"]))  # a document may repeat a figure
            found.append(row)
    return found


def documents_matching(public: Database, document_ids: list[int], keyword: str) -> set[int]:
    """Which of these documents contain the keyword (a phrase) by full-text search."""
    if not document_ids:
        return set()
    phrase = '"' + keyword.replace('"', '""') + '"'  # a literal phrase, never FTS syntax
    found: set[int] = set()
    for start in range(0, len(document_ids), 500):  # SQLite's bound-parameter limit
        chunk = document_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in public.execute(
            f"select rowid from documents_fts where documents_fts match ? and rowid in ({marks})",
            [phrase, *chunk]))
    return found


def known_keys(private: Database, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in private.execute(
            f"select figure_key from news where figure_key in ({marks})", chunk))
    return found


def family_count(private: Database, family_key: str) -> int | None:
    row = private.execute("select count from figure_families where family_key = ?", [family_key]).fetchone()
    return None if row is None else int(row[0])


def record_source(private: Database, figure: dict) -> None:
    private.execute(
        "insert or ignore into figure_sources (figure_key, document_id, title, url, source, first_seen) "
        "values (?, ?, ?, ?, ?, ?)",
        [figure["figure_key"], figure["document_id"], figure.get("title"), figure.get("url"),
         figure.get("source"), utc_now()])


def record_news(private: Database, figure: dict, *, family_key: str, kind: str,
                previous_count: int | None) -> int:
    """Announce a figure (once per figure_key) and move its family's latest count; returns news id."""
    now = utc_now()
    private.execute(
        "insert or ignore into news (figure_key, family_key, kind, previous_count, force, offence, "
        "disposal, count, period, quote, stated_previous_count, document_id, title, url, source, "
        "published, first_seen) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [figure["figure_key"], family_key, kind, previous_count, figure.get("force"),
         figure.get("offence"), figure["disposal"], figure["count"], figure.get("period"),
         figure.get("quote"), figure.get("previous_count"), figure["document_id"], figure.get("title"),
         figure.get("url"), figure.get("source"), figure.get("published"), now])
    private.execute(
        "insert into figure_families (family_key, figure_key, count, updated_at) values (?, ?, ?, ?) "
        "on conflict(family_key) do update set figure_key = excluded.figure_key, "
        "count = excluded.count, updated_at = excluded.updated_at",
        [family_key, figure["figure_key"], figure["count"], now])
    return int(private.execute("select id from news where figure_key = ?",
                               [figure["figure_key"]]).fetchone()[0])


def news_items(private: Database, news_ids: list[int]) -> list[dict]:
    """Announced figures with their other sources (reports of the same figure by other outlets)."""
    if not news_ids:
        return []
    marks = ",".join("?" * len(news_ids))
    items = [dict(r) for r in private.query(f"select * from news where id in ({marks}) order by id", news_ids)]
    for item in items:
        item["other_sources"] = [dict(r) for r in private.query(
            "select title, url, source, first_seen from figure_sources "
            "where figure_key = ? and document_id != ? order by first_seen, document_id",
            [item["figure_key"], item["document_id"]])]
    return items
