"""Where documents go: the archive (ArchivePipeline) or, for a dry run, a JSON Lines file."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import IO, Any

from scrapy.exceptions import DropItem

from archive.crawling import add_alias, mark_seen
from archive.documents import save_document
from scraper.items import DocumentItem, SeenItem


def keeps(spider: Any, item: DocumentItem) -> bool:
    """The source's include / exclude keywords, applied to the title and the text."""
    return spider.source.keeps(f"{item.title or ''}\n{item.text}")


class ArchivePipeline:
    """Filters by keywords, then saves each document atomically and counts the outcome."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArchivePipeline:
        return cls(crawler)

    def process_item(self, item: DocumentItem | SeenItem) -> DocumentItem | SeenItem:
        spider = self.crawler.spider
        run = spider.run
        if isinstance(item, SeenItem):
            mark_seen(run.db, [item.url], item.source, item.reason)
            return item
        if not keeps(spider, item):
            run.counted("filtered")
            # Remembered, so the next crawl does not fetch the page again just to drop it.
            mark_seen(run.db, [u for u in (item.url, item.requested_url) if u], item.source, "filtered")
            raise DropItem(f"no include keyword (or an exclude keyword) in {item.url}")
        try:
            saved = save_document(
                run.db, url=item.url, source=item.source, kind=item.kind, text=item.text,
                title=item.title, published=item.published, content_type=item.content_type,
                parent_url=item.parent_url)
            if item.requested_url:
                add_alias(run.db, item.requested_url, saved.document_id, item.source)
        except sqlite3.Error as exc:
            # The transaction rolled back, so nothing is half-written; the crawl goes on.
            run.error(item.url, f"cannot save document: {exc}")
            raise DropItem(str(exc)) from None
        run.counted(saved.outcome)
        return item


class DryRunPipeline:
    """Writes each document as one JSON line (with `kept`: would the filter keep it) and stores nothing."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.out: IO[str] | None = None
        self.written = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> DryRunPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        path = Path(self.crawler.spider.dry_run_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.out = path.open("w", encoding="utf-8")

    def close_spider(self) -> None:
        if self.out is not None:
            self.out.close()

    def process_item(self, item: DocumentItem | SeenItem) -> DocumentItem | SeenItem:
        if isinstance(item, SeenItem):
            raise DropItem("a dry run remembers nothing")  # nor counts toward --limit
        limit = self.crawler.settings.getint("CLOSESPIDER_ITEMCOUNT")
        if limit and self.written >= limit:
            # Scrapy stops scheduling at the limit, but pages already downloading still arrive.
            raise DropItem(f"over --limit {limit}")
        self.written += 1
        spider = self.crawler.spider
        kept = keeps(spider, item)
        spider.run.counted("new" if kept else "filtered")
        record = {"title": item.title, "published": item.published, "url": item.url, "kind": item.kind,
                  "parent_url": item.parent_url, "content_type": item.content_type, "kept": kept,
                  "text": item.text}
        assert self.out is not None
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()
        return item
