"""Each source's schedule as an APScheduler trigger, shared by the daemon and `sources status`."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from policewatch.config import Config, Source, parse_duration


_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_RANGE = re.compile(r"^(\d)(?:-(\d))?(?:/(\d+))?$")


def cron_trigger(expression: str, timezone: ZoneInfo | None = None) -> CronTrigger:
    """A standard 5-field crontab as a trigger.

    APScheduler 3 numbers weekdays from 0 = Monday, unlike crontab (0 or 7 = Sunday), so
    "1-5" would run Tuesday to Saturday. Numeric weekdays are rewritten as day names
    first, which both agree on.
    """
    fields = expression.split()
    if len(fields) != 5:
        raise ValueError(f"expected 5 fields (minute hour day month weekday), got {len(fields)}")
    days = []
    for part in fields[4].split(","):
        match = _DAY_RANGE.match(part)
        if not match:
            days.append(part)  # names, '*' or '*/n' mean the same to both
            continue
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        step = int(match.group(3) or 1)
        if first > 7 or last > 7 or first > last:
            raise ValueError(f"weekday {part!r} is out of range 0-7")
        days.extend(_DAYS[day] for day in range(first, last + 1, step))
    fields[4] = ",".join(dict.fromkeys(days))
    return CronTrigger.from_crontab(" ".join(fields), timezone=timezone)


def trigger_for(config: Config, source: Source) -> BaseTrigger:
    """`cron` when given, else `every`, else the `[crawl] every` default."""
    zone = ZoneInfo(config.alerts.timezone)
    if source.cron:
        return cron_trigger(source.cron, zone)
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
