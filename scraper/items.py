"""What spiders hand to the pipeline: a document to archive, or a URL to remember as seen."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class DocumentItem:
    url: str
    source: str
    kind: str  # news | foi | stats, as the archive knows them
    text: str
    title: str | None = None
    published: str | None = None
    content_type: str | None = None
    parent_url: str | None = None
    # The URL the spider asked for when a redirect led elsewhere; recorded as an alias
    # so the next crawl recognises the link it will see again.
    requested_url: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SeenItem:
    """A URL dealt with that is not a document itself (e.g. an Alaveteli event link)."""
    url: str
    source: str
    reason: str
