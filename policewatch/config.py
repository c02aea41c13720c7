"""Load and validate `policewatch.toml` into frozen dataclasses.

The file is parsed once, at the edge; library code receives these objects and never
reads files or the environment itself. Every error names the file, the section or
source, and the field, so an admin can fix it without reading code.
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_CONFIG = "policewatch.toml"
SOURCE_TYPES = ("feed", "alaveteli", "govuk", "page")
MAIL_SECURITY = ("none", "starttls", "ssl")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DURATION = re.compile(r"^\s*(\d+)\s*(s|m|h|d)\s*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class ConfigError(ValueError):
    """A mistake in the config file, phrased for the person who wrote it."""


@dataclass(frozen=True)
class Source:
    name: str
    type: str
    url: str
    query: str | None = None
    organisation: str | None = None
    every: str | None = None
    cron: str | None = None
    download_delay: float | None = None
    concurrency: int | None = None
    max_pages: int = 200
    allowed_domains: tuple[str, ...] = ()
    item_selector: str | None = None
    next_selector: str | None = None
    attachment_selector: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    enabled: bool = True

    @property
    def domains(self) -> tuple[str, ...]:
        """Domains the crawl may visit: the configured ones, else the url's host."""
        return self.allowed_domains or (urlsplit(self.url).hostname or "",)

    def keeps(self, text: str) -> bool:
        """The include / exclude keyword filter: a document is stored only if this is true."""
        lowered = text.lower()
        if self.include and not any(word.lower() in lowered for word in self.include):
            return False
        return not any(word.lower() in lowered for word in self.exclude)


@dataclass(frozen=True)
class ArchiveSettings:
    path: Path
    private_path: Path


@dataclass(frozen=True)
class CrawlSettings:
    contact: str = "https://example.org/policewatch (set [crawl] contact)"
    obey_robots: bool = True
    download_delay: float = 1.0
    concurrency: int = 2
    timeout: int = 30
    retries: int = 2
    max_body_bytes: int = 25 * 1024 * 1024
    autothrottle: bool = True
    every: str = "6h"

    @property
    def user_agent(self) -> str:
        return f"PoliceWatch/0.1 (+{self.contact})"


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    sender: str
    security: str = "starttls"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: int = 30


@dataclass(frozen=True)
class AlertSettings:
    timezone: str = "Europe/London"
    daily_at: str = "07:00"
    weekly_on: str = "mon"
    weekly_at: str = "07:00"
    max_attempts: int = 8
    outbox_dir: Path | None = None  # where mail goes when there is no [mail] section
    public_url: str | None = None  # link to the Datasette front end, used in mails


@dataclass(frozen=True)
class AdminSettings:
    emails: tuple[str, ...] = ()
    failure_threshold: int = 3


