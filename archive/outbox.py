"""The transactional outbox: alerts queued once per (subscriber, figure), mails sent once.

Life of an alert: `outbox` row queued -> composed into a `messages` row (frozen bytes,
stable Message-ID) -> the message is claimed (attempt recorded and committed) -> sent
-> marked sent. A crash after the SMTP server accepted a mail but before it was marked
leaves the message 'sending'; once its lease runs out it is sent again with the same
Message-ID, the one duplicate SMTP itself cannot rule out, which receivers can drop.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from sqlite_utils import Database

OPEN_ITEMS = ("queued", "composed")


def stamp(moment: datetime) -> str:
    """The archive's timestamp format (see archive.clock) for any aware datetime."""
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


@contextmanager
def immediate_transaction(db: Database) -> Iterator[None]:
    """A write transaction taken up front (BEGIN IMMEDIATE), so two processes doing
    read-decide-write at once are serialised instead of both acting on the same rows.
    Inside it use plain SQL: sqlite-utils' helpers commit on their own."""
    conn = db.conn
    if conn.in_transaction:
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def queue_alert(db: Database, subscriber_id: int, news_id: int, figure_key: str, now: str) -> bool:
    """Queue one alert; False when this subscriber already had this figure (unique index)."""
    cursor = db.execute(
        "insert or ignore into outbox (subscriber_id, news_id, figure_key, status, queued_at) "
        "values (?, ?, ?, 'queued', ?)", [subscriber_id, news_id, figure_key, now])
    return cursor.rowcount == 1


def queued_items(db: Database, cadences: tuple[str, ...]) -> dict[int, list[tuple[int, int]]]:
    """Uncomposed alerts of active subscribers with these cadences: {subscriber: [(outbox id, news id)]}."""
    marks = ",".join("?" * len(cadences))
    rows = db.execute(
        "select o.subscriber_id, o.id, o.news_id from outbox o join subscribers s on s.id = o.subscriber_id "
        f"where o.status = 'queued' and s.unsubscribed_at is null and s.every in ({marks}) "
        "order by o.subscriber_id, o.id", list(cadences))
    grouped: dict[int, list[tuple[int, int]]] = {}
    for subscriber_id, outbox_id, news_id in rows:
        grouped.setdefault(subscriber_id, []).append((outbox_id, news_id))
    return grouped


def add_message(db: Database, *, subscriber_id: int, kind: str, message_id: str, subject: str,
                raw: bytes, outbox_ids: list[int], now: str) -> int:
    """Store a composed mail and tie its alerts to it (call inside immediate_transaction)."""
    cursor = db.execute(
        "insert into messages (subscriber_id, kind, message_id, subject, raw, status, attempts, "
        "next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
        [subscriber_id, kind, message_id, subject, raw, now, now])
    pk = int(cursor.lastrowid)
    marks = ",".join("?" * len(outbox_ids))
    db.execute(f"update outbox set status = 'composed', message_id = ? where id in ({marks})",
               [pk, *outbox_ids])
    return pk


def due_messages(db: Database, now: str, lease_expired_before: str, limit: int = 10_000) -> list[dict]:
    """Mails to send now: pending ones whose backoff is over, and 'sending' ones whose
    sender died (lease expired) without marking them."""
    sql = """
    select m.id, m.message_id, m.raw, m.attempts, m.status, m.subscriber_id, s.email
    from messages m join subscribers s on s.id = m.subscriber_id
    where (m.status = 'pending' and (m.next_attempt_at is null or m.next_attempt_at <= ?))
       or (m.status = 'sending' and m.last_attempt_at <= ?)
    order by m.id limit ?
    """
    return [dict(r) for r in db.query(sql, [now, lease_expired_before, limit])]


def claim(db: Database, message: dict, now: str) -> bool:
    """Record the attempt before sending; False if another process claimed it first."""
    with db.conn:
        cursor = db.execute(
            "update messages set status = 'sending', attempts = attempts + 1, last_attempt_at = ? "
            "where id = ? and attempts = ? and status = ?",
            [now, message["id"], message["attempts"], message["status"]])
    return cursor.rowcount == 1


def mark_sent(db: Database, message_pk: int, now: str) -> None:
    with db.conn:
        db.execute("update messages set status = 'sent', sent_at = ?, last_error = null where id = ?",
                   [now, message_pk])
        db.execute("update outbox set status = 'sent' where message_id = ?", [message_pk])


def mark_failed(db: Database, message_pk: int, error: str, *, retry_at: str | None) -> None:
    """A failed attempt: back to pending until retry_at, or parked as failed when retry_at is None."""
    with db.conn:
        if retry_at is None:
            db.execute("update messages set status = 'failed', last_error = ?, next_attempt_at = null "
                       "where id = ?", [error[:1000], message_pk])
            db.execute("update outbox set status = 'failed' where message_id = ?", [message_pk])
        else:
            db.execute("update messages set status = 'pending', last_error = ?, next_attempt_at = ? "
                       "where id = ?", [error[:1000], retry_at, message_pk])


def failed_messages(db: Database) -> list[dict]:
    sql = ("select m.id, m.message_id, m.subject, m.attempts, m.last_attempt_at, m.last_error, s.email "
           "from messages m join subscribers s on s.id = m.subscriber_id where m.status = 'failed' order by m.id")
    return [dict(r) for r in db.query(sql)]


def retry_failed(db: Database) -> int:
    """Give parked mails a fresh set of attempts (after fixing the mail server or address)."""
    with db.conn:
        db.execute("update outbox set status = 'composed' where message_id in "
                   "(select id from messages where status = 'failed')")
        cursor = db.execute("update messages set status = 'pending', attempts = 0, next_attempt_at = null "
                            "where status = 'failed'")
    return cursor.rowcount


def message_counts(db: Database) -> dict[str, int]:
    counts = {status: 0 for status in ("pending", "sending", "sent", "failed", "cancelled")}
    counts.update({r[0]: r[1] for r in db.execute("select status, count(*) from messages group by status")})
    counts["queued"] = db.execute("select count(*) from outbox where status = 'queued'").fetchone()[0]
    return counts
