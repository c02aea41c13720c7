"""One timestamp format for every table: ISO 8601 UTC, seconds precision."""
from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