@dataclass(frozen=True)
class Config:
    path: Path
    archive: ArchiveSettings
    crawl: CrawlSettings
    sources: tuple[Source, ...]
    mail: MailSettings | None
    alerts: AlertSettings
    admin: AdminSettings

    def source(self, name: str) -> Source:
        for source in self.sources:
            if source.name == name:
                return source
        known = ", ".join(s.name for s in self.sources) or "none"
        raise ConfigError(f"{self.path}: no source named {name!r} (known: {known})")


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--config, else $POLICEWATCH_CONFIG, else ./policewatch.toml."""
    return Path(explicit or os.environ.get("POLICEWATCH_CONFIG") or DEFAULT_CONFIG)


def parse_duration(text: str) -> int:
    """'30m' -> 1800 seconds. Raises ValueError with the accepted forms."""
    match = _DURATION.match(str(text))
    if not match:
        raise ValueError(f"{text!r} is not a duration like '30m', '6h', '1d' or '90s'")
    number, unit = int(match.group(1)), match.group(2)
    seconds = number * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]
    if seconds <= 0:
        raise ValueError(f"{text!r} must be longer than zero")
    return seconds


def load_config(path: str | os.PathLike[str] | None = None,
                environ: dict[str, str] | None = None) -> Config:
    """Read and validate the config; raise ConfigError naming file, section and field."""
    file = config_path(path)
    env = os.environ if environ is None else environ
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{file}: config file not found (create one with `policewatch init`)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read: {exc}") from None
    return _Reader(file, env).config(raw)


class _Reader:
    """Walks the parsed TOML, collecting precise error messages."""

    def __init__(self, file: Path, env: Any) -> None:
        self.file = file
        self.env = env

    def fail(self, where: str, name: str, message: str) -> ConfigError:
        return ConfigError(f"{self.file}: {where}, field '{name}': {message}")

    def table(self, raw: dict[str, Any], key: str) -> dict[str, Any]:
        value = raw.get(key, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{self.file}: [{key}] must be a table (a [{key}] section)")
        return value

    def unknown(self, where: str, data: dict[str, Any], allowed: set[str]) -> None:
        extra = sorted(set(data) - allowed)
        if extra:
            raise self.fail(where, extra[0], f"unknown field (allowed: {', '.join(sorted(allowed))})")

    def get(self, where: str, data: dict[str, Any], name: str, kind: type | tuple[type, ...],
            default: Any = None, required: bool = False) -> Any:
        if name not in data:
            if required:
                raise self.fail(where, name, "is required")
            return default
        value = data[name]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            raise self.fail(where, name, f"expected {_kind_names(kinds)}, got {value!r}")
        if not isinstance(value, kinds):
            raise self.fail(where, name, f"expected {_kind_names(kinds)}, got {value!r}")
        if isinstance(value, str) and not value.strip() and required:
            raise self.fail(where, name, "must not be empty")
        return value

    def words(self, where: str, data: dict[str, Any], name: str) -> tuple[str, ...]:
        value = self.get(where, data, name, list, [])
        if not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(where, name, "expected a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def positive(self, where: str, name: str, value: Any) -> Any:
        if value is not None and value <= 0:
            raise self.fail(where, name, f"must be greater than zero, got {value!r}")
        return value

    def config(self, raw: dict[str, Any]) -> Config:
        self.unknown("top level", raw, {"archive", "crawl", "sources", "mail", "alerts", "admin"})
        return Config(
            path=self.file,
            archive=self.archive(self.table(raw, "archive")),
            crawl=self.crawl(self.table(raw, "crawl")),
            sources=self.sources(raw.get("sources", [])),
            mail=self.mail(raw["mail"]) if "mail" in raw else None,
            alerts=self.alerts(self.table(raw, "alerts")),
            admin=self.admin(self.table(raw, "admin")),
        )

    def relative(self, text: str) -> Path:
        path = Path(text).expanduser()
        return path if path.is_absolute() else (self.file.parent / path)

    def archive(self, data: dict[str, Any]) -> ArchiveSettings:
        where = "[archive]"
        self.unknown(where, data, {"path", "private_path"})
        path = self.relative(self.get(where, data, "path", str, required=True))
        private = self.get(where, data, "private_path", str)
        private_path = self.relative(private) if private else path.with_name(path.stem + "-private.db")
        if private_path.resolve() == path.resolve():
            raise self.fail(where, "private_path", "must differ from path (subscribers are never public)")
        return ArchiveSettings(path=path, private_path=private_path)

    def crawl(self, data: dict[str, Any]) -> CrawlSettings:
        where = "[crawl]"
        d = CrawlSettings()
        self.unknown(where, data, set(CrawlSettings.__dataclass_fields__))
        every = self.get(where, data, "every", str, d.every)
        self.duration(where, "every", every)
        return CrawlSettings(
            contact=self.get(where, data, "contact", str, d.contact),
            obey_robots=self.get(where, data, "obey_robots", bool, d.obey_robots),
            download_delay=float(self.get(where, data, "download_delay", (int, float), d.download_delay)),
            concurrency=self.positive(where, "concurrency", self.get(where, data, "concurrency", int, d.concurrency)),
            timeout=self.positive(where, "timeout", self.get(where, data, "timeout", int, d.timeout)),
            retries=self.get(where, data, "retries", int, d.retries),
            max_body_bytes=self.positive(where, "max_body_bytes",
                                         self.get(where, data, "max_body_bytes", int, d.max_body_bytes)),
            autothrottle=self.get(where, data, "autothrottle", bool, d.autothrottle),
            every=every,
        )

    def duration(self, where: str, name: str, value: str | None) -> None:
        if value is None:
            return
        try:
            parse_duration(value)
        except ValueError as exc:
            raise self.fail(where, name, str(exc)) from None

    def sources(self, items: Any) -> tuple[Source, ...]:
        if not isinstance(items, list):
            raise ConfigError(f"{self.file}: 'sources' must be an array of [[sources]] tables")
        seen: set[str] = set()
        result = []
        for index, data in enumerate(items, 1):
            if not isinstance(data, dict):
                raise ConfigError(f"{self.file}: [[sources]] #{index} must be a table")
            source = self.source(index, data)
            if source.name in seen:
                raise self.fail(f"[[sources]] #{index} '{source.name}'", "name", "is used by another source")
            seen.add(source.name)
            result.append(source)
        return tuple(result)

    def source(self, index: int, data: dict[str, Any]) -> Source:
        where = f"[[sources]] #{index}"
        name = self.get(where, data, "name", str, required=True)
        where = f"source '{name}' ([[sources]] #{index})"
        if not _SLUG.match(name):
            raise self.fail(where, "name", "use lower-case letters, digits, '-' and '_' (e.g. 'kent-foi')")
        self.unknown(where, data, set(Source.__dataclass_fields__))
        kind = self.get(where, data, "type", str, required=True)
        if kind not in SOURCE_TYPES:
            raise self.fail(where, "type", f"{kind!r} is not one of {', '.join(SOURCE_TYPES)}")
        url = self.get(where, data, "url", str, required=True)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise self.fail(where, "url", f"{url!r} is not an http(s) URL")
        every = self.get(where, data, "every", str)
        cron = self.get(where, data, "cron", str)
        if every and cron:
            raise self.fail(where, "cron", "give either 'every' or 'cron', not both")
        self.duration(where, "every", every)
        if cron:
            self.crontab(where, cron)
        source = Source(
            name=name, type=kind, url=url,
            query=self.get(where, data, "query", str),
            organisation=self.get(where, data, "organisation", str),
            every=every, cron=cron,
            download_delay=self.get(where, data, "download_delay", (int, float)),
            concurrency=self.positive(where, "concurrency", self.get(where, data, "concurrency", int)),
            max_pages=self.positive(where, "max_pages", self.get(where, data, "max_pages", int, 200)),
            allowed_domains=self.words(where, data, "allowed_domains"),
            item_selector=self.get(where, data, "item_selector", str),
            next_selector=self.get(where, data, "next_selector", str),
            attachment_selector=self.get(where, data, "attachment_selector", str),
            include=self.words(where, data, "include"),
            exclude=self.words(where, data, "exclude"),
            enabled=self.get(where, data, "enabled", bool, True),
        )
        if source.download_delay is not None and source.download_delay < 0:
            raise self.fail(where, "download_delay", "must not be negative")
        if kind == "page" and not source.item_selector:
            raise self.fail(where, "item_selector", "is required for type 'page' (a CSS selector for item links)")
        if kind == "alaveteli" and not source.query:
            raise self.fail(where, "query", "is required for type 'alaveteli' (e.g. '\"community resolution\"')")
        if kind == "govuk" and not (source.query or source.organisation):
            raise self.fail(where, "query", "type 'govuk' needs 'query' or 'organisation' (e.g. 'home-office')")
        for selector_field in ("item_selector", "next_selector", "attachment_selector"):
            selector = getattr(source, selector_field)
            if selector:
                self.css(where, selector_field, selector)
        return source

    def crontab(self, where: str, cron: str) -> None:
        from policewatch.schedules import cron_trigger

        try:
            cron_trigger(cron)
        except ValueError as exc:
            raise self.fail(where, "cron", f"{cron!r} is not a 5-field crontab ({exc})") from None

    def css(self, where: str, name: str, selector: str) -> None:
        from cssselect import GenericTranslator, SelectorError

        try:
            GenericTranslator().css_to_xpath(selector)
        except SelectorError as exc:
            raise self.fail(where, name, f"{selector!r} is not a valid CSS selector ({exc})") from None

    def mail(self, data: Any) -> MailSettings:
        where = "[mail]"
        if not isinstance(data, dict):
            raise ConfigError(f"{self.file}: [mail] must be a table")
        self.unknown(where, data, {"host", "port", "sender", "security", "timeout"})
        security = self.get(where, data, "security", str, "starttls")
        if security not in MAIL_SECURITY:
            raise self.fail(where, "security", f"{security!r} is not one of {', '.join(MAIL_SECURITY)}")
        default_port = {"none": 25, "starttls": 587, "ssl": 465}[security]
        sender = self.get(where, data, "sender", str, required=True)
        if "@" not in sender:
            raise self.fail(where, "sender", f"{sender!r} is not an email address")
        port = self.get(where, data, "port", int, default_port)
        if not 0 < port < 65536:
            raise self.fail(where, "port", f"{port} is not a TCP port")
        return MailSettings(
            host=self.get(where, data, "host", str, required=True),
            port=port,
            sender=sender,
            security=security,
            user=self.env.get("POLICEWATCH_SMTP_USER") or None,
            password=self.env.get("POLICEWATCH_SMTP_PASSWORD") or None,
            timeout=self.positive(where, "timeout", self.get(where, data, "timeout", int, 30)),
        )

    def alerts(self, data: dict[str, Any]) -> AlertSettings:
        where = "[alerts]"
        d = AlertSettings()
        self.unknown(where, data, set(AlertSettings.__dataclass_fields__))
        timezone = self.get(where, data, "timezone", str, d.timezone)
        try:
            from zoneinfo import ZoneInfo

            ZoneInfo(timezone)
        except Exception:  # zoneinfo raises several types for a bad key
            raise self.fail(where, "timezone", f"{timezone!r} is not an IANA time zone like 'Europe/London'") from None
        for name in ("daily_at", "weekly_at"):
            value = self.get(where, data, name, str, getattr(d, name))
            if not _HHMM.match(value):
                raise self.fail(where, name, f"{value!r} is not a time like '07:30'")
        weekly_on = self.get(where, data, "weekly_on", str, d.weekly_on).lower()[:3]
        if weekly_on not in WEEKDAYS:
            raise self.fail(where, "weekly_on", f"expected a weekday ({', '.join(WEEKDAYS)})")
        outbox = self.get(where, data, "outbox_dir", str)
        return AlertSettings(
            timezone=timezone,
            daily_at=self.get(where, data, "daily_at", str, d.daily_at),
            weekly_on=weekly_on,
            weekly_at=self.get(where, data, "weekly_at", str, d.weekly_at),
            max_attempts=self.positive(where, "max_attempts", self.get(where, data, "max_attempts", int, d.max_attempts)),
            outbox_dir=self.relative(outbox) if outbox else None,
            public_url=self.get(where, data, "public_url", str),
        )

    def admin(self, data: dict[str, Any]) -> AdminSettings:
        where = "[admin]"
        self.unknown(where, data, {"emails", "failure_threshold"})
        emails = self.words(where, data, "emails")
        for email in emails:
            if "@" not in email:
                raise self.fail(where, "emails", f"{email!r} is not an email address")
        return AdminSettings(
            emails=emails,
            failure_threshold=self.positive(where, "failure_threshold",
                                            self.get(where, data, "failure_threshold", int, 3)),
        )


def _kind_names(kinds: tuple[type, ...]) -> str:
    names = {str: "a string", int: "a whole number", float: "a number", bool: "true or false",
             list: "a list", dict: "a table"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)
