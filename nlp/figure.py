"""The Figure record: one count of one disposal, for one offence, force and period."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Figure:
    force: str | None
    disposal: str
    offence: str | None
    count: int
    period: str | None
    quote: str
    char_start: int
    char_end: int
    previous_count: int | None = None
    change_pct: float | None = None

    def key(self) -> str:
        """Stable figure_key: the same figure read twice (or from two documents) gets the same key."""
        parts = [self.force, self.disposal, self.offence, self.period, str(self.count)]
        norm = "|".join(" ".join(str(p).lower().split()) if p is not None else "" for p in parts)
        return hashlib.sha1(norm.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict:
        return asdict(self)
