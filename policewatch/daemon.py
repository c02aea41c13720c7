"""The daemon's schedule: a crawl job per source, daily and weekly digests, mail retries.

`plan()` computes every job and its first fire time from a given `now`, so tests can
check the schedule at a fixed time without starting anything; `build_scheduler()` turns
the plan into an APScheduler 3 BlockingScheduler.
"""
from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from policewatch import cycle
from policewatch.config import Config, ConfigError, load_config
from policewatch.schedules import next_run, trigger_for

log = logging.getLogger("policewatch.daemon")
RETRY_EVERY = timedelta(minutes=5)
# A job that missed its time (daemon busy or briefly down) still runs within this window.
CRAWL_GRACE = 15 * 60
DIGEST_GRACE = 6 * 3600
STOP_GRACE = 5.0  # seconds running jobs get to finish after SIGTERM
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


@dataclass(frozen=True)
class PlannedJob:
    id: str
    trigger: BaseTrigger
    first_run: datetime | None
    func: Callable[..., Any]
    params: tuple  # passed after the LiveConfig
    grace: int


def _hour_minute(text: str) -> tuple[int, int]:
    hour, minute = text.split(":")
    return int(hour), int(minute)


def digest_triggers(config: Config) -> dict[str, CronTrigger]:
    zone = ZoneInfo(config.alerts.timezone)
    daily_h, daily_m = _hour_minute(config.alerts.daily_at)
    weekly_h, weekly_m = _hour_minute(config.alerts.weekly_at)
    return {
        "daily": CronTrigger(hour=daily_h, minute=daily_m, timezone=zone),
        "weekly": CronTrigger(day_of_week=WEEKDAYS[config.alerts.weekly_on], hour=weekly_h,
                              minute=weekly_m, timezone=zone),
    }


def last_crawls(config: Config) -> dict[str, str]:
    """When each source was last crawled, so a restarted daemon keeps interval schedules."""
    try:
        import archive
        from archive.runs import recent_runs

        db = archive.open_archive(config.archive.path)
        return {s.name: runs[0]["started"] for s in config.sources if (runs := recent_runs(db, s.name, 1))}
    except Exception:  # a missing or locked archive just means "crawl now"
        log.warning("could not read past crawl runs; crawling every source now", exc_info=True)
        return {}


def plan(config: Config, config_path: Path, now: datetime,
         last_started: dict[str, str] | None = None) -> list[PlannedJob]:
    """Every job with its trigger and first fire time, as of `now` (timezone-aware)."""
    last_started = last_started or {}
    jobs: list[PlannedJob] = []
    for source in config.sources:
        if not source.enabled:
            continue
        trigger = trigger_for(config, source)
        first = (trigger.get_next_fire_time(None, now) if source.cron
                 else next_run(config, source, last_started.get(source.name), now))
        jobs.append(PlannedJob(f"crawl:{source.name}", trigger, first, crawl_job,
                               (source.name,), CRAWL_GRACE))
    for cadence, trigger in digest_triggers(config).items():
        jobs.append(PlannedJob(f"digest:{cadence}", trigger, trigger.get_next_fire_time(None, now),
                               digest_job, (cadence,), DIGEST_GRACE))
    retry = IntervalTrigger(seconds=int(RETRY_EVERY.total_seconds()), start_date=now + RETRY_EVERY,
                            timezone=ZoneInfo(config.alerts.timezone))
    jobs.append(PlannedJob("mail:retry", retry, now + RETRY_EVERY, retry_job, (), CRAWL_GRACE))
    return jobs


def next_fire_times(config: Config, config_path: Path, now: datetime,
                    last_started: dict[str, str] | None = None) -> dict[str, datetime | None]:
    return {job.id: job.first_run for job in plan(config, config_path, now, last_started)}


