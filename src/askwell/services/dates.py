"""When something happened, as a person says it: a stored time for "yesterday" or "last friday"."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from askwell.core.ask_suggest import AskSuggestion, suggest
from askwell.core.dates import parse_day
from askwell.core.model import DomainError
from askwell.core.moment import zone_of

NOON = time(12, 0)
EARLIEST_YEAR = 1900


def happened_at(text: str | None, what: str, *, now: datetime | None = None) -> datetime | None:
    """Return the UTC time for a day said in words (None for no day: it happened now).

    Today keeps the current time; an earlier day is taken at noon in this machine's time
    zone, so the day reads the same wherever the store is opened. A day still to come is
    refused: you cannot have written or asked it yet.
    """
    if text is None or not text.strip():
        return None
    return restamp(said_day(text, what, now=now), None, what, now=now)


def dated(on: date | datetime | None, what: str, *, now: datetime | None = None) -> datetime:
    """Return when a new record happened: `on` (a local day or an exact time), else now.

    `on` is checked like every date a person gives: not to come, not before 1900.
    """
    if on is None:
        return now or datetime.now(UTC)
    return restamp(on, None, what, now=now)


def happened_on(text: str | None, what: str, *, now: datetime | None = None) -> date | None:
    """Return the local day said in words (None for no day: it happened now), not one to come."""
    if text is None or not text.strip():
        return None
    return said_day(text, what, now=now)


def said_day(text: str, what: str, *, now: datetime | None = None) -> date:
    """Return the local day `text` names ("3 days ago", "2026-11-20"), refusing days to come."""
    from askwell.services.insights import local_zone_name

    current = (now or datetime.now(UTC)).astimezone(zone_of(local_zone_name()))
    day = parse_day(text, current.date())
    if day > current.date():
        raise DomainError("future_date", value=f"{day:%Y-%m-%d}", what=what)
    return day


def restamp(
    new: date | datetime, old: datetime | None, what: str, *, now: datetime | None = None
) -> datetime:
    """Return the stored UTC time when a record is dated `new` (a local day, or an exact time).

    A day keeps the record's own time when it already is on that day (fixing another field
    does not move it); otherwise today is now and an earlier day is noon. Times to come are
    refused.
    """
    from askwell.services.insights import local_zone_name

    zone = zone_of(local_zone_name())
    current = (now or datetime.now(UTC)).astimezone(zone)
    if new.year < EARLIEST_YEAR:
        raise DomainError("too_early", value=new.isoformat()[:10], what=what, year=EARLIEST_YEAR)
    if isinstance(new, datetime):
        stamp = new if new.tzinfo is not None else new.replace(tzinfo=UTC)
        if stamp > current + timedelta(minutes=5):
            raise DomainError("future_date", value=f"{stamp:%Y-%m-%d %H:%M}", what=what)
        return stamp.astimezone(UTC)
    if new > current.date():
        raise DomainError("future_date", value=f"{new:%Y-%m-%d}", what=what)
    if old is not None and old.astimezone(zone).date() == new:
        return old
    if new == current.date():
        return current.astimezone(UTC)
    return datetime.combine(new, NOON, tzinfo=zone).astimezone(UTC)


def on_or_after(
    stamp: datetime, earliest: datetime | None, *, by_day: bool, code: str, ask_id: int
) -> datetime:
    """Return `stamp`, or `earliest` when a day was named and it is that day; refuse earlier.

    A thank-you or a follow-up dated the day of the answer or the ask comes just after it.
    """
    if earliest is None or stamp >= earliest:
        return stamp
    if by_day and local_day(stamp) == local_day(earliest):
        return earliest
    raise DomainError(code, id=ask_id, on=f"{local_day(earliest)}")


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


def local_day(stamp: datetime) -> date:
    """Return the day a stored time falls on in this machine's time zone."""
    from askwell.services.insights import local_zone_name

    return stamp.astimezone(zone_of(local_zone_name())).date()
