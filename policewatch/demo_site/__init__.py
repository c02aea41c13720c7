"""A small local website that imitates the sources PoliceWatch crawls.

It serves the static files under ``site/`` (news feeds and articles, an
Alaveteli-like FOI site, a gov.uk-like search and content API, a Single Online
Home style disclosure log) and adds a few dynamic routes: Alaveteli event
redirects and search feeds, the gov.uk search API, paginated listings and a set
of failure endpoints.  Used by the test-suite and by ``policewatch demo``.

    with FixtureSite() as site:
        feed_url = site.url("/news/courier/rss.xml")

Run ``python -m policewatch.demo_site [--port N]`` to serve it by hand.

Files whose text contains ``{{BASE}}`` get it replaced with the server's base
URL (``http://127.0.0.1:PORT``) when served.  Every static file is served with
``ETag`` and ``Last-Modified`` and answers conditional GETs with 304.
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import html
import json
import mimetypes
import re
import sys
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, parse_qsl, quote, unquote, urlsplit

__all__ = ["FixtureSite", "SITE_ROOT", "main"]

SITE_ROOT = Path(__file__).resolve().parent / "site"

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".css": "text/css; charset=utf-8",
}
# Feeds whose file name says what they are get the proper feed media type.
_FEED_TYPES = {
    "rss.xml": "application/rss+xml; charset=utf-8",
    "atom.xml": "application/atom+xml; charset=utf-8",
}
_TEXT_SUFFIXES = {".html", ".xml", ".json", ".txt", ".csv", ".css", ".atom", ".rss"}

# ---------------------------------------------------------------- gov.uk search

_GOVUK_FIELDS = {
    "title", "link", "description", "public_timestamp", "format", "display_type",
    "content_store_document_type", "organisations", "slug", "document_series",
    "specialist_sectors", "policy_areas", "world_locations", "topic_content_ids",
    "topical_events", "expanded_topics", "organisation_content_ids",
    "expanded_organisations", "content_id", "release_timestamp", "popularity",
    "document_collections", "people", "taxons", "government_name", "is_historic",
    "indexable_content",
}
_GOVUK_DEFAULT_FIELDS = [
    "description", "display_type", "document_series", "format", "link",
    "organisations", "public_timestamp", "slug", "specialist_sectors", "title",
    "policy_areas", "world_locations", "topic_content_ids", "topical_events",
    "expanded_topics", "organisation_content_ids", "expanded_organisations",
    "content_store_document_type",
]
_GOVUK_ALWAYS = ["_id", "index", "es_score", "model_score", "original_rank",
                 "combined_score", "document_type", "elasticsearch_type"]
_GOVUK_SORTABLE = {"public_timestamp", "closing_date", "title", "start_date",
                   "popularity", "release_timestamp", "assessment_date",
                   "tribunal_decision_decision_date"}
_GOVUK_FILTERABLE = {
    "organisations", "content_store_document_type", "format", "public_timestamp",
    "document_collections", "people", "taxons", "world_locations", "link",
    "content_id", "document_type", "display_type", "release_timestamp",
    "policy_areas", "specialist_sectors", "topical_events", "is_historic",
    "government_name", "slug",
}
_GOVUK_PLAIN_PARAMS = {"q", "count", "start", "order", "fields", "fields[]", "c",
                       "suggest", "debug", "ab_tests", "boost_fields"}


class _GovukError(Exception):
    pass


def _govuk_value_matches(doc_value, wanted: str) -> bool:
    if isinstance(doc_value, list):
        return any(_govuk_value_matches(v, wanted) for v in doc_value)
    if isinstance(doc_value, dict):
        return wanted in (doc_value.get("slug"), doc_value.get("content_id"),
                          doc_value.get("link"), doc_value.get("title"))
    if doc_value is None:
        return wanted == "_MISSING"
    return str(doc_value) == wanted


def _govuk_date_filter(doc_value, spec: str) -> bool:
    if not doc_value:
        return False
    bounds = {}
    for part in spec.split(","):
        if ":" not in part:
            raise _GovukError(f'Invalid date filter "{spec}"')
        key, _, val = part.partition(":")
        if key not in ("from", "to") or not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:]+(Z|[+-]\d\d:\d\d)?)?", val):
            raise _GovukError(f'Invalid value "{spec}" for parameter "public_timestamp" (expected ISO8601 date)')
        bounds[key] = val[:10]
    day = str(doc_value)[:10]
    if "from" in bounds and day < bounds["from"]:
        return False
    if "to" in bounds and day > bounds["to"]:
        return False
    return True


def govuk_search(docs: list[dict], query: list[tuple[str, str]]) -> dict:
    """Run a gov.uk search-api style query over ``docs``.

    Raises ``_GovukError`` (HTTP 422) for unknown or invalid parameters.
    """
    unknown = []
    params: dict[str, list[str]] = {}
    for key, value in query:
        params.setdefault(key, []).append(value)
        if key in _GOVUK_PLAIN_PARAMS:
            continue
        m = re.fullmatch(r"(filter|reject|filter_any|filter_all|reject_any|reject_all|aggregate|facet)_(.+)", key)
        if m and (m.group(2) in _GOVUK_FILTERABLE or m.group(1) in ("aggregate", "facet")):
            continue
        unknown.append(key)
    if unknown:
        raise _GovukError("Unexpected parameters: " + ", ".join(sorted(set(unknown))))

    def one_int(name: str, default: int, maximum: int | None = None) -> int:
        raw = params.get(name, [str(default)])[-1]
        if not re.fullmatch(r"\d+", raw):
            raise _GovukError(f'Invalid value "{raw}" for parameter "{name}" (expected positive integer)')
        val = int(raw)
        if maximum is not None and val > maximum:
            raise _GovukError(f'Maximum result set size (as specified in \'{name}\') is {maximum}')
        return val

    count = one_int("count", 10, 1500)
    start = one_int("start", 0)

    fields: list[str] = []
    for raw in params.get("fields", []) + params.get("fields[]", []):
        fields.extend(f for f in raw.split(",") if f)
    bad_fields = [f for f in fields if f not in _GOVUK_FIELDS]
    if bad_fields:
        raise _GovukError("Some requested fields are not valid return fields: " + str(bad_fields))
    if not fields:
        fields = list(_GOVUK_DEFAULT_FIELDS)

    results = list(docs)
    q = " ".join(params.get("q", [])).strip().lower()
    scores: dict[int, float] = {}
    if q:
        words = re.findall(r"\w+", q)
        kept = []
        for d in results:
            hay = " ".join(str(d.get(k, "")) for k in ("title", "description", "indexable_content")).lower()
            hits = sum(1 for w in words if w in hay)
            if words and hits == len(words):
                scores[id(d)] = hits + hay.count(words[0]) / 10.0
                kept.append(d)
        results = kept

    for key, values in params.items():
        m = re.fullmatch(r"(filter|reject|filter_any|filter_all|reject_any|reject_all)_(.+)", key)
        if not m:
            continue
        kind, field = m.group(1), m.group(2)
        wanted: list[str] = []
        for v in values:
            wanted.extend([v] if "timestamp" in field else v.split(","))
        if "timestamp" in field:
            def ok(d, w=wanted, f=field):
                return all(_govuk_date_filter(d.get(f), spec) for spec in w)
        elif kind.endswith("_all"):
            def ok(d, w=wanted, f=field):
                return all(_govuk_value_matches(d.get(f), x) for x in w)
        else:
            def ok(d, w=wanted, f=field):
                return any(_govuk_value_matches(d.get(f), x) for x in w)
        if kind.startswith("reject"):
            results = [d for d in results if not ok(d)]
        else:
            results = [d for d in results if ok(d)]

    order = params.get("order", [""])[-1]
    if order:
        field = order.lstrip("-")
        if field not in _GOVUK_SORTABLE:
            raise _GovukError(f'"{field}" is not a valid sort field')
        results.sort(key=lambda d: (d.get(field) is None, str(d.get(field) or "")),
                     reverse=order.startswith("-"))
    elif q:
        results.sort(key=lambda d: scores.get(id(d), 0), reverse=True)
    else:
        results.sort(key=lambda d: d.get("popularity", 0), reverse=True)

    aggregates = {}
    for key, values in params.items():
        m = re.fullmatch(r"(?:aggregate|facet)_(.+)", key)
        if not m:
            continue
        field = m.group(1)
        counts: dict[str, list] = {}
        missing = 0
        for d in results:
            val = d.get(field)
            if val in (None, [], ""):
                missing += 1
                continue
            for item in (val if isinstance(val, list) else [val]):
                k = json.dumps(item, sort_keys=True)
                counts.setdefault(k, [item, 0])[1] += 1
        options = [{"value": v if isinstance(v, dict) else {"slug": v}, "documents": n}
                   for v, n in sorted(counts.values(), key=lambda x: -x[1])]
        aggregates[field] = {
            "options": options,
            "documents_with_no_value": missing,
            "total_options": len(options),
            "missing_options": 0,
            "scope": "exclude_field_filter",
        }

    total = len(results)
    page = results[start:start + count]
    out = []
    for rank, d in enumerate(page, start=start):
        row = {f: d[f] for f in fields if f in d}
        row["_id"] = d.get("link")
        row["index"] = "govuk"
        row["es_score"] = round(scores.get(id(d), 0.0), 3) if q else None
        row["model_score"] = None
        row["original_rank"] = None
        row["combined_score"] = None
        row["document_type"] = "edition"
        row["elasticsearch_type"] = "edition"
        out.append(row)
    return {
        "results": out,
        "total": total,
        "start": start,
        "aggregates": aggregates,
        "suggested_queries": [],
        "suggested_autocomplete": [],
        "es_cluster": "A",
        "reranked": False,
    }


# -------------------------------------------------------------- Alaveteli search

_TERM_RE = re.compile(r'\(|\)|(?:(\w+):)?(?:"([^"]*)"|([^\s()"]+))')


def _alaveteli_match(event: dict, query: str) -> bool:
    """Very small imitation of Alaveteli's Xapian query over events.

    Terms are ANDed; ``OR`` joins neighbouring terms.  Supported prefixes:
    requested_from, variety, status, latest_status, request, filetype, tag.
    Bare words and "phrases" are searched case-insensitively in the title and
    text of the event (including its attachments' text).
    """
    groups: list[list[tuple[str | None, str]]] = []
    pending_or = False
    for m in _TERM_RE.finditer(query):
        tok = m.group(0)
        if tok in ("(", ")"):
            continue
        prefix, phrase, word = m.group(1), m.group(2), m.group(3)
        value = phrase if phrase is not None else word
        if prefix is None and phrase is None and word in ("OR", "AND"):
            pending_or = word == "OR"
            continue
        term = (prefix, value)
        if pending_or and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
    hay = (event["title"] + " " + event["text"]).lower()

    def term_ok(prefix, value):
        v = value.lower()
        if prefix is None:
            return v in hay
        if prefix == "requested_from":
            return v == event["public_body"]
        if prefix == "variety":
            return v == event["event_type"]
        if prefix in ("status", "latest_status"):
            return v == event["calculated_state"]
        if prefix == "request":
            return v == event["url_title"]
        if prefix == "filetype":
            return v in event.get("filetypes", [])
        if prefix == "tag":
            return True
        return (prefix + ":" + v) in hay

    return all(any(term_ok(p, v) for p, v in g) for g in groups)


# ------------------------------------------------------------------- the server

class _Handler(BaseHTTPRequestHandler):
    server_version = "PoliceWatchDemo/1.0"
    site: "FixtureSite"  # set on the subclass made per server

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    # -- helpers ---------------------------------------------------------
    @property
    def base(self) -> str:
        return self.site.base_url

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def _error(self, status: int, message: str = ""):
        text = {404: "Not Found", 500: "Internal Server Error", 422: "Unprocessable Entity"}.get(status, "Error")
        body = (f"<!DOCTYPE html><html><head><title>{status} {text}</title></head>"
                f"<body><h1>{status} {text}</h1><p>{html.escape(message)}</p></body></html>").encode()
        self._send(status, body)

    def _redirect(self, location: str, status: int = 301):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _json(self, obj, status: int = 200):
        self._send(status, json.dumps(obj, indent=2).encode(), "application/json; charset=utf-8")

    # -- entry points ----------------------------------------------------
    def do_GET(self):
        self.site._log(f"{self.command} {self.path}")
        try:
            self._dispatch()
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_HEAD = do_GET

    def _dispatch(self):
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        query = parse_qsl(parts.query, keep_blank_values=True)
        for pattern, func in self._routes:
            m = re.fullmatch(pattern, path)
            if m:
                return func(self, m, query)
        return self._static(path, query)

    # -- static files ----------------------------------------------------
    def _resolve(self, path: str, query) -> Path | None:
        root = self.site.root
        rel = path.lstrip("/")
        if ".." in Path(rel).parts:
            return None
        target = root / rel
        page = dict(query).get("page")
        candidates = []
        if path.endswith("/"):
            if page and page != "1":
                if not re.fullmatch(r"\d+", page):
                    return None
                candidates.append(target / f"index.page-{page}.html")
            else:
                candidates.append(target / "index.html")
        else:
            candidates.append(target)
            candidates.append(target.with_name(target.name + ".html"))
        for c in candidates:
            if c.is_file():
                return c
        return None

    def _static(self, path: str, query):
        f = self._resolve(path, query)
        if f is None:
            if (not path.endswith("/") and "/.." not in path
                    and self.site.root.joinpath(path.lstrip("/"), "index.html").is_file()):
                return self._redirect(path + "/", 301)
            return self._error(404, path)
        data = f.read_bytes()
        if f.suffix in _TEXT_SUFFIXES and b"{{BASE}}" in data:
            data = data.replace(b"{{BASE}}", self.base.encode())
        ctype = _FEED_TYPES.get(f.name) or _TYPES.get(f.suffix) or (
            mimetypes.guess_type(f.name)[0] or "application/octet-stream")
        etag = '"' + hashlib.sha1(data).hexdigest()[:20] + '"'
        mtime = int(f.stat().st_mtime)
        last_mod = email.utils.formatdate(mtime, usegmt=True)
        headers = {"ETag": etag, "Last-Modified": last_mod, "Cache-Control": "max-age=0"}
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        not_modified = False
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            not_modified = "*" in tags or etag in tags or ("W/" + etag) in tags
        elif ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
                not_modified = mtime <= since
            except (TypeError, ValueError, IndexError):
                pass
        if not_modified:
            self.send_response(304)
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            return
        self._send(200, data, ctype, headers)

    # -- Alaveteli -------------------------------------------------------
    def _alaveteli_event(self, m, query):
        ev = self.site.alaveteli_events().get(int(m.group(1)))
        if ev is None:
            return self._error(404, "No such event")
        anchor = ""
        if ev.get("incoming_message_id"):
            anchor = f"#incoming-{ev['incoming_message_id']}"
        elif ev.get("outgoing_message_id"):
            anchor = f"#outgoing-{ev['outgoing_message_id']}"
        return self._redirect(f"{self.base}/alaveteli/request/{ev['url_title']}{anchor}", 301)

    def _alaveteli_request_by_id(self, m, query):
        for ev in self.site.alaveteli_events().values():
            if ev["info_request_id"] == int(m.group(1)):
                return self._redirect(f"{self.base}/alaveteli/request/{ev['url_title']}", 301)
        return self._error(404, "No such request")

    def _alaveteli_feed(self, m, query):
        raw = m.group(1)
        as_json = raw.endswith(".json")
        if as_json:
            raw = raw[: -len(".json")]
        # Alaveteli only indexes these event types for search.
        indexed = ("sent", "followup_sent", "response", "comment")
        events = [e for e in self.site.alaveteli_events().values()
                  if e["event_type"] in indexed and _alaveteli_match(e, raw)]
        events.sort(key=lambda e: e["created_at"], reverse=True)
        events = events[:25]
        if as_json:
            return self._json([self.site.alaveteli_event_json(e) for e in events])
        host = "127.0.0.1"
        esc = html.escape
        quoted = quote(raw, safe="")
        entries = []
        for e in events:
            content = (
                f'<div class="request_listing">\n'
                f'<span class="bottomline">{esc(e["display_status"])}</span>\n'
                f'<div class="requester">Request to {esc(e["public_body_name"])} by {esc(e["user_name"])}. '
                f'{esc(e["event_label"])}.</div>\n'
                f'<span class="desc">{esc(e["snippet"])}</span>\n</div>'
            )
            entries.append(
                "  <entry>\n"
                f"    <id>tag:{host},2005:InfoRequestEvent/{e['id']}</id>\n"
                f"    <published>{e['created_at']}</published>\n"
                f'    <link type="text/html" rel="alternate" href="{self.base}/alaveteli/request_event/{e["id"]}"/>\n'
                f'    <title type="html">{esc(esc(e["title"]))}</title>\n'
                f'    <content type="html">{esc(content)}</content>\n'
                "  </entry>\n"
            )
        updated = events[0]["created_at"] if events else "2024-01-01T00:00:00+00:00"
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<feed xml:lang="en-GB" xmlns="http://www.w3.org/2005/Atom">\n'
            f"  <id>tag:{host},2005:/feed/search/{quoted}</id>\n"
            f'  <link type="text/html" rel="alternate" href="{self.base}/alaveteli/"/>\n'
            f'  <link type="application/atom+xml" rel="self" href="{self.base}/alaveteli/feed/search/{quoted}"/>\n'
            "  <title>Requests or responses matching your saved search</title>\n"
            f"  <updated>{updated}</updated>\n"
            + "".join(entries)
            + "</feed>\n"
        )
        return self._send(200, body.encode(), "application/atom+xml; charset=utf-8")

    # -- gov.uk ------------------------------------------------------------
    def _govuk_search(self, m, query):
        try:
            result = govuk_search(self.site.govuk_docs(), query)
        except _GovukError as exc:
            return self._json({"error": str(exc)}, status=422)
        return self._json(result)

    def _govuk_content(self, m, query):
        base_path = "/" + m.group(1).strip("/")
        f = self.site.root / "govuk" / "api" / "content" / (base_path.lstrip("/") + ".json")
        if not f.is_file():
            return self._json({"error": {"code": 404, "message": f"Could not find content item with base_path {base_path}"}}, 404)
        return self._static("/govuk/api/content" + base_path + ".json", [])

    # -- failures ------------------------------------------------------------
    def _fail_500(self, m, query):
        return self._error(500, "Something went wrong on our side.")

    def _fail_404(self, m, query):
        return self._error(404, "This page does not exist.")

    def _fail_slow(self, m, query):
        try:
            seconds = float(dict(query).get("seconds", "10"))
        except ValueError:
            seconds = 10.0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not self.site._stopping.is_set():
            time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))
        return self._send(200, b"<html><body><p>Sorry for the wait.</p></body></html>")

    def _fail_redirect_loop(self, m, query):
        return self._redirect("/fail/redirect-loop", 302)

    def _fail_redirect_a(self, m, query):
        return self._redirect("/fail/redirect-b", 302)

    def _fail_redirect_b(self, m, query):
        return self._redirect("/fail/redirect-a", 302)

    def _fail_redirect_chain(self, m, query):
        # Endless chain of distinct URLs (hop=1, 2, 3, ...): defeats duplicate
        # filters, so only a client's redirect limit stops it.
        try:
            hop = int(dict(query).get("hop", "0"))
        except ValueError:
            hop = 0
        return self._redirect(f"/fail/redirect-chain?hop={hop + 1}", 302)

    _LATIN1_PAGE = (
        "<!DOCTYPE html><html><head><title>Caf\u00e9 owner fined \u00a3200</title></head><body>"
        "<article><h1>Caf\u00e9 owner fined \u00a3200 after late-night disturbance</h1>"
        "<p>The owner of a caf\u00e9 in Bront\u00eb Street was given a penalty notice, "
        "police said. Na\u00efve customers were \u00abshocked\u00bb.</p></article></body></html>"
    )

    def _fail_bad_charset(self, m, query):
        # Declares UTF-8 but the bytes are Latin-1 (invalid UTF-8).
        return self._send(200, self._LATIN1_PAGE.encode("latin-1"), "text/html; charset=utf-8")

    def _fail_no_charset(self, m, query):
        # No charset in the header and no <meta charset>: Latin-1 bytes.
        return self._send(200, self._LATIN1_PAGE.encode("latin-1"), "text/html")

    def _fail_huge(self, m, query):
        q = dict(query)
        try:
            size = int(float(q.get("mb", "30")) * 1024 * 1024)
        except ValueError:
            size = 30 * 1024 * 1024
        chunked = q.get("chunked") in ("1", "true", "yes")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if not chunked:
            self.send_header("Content-Length", str(size))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return
        line = b"<p>" + b"padding " * 127 + b"</p>\n"  # 1024 bytes
        chunk = line * 64
        sent = 0
        try:
            while sent < size and not self.site._stopping.is_set():
                piece = chunk[: size - sent]
                self.wfile.write(piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        self.close_connection = True

    _routes: list[tuple[str, Callable]] = [
        (r"/alaveteli/request_event/(\d+)", _alaveteli_event),
        (r"/alaveteli/request/(\d+)", _alaveteli_request_by_id),
        (r"/alaveteli/feed/search/(.*)", _alaveteli_feed),
        (r"/govuk/api/search\.json", _govuk_search),
        (r"/govuk/api/content(/.+)", _govuk_content),
        (r"/fail/500", _fail_500),
        (r"/fail/404", _fail_404),
        (r"/fail/slow", _fail_slow),
        (r"/fail/redirect-loop", _fail_redirect_loop),
        (r"/fail/redirect-a", _fail_redirect_a),
        (r"/fail/redirect-b", _fail_redirect_b),
        (r"/fail/redirect-chain", _fail_redirect_chain),
        (r"/fail/bad-charset", _fail_bad_charset),
        (r"/fail/no-charset", _fail_no_charset),
        (r"/fail/huge", _fail_huge),
    ]


class FixtureSite:
    """Serve the demo site on ``127.0.0.1`` on a free port, in a daemon thread.

    Use as a context manager.  ``requests`` lists ``"METHOD /path?query"`` for
    every request received so far.
    """

    def __init__(self, root: Path | None = None, port: int = 0):
        self.root = Path(root) if root is not None else SITE_ROOT
        self._port = port
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._events_cache: dict | None = None
        self._govuk_cache: list | None = None

    # -- lifecycle -----------------------------------------------------------
    def start(self) -> "FixtureSite":
        handler = type("Handler", (_Handler,), {"site": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", self._port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="demo-site", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "FixtureSite":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- public API ----------------------------------------------------------
    @property
    def port(self) -> int:
        assert self._server is not None, "server not started"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        if not path.startswith("/"):
            path = "/" + path
        return self.base_url + path

    def reset_requests(self) -> None:
        with self._lock:
            del self.requests[:]

    def _log(self, line: str) -> None:
        with self._lock:
            self.requests.append(line)

    # -- data used by dynamic routes ----------------------------------------
    def alaveteli_events(self) -> dict[int, dict]:
        if self._events_cache is None:
            f = self.root / "alaveteli" / "_events.json"
            events = json.loads(f.read_text("utf-8")) if f.is_file() else []
            self._events_cache = {e["id"]: e for e in events}
        return self._events_cache

    def alaveteli_event_json(self, e: dict) -> dict:
        f = self.root / "alaveteli" / "request" / f"{e['url_title']}.json"
        req = json.loads(f.read_text("utf-8").replace("{{BASE}}", self.base_url))
        ev = next(x for x in req["info_request_events"] if x["id"] == e["id"])
        out = dict(ev)
        out["snippet"] = e["snippet"]
        summary = {k: v for k, v in req.items() if k not in ("info_request_events", "public_body", "user")}
        out["info_request"] = summary
        out["public_body"] = req["public_body"]
        out["user"] = req.get("user")
        return out

    def govuk_docs(self) -> list[dict]:
        if self._govuk_cache is None:
            f = self.root / "govuk" / "_search_index.json"
            text = f.read_text("utf-8") if f.is_file() else "[]"
            self._govuk_cache = json.loads(text)
        return self._govuk_cache


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the PoliceWatch demo site.")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--root", type=Path, default=None, help="site folder")
    args = parser.parse_args(argv)
    site = FixtureSite(args.root, port=args.port).start()
    print(site.url("/"), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return 0
