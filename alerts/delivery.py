"""Sending the outbox: SMTP (one connection per sweep) or a folder of .eml files.

A sweep composes queued alerts into emails, then sends every email that is due. Each
send is claimed in the database first (attempt recorded and committed), and marked sent
only after the server accepted it. Failures back off exponentially; after
config.alerts.max_attempts an email is parked as failed and reported.
"""
from __future__ import annotations

import logging
import os
import re
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email import policy
from pathlib import Path
from typing import Protocol, TYPE_CHECKING

from sqlite_utils import Database

import archive
from archive import outbox as store
from archive.news import news_items
from archive.subscribers import get_subscriber_by_id
from alerts.mail import DEFAULT_SENDER, compose, message_id_for

if TYPE_CHECKING:  # the config is the CLI's; this package only reads the objects it is given
    from policewatch.config import Config

log = logging.getLogger(__name__)
BACKOFF_FIRST = 60  # seconds before the first retry; doubles per failure
BACKOFF_MAX = 6 * 3600


class Transport(Protocol):
    def send(self, sender: str, recipient: str, raw: bytes, message_id: str) -> None: ...
    def close(self) -> None: ...


class PermanentFailure(Exception):
    """The server refused this mail for good (e.g. 5xx for the recipient): retrying won't help."""


class SMTPTransport:
    """smtplib over one connection, opened on first send and reused for the whole sweep."""

    def __init__(self, host: str, port: int, *, security: str = "starttls", user: str | None = None,
                 password: str | None = None, timeout: int = 30, context: ssl.SSLContext | None = None) -> None:
        self.host, self.port, self.security = host, port, security
        self.user, self.password, self.timeout = user, password, timeout
        self.context = context  # None: the system's trusted CAs, hostname checked
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        context = self.context or ssl.create_default_context()
        if self.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            smtp.ehlo()
            if self.security == "starttls":
                smtp.starttls(context=context)
                smtp.ehlo()
            if self.user:
                smtp.login(self.user, self.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def send(self, sender: str, recipient: str, raw: bytes, message_id: str) -> None:
        for attempt in (1, 2):  # a connection the server dropped between mails is reopened once
            if self._smtp is None:
                self._smtp = self._connect()
            try:
                refused = self._smtp.sendmail(sender, [recipient], raw)
            except smtplib.SMTPServerDisconnected:
                self._smtp = None
                if attempt == 2:
                    raise
                continue
            except smtplib.SMTPRecipientsRefused as exc:
                code, reason = next(iter(exc.recipients.values()))
                if 500 <= code < 600:
                    raise PermanentFailure(f"{code} {reason!r}") from exc
                raise
            if refused:
                raise PermanentFailure(f"refused: {refused!r}")
            return

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None


class FolderTransport:
    """Without a [mail] section: each email becomes a .eml file, named by its Message-ID,
    so writing the same email twice leaves one file."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def send(self, sender: str, recipient: str, raw: bytes, message_id: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", message_id.strip("<>")) + ".eml"
        target = self.folder / name
        temporary = target.with_suffix(".eml.tmp")
        temporary.write_bytes(raw)
        os.replace(temporary, target)  # atomic: a reader never sees half a mail

    def close(self) -> None:
        pass


def outbox_dir(config: Config) -> Path:
    return config.alerts.outbox_dir or config.archive.path.parent / "outbox"


def sender_of(config: Config) -> str:
    return config.mail.sender if config.mail else DEFAULT_SENDER


def transport_for(config: Config) -> Transport:
    mail = config.mail
    if mail is None:
        return FolderTransport(outbox_dir(config))
    return SMTPTransport(mail.host, mail.port, security=mail.security, user=mail.user,
                         password=mail.password, timeout=mail.timeout)


@dataclass(frozen=True)
class SweepReport:
    composed: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def compose_queued(config: Config, private: Database, cadences: tuple[str, ...],
                   now: datetime | None = None) -> int:
    """Turn queued alerts of subscribers with these cadences into emails (one per subscriber)."""
    moment = now or datetime.now(timezone.utc)
    sender = sender_of(config)
    made = 0
    with store.immediate_transaction(private):
        for subscriber_id, pairs in store.queued_items(private, cadences).items():
            subscriber = get_subscriber_by_id(private, subscriber_id)
            items = news_items(private, [news_id for _, news_id in pairs])
            outbox_ids = [outbox_id for outbox_id, _ in pairs]
            message_id = message_id_for(subscriber.id, outbox_ids[0], sender)
            message = compose(subscriber=subscriber, items=items, kind=subscriber.every,
                              message_id=message_id, sender=sender, public_url=config.alerts.public_url,
                              now=moment)
            store.add_message(private, subscriber_id=subscriber.id, kind=subscriber.every,
                              message_id=message_id, subject=str(message["Subject"]),
                              raw=message.as_bytes(policy=policy.SMTP), outbox_ids=outbox_ids,
                              now=store.stamp(moment))
            made += 1
    return made


# Errors about one mail; anything else (refused connection, failed login, timeout) is the server's.
_PER_MESSAGE = (smtplib.SMTPSenderRefused, smtplib.SMTPDataError, smtplib.SMTPRecipientsRefused)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(BACKOFF_FIRST * 2 ** max(attempts - 1, 0), BACKOFF_MAX))


def deliver_due(config: Config, private: Database, transport: Transport | None = None,
                now: datetime | None = None) -> tuple[int, int, int]:
    """Send every due email; returns (sent, retrying, failed)."""
    moment = now or datetime.now(timezone.utc)
    timeout = config.mail.timeout if config.mail else 30
    # A 'sending' email older than this belongs to a process that died mid-send.
    lease = timedelta(seconds=max(600, 4 * timeout))
    due = store.due_messages(private, store.stamp(moment), store.stamp(moment - lease))
    if not due:
        return 0, 0, 0
    transport = transport or transport_for(config)
    sender = sender_of(config)
    sent = retrying = failed = 0
    unavailable: str | None = None  # once the server is down or refuses our login, stop calling
    try:
        for message in due:
            if not store.claim(private, message, store.stamp(max(moment, datetime.now(timezone.utc)))):
                continue  # another process is sending it
            attempts = message["attempts"] + 1
            try:
                if unavailable:
                    raise smtplib.SMTPException(f"not tried, server unavailable ({unavailable})")
                transport.send(sender, message["email"], message["raw"], message["message_id"])
            except PermanentFailure as exc:
                store.mark_failed(private, message["id"], str(exc), retry_at=None)
                log.error("mail %s to %s refused for good: %s", message["message_id"], message["email"], exc)
                failed += 1
            except Exception as exc:  # noqa: BLE001 (any failure must end in a recorded attempt)
                error = f"{type(exc).__name__}: {exc}"
                server_fault = isinstance(exc, (smtplib.SMTPException, OSError)) and not isinstance(exc, _PER_MESSAGE)
                if server_fault and not unavailable:
                    unavailable = error
                if attempts >= config.alerts.max_attempts:
                    store.mark_failed(private, message["id"], error, retry_at=None)
                    log.error("mail %s to %s failed %d times, giving up (see `policewatch outbox`): %s",
                              message["message_id"], message["email"], attempts, error)
                    failed += 1
                else:
                    store.mark_failed(private, message["id"], error,
                                      retry_at=store.stamp(moment + backoff(attempts)))
                    log.warning("mail %s to %s failed (attempt %d), will retry: %s",
                                message["message_id"], message["email"], attempts, error)
                    retrying += 1
            else:
                store.mark_sent(private, message["id"], store.stamp(datetime.now(timezone.utc)))
                sent += 1
    finally:
        transport.close()
    return sent, retrying, failed


def sweep(config: Config, cadences: tuple[str, ...] = ("immediate",), *, transport: Transport | None = None,
          now: datetime | None = None, private: Database | None = None) -> SweepReport:
    """Compose what is queued for these cadences, then send everything due (any cadence)."""
    private = private if private is not None else archive.open_private(config.archive.private_path)
    composed = compose_queued(config, private, cadences, now) if cadences else 0
    sent, retrying, failed = deliver_due(config, private, transport, now)
    report = SweepReport(composed=composed, sent=sent, retrying=retrying, failed=failed)
    if composed or sent or retrying or failed:
        log.info("mail sweep (%s): %d composed, %d sent, %d to retry, %d failed",
                 ",".join(cadences) or "retries", composed, sent, retrying, failed)
    return report


def send_plain(config: Config, recipients: tuple[str, ...], subject: str, body: str) -> None:
    """A one-off plain-text mail (admin notices), sent at once; raises when it cannot be sent."""
    from email.message import EmailMessage
    from email.utils import make_msgid

    from alerts.mail import header_value, sender_domain

    transport = transport_for(config)
    sender = sender_of(config)
    try:
        for recipient in recipients:
            message = EmailMessage()
            message["From"] = sender
            message["To"] = header_value(recipient)
            message["Subject"] = header_value(subject)
            message["Message-ID"] = make_msgid(domain=sender_domain(sender))
            message["Auto-Submitted"] = "auto-generated"
            message.set_content(body)
            transport.send(sender, recipient, message.as_bytes(policy=policy.SMTP), str(message["Message-ID"]))
    finally:
        transport.close()
