"""When something happened, as a person says it: a stored time for "yesterday" or "last friday"."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from askwell.core.ask_suggest import AskSuggestion, suggest
from askwell.core.dates import parse_day
from askwell.core.model import DomainError
from askwell.core.moment import zone_of

NOON = time(12, 0)


def happened_at(text: str | None, what: str, *, now: datetime | None = None) -> datetime | None:
    """Return the UTC time for a day said in words (None for no day: it happened now).

    Today keeps the current time; an earlier day is taken at noon in this machine's time
    zone, so the day reads the same wherever the store is opened. A day still to come is
    refused: you cannot have written or asked it yet.
    """
    if text is None or not text.strip():
        return None
    from askwell.services.insights import local_zone_name

    zone = zone_of(local_zone_name())
    current = (now or datetime.now(UTC)).astimezone(zone)
    day = parse_day(text, current.date())
    if day > current.date():
        raise DomainError("future_date", value=f"{day:%Y-%m-%d}", what=what)
    if day == current.date():
        return current.astimezone(UTC)
    return datetime.combine(day, NOON, tzinfo=zone).astimezone(UTC)


def day_bound(text: str | None, *, now: datetime | None = None) -> date | None:
    """Return the local day a from / to filter names (days to come are allowed)."""
    if text is None or not text.strip():
        return None
    from askwell.services.insights import local_zone_name

    current = (now or datetime.now(UTC)).astimezone(zone_of(local_zone_name()))
    return parse_day(text, current.date())


def local_today(*, now: datetime | None = None) -> date:
    """Return today's date in this machine's time zone (what "by Friday" counts from)."""
    from askwell.services.insights import local_zone_name

    return (now or datetime.now(UTC)).astimezone(zone_of(local_zone_name())).date()


def suggest_ask(
    summary: str, support: str = "advice", *, now: datetime | None = None
) -> AskSuggestion:
    """Return what a need's summary already says of its ask, size and date (see ask_suggest)."""
    return suggest(summary, support, today=local_today(now=now))
