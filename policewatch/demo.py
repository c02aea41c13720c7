"""`policewatch demo`: the whole pipeline against the bundled sample site, mail to a local sink.

Everything is local: the sample site and the SMTP sink listen on 127.0.0.1, and every
file goes into one demo folder (config, archive, received mail).
"""
from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import archive
from policewatch.cycle import CycleReport, run_cycle
from alerts.sink import SMTPSink
from alerts.subscriptions import make_filters, subscribe
from archive.queries import find_figures
from policewatch.config import Config, load_config

IMMEDIATE = "researcher@example.org"
DAILY = "newsdesk@example.org"


def demo_config(site_url: Callable[[str], str], smtp_port: int) -> str:
    """The demo's policewatch.toml: every kind of source, pointed at the sample site."""
    return f'''# Written by `policewatch demo`: sources on the bundled sample site, mail to a local sink.
[archive]
path = "data/policewatch.db"

[crawl]
contact = "mailto:demo@example.org"
download_delay = 0
concurrency = 4
timeout = 10
retries = 0
autothrottle = false

[mail]
host = "127.0.0.1"
port = {smtp_port}
sender = "alerts@policewatch.example"
security = "none"
timeout = 10

[alerts]
timezone = "Europe/London"
outbox_dir = "outbox"

[[sources]]
name = "gazette"
type = "feed"
url = "{site_url('/news/gazette/rss.xml')}"

[[sources]]
name = "ledger"
type = "feed"
url = "{site_url('/news/ledger/atom.xml')}"

[[sources]]
name = "foi-requests"
type = "alaveteli"
url = "{site_url('/alaveteli/')}"
query = '"community resolution" OR caution OR "out of court"'

[[sources]]
name = "home-office-stats"
type = "govuk"
url = "{site_url('/govuk/')}"
query = "crime outcomes"

[[sources]]
name = "force-disclosure-log"
type = "page"
url = "{site_url('/force/foi-ai/af/accessing-information/published-items/')}"
item_selector = ".published-items a.item-link"
next_selector = "a.next"
attachment_selector = "a.attachment-link"
'''


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "mail"


def save_mail(messages: list[EmailMessage], folder: Path) -> list[Path]:
    """Each message as NN-subject.eml (the raw mail) and NN-subject.html (its HTML part)."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for number, message in enumerate(messages, 1):
        stem = folder / f"{number:02d}-{_slug(str(message['Subject']))}"
        stem.with_suffix(".eml").write_bytes(message.as_bytes())
        html = message.get_body(("html",))
        if html is not None:
            stem.with_suffix(".html").write_text(html.get_content(), encoding="utf-8")
        saved.append(stem.with_suffix(".eml"))
    return saved


def run_demo(folder: Path, echo: Callable[[str], None] = print) -> tuple[Config, CycleReport, list[dict], list[Path]]:
    """Serve the sample site, crawl it, extract, alert two subscribers, keep their mail."""
    from policewatch.demo_site import FixtureSite

    folder.mkdir(parents=True, exist_ok=True)
    for old in ("data", "mail", "outbox"):  # a re-run starts from an empty archive
        shutil.rmtree(folder / old, ignore_errors=True)
    with FixtureSite() as site, SMTPSink() as sink:
        config_path = folder / "policewatch.toml"
        config_path.write_text(demo_config(site.url, sink.port), encoding="utf-8")
        config = load_config(config_path)
        echo(f"Sample site at {site.url('/')}, SMTP sink at 127.0.0.1:{sink.port}")
        subscribe(config, IMMEDIATE, make_filters(), every="immediate")
        subscribe(config, DAILY, make_filters(), every="daily")
        echo(f"Subscribed {IMMEDIATE} (immediate alerts) and {DAILY} (daily digest)")
        echo(f"Crawling {len(config.sources)} sources, extracting figures, sending alerts ...")
        report = run_cycle(config)  # --once semantics: daily and weekly digests count as due
        messages = sink.wait_for(report.mail.sent, timeout=5)
    figures = find_figures(archive.open_archive(config.archive.path))
    return config, report, figures, save_mail(messages, folder / "mail")
