"""Wiring between stages: archived documents in, figures out.

nlp knows language and archive knows SQL; this module only hands texts from one to the
other, so that `policewatch extract`, `policewatch run` and the demo share one path.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from itertools import islice

from sqlite_utils import Database

import archive
from archive.figures import documents_to_extract, replace_figures
from archive.runs import credit_new_figures
from policewatch.config import Config

log = logging.getLogger(__name__)
BATCH = 64


@dataclass(frozen=True)
class ExtractionResult:
    documents: int
    figures: int
    new_figure_keys: int


def extract_pending(config: Config) -> ExtractionResult:
    """Extract every archived document not yet extracted (or changed since)."""
    return extract_pending_db(archive.open_archive(config.archive.path))


def extract_pending_db(db: Database) -> ExtractionResult:
    import nlp  # spaCy loads slowly; only commands that extract pay for it

    documents = figures = new_keys = 0
    new_by_source: Counter[str] = Counter()
    pending = documents_to_extract(db)
    while batch := list(islice(pending, BATCH)):
        results = nlp.extract_many([doc["text"] for doc in batch])
        for doc, found in zip(batch, results):
            rows = [{**figure.to_dict(), "figure_key": figure.key()} for figure in found]
            new = replace_figures(db, doc["id"], doc["content_hash"], rows)
            new_by_source[doc["source"]] += new
            new_keys += new
            documents += 1
            figures += len(rows)
    credit_new_figures(db, {source: n for source, n in new_by_source.items() if n})
    if documents:
        log.info("extracted %d figures from %d documents (%d new figure keys)", figures, documents, new_keys)
    return ExtractionResult(documents, figures, new_keys)
