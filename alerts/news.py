"""What is news: new figures, changed figures, and repeats of known ones.

- new:     a figure_key (force, disposal, offence, period, count) never seen before;
- changed: a new figure_key whose (force, disposal, offence, period) was seen with
           another count ("was 421, now 643");
- repeat:  a known figure_key in another document (another outlet reporting it). Not
           news: it is recorded as an extra source, which mails not yet sent list.

Detection and queueing happen in one private-database transaction, so a figure is
either announced and queued for every matching subscriber, or neither.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from sqlite_utils import Database

from archive import news as store
from archive.outbox import queue_alert
from archive.clock import utc_now
from archive.subscribers import active_subscribers
from alerts.subscriptions import keyword_hits, matches

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Detected:
    new: int = 0
    changed: int = 0
    repeats: int = 0
    queued: int = 0


def _part(value: object) -> str:
    return "" if value is None else " ".join(str(value).split()).lower()


def family_key(figure: dict) -> str:
    """force|disposal|offence|period, lower-cased: the figure without its count."""
    return "|".join(_part(figure.get(k)) for k in ("force", "disposal", "offence", "period"))


def figure_key(figure: dict) -> str:
    """sha1 of force|disposal|offence|period|count lower-cased (the archive's figure_key)."""
    return hashlib.sha1(f"{family_key(figure)}|{_part(figure.get('count'))}".encode()).hexdigest()


@dataclass(frozen=True)
class Latest:
    """The latest count seen for a family; document_id is set when it was seen in this batch."""
    count: int
    document_id: int | None = None


def classify(figure: dict, known: set[str], families: dict[str, Latest | None]) -> tuple[str, int | None]:
    """('new' | 'changed' | 'repeat', previous count). families: family_key -> latest count.

    A figure without a period is never "changed": "45 cautions" and "38 cautions" with no
    year may well be different years, and "was 38, now 45" would then be false. Nor is a
    second count of the same family in the same document: that is a breakdown (a table
    by district, say), not a revision.
    """
    if figure["figure_key"] in known:
        return "repeat", None
    latest = families.get(family_key(figure))
    if (latest is not None and latest.count != figure["count"] and figure.get("period")
            and latest.document_id != figure["document_id"]):
        return "changed", latest.count
    return "new", None


def detect_and_queue(public: Database, private: Database) -> Detected:
    """Look at every figure not yet seen; announce the news and queue it for matching subscribers."""
    counts = {"new": 0, "changed": 0, "repeat": 0, "queued": 0}
    with store.detection(private):
        pending = store.unseen_figures(public, private)
        if not pending:
            return Detected()
        known = store.known_keys(private, sorted({f["figure_key"] for f in pending}))
        subscribers = active_subscribers(private)
        hits = keyword_hits(public, subscribers, [f["document_id"] for f in pending])
        families: dict[str, Latest | None] = {}
        now = utc_now()
        for figure in pending:
            family = family_key(figure)
            if family not in families:
                count = store.family_count(private, family)
                families[family] = None if count is None else Latest(count)
            kind, previous = classify(figure, known, families)
            store.record_source(private, figure)
            counts[kind] += 1
            if kind == "repeat":
                continue
            news_id = store.record_news(private, figure, family_key=family, kind=kind,
                                        previous_count=previous)
            known.add(figure["figure_key"])
            families[family] = Latest(figure["count"], figure["document_id"])
            for sub in subscribers:
                if matches(sub, figure, hits) and queue_alert(private, sub.id, news_id, figure["figure_key"], now):
                    counts["queued"] += 1
    result = Detected(new=counts["new"], changed=counts["changed"], repeats=counts["repeat"],
                      queued=counts["queued"])
    log.info("figures: %d new, %d changed, %d repeated; %d alerts queued",
             result.new, result.changed, result.repeats, result.queued)
    return result
