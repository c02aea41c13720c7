"""Scrapy settings for one crawl, built from the config's [crawl] defaults and the source's overrides.

Only the knobs we rely on are set; Scrapy's own defaults cover the rest.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TYPE_CHECKING

if TYPE_CHECKING:  # the config is the CLI's; this package only reads the objects it is given
    from policewatch.config import Config, Source


# A redirect loop should fail fast, and no honest page needs more hops than this.
MAX_REDIRECTS = 5


def cache_dir(config: Config, source: Source) -> Path:
    """The HTTP cache (feeds, listings, API pages) lives beside the archive, one folder per source."""
    return config.archive.path.resolve().parent / ".httpcache" / source.name


def crawl_settings(config: Config, source: Source, *, dry_run: bool = False,
                   limit: int | None = None, time_limit: float | None = None,
                   log_level: str = "WARNING") -> dict[str, Any]:
    crawl = config.crawl
    delay = source.download_delay if source.download_delay is not None else crawl.download_delay
    concurrency = source.concurrency or crawl.concurrency
    pipeline = "scraper.pipelines.DryRunPipeline" if dry_run else "scraper.pipelines.ArchivePipeline"
    return {
        "BOT_NAME": "policewatch",
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "DOWNLOAD_DELAY": delay,
        "CONCURRENT_REQUESTS": max(16, concurrency),
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "AUTOTHROTTLE_ENABLED": crawl.autothrottle,
        # Start at the configured delay rather than Scrapy's 5 s; AutoThrottle then adapts.
        "AUTOTHROTTLE_START_DELAY": delay,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(concurrency),
        "DOWNLOAD_TIMEOUT": crawl.timeout,
        "RETRY_TIMES": crawl.retries,
        "RETRY_GIVE_UP_LOG_LEVEL": "INFO",  # the errback records the failure
        "DOWNLOAD_MAXSIZE": crawl.max_body_bytes,
        "DOWNLOAD_WARNSIZE": crawl.max_body_bytes // 2,
        "REDIRECT_MAX_TIMES": MAX_REDIRECTS,
        # Spiders skip URLs already requested themselves (SourceSpider.request). Scrapy's
        # duplicate filter would also swallow redirect loops silently, and its usual
        # bypass, dont_filter, would switch off the allowed-domains check too.
        "DUPEFILTER_CLASS": "scrapy.dupefilters.BaseDupeFilter",
        "COOKIES_ENABLED": False,
        # Conditional GET for feeds, listings and API pages: RFC2616Policy revalidates with
        # ETag / Last-Modified; spiders mark article and attachment requests dont_cache.
        # A dry run must leave no trace, so it bypasses the cache.
        "HTTPCACHE_ENABLED": not dry_run,
        "HTTPCACHE_POLICY": "scrapy.extensions.httpcache.RFC2616Policy",
        "HTTPCACHE_STORAGE": "scrapy.extensions.httpcache.FilesystemCacheStorage",
        "HTTPCACHE_DIR": str(cache_dir(config, source)),
        "ITEM_PIPELINES": {pipeline: 300},
        # The pipeline writes to SQLite synchronously, so items gain nothing from running
        # in parallel, and Scrapy starts one asyncio task per slot for every callback's
        # output (100 by default), a large share of the CPU on a fast site. One slot
        # also keeps items in the order the spider yields them (a parent before its children).
        "CONCURRENT_ITEMS": 1,
        "SPIDER_MIDDLEWARES": {"scraper.errors.RecordErrors": 950},
        "CLOSESPIDER_ITEMCOUNT": limit or 0,
        # Close gracefully (and record the run) before the parent process gives up on us.
        "CLOSESPIDER_TIMEOUT": time_limit or 0,
        "DEFAULT_DROPITEM_LOG_LEVEL": "INFO",  # filtered documents are routine, not warnings
        # Neither a telnet console nor the remote-control HTTP server: a crawl opens no ports.
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": log_level,
        "FEED_EXPORT_ENCODING": "utf-8",
    }
