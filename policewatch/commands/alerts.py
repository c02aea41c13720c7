"""`policewatch subscribe / unsubscribe / subscribers / outbox`: who gets alerts, and what is stuck."""
from __future__ import annotations

import click

import archive
from alerts.subscriptions import describe, make_filters, subscribe as add_subscription
from alerts.subscriptions import unsubscribe as remove_subscription
from archive.outbox import failed_messages, message_counts, retry_failed
from archive.subscribers import CADENCES, subscriber_overview
from policewatch.context import Context, pass_context
from policewatch.names import resolve


@click.command()
@click.argument("email")
@click.option("--force", "forces", multiple=True, metavar="FORCE", help="Only this force (repeatable).")
@click.option("--offence", "offences", multiple=True, metavar="OFFENCE", help="Only this offence (repeatable).")
@click.option("--disposal", "disposals", multiple=True, metavar="DISPOSAL",
              help="Only this disposal (repeatable).")
@click.option("--keyword", "keywords", multiple=True, metavar="WORD",
              help="Only figures from documents containing this word or phrase (repeatable).")
@click.option("--every", type=click.Choice(CADENCES), default="immediate", show_default=True,
              help="An email per new figure batch, or a daily / weekly digest.")
@pass_context
def subscribe(obj: Context, email: str, forces: tuple[str, ...], offences: tuple[str, ...],
              disposals: tuple[str, ...], keywords: tuple[str, ...], every: str) -> None:
    """Email EMAIL about new and changed figures (all of them, or those matching the filters).

    Filters take canonical names (as in `policewatch figures`); several values of one
    filter mean "any of them", different filters must all match. Subscribing again
    replaces the address's filters.

    \b
    Example:
        policewatch subscribe researcher@example.org --force Kent --offence rape
        policewatch subscribe desk@example.org --disposal "community resolution" --every daily
        policewatch subscribe me@example.org --keyword "child rape" --every weekly
    """
    try:
        filters = make_filters([resolve("force", f) for f in forces],
                               [resolve("offence", o) for o in offences],
                               [resolve("disposal", d) for d in disposals], keywords)
        subscriber, created = add_subscription(obj.config, email, filters, every)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    verb = "Subscribed" if created else "Updated"
    click.echo(f"{verb} {subscriber.email} ({subscriber.every}): {describe(subscriber)}")


@click.command()
@click.argument("email")
@pass_context
def unsubscribe(obj: Context, email: str) -> None:
    """Stop all alerts to EMAIL (queued, unsent alerts are dropped).

    \b
    Example:
        policewatch unsubscribe researcher@example.org
    """
    try:
        dropped = remove_subscription(obj.config, email)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Unsubscribed {email.strip().lower()}" + (f"; {dropped} unsent alerts dropped." if dropped else "."))


@click.command()
@pass_context
def subscribers(obj: Context) -> None:
    """List subscribers, their filters, and their queued, sent and failed alerts.

    \b
    Example:
        policewatch subscribers
    """
    db = archive.open_private(obj.config.archive.private_path)
    rows = subscriber_overview(db)
    if not rows:
        click.echo("No subscribers yet. Add one with `policewatch subscribe EMAIL`.")
        return
    for row in rows:
        sub = row["subscriber"]
        state = "" if sub.active else "  [unsubscribed]"
        click.echo(f"{sub.email}  {sub.every}{state}\n    wants: {describe(sub)}\n"
                   f"    alerts: {row['queued']} queued, {row['sent']} sent; failed mails: {row['failed']}"
                   f"; last mail: {row['last_sent'] or 'never'}")
    _report_failures(db)


def _report_failures(db) -> None:
    failed = failed_messages(db)
    if failed:
        click.echo(f"\n{len(failed)} mails failed for good (see `policewatch outbox`, retry with "
                   "`policewatch outbox --retry`).")


@click.command()
@click.option("--retry", is_flag=True, help="Give failed mails a fresh set of attempts.")
@pass_context
def outbox(obj: Context, retry: bool) -> None:
    """Show the mail outbox: counts by state, and every mail that failed for good.

    \b
    Example:
        policewatch outbox
        policewatch outbox --retry     # after fixing the mail server settings
    """
    db = archive.open_private(obj.config.archive.private_path)
    if retry:
        click.echo(f"{retry_failed(db)} failed mails queued again; they go out on the next sweep.")
        return
    counts = message_counts(db)
    click.echo(", ".join(f"{name} {count}" for name, count in counts.items()))
    for row in failed_messages(db):
        click.echo(f"FAILED {row['email']}: {row['subject']}\n    {row['attempts']} attempts, last "
                   f"{row['last_attempt_at']}: {row['last_error']}")


COMMANDS = [subscribe, unsubscribe, subscribers, outbox]
