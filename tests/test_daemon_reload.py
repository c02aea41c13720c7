"""An admin adds a source to a running daemon: SIGHUP picks it up, a broken edit is refused."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import archive
from tests.siteserver import FixtureSite

REPO = Path(__file__).resolve().parents[1]

BASE = """
[archive]
path = "data/pw.db"
[crawl]
download_delay = 0
timeout = 5
retries = 0
[[sources]]
name = "gazette"
type = "feed"
url = "{site}/news/gazette/rss.xml"
every = "1h"
"""
ADDED = """
[[sources]]
name = "ledger"
type = "feed"
url = "{site}/news/ledger/atom.xml"
every = "1h"
"""


class Daemon:
    """`policewatch run` as a child process, its log lines collected by a thread."""

    def __init__(self, config: Path) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "policewatch", "--config", str(config), "run"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=REPO)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        pytest.fail(f"daemon never logged {text!r}:\n" + "".join(self.lines))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.mark.slow
def test_sighup_adds_a_source_and_a_broken_config_is_refused(tmp_path):
    config = tmp_path / "policewatch.toml"
    with FixtureSite() as site:
        base = site.url("/").rstrip("/")
        config.write_text(BASE.format(site=base), encoding="utf-8")
        daemon = Daemon(config)
        try:
            daemon.wait_for("job crawl:gazette done")
            config.write_text(BASE.format(site=base) + ADDED.format(site=base), encoding="utf-8")
            daemon.process.send_signal(signal.SIGHUP)
            daemon.wait_for("config reloaded (SIGHUP): 2 sources")
            daemon.wait_for("job crawl:ledger done")

            config.write_text(BASE.format(site=base).replace('type = "feed"', 'type = "rss"'), encoding="utf-8")
            daemon.process.send_signal(signal.SIGHUP)
            daemon.wait_for("config reload (SIGHUP) rejected")
            assert any("field 'type'" in line for line in daemon.lines if "rejected" in line)
            time.sleep(0.5)
            assert daemon.process.poll() is None, "a broken config must not stop the daemon"
        finally:
            daemon.stop()
    db = archive.open_archive(tmp_path / "data/pw.db")
    sources = {row["source"] for row in db.query("select distinct source from documents")}
    assert sources == {"gazette", "ledger"}
    assert daemon.process.returncode == 0
    assert not (tmp_path / ".policewatch.toml.running").exists()
