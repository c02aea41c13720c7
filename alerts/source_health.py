"""Tell admins once when a source breaks, and once when it recovers.

A source is broken when it failed `threshold` runs in a row, or when its last run
yielded no items although it usually does (a changed page layout looks like that).
The verdict is stored before the email is sent and marked told only after the send
succeeds, so a mail-server outage delays the notice instead of losing it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from archive.health import get_health, mark_notified, set_health, source_summary


@dataclass(frozen=True)
class HealthNotice:
    source: str
    state: str  # "broken" or "recovered"
    reason: str

    @property
    def subject(self) -> str:
        if self.state == "broken":
            return f"PoliceWatch: source {self.source} is broken"
        return f"PoliceWatch: source {self.source} has recovered"

    @property
    def body(self) -> str:
        if self.state == "broken":
            return (f"The source '{self.source}' needs attention: {self.reason}.\n\n"
                    f"See `policewatch sources status` and try `policewatch sources check {self.source}`.\n"
                    "You will not be told again while it stays broken; you will hear when it recovers.\n")
        return f"The source '{self.source}' is working again: {self.reason}.\n"


def judge(summary: dict, threshold: int) -> tuple[str, str]:
    """The verdict ("ok" or "broken") and its reason, from a source summary."""
    last = summary["last_run"]
    if last is None:
        return "ok", "no runs yet"
    failures = summary["consecutive_failures"]
    if failures >= threshold:
        error = summary["last_error"] or "no error recorded"
        return "broken", f"failed {failures} runs in a row (last error: {error})"
    if last["status"] != "failed" and not last["items_seen"] and summary["usually_yields_items"]:
        return "broken", "its last run found no items, though it usually finds some (has the page changed?)"
    if last["status"] == "failed":
        return "ok", f"failed {failures} time(s), below the threshold of {threshold}"
    return "ok", f"last run {last['status']} with {last['items_seen'] or 0} items"


def check_source(db: Database, source: str, threshold: int,
                 send: Callable[[HealthNotice], None]) -> HealthNotice | None:
    """Compare the source's health with the last verdict; send a notice on a change.

    `send` raises when the mail could not be delivered; the notice is then retried on
    the next check.
    """
    state, reason = judge(source_summary(db, source), threshold)
    previous = get_health(db, source)
    if previous is None or previous["state"] != state:
        if state == "ok" and (previous is None or previous["state"] == "ok"):
            set_health(db, source, "ok", reason)
            mark_notified(db, source)  # nothing to tell: it was never broken
            return None
        set_health(db, source, state, reason)
    elif previous["notified_at"]:
        return None  # same verdict, already told
    else:
        reason = previous["reason"]
    notice = HealthNotice(source, "broken" if state == "broken" else "recovered", reason)
    send(notice)
    mark_notified(db, source)
    return notice
