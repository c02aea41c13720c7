"""`sources check`: crawl one source now, store nothing, and say what looks wrong.

Wiring, not logic of its own: the crawl is the real spider in a child process in
dry-run mode, the figures come from nlp; this module only reads the two together
and turns the symptoms admins meet when a site changes into plain sentences.
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from policewatch.config import Config, Source


@dataclass
class CheckReport:
    source: Source
    summary: object  # scraper.report.CrawlSummary
    items: list[dict]
    figures: list[list] = field(default_factory=list)  # per item, nlp Figures
    problems: list[str] = field(default_factory=list)


def check_source(config: Config, name: str, limit: int, timeout: float = 300) -> CheckReport:
    from policewatch.crawling import crawl_in_child

    source = config.source(name)
    with tempfile.TemporaryDirectory(prefix="policewatch-check-") as folder:
        out = Path(folder) / "items.jsonl"
        summary = crawl_in_child(config.path, name, dry_run=out, limit=limit, timeout=timeout)
        lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    items = [json.loads(line) for line in lines if line.strip()]
    report = CheckReport(source, summary, items)
    if items:
        import nlp

        report.figures = list(nlp.extract_many([item["text"] or "" for item in items]))
    report.problems = diagnose(report)
    return report


def diagnose(report: CheckReport) -> list[str]:
    """The symptoms worth an admin's attention, most serious first."""
    summary, items, source = report.summary, report.items, report.source
    message = summary.message or ""
    problems = []
    if summary.status == "failed":
        problems.append(f"the crawl failed: {message or 'no page could be fetched'}")
    if "robots.txt" in message:
        problems.append("robots.txt disallows some of the links this source needs "
                        f"({_part(message, 'robots.txt')})")
    if "matched no links" in message:
        problems.append(f"{_part(message, 'matched no links')}: check item_selector with the page's HTML")
    if not items and summary.status != "failed":
        problems.append("no items: nothing would be archived (is the feed empty, or the query too narrow?)")
    undated = [item for item in items if not item.get("published")]
    if items and undated:
        problems.append(f"{len(undated)} of {len(items)} items have no date")
    texts = {(item.get("text") or "").strip() for item in items if item.get("kind") and not item.get("parent_url")}
    if len(items) > 1 and len(texts) == 1:
        problems.append("every page has the same text: the links may lead to a listing, a login or an error page")
    filtered = [item for item in items if not item.get("kept", True)]
    if items and len(filtered) == len(items):
        problems.append(f"every item was dropped by the include/exclude keywords {list(source.include)}")
    if summary.errors:
        problems.append(f"{summary.errors} error(s), e.g. {summary.error_list[0][1] if summary.error_list else message}")
    return problems


def _part(message: str, needle: str) -> str:
    return next((part.strip() for part in message.split(";") if needle in part), needle)
