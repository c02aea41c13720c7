"""Per-source health read from crawl_runs, and the last verdict told to admins."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from archive.clock import utc_now

HISTORY = 10  # runs looked at to judge what is usual for a source


def source_summary(db: Database, source: str) -> dict:
    """Last finished run, consecutive failures, and whether the source usually yields items."""
    runs = [dict(r) for r in db.query(
        "select * from crawl_runs where source = ? and status != 'running' "
        "order by started desc, id desc limit ?", [source, HISTORY])]
    failures = 0
    for run in runs:
        if run["status"] != "failed":
            break
        failures += 1
    earlier = runs[1:]
    usually_yields = bool(earlier) and sum(1 for r in earlier if (r["items_seen"] or 0) > 0) > len(earlier) / 2
    last_error = None
    if runs:
        row = db.execute("select error from crawl_errors where run_id = ? order by id desc limit 1",
                         [runs[0]["id"]]).fetchone()
        last_error = row[0] if row else runs[0]["message"]
    return {
        "source": source,
        "last_run": runs[0] if runs else None,
        "last_error": last_error,
        "consecutive_failures": failures,
        "usually_yields_items": usually_yields,
    }


def get_health(db: Database, source: str) -> dict | None:
    try:
        return dict(db["source_health"].get(source))
    except NotFoundError:
        return None


def set_health(db: Database, source: str, state: str, reason: str) -> None:
    """Record a new verdict, not yet told to the admins."""
    with db.conn:
        db["source_health"].upsert({"source": source, "state": state, "reason": reason,
                                    "since": utc_now(), "notified_at": None}, pk="source")


def mark_notified(db: Database, source: str) -> None:
    with db.conn:
        db["source_health"].update(source, {"notified_at": utc_now()})
