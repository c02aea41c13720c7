"""Subscribing, unsubscribing, and deciding which subscribers a figure is for."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import archive
from archive import subscribers as store
from archive.news import documents_matching
from archive.subscribers import CADENCES, Subscriber

if TYPE_CHECKING:  # the config is the CLI's; this package only reads the objects it is given
    from policewatch.config import Config

_EMAIL = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")


@dataclass(frozen=True)
class Filters:
    forces: tuple[str, ...] = ()
    offences: tuple[str, ...] = ()
    disposals: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


def check_email(email: str) -> str:
    email = email.strip()
    # No spaces, commas or angle brackets: the address goes into a To: header verbatim.
    if not _EMAIL.match(email) or len(email) > 254:
        raise ValueError(f"{email!r} is not an email address")
    return email


def make_filters(forces: Iterable[str] = (), offences: Iterable[str] = (),
                 disposals: Iterable[str] = (), keywords: Iterable[str] = ()) -> Filters:
    """Filters from canonical names (the CLI resolves what users type), without repeats."""
    def unique(items: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(items))

    words = unique(" ".join(k.split()) for k in keywords if k.strip())
    return Filters(forces=unique(forces), offences=unique(offences), disposals=unique(disposals),
                   keywords=words)


def subscribe(config: Config, email: str, filters: Filters, every: str = "immediate") -> tuple[Subscriber, bool]:
    """Add (or update) a subscription in the private database; returns (subscriber, created)."""
    if every not in CADENCES:
        raise ValueError(f"--every must be one of {', '.join(CADENCES)}")
    db = archive.open_private(config.archive.private_path)
    return store.upsert_subscriber(db, check_email(email), every=every, forces=filters.forces,
                                   offences=filters.offences, disposals=filters.disposals,
                                   keywords=filters.keywords)


def unsubscribe(config: Config, email: str) -> int:
    """Stop every mail to this address; returns how many queued alerts were dropped."""
    db = archive.open_private(config.archive.private_path)
    try:
        return store.unsubscribe(db, email)
    except LookupError:
        raise ValueError(f"{email.strip()} is not subscribed") from None


def describe(sub: Subscriber) -> str:
    """'Kent; sexual offences; keyword "rape"' — what a subscriber asked for, in words."""
    parts = [", ".join(sub.forces) or "all forces"]
    if sub.offences:
        parts.append(", ".join(sub.offences))
    if sub.disposals:
        parts.append(", ".join(sub.disposals))
    if sub.keywords:
        parts.append("keywords " + ", ".join(f'"{k}"' for k in sub.keywords))
    return "; ".join(parts)


def matches(sub: Subscriber, figure: dict, keyword_hits: dict[str, set[int]]) -> bool:
    """Does this figure pass the subscriber's filters? Each filter list is "any of"; the lists
    combine with "and". keyword_hits maps keyword -> ids of documents containing it."""
    if sub.forces and figure.get("force") not in sub.forces:
        return False
    if sub.offences and figure.get("offence") not in sub.offences:
        return False
    if sub.disposals and figure.get("disposal") not in sub.disposals:
        return False
    if sub.keywords and not any(figure["document_id"] in keyword_hits.get(k, set()) for k in sub.keywords):
        return False
    return True


def keyword_hits(public, subscribers: list[Subscriber], document_ids: list[int]) -> dict[str, set[int]]:
    """For every keyword any subscriber uses: which of these documents contain it (full-text search)."""
    words = dict.fromkeys(k for s in subscribers for k in s.keywords)
    ids = sorted(set(document_ids))
    return {word: documents_matching(public, ids, word) for word in words}
