"""Every tzdata zone and every change of its UTC offset in 2000-2040, for property tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from askwell.core.localtime import next_change

FIRST = datetime(2000, 1, 1, tzinfo=UTC)
LAST = datetime(2041, 1, 1, tzinfo=UTC)
WEEK = timedelta(days=7)


@cache
def zone_names() -> tuple[str, ...]:
    """Return every zone name tzdata ships, sorted."""
    return tuple(sorted(available_timezones()))


@cache
def transitions(name: str) -> tuple[datetime, ...]:
    """Return the UTC instants at which `name` changes its offset (weekly scan, then bisection)."""
    zone = ZoneInfo(name)
    found: list[datetime] = []
    at = FIRST
    offset = at.astimezone(zone).utcoffset()
    while at < LAST:
        step = at + WEEK
        now = step.astimezone(zone).utcoffset()
        if now != offset:
            found.append(next_change(at, step, zone))
            offset = now
        at = step
    return tuple(found)


@cache
def all_transitions() -> tuple[tuple[str, datetime], ...]:
    """Return (zone, instant) for every offset change of every zone in 2000-2040."""
    return tuple((name, moment) for name in zone_names() for moment in transitions(name))
