"""Crawl speed: `policewatch crawl` against a bare Scrapy spider on the same local site.

Generates a news site of N article pages (default 2,000) and an RSS feed listing them
into a temporary folder, serves it with a threaded HTTP server on 127.0.0.1, then crawls
it both ways in the same run, each in its own process:

* policewatch: `policewatch crawl` of a feed source (robots.txt, HTTP cache, archive
  lookups, trafilatura, dates, SQLite writes);
* bare: a plain Scrapy spider that runs the same trafilatura call on each page and
  stores nothing.

Both use no download delay, no AutoThrottle and the same high concurrency. Prints the
pages/s of each (article pages over the crawl's own duration, so interpreter start-up
is not counted) and the ratio policewatch / bare; the target is >= 0.8.

    python bench/crawl_speed.py [--pages 2000] [--concurrency 32] [--rounds 3]
"""
from __future__ import annotations

import argparse
import functools
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TARGET_RATIO = 0.8
WORDS = ("police force community resolution caution offence victim officer court figures year rise fall "
         "report data council county constabulary magistrates charge suspect outcome crime recorded "
         "penalty notice warning youth adult review scrutiny panel inspector decision evidence").split()


# -- the site ---------------------------------------------------------------------------------

def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
    return " ".join(words).capitalize() + f", with {rng.randint(2, 999)} cases in {rng.randint(2015, 2024)}."


def article_html(number: int, published: datetime) -> str:
    rng = random.Random(number)
    title = f"Story {number}: " + " ".join(rng.choice(WORDS) for _ in range(6))
    paragraphs = "\n".join(f"<p>{' '.join(sentence(rng) for _ in range(3))}</p>" for _ in range(rng.randint(5, 9)))
    rows = "".join(f"<tr><td>{rng.choice(WORDS).title()}</td><td>{rng.randint(0, 500)}</td></tr>" for _ in range(5))
    nav = "".join(f'<li><a href="/section/{w}/">{w.title()}</a></li>' for w in WORDS[:12])
    related = "".join(f'<li><a href="/news/{rng.randint(0, 1999)}.html">Related story</a></li>' for _ in range(5))
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{title} | The Bench Herald</title>
<meta property="og:title" content="{title}">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
 "datePublished": "{published.isoformat()}"}}</script></head>
<body><div class="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept</button></div>
<header><a href="/">The Bench Herald</a><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By a reporter <time datetime="{published.isoformat()}">
{published:%d %B %Y}</time></p>
{paragraphs}
<table><tr><th>Force</th><th>Count</th></tr>{rows}</table>
<p>{sentence(rng)}</p></article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main>
<footer><p>Copyright The Bench Herald. A generated site for benchmarks.</p></footer></body></html>"""


def build_site(root: Path, pages: int, base_url: str) -> None:
    (root / "news").mkdir(parents=True)
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    start = datetime(2024, 1, 1, 8, 0, tzinfo=timezone.utc)
    items = []
    for number in range(pages):
        published = start + timedelta(hours=number)
        (root / "news" / f"{number}.html").write_text(article_html(number, published), encoding="utf-8")
        items.append(f"<item><title>Story {number}</title><link>{base_url}/news/{number}.html</link>"
                     f"<pubDate>{format_datetime(published)}</pubDate></item>")
    (root / "feed.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench Herald</title>'
        f"<link>{base_url}/</link><description>All stories</description>{''.join(items)}</channel></rss>",
        encoding="utf-8")


class QuietHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(root: Path) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# -- the two crawlers ------------------------------------------------------------------------

def run_policewatch(folder: Path, feed_url: str, concurrency: int, pages: int) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "policewatch.toml"
    config.write_text(f"""
