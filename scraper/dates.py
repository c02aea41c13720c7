"""Publication dates from feeds, JSON-LD, meta tags and APIs, as ISO 8601 strings.

A date with a time becomes UTC seconds (`2024-03-05T09:30:00+00:00`, the archive's
timestamp format); a bare day stays a day (`2024-03-05`), so no time is invented.
"""
from __future__ import annotations

import re
import time
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Dates must be plausible for a news or FOI archive; anything else is a parsing accident.
_EARLIEST = 1990


def _utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        # UK sources: a naive time is local, but the hour rarely matters; treat as UTC.
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def _plausible(year: int) -> bool:
    return _EARLIEST <= year <= datetime.now(timezone.utc).year + 1


def from_struct(value: time.struct_time | None) -> str | None:
    """feedparser's `*_parsed` fields (UTC struct_time) as ISO 8601."""
    if not value:
        return None
    moment = datetime(*value[:6], tzinfo=timezone.utc)
    return _utc(moment) if _plausible(moment.year) else None


def normalise_date(text: str | None) -> str | None:
    """ISO 8601 for a date written as ISO 8601, RFC 822, or day-first prose; None if unreadable."""
    if not text or not text.strip():
        return None
    text = text.strip()
    if _DAY.match(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None
        return day.isoformat() if _plausible(day.year) else None
    moment = _parse(text)
    if moment is None or not _plausible(moment.year):
        return None
    if ":" not in text and (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return moment.date().isoformat()  # "5 March 2024": a day, not midnight
    return _utc(moment)


def _parse(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    # Slow path, for prose such as "5 March 2024" on listing pages.
    import dateparser

    return dateparser.parse(text, settings={"DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": True,
                                            "TO_TIMEZONE": "UTC", "PREFER_DAY_OF_MONTH": "first"})
