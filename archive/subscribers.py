"""Subscribers, in the private database: who wants which figures, and how often."""
from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

from sqlite_utils import Database

from archive.clock import utc_now

CADENCES = ("immediate", "daily", "weekly")


@dataclass(frozen=True)
class Subscriber:
    id: int
    email: str
    every: str
    token: str
    forces: tuple[str, ...] = ()
    offences: tuple[str, ...] = ()
    disposals: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    active: bool = True
    created_at: str = ""


def _from_row(row: dict) -> Subscriber:
    def words(name: str) -> tuple[str, ...]:
        return tuple(json.loads(row[name] or "[]"))

    return Subscriber(
        id=row["id"], email=row["email"], every=row["every"], token=row["token"],
        forces=words("forces"), offences=words("offences"), disposals=words("disposals"),
        keywords=words("keywords"), active=row["unsubscribed_at"] is None,
        created_at=row["created_at"],
    )


def normalise_email(email: str) -> str:
    return email.strip().lower()


def upsert_subscriber(db: Database, email: str, *, every: str = "immediate",
                      forces: tuple[str, ...] = (), offences: tuple[str, ...] = (),
                      disposals: tuple[str, ...] = (), keywords: tuple[str, ...] = ()) -> tuple[Subscriber, bool]:
    """Create a subscription, or replace the filters of an existing one (re-activating it).

    Returns the subscriber and whether it was new.
    """
    if every not in CADENCES:
        raise ValueError(f"every must be one of {CADENCES}, not {every!r}")
    email = normalise_email(email)
    now = utc_now()
    values = {"every": every, "forces": json.dumps(list(forces)), "offences": json.dumps(list(offences)),
              "disposals": json.dumps(list(disposals)), "keywords": json.dumps(list(keywords)),
              "updated_at": now, "unsubscribed_at": None}
    with db.conn:
        row = db.execute("select id from subscribers where email = ?", [email]).fetchone()
        if row:
            db["subscribers"].update(row[0], values)
            sub_id, created = row[0], False
        else:
            sub_id = db["subscribers"].insert({"email": email, "token": secrets.token_urlsafe(16),
                                               "created_at": now, **values}).last_pk
            created = True
    return get_subscriber(db, email), created  # type: ignore[return-value]


def get_subscriber(db: Database, email: str) -> Subscriber | None:
    rows = list(db.query("select * from subscribers where email = ?", [normalise_email(email)]))
    return _from_row(rows[0]) if rows else None


def get_subscriber_by_id(db: Database, subscriber_id: int) -> Subscriber:
    return _from_row(dict(db["subscribers"].get(subscriber_id)))


def unsubscribe(db: Database, email: str) -> int:
    """Stop all mail to this address: mark it unsubscribed and cancel what is still queued.

    Returns how many queued alerts were cancelled; raises LookupError for an unknown address.
    """
    sub = get_subscriber(db, email)
    if sub is None:
        raise LookupError(email)
    now = utc_now()
    with db.conn:
        db["subscribers"].update(sub.id, {"unsubscribed_at": now, "updated_at": now})
        # Composed-but-unsent mails are cancelled too: nothing reaches them after this.
        db.execute("update messages set status = 'cancelled', last_error = 'unsubscribed' "
                   "where subscriber_id = ? and status in ('pending', 'sending')", [sub.id])
        cursor = db.execute("update outbox set status = 'cancelled' "
                            "where subscriber_id = ? and status in ('queued', 'composed')", [sub.id])
    return cursor.rowcount


def active_subscribers(db: Database) -> list[Subscriber]:
    return [_from_row(dict(r)) for r in db.query(
        "select * from subscribers where unsubscribed_at is null order by id")]


def subscriber_overview(db: Database) -> list[dict]:
    """Every subscriber with counts of queued, sent and failed alerts, for `subscribers`."""
    sql = """
    select s.*,
      (select count(*) from outbox o where o.subscriber_id = s.id and o.status in ('queued', 'composed')) as queued,
      (select count(*) from outbox o where o.subscriber_id = s.id and o.status = 'sent') as sent,
      (select count(*) from messages m where m.subscriber_id = s.id and m.status = 'failed') as failed,
      (select max(m.sent_at) from messages m where m.subscriber_id = s.id) as last_sent
    from subscribers s order by s.email
    """
    result = []
    for row in db.query(sql):
        sub = _from_row(row)
        result.append({"subscriber": sub, "queued": row["queued"], "sent": row["sent"],
                       "failed": row["failed"], "last_sent": row["last_sent"]})
    return result
