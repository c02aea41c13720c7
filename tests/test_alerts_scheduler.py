"""The daemon's schedule, checked at a fixed time; and `policewatch run` stopping on SIGTERM."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from policewatch.daemon import LiveConfig, build_scheduler, next_fire_times
from policewatch.config import load_config

LONDON = ZoneInfo("Europe/London")
CONFIG = """
[archive]
path = "data/pw.db"

[crawl]
every = "6h"

[alerts]
timezone = "Europe/London"
daily_at = "07:30"
weekly_on = "fri"
weekly_at = "18:00"

[[sources]]
name = "fast-feed"
type = "feed"
url = "http://127.0.0.1:9/rss.xml"
every = "30m"

[[sources]]
name = "morning-stats"
type = "govuk"
url = "http://127.0.0.1:9/"
query = "crime outcomes"
cron = "30 9 * * mon-fri"  # names: APScheduler 3 reads numeric weekdays with 0 = Monday

[[sources]]
name = "default-schedule"
type = "feed"
url = "http://127.0.0.1:9/other.xml"

[[sources]]
name = "paused"
type = "feed"
url = "http://127.0.0.1:9/paused.xml"
enabled = false
"""


def test_next_fire_times_at_a_fixed_now(write_config):
    config = load_config(write_config(CONFIG), environ={})
    now = datetime(2026, 3, 27, 8, 0, tzinfo=LONDON)  # a Friday, GMT (clocks change on the 29th)
    last = {"fast-feed": "2026-03-27T07:50:00+00:00", "default-schedule": "2026-03-27T01:00:00+00:00"}
    times = next_fire_times(config, config.path, now, last_started=last)
    assert times["crawl:fast-feed"] == datetime(2026, 3, 27, 8, 20, tzinfo=LONDON)  # last run + 30m
    assert times["crawl:default-schedule"] == datetime(2026, 3, 27, 8, 0, tzinfo=LONDON)  # overdue: now
    assert times["crawl:morning-stats"] == datetime(2026, 3, 27, 9, 30, tzinfo=LONDON)
    assert times["digest:daily"] == datetime(2026, 3, 28, 7, 30, tzinfo=LONDON)  # 07:30 has passed
    assert times["digest:weekly"] == datetime(2026, 3, 27, 18, 0, tzinfo=LONDON)
    assert "crawl:paused" not in times
    # Monday after the clocks go forward: 09:30 local is 08:30 UTC.
    monday = next_fire_times(config, config.path, datetime(2026, 3, 28, 10, 0, tzinfo=LONDON))
    assert monday["crawl:morning-stats"].astimezone(ZoneInfo("UTC")).hour == 8
    assert monday["crawl:morning-stats"].day == 30


def test_scheduler_jobs_run_one_at_a_time_and_coalesce(write_config):
    live = LiveConfig(write_config(CONFIG))
    scheduler = build_scheduler(live, now=datetime(2026, 3, 27, 8, 0, tzinfo=LONDON))
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"crawl:fast-feed", "crawl:morning-stats", "crawl:default-schedule",
                         "digest:daily", "digest:weekly", "mail:retry"}
    assert all(job.max_instances == 1 and job.coalesce and job.misfire_grace_time for job in jobs.values())


def test_run_stops_cleanly_on_sigterm(tmp_path):
    config = tmp_path / "policewatch.toml"
    config.write_text('[archive]\npath = "data/pw.db"\n[alerts]\n', encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "policewatch", "--config", str(config), "run"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                               cwd=Path(__file__).resolve().parents[1])
    try:
        output = ""
        deadline = time.monotonic() + 20
        while "daemon started" not in output and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            output += line
        assert "daemon started" in output, output
        process.send_signal(signal.SIGTERM)
        rest, _ = process.communicate(timeout=5)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, output + rest
    assert "daemon stopped" in rest


def test_crawl_job_of_a_dead_source_tells_the_admins_once(tmp_path):
    from policewatch.daemon import crawl_job
    from alerts.sink import SMTPSink, free_port

    dead = free_port()
    with SMTPSink() as sink:
        path = tmp_path / "policewatch.toml"
        path.write_text(f"""
[archive]
path = "data/pw.db"
[crawl]
retries = 0
timeout = 5
[mail]
host = "127.0.0.1"
port = {sink.port}
sender = "alerts@example.org"
security = "none"
[admin]
emails = ["admin@example.org"]
failure_threshold = 1
[[sources]]
name = "gone"
type = "feed"
url = "http://127.0.0.1:{dead}/rss.xml"
""", encoding="utf-8")
        live = LiveConfig(path)
        outcome = crawl_job(live, "gone")
        assert outcome.startswith("crawl failed")
        (notice,) = sink.wait_for(1)
        assert notice["Subject"] == "PoliceWatch: source gone is broken"
        crawl_job(live, "gone")
        assert len(sink.messages) == 1  # told once while it stays broken
