"""Composing alert emails: multipart text + HTML from Jinja2 templates.

Everything that came from a scraped page (titles, quotes, URLs, source names) is
treated as hostile: the HTML template is autoescaped, links are kept only when they
are http(s), and header values are stripped of CR/LF and other control characters
before email.message.EmailMessage (default policy) checks them again.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from datetime import datetime, timezone
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from archive.subscribers import Subscriber
from alerts.subscriptions import describe

DEFAULT_SENDER = "policewatch@localhost"
NATIONAL = "All forces / national"
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]+")
# Plural forms for headlines: "45 community resolutions", "3 no further action decisions".
_PLURAL = {"no further action": "no further action decisions", "charge": "charges"}


def header_value(text: object, limit: int = 200) -> str:
    """One safe header line: control characters (CR, LF, NUL, ...) become spaces."""
    value = " ".join(_CONTROL.sub(" ", str(text)).split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def web_link(url: object) -> str:
    """The URL if it is an http(s) link, else '' (no javascript:, data: or mailto: links)."""
    text = str(url or "").strip()
    parts = urlsplit(text)
    return text if parts.scheme in ("http", "https") and parts.netloc and not _CONTROL.search(text) else ""


def number(value: object) -> str:
    """Counts as people write them: 1,487 rather than 1487."""
    return f"{value:,}" if isinstance(value, int) else str(value)


def plural(disposal: str, count: int) -> str:
    if count == 1:
        return disposal
    return _PLURAL.get(disposal, disposal + "s")


def headline(item: dict) -> str:
    """'Kent: 45 community resolutions for sexual offences, 2022/23'."""
    text = f"{item.get('force') or 'All forces'}: {number(item['count'])} {plural(item['disposal'], item['count'])}"
    if item.get("offence"):
        text += f" for {item['offence']}"
    if item.get("period"):
        text += f", {item['period']}"
    return header_value(text, limit=1000)


def group_by_force(items: Sequence[dict]) -> list[tuple[str, list[dict]]]:
    """Digest sections: one per force, alphabetical, national figures last."""
    groups: dict[str, list[dict]] = {}
    for item in items:
        groups.setdefault(item.get("force") or NATIONAL, []).append(item)
    return sorted(groups.items(), key=lambda kv: (kv[0] == NATIONAL, kv[0].lower()))


def lead_item(items: Sequence[dict]) -> dict:
    """The figure for the subject line: a non-zero count first, then a change, then one naming
    force and offence, then the largest count."""
    return min(items, key=lambda i: (not i.get("count"), i.get("kind") != "changed", i.get("force") is None,
                                     i.get("offence") is None, -int(i.get("count") or 0)))


def subject_for(items: Sequence[dict], kind: str) -> str:
    lead = headline(lead_item(items))
    more = f" (+{len(items) - 1} more)" if len(items) > 1 else ""
    prefix = "" if kind == "immediate" else f"{kind.capitalize()} digest: "
    return header_value(prefix + lead + more)


def _clean(item: dict) -> dict:
    """Scraped one-line fields flattened (no line breaks to fake a new paragraph or field)."""
    flat = ("force", "offence", "disposal", "period", "title", "url", "source", "quote", "first_seen")
    clean = {**item, **{k: header_value(item[k], limit=2000) for k in flat if item.get(k) is not None}}
    clean["other_sources"] = [{k: header_value(v, limit=2000) if isinstance(v, str) else v
                               for k, v in other.items()} for other in item.get("other_sources", ())]
    clean["headline"] = headline(clean)
    return clean


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("alerts", "templates"),
                      autoescape=select_autoescape(enabled_extensions=("html", "html.j2")),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["web_link"] = web_link
    env.filters["number"] = number
    return env


_ENV = _environment()


def sender_domain(sender: str) -> str:
    return sender.rpartition("@")[2].strip(" >") or "localhost"


def compose(*, subscriber: Subscriber, items: Sequence[dict], kind: str, message_id: str,
            sender: str = DEFAULT_SENDER, public_url: str | None = None,
            now: datetime | None = None) -> EmailMessage:
    """One email to one subscriber carrying these announced figures (news rows with
    other_sources). kind: 'immediate' for an alert, 'daily' / 'weekly' for a digest."""
    if not items:
        raise ValueError("an email needs at least one figure")
    enriched = [_clean(item) for item in items]
    subject = subject_for(enriched, kind)
    unsubscribe = f"mailto:{sender}?subject=unsubscribe"  # the From of the reply says who
    context = {
        "subject": subject, "digest": kind != "immediate", "kind": kind, "total": len(items),
        "groups": group_by_force(enriched), "wanted": describe(subscriber), "email": subscriber.email,
        "every": subscriber.every, "public_url": public_url, "unsubscribe_mailto": unsubscribe,
    }
    message = EmailMessage()  # default policy: refuses CR/LF smuggled into a header
    message["From"] = formataddr(("PoliceWatch", header_value(sender)))
    message["To"] = header_value(subscriber.email)
    message["Subject"] = subject
    message["Date"] = format_datetime(now or datetime.now(timezone.utc))
    message["Message-ID"] = message_id
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(_ENV.get_template("alert.txt.j2").render(context))
    message.add_alternative(_ENV.get_template("alert.html.j2").render(context), subtype="html")
    return message


def message_id_for(subscriber_id: int, first_outbox_id: int, sender: str) -> str:
    """Stable and unique: an alert belongs to exactly one email, so its id names the email."""
    return f"<alert-{first_outbox_id}.s{subscriber_id}@{sender_domain(sender)}>"
