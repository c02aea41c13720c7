"""The SQLite archive: the only package that writes SQL.

Two databases: the public archive (documents, figures, crawl runs) that journalists
browse, and a private one (subscribers, outbox) that is never served.
"""
from archive.db import open_archive, open_private

__all__ = ["open_archive", "open_private"]