class LiveConfig:
    """The config the daemon runs with, reloaded on SIGHUP and when the file changes.

    A new file that does not validate is rejected with its error and the old config
    kept. Crawl children read the config themselves, so they are given a snapshot of
    the last good file (beside the original, so relative paths mean the same), not a
    file an admin may be half-way through editing.
    """

    def __init__(self, path: Path, config: Config | None = None) -> None:
        self.path = Path(path)
        self.snapshot = self.path.with_name(f".{self.path.name}.running")
        self.scheduler: BlockingScheduler | None = None
        self._lock = threading.Lock()
        self._stamp = _stamp(self.path)
        self.config = config or load_config(self.path)
        self.snapshot.write_text(self.path.read_text(encoding="utf-8"), encoding="utf-8")

    def reload(self, reason: str) -> bool:
        """Load the file again; on success, reschedule the jobs. False when it was rejected."""
        with self._lock:
            self._stamp = _stamp(self.path)
            try:
                text = self.path.read_text(encoding="utf-8")
                config = load_config(self.path)
            except (ConfigError, OSError) as exc:
                log.error("config reload (%s) rejected, keeping the running config: %s", reason, exc)
                return False
            self.config = config
            self.snapshot.write_text(text, encoding="utf-8")
            if self.scheduler is not None:
                reschedule(self.scheduler, self)
            log.info("config reloaded (%s): %d sources", reason, len(config.sources))
            return True

    def reload_if_changed(self) -> None:
        if _stamp(self.path) != self._stamp:
            self.reload("file changed")

    def close(self) -> None:
        self.snapshot.unlink(missing_ok=True)


