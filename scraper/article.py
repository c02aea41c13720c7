"""HTML page -> title, publication date and main text. Pure functions, no I/O."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

from scraper.dates import normalise_date

_SPACE = re.compile(r"\s+")
# Meta tags that carry a publication date, in order of trust.
_DATE_META = ("article:published_time", "og:published_time", "datePublished", "dc.date.issued",
              "dcterms.issued", "dc.date", "date", "pubdate", "publish-date", "sailthru.date")
_TITLE_META = ("og:title", "twitter:title")


class ArticleError(ValueError):
    """The page has no main text worth archiving."""


@dataclass(frozen=True)
class Article:
    title: str | None
    published: str | None
    text: str


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode a page, trusting the declared charset only when the bytes agree with it.

    Sites often declare UTF-8 and send Windows-1252; decoding with replacement
    characters would archive "Caf\ufffd" for "Café", so each candidate must decode cleanly.
    """
    bom_encoding, bom = read_bom(body)
    if bom_encoding:
        return body[len(bom):].decode(bom_encoding, errors="replace")
    candidates = [http_content_type_encoding(content_type or ""), html_body_declared_encoding(body),
                  "utf-8", "cp1252"]
    for encoding in candidates:
        if not encoding:
            continue
        try:
            return body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode("latin-1")  # every byte is a Latin-1 character


def clean(text: str | None) -> str | None:
    """Whitespace folded; None for empty."""
    if text is None:
        return None
    folded = _SPACE.sub(" ", text).strip()
    return folded or None


def main_text(html: str) -> str | None:
    """The page's main text, boilerplate removed, tables kept as `| a | b |` rows."""
    return trafilatura.extract(html, include_tables=True, output_format="txt", favor_recall=True,
                               include_comments=False)


def parse_article(html: str, feed_title: str | None = None,
                  feed_published: str | None = None) -> Article:
    """Title, date and text of an article page; the feed's own title and date win when given."""
    text = main_text(html)
    if not text or not text.strip():
        raise ArticleError("no main text found in the page")
    title, published = clean(feed_title), feed_published
    if not (title and published):  # parse the page a second time only when it can tell more
        tree = _tree(html)
        meta = page_metadata(tree) if tree is not None else {}
        title = title or meta.get("title")
        published = published or meta.get("published")
    return Article(title=title, published=published, text=text.strip())


def _tree(html: str) -> Any:
    try:
        return lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None  # an empty or undecodable document has no metadata


def page_metadata(tree: Any) -> dict[str, str]:
    """Title and publication date from JSON-LD, meta tags, <time> and headings."""
    found: dict[str, str] = {}
    for obj in _json_ld(tree):
        if "published" not in found:
            date = normalise_date(_first_str(obj.get("datePublished")))
            if date:
                found["published"] = date
        if "title" not in found:
            title = clean(_first_str(obj.get("headline")))
            if title:
                found["title"] = title
    metas = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        if key and node.get("content") and key not in metas:
            metas[key] = node.get("content")
    if "published" not in found:
        for key in _DATE_META:
            date = normalise_date(metas.get(key.lower()))
            if date:
                found["published"] = date
                break
    if "published" not in found:
        for node in tree.iter("time"):
            date = normalise_date(node.get("datetime"))
            if date:
                found["published"] = date
                break
    if "title" not in found:
        candidates = [metas.get(k) for k in _TITLE_META]
        candidates += [h.text_content() for h in tree.iter("h1")][:1]
        candidates += [t.text_content() for t in tree.iter("title")][:1]
        for candidate in candidates:
            title = clean(candidate)
            if title:
                found["title"] = title
                break
    return found


def _json_ld(tree: Any) -> list[dict]:
    """Every JSON-LD object on the page, @graph members included; broken blocks are skipped."""
    objects: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # sites ship malformed JSON-LD; the other sources of metadata remain
        stack = data if isinstance(data, list) else [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, dict):
                objects.append(obj)
                graph = obj.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
            elif isinstance(obj, list):
                stack.extend(obj)
    return objects


def _first_str(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


_BLOCKS = frozenset({"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
                     "section", "article", "blockquote", "pre", "dd", "dt", "header", "footer"})
_SKIP = frozenset({"script", "style", "noscript", "template"})


def block_text(element: Any) -> str:
    """Text of an HTML fragment with one line per paragraph, list item, row or <br>.

    For pages whose structure we know (FOI correspondence), where main-text extraction
    would guess; table rows become `| a | b |` lines, as trafilatura writes them.
    """
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = clean(" ".join(current))
        if line:
            lines.append(line)
        current.clear()

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP:
            if node.tail:
                current.append(node.tail)
            return
        if tag in _BLOCKS:
            flush()
        if tag == "tr":
            cells = [clean(cell.text_content()) or "" for cell in node if cell.tag in ("td", "th")]
            if any(cells):
                lines.append("| " + " | ".join(cells) + " |")
            if node.tail:
                current.append(node.tail)
            return
        if tag == "br":
            flush()
        if node.text and tag:
            current.append(node.text)
        for child in node:
            walk(child)
        if tag in _BLOCKS:
            flush()
        if node.tail:
            current.append(node.tail)

    walk(element)
    flush()
    return "\n".join(lines)
