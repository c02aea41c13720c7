"""Full-text search over documents: safe query escaping, bm25 ranking, highlighted snippets."""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta

from sqlite_utils import Database

from archive.clock import utc_now
from archive.documents import KINDS, content_hash

# Title matches count five times as much as body matches: a document *about* a phrase
# usually names it in its title.
RANK = "bm25(5.0, 1.0)"
OPERATORS = ("AND", "OR", "NOT")
# A phrase in quotes (the closing quote may be missing), a parenthesis, or a bare word.
_TOKEN = re.compile(r'"([^"]*)"?|([()])|([^\s()"]+)')


class SearchError(ValueError):
    """A query that cannot be run; the message is one line, fit to show a user."""


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _tokens(query: str) -> list[tuple[str, str]]:
    """Split user text into (kind, value): phrase, word, prefix, op, ( and )."""
    out: list[tuple[str, str]] = []
    for phrase, paren, word in _TOKEN.findall(query):
        if paren:
            out.append((paren, paren))
        elif word in OPERATORS:  # only upper-case AND/OR/NOT are operators, as in FTS5
            out.append(("op", word))
        elif word:
            stem = word.rstrip("*")
            if any(ch.isalnum() for ch in stem):
                out.append(("prefix" if stem != word else "word", stem))
        elif any(ch.isalnum() for ch in phrase):  # "" or "-" would match nothing at all
            out.append(("phrase", phrase))
    return out


def _balanced(tokens: list[tuple[str, str]]) -> bool:
    depth = 0
    for kind, _ in tokens:
        depth += {"(": 1, ")": -1}.get(kind, 0)
        if depth < 0:
            return False
    return depth == 0


def _tidy(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop empty groups and operators with nothing to join, until none are left."""
    operand_end, operand_start = ("word", "prefix", "phrase", ")"), ("word", "prefix", "phrase", "(")
    while True:
        for i, (kind, value) in enumerate(tokens):
            before = tokens[i - 1][0] if i else ""
            after = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            if kind == "(" and after == ")":
                del tokens[i:i + 2]
                break
            if kind == "op" and not (before in operand_end and after in operand_start):
                if value == "NOT" and after in operand_start:
                    # Dropping it would search for what the user wants excluded.
                    raise SearchError('NOT excludes from what comes before it, as in rape NOT child '
                                      '(to find the word itself, quote it: "not")')
                del tokens[i]
                break
        else:
            return tokens


def fts_query(query: str) -> str:
    """Turn what a user typed into an FTS5 expression that is always valid.

    Every word is quoted, so hyphens, colons, apostrophes and FTS5 keywords in lower
    case are plain text ("out-of-court" is the phrase out of court). A phrase in quotes
    stays a phrase; `word*` is a prefix search; upper-case AND / OR / NOT and balanced
    parentheses work as in FTS5. Operators with nothing to join are dropped, and
    unbalanced parentheses ignored; only a NOT with nothing before it is an error.
    """
    tokens = _tokens(query)
    if not any(kind in ("word", "prefix", "phrase") for kind, _ in tokens):
        words = [value for kind, value in tokens if kind == "op"]
        if not words:
            raise SearchError("empty search: type some words to look for")
        return " ".join(_quote(w) for w in words)  # "NOT" alone means the word not
    if not _balanced(tokens):
        tokens = [t for t in tokens if t[0] not in "()"]
    out: list[str] = []
    last = ""
    for kind, value in _tidy(tokens):
        if kind in ("word", "prefix", "phrase", "(") and last in ("word", "prefix", "phrase", ")"):
            out.append("AND")  # FTS5 rejects an implicit AND next to a parenthesis
        out.append({"prefix": _quote(value) + "*", "op": value, "(": "(", ")": ")"}.get(kind, _quote(value)))
        last = kind
    return " ".join(out)


def date_bound(text: str, *, end: bool = False) -> str:
    """'2024', '2024-03' or '2024-03-05' as an ISO date: the first day, or with end the last."""
    parts = text.strip().split("-")
    try:
        if len(parts) == 1:
            day = date(int(parts[0]), 12, 31) if end else date(int(parts[0]), 1, 1)
        elif len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            day = date(year, month, 1)
            if end:
                day = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        else:
            day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date like 2024-03-31, 2024-03 or 2024") from None
    return day.isoformat()


def search_sql(match: str, *, source: str | None = None, kind: str | None = None,
               since: str | None = None, until: str | None = None, limit: int = 20,
               highlight: tuple[str, str] = ("**", "**")) -> tuple[str, list]:
    """The SQL and parameters for one search (exposed so benchmarks run the same thing).

    `order by rank` (not `order by bm25(...)`) lets FTS5 sort the matches itself, so
    SQLite stops after `limit` rows and builds snippets for those rows only.
    """
    where, params = ["documents_fts match ?", f"rank match '{RANK}'"], [match]
    for column, value in (("source", source), ("kind", kind)):
        if value is not None:
            where.append(f"d.{column} = ?")
            params.append(value)
    # published is an ISO date or datetime; its first ten characters are the day.
    if since:
        where.append("substr(d.published, 1, 10) >= ?")
        params.append(since)
    if until:
        where.append("substr(d.published, 1, 10) <= ?")
        params.append(until)
    sql = (
        "select d.id, d.title, d.published, d.source, d.kind, d.url, "
        "snippet(documents_fts, 1, ?, ?, '…', 24) as snippet, rank as score "
        "from documents_fts join documents d on d.id = documents_fts.rowid "
        f"where {' and '.join(where)} order by rank limit ?"
    )
    return sql, [*highlight, *params, limit]


def search_documents(db: Database, query: str, *, raw: bool = False, source: str | None = None,
                     kind: str | None = None, since: str | None = None, until: str | None = None,
                     limit: int = 20, highlight: tuple[str, str] = ("**", "**")) -> list[dict]:
    """Documents matching the query, best first, each with a highlighted snippet.

    `raw` passes the query to FTS5 unchanged (column filters, NEAR, prefixes); an
    invalid raw query raises SearchError with SQLite's one-line reason.
    """
    if kind is not None and kind not in KINDS:
        raise SearchError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if limit < 1:
        raise SearchError("limit must be at least 1")
    if raw and not query.strip():
        raise SearchError("empty search: type some words to look for")
    match = query if raw else fts_query(query)
    sql, params = search_sql(match, source=source, kind=kind, since=since, until=until,
                             limit=limit, highlight=highlight)
    try:
        return [dict(row) for row in db.query(sql, params)]
    except sqlite3.OperationalError as exc:
        if raw:
            raise SearchError(f"invalid search query {query!r}: {exc}") from None
        raise SearchError(f"search failed: {exc}") from None


def insert_documents_bulk(db: Database, documents: Iterable[dict], batch_size: int = 1000) -> int:
    """Insert many new documents fast (imports, benchmarks); returns how many were new.

    Goes through sqlite-utils `insert_all`, so the FTS triggers index every row. Unlike
    `save_document` it neither updates changed documents nor folds duplicate content into
    aliases: a URL already stored is skipped.
    """
    now = utc_now()
    before = db["documents"].count

    def rows() -> Iterable[dict]:
        for doc in documents:
            if doc["kind"] not in KINDS:
                raise ValueError(f"kind must be one of {KINDS}, not {doc['kind']!r}")
            yield {"title": None, "published": None, "content_type": None, "parent_id": None,
                   "fetched_at": now, "updated_at": now, **doc,
                   "content_hash": content_hash(doc["text"])}

    db["documents"].insert_all(rows(), batch_size=batch_size, ignore=True)
    return db["documents"].count - before