def _stamp(path: Path) -> tuple[float, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime, stat.st_size


def build_scheduler(live: LiveConfig, now: datetime | None = None) -> BlockingScheduler:
    """A BlockingScheduler with every planned job: one instance at a time, missed runs coalesced."""
    zone = ZoneInfo(live.config.alerts.timezone)
    scheduler = BlockingScheduler(timezone=zone, job_defaults={"max_instances": 1, "coalesce": True})
    live.scheduler = scheduler
    moment = now or datetime.now(timezone.utc)
    for job in plan(live.config, live.path, moment, last_crawls(live.config)):
        _add(scheduler, live, job)
    return scheduler


def _add(scheduler: BlockingScheduler, live: LiveConfig, job: PlannedJob) -> None:
    scheduler.add_job(_logged, job.trigger, args=(job.id, job.func, live, *job.params), id=job.id,
                      name=job.id, next_run_time=job.first_run, misfire_grace_time=job.grace,
                      max_instances=1, coalesce=True)


def reschedule(scheduler: BlockingScheduler, live: LiveConfig) -> None:
    """Bring the jobs in line with a reloaded config: add new sources, drop removed ones,
    and move a job only when its schedule changed (so a reload does not crawl everything)."""
    wanted = {job.id: job for job in plan(live.config, live.path, datetime.now(timezone.utc),
                                          last_crawls(live.config))}
    for existing in scheduler.get_jobs():
        if existing.id not in wanted:
            scheduler.remove_job(existing.id)
            log.info("unscheduled %s (no longer in the config)", existing.id)
    for job_id, job in wanted.items():
        current = scheduler.get_job(job_id)
        if current is None:
            _add(scheduler, live, job)
            log.info("scheduled %s, first run %s", job_id, job.first_run)
        elif str(current.trigger) != str(job.trigger):
            scheduler.reschedule_job(job_id, trigger=job.trigger)
            log.info("rescheduled %s: %s", job_id, job.trigger)


def _logged(job_id: str, func: Callable[..., str], *args: Any) -> None:
    """Run a job and write exactly one log line about it, whatever happens."""
    started = time.monotonic()
    try:
        outcome = func(*args)
    except Exception as exc:  # the scheduler must outlive a failing job
        log.error("job %s failed after %.1fs: %s: %s", job_id, time.monotonic() - started,
                  type(exc).__name__, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        return
    log.info("job %s done in %.1fs: %s", job_id, time.monotonic() - started, outcome)


def _mail_words(detected: cycle.Detected, mail: cycle.SweepReport) -> str:
    text = (f"{detected.new} new, {detected.changed} changed figures; {detected.queued} alerts queued; "
            f"{mail.sent} mails sent")
    if mail.retrying or mail.failed:
        text += f", {mail.retrying} to retry, {mail.failed} failed"
    return text


def crawl_job(live: LiveConfig, source_name: str) -> str:
    """Crawl one source in a child process, extract, then queue and send immediate alerts."""
    live.reload_if_changed()
    config = live.config
    if not any(s.name == source_name and s.enabled for s in config.sources):
        return "skipped: source no longer in the config"
    summary = cycle.crawl_one(live.snapshot, source_name)
    status = getattr(summary, "status", "?")
    _check_health(config, source_name)
    documents = cycle.extract(config)
    detected, mail = cycle.alert(config, ("immediate",))
    return (f"crawl {status}, {getattr(summary, 'new_documents', 0)} new documents; "
            f"{documents} extracted; {_mail_words(detected, mail)}")


def _check_health(config: Config, source_name: str) -> None:
    """Tell the admins once when this source breaks or recovers (see alerts.source_health)."""
    if not config.admin.emails:
        return
    import archive
    from alerts.delivery import send_plain
    from alerts.source_health import check_source

    def send(notice) -> None:
        send_plain(config, config.admin.emails, notice.subject, notice.body)

    try:
        notice = check_source(archive.open_archive(config.archive.path), source_name,
                              config.admin.failure_threshold, send)
    except Exception as exc:  # told next time: the verdict is stored before sending
        log.warning("could not tell admins about source %s: %s", source_name, exc)
        return
    if notice:
        log.warning("source %s is %s: %s (admins told)", source_name, notice.state, notice.reason)


def digest_job(live: LiveConfig, cadence: str) -> str:
    detected, mail = cycle.alert(live.config, ("immediate", cadence))  # immediate ones need not wait
    return f"{cadence} digests: {_mail_words(detected, mail)}"


def retry_job(live: LiveConfig) -> str:
    """Pick up figures extracted outside the daemon and retry mails whose backoff is over."""
    detected, mail = cycle.alert(live.config, ("immediate",))
    return _mail_words(detected, mail)


def run_daemon(live: LiveConfig) -> None:
    """Run the schedule until SIGTERM or SIGINT, then stop cleanly (crawl children included).
    SIGHUP reloads the config without a restart."""
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # our own line per job is enough
    scheduler = build_scheduler(live)
    stopping = threading.Event()

    def shut_down() -> None:
        while not scheduler.running:  # a signal may come before start() got going
            time.sleep(0.05)
        scheduler.shutdown(wait=False)

    def stop(signum: int, frame: object) -> None:
        if stopping.is_set():
            return
        stopping.set()
        log.info("received %s, stopping", signal.Signals(signum).name)
        # shutdown() takes the scheduler's locks, which the interrupted main thread may hold:
        # call it from a thread, which wakes the main loop when it is done.
        threading.Thread(target=shut_down, daemon=True).start()

    def hang_up(signum: int, frame: object) -> None:
        # Reloading takes the scheduler's locks too: do it from a thread, as with stop.
        threading.Thread(target=live.reload, args=("SIGHUP",), daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGHUP, hang_up)
    for job in scheduler.get_jobs():
        log.info("scheduled %s, first run %s", job.id,
                 job.next_run_time.isoformat() if job.next_run_time else "never")
    log.info("policewatch daemon started (%d jobs); stop with Ctrl-C or SIGTERM", len(scheduler.get_jobs()))
    try:
        scheduler.start()
    finally:
        live.close()
    _stop_children()
    # Give running jobs a moment; a job still busy after that (a long extraction, say) is
    # abandoned: every database step is a transaction and the outbox is built for a
    # process that dies mid-send, so exiting now loses nothing.
    deadline = time.monotonic() + STOP_GRACE
    busy = [t for t in threading.enumerate() if t is not threading.current_thread() and not t.daemon]
    for thread in busy:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    abandoned = [t for t in busy if t.is_alive()]
    log.info("policewatch daemon stopped" + (f" ({len(abandoned)} jobs abandoned)" if abandoned else ""))
    if abandoned:
        logging.shutdown()
        os._exit(0)


def _stop_children() -> None:
    """SIGTERM our crawl children (Scrapy winds down on it), so none outlives the daemon."""
    pids: set[int] = set()
    for children in Path(f"/proc/{os.getpid()}/task").glob("*/children"):  # Linux; elsewhere none found
        try:
            pids.update(int(pid) for pid in children.read_text().split())
        except OSError:
            continue
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
