"""Opening the archive databases: WAL, foreign keys, migrations applied."""
from __future__ import annotations

from pathlib import Path

import sqlite_utils

from archive.migrations import PRIVATE, PUBLIC


def _open(path: str | Path, migrations: "sqlite_utils.migrations.Migrations") -> sqlite_utils.Database:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Always through sqlite_utils.Database: it turns on recursive_triggers, which keeps
    # FTS5 external-content indexes right on upsert/replace (sqlite-utils issue #149).
    db = sqlite_utils.Database(path)
    # A crawl child process, the daemon and Datasette read and write at once: WAL lets
    # readers run beside the one writer, and busy_timeout makes writers queue, not fail.
    db.execute("PRAGMA busy_timeout = 30000")
    db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    return db


def open_archive(path: str | Path) -> sqlite_utils.Database:
    """The public archive: documents, figures, crawl runs."""
    return _open(path, PUBLIC)


def open_private(path: str | Path) -> sqlite_utils.Database:
    """The private database: subscribers, outbox, source health. Never published."""
    return _open(path, PRIVATE)
