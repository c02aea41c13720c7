"""Each source's schedule as an APScheduler trigger, shared by the daemon and `sources status`."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from policewatch.config import Config, Source, parse_duration


def trigger_for(config: Config, source: Source) -> BaseTrigger:
    """`cron` when given, else `every`, else the `[crawl] every` default."""
    zone = ZoneInfo(config.alerts.timezone)
    if source.cron:
        return CronTrigger.from_crontab(source.cron, timezone=zone)
    seconds = parse_duration(source.every or config.crawl.every)
    return IntervalTrigger(seconds=seconds, timezone=zone)


def next_run(config: Config, source: Source, last_started: str | None,
             now: datetime | None = None) -> datetime | None:
    """When the daemon will next crawl this source, judged from its last run."""
    if not source.enabled:
        return None
    now = now or datetime.now(timezone.utc)
    if source.cron:
        return trigger_for(config, source).get_next_fire_time(None, now)
    if not last_started:
        return now
    interval = timedelta(seconds=parse_duration(source.every or config.crawl.every))
    return max(now, datetime.fromisoformat(last_started) + interval)
