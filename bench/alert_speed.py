"""Benchmark: 500 queued alerts for 50 subscribers, delivered to a local SMTP server in one sweep.

    python bench/alert_speed.py

Prints the time to detect and queue, and to compose and deliver (target: < 10 s), then
the same for 500 one-alert emails (500 subscribers), the per-message worst case.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import archive  # noqa: E402
from alerts.delivery import sweep  # noqa: E402
from alerts.news import detect_and_queue, figure_key  # noqa: E402
from alerts.sink import SMTPSink  # noqa: E402
from alerts.subscriptions import Filters, subscribe  # noqa: E402
from archive.documents import save_document  # noqa: E402
from archive.figures import replace_figures  # noqa: E402
from policewatch.config import load_config  # noqa: E402

FORCES = ("Kent", "Essex", "Sussex", "Surrey", "Dorset", "Durham", "Cumbria", "Norfolk", "Suffolk", "Gwent")
TARGET = 10.0


def run(folder: Path, subscribers_per_force: int, figures_per_force: int) -> tuple[int, int, float, float]:
    with SMTPSink() as sink:
        path = folder / "policewatch.toml"
        path.write_text(f'[archive]\npath = "pw.db"\n[mail]\nhost = "127.0.0.1"\nport = {sink.port}\n'
                        'sender = "bench@example.org"\nsecurity = "none"\n[alerts]\n', encoding="utf-8")
        config = load_config(path, environ={})
        for force in FORCES:
            for n in range(subscribers_per_force):
                subscribe(config, f"{force.lower()}-{n}@example.org", Filters(forces=(force,)))
        public = archive.open_archive(config.archive.path)
        for force in FORCES:
            for n in range(figures_per_force):
                text = f"{force} Police issued {n + 1} cautions for offence group {n} in 2023."
                saved = save_document(public, url=f"https://news.example/{force}/{n}", source="bench",
                                      kind="news", text=text, title=f"{force} story {n}")
                figure = {"force": force, "disposal": "caution", "offence": f"group {n}", "count": n + 1,
                          "period": "2023", "quote": text}
                figure["figure_key"] = figure_key(figure)
                replace_figures(public, saved.document_id,
                                public["documents"].get(saved.document_id)["content_hash"], [figure])
        private = archive.open_private(config.archive.private_path)
        started = time.perf_counter()
        queued = detect_and_queue(public, private).queued
        queue_seconds = time.perf_counter() - started
        started = time.perf_counter()
        report = sweep(config, ("immediate",), private=private)
        send_seconds = time.perf_counter() - started
        assert len(sink.wait_for(report.sent)) == report.sent
        return queued, report.sent, queue_seconds, send_seconds


def main() -> int:
    worst = 0.0
    for label, subs, figs in (("500 alerts for 50 subscribers", 5, 10), ("500 one-alert emails", 50, 1)):
        with tempfile.TemporaryDirectory() as tmp:
            queued, sent, queue_s, send_s = run(Path(tmp), subs, figs)
        worst = max(worst, send_s)
        print(f"{label}: {queued} alerts queued in {queue_s:.2f}s; {sent} emails composed and delivered "
              f"over one SMTP connection in {send_s:.2f}s (target < {TARGET:.0f}s)")
    return 0 if worst < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