[archive]
path = "archive.db"
[crawl]
contact = "mailto:bench@example.org"
download_delay = 0
autothrottle = false
concurrency = {concurrency}
timeout = 60
retries = 0
[[sources]]
name = "bench"
type = "feed"
url = "{feed_url}"
max_pages = {pages + 10}
""", encoding="utf-8")
    command = [sys.executable, "-m", "policewatch", "-c", str(config), "crawl", "--json"]
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    wall = time.monotonic() - started
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    return {"pages": summary["new_documents"], "duration": summary["duration"], "wall": wall,
            "status": summary["status"]}


def run_bare(feed_url: str, concurrency: int) -> dict:
    command = [sys.executable, __file__, "--bare", feed_url, "--concurrency", str(concurrency)]
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    wall = time.monotonic() - started
    return {**json.loads(result.stdout.strip().splitlines()[-1]), "wall": wall, "status": "ok"}


def bare_crawl(feed_url: str, concurrency: int) -> None:
    """The reference: Scrapy + trafilatura, nothing else. Prints {"pages", "duration"}."""
    import scrapy
    import trafilatura
    from scrapy.crawler import CrawlerProcess

    extracted = []

    class BareSpider(scrapy.Spider):
        name = "bare"

        async def start(self):  # type: ignore[override]
            yield scrapy.Request(feed_url, callback=self.parse_feed)

        def parse_feed(self, response):  # type: ignore[no-untyped-def]
            for url in response.xpath("//item/link/text()").getall():
                yield scrapy.Request(url, callback=self.parse_page)

        def parse_page(self, response):  # type: ignore[no-untyped-def]
            text = trafilatura.extract(response.text, include_tables=True, output_format="txt",
                                       favor_recall=True)
            if text:
                extracted.append(len(text))

    # Timed from the same point as `policewatch crawl` times itself: before Scrapy is set up.
    started = time.monotonic()
    process = CrawlerProcess({
        "LOG_LEVEL": "WARNING", "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS": max(16, concurrency), "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "TELNETCONSOLE_ENABLED": False, "REMOTE_CONTROL_ENABLED": False, "ROBOTSTXT_OBEY": False,
    })
    process.crawl(BareSpider)
    process.start()
    print(json.dumps({"pages": len(extracted), "duration": round(time.monotonic() - started, 2)}))


# -- main ---------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3, help="crawl each way this many times; best counts")
    parser.add_argument("--bare", metavar="FEED_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        bare_crawl(args.bare, args.concurrency)
        return 0
    with tempfile.TemporaryDirectory(prefix="crawl-speed-") as tmp:
        root = Path(tmp) / "site"
        root.mkdir()
        server = serve(root)
        base_url = f"http://127.0.0.1:{server.server_address[1]}"
        build_site(root, args.pages, base_url)
        feed_url = f"{base_url}/feed.xml"
        print(f"site: {args.pages} article pages at {base_url}; concurrency {args.concurrency}")
        best = {"bare": 0.0, "policewatch": 0.0}
        for round_number in range(1, args.rounds + 1):
            # Alternate who goes first, so neither side always gets the warmer machine.
            if round_number % 2:
                bare = run_bare(feed_url, args.concurrency)
                ours = run_policewatch(Path(tmp) / f"round-{round_number}", feed_url, args.concurrency, args.pages)
            else:
                ours = run_policewatch(Path(tmp) / f"round-{round_number}", feed_url, args.concurrency, args.pages)
                bare = run_bare(feed_url, args.concurrency)
            rates = {}
            for name, result in (("bare", bare), ("policewatch", ours)):
                rates[name] = result["pages"] / result["duration"]
                best[name] = max(best[name], rates[name])
                print(f"round {round_number} {name:<11} {result['pages']:>5} pages in {result['duration']:6.2f} s "
                      f"= {rates[name]:6.1f} pages/s (wall {result['wall']:.1f} s, {result['status']})")
            print(f"round {round_number} ratio {rates['policewatch'] / rates['bare']:.2f}")
            if ours["pages"] != args.pages:
                print(f"policewatch archived {ours['pages']} of {args.pages} pages", file=sys.stderr)
                return 1
        server.shutdown()
    ratio = best["policewatch"] / best["bare"]
    # Best of the rounds on each side: other load on the machine only ever slows a round down.
    print(f"bare scrapy+trafilatura: {best['bare']:.1f} pages/s")
    print(f"policewatch crawl:       {best['policewatch']:.1f} pages/s")
    print(f"ratio: {ratio:.2f} (target >= {TARGET_RATIO})")
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
