"""HTML to plain text: trafilatura's main text, tables as pipe rows."""
from __future__ import annotations

import logging
import re

import trafilatura

logging.getLogger("trafilatura").setLevel(logging.ERROR)


def html_to_text(html: str) -> str:
    """Main text of an HTML page; tables come out as '| a | b |' rows.

    Falls back to stripping tags when trafilatura finds no main text.
    """
    if not html or not html.strip():
        return ""
    try:
        text = trafilatura.extract(html, include_tables=True, output_format="txt", favor_recall=True)
    except Exception:  # trafilatura raises on some malformed documents; fall back below
        text = None
    if text:
        return text
    return _strip_tags(html)


def _strip_tags(html: str) -> str:
    try:
        import lxml.html
        root = lxml.html.fromstring(html)
        for bad in root.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        text = "\n".join(t.strip() for t in root.itertext() if t.strip())
    except Exception:  # lxml refuses empty or non-HTML input: a regex is good enough there
        text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"[ \t]+", " ", text).strip()
