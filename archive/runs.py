"""Crawl runs: one row per crawl of a source, and every error it met."""
from __future__ import annotations

from sqlite_utils import Database

from archive.clock import utc_now

STATUSES = ("running", "ok", "partial", "failed")


def start_run(db: Database, source: str) -> int:
    with db.conn:
        table = db["crawl_runs"].insert({"source": source, "started": utc_now(), "status": "running"})
    return int(table.last_pk)


def record_error(db: Database, run_id: int, source: str, url: str | None, error: str) -> None:
    with db.conn:
        db["crawl_errors"].insert({"run_id": run_id, "source": source, "url": url,
                                   "error": error[:2000], "at": utc_now()})
        db.execute("update crawl_runs set errors = errors + 1 where id = ?", [run_id])


def finish_run(db: Database, run_id: int, *, status: str, pages: int, new_documents: int,
               updated_documents: int = 0, items_seen: int = 0, message: str | None = None) -> None:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    with db.conn:
        db["crawl_runs"].update(run_id, {
            "finished": utc_now(), "status": status, "pages": pages,
            "new_documents": new_documents, "updated_documents": updated_documents,
            "items_seen": items_seen, "message": message,
        })


def credit_new_figures(db: Database, by_source: dict[str, int]) -> None:
    """Add newly found figures to each source's latest run (extraction follows the crawl)."""
    with db.conn:
        for source, count in by_source.items():
            db.execute("update crawl_runs set new_figures = new_figures + ? where id = "
                       "(select max(id) from crawl_runs where source = ?)", [count, source])


def get_run(db: Database, run_id: int) -> dict:
    return dict(db["crawl_runs"].get(run_id))


def run_errors(db: Database, run_id: int) -> list[dict]:
    return [dict(r) for r in db.query("select * from crawl_errors where run_id = ? order by id", [run_id])]


def recent_runs(db: Database, source: str, limit: int = 10) -> list[dict]:
    """A source's runs, newest first."""
    return [dict(r) for r in db.query(
        "select * from crawl_runs where source = ? order by started desc, id desc limit ?",
        [source, limit])]
