"""Wall-clock times in a zone, done right: gaps refused with the nearest real times, folds chosen.

A local time can be missing (the clocks jump forward over it) or happen twice (the clocks go
back). Python's `zoneinfo` quietly picks one reading for both; asking someone at a time that does
not exist, or at the wrong one of two, is a bad start. So `resolve()` returns an aware time only
when the wall time names exactly one instant, and otherwise raises an error that carries the
choices. All arithmetic on instants goes through UTC (`later()`, `length()`), because adding a
timedelta to an aware datetime in Python moves its wall clock, not its instant.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from askwell.core.model import DomainError

STEP = timedelta(minutes=15)


def _clock(moment: datetime) -> str:
    """Return "01:30 (UTC-04:00)"."""
    offset = f"{moment:%z}"
    return f"{moment:%H:%M} (UTC{offset[:3]}:{offset[3:5]})"


class NonexistentTime(DomainError):
    """A wall time inside a clock change's gap, with the nearest real times either side."""

    def __init__(self, wall: datetime, zone: str, before: datetime, after: datetime) -> None:
        self.wall, self.zone, self.before, self.after = wall, zone, before, after
        super().__init__(
            "time_skipped",
            when=f"{wall:%Y-%m-%d %H:%M}",
            zone=zone,
            before=f"{before:%H:%M}",
            after=f"{after:%H:%M}",
        )


class AmbiguousTime(DomainError):
    """A wall time that happens twice (the clocks go back), with both readings."""

    def __init__(self, wall: datetime, zone: str, first: datetime, second: datetime) -> None:
        self.wall, self.zone, self.first, self.second = wall, zone, first, second
        super().__init__(
            "time_repeated",
            when=f"{wall:%Y-%m-%d %H:%M}",
            zone=zone,
            first=_clock(first),
            second=_clock(second),
        )


class PastTime(DomainError):
    """A time that has already gone by."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment
        super().__init__("time_past", when=f"{moment:%Y-%m-%d %H:%M}")


def canonical(moment: datetime, zone: ZoneInfo) -> datetime:
    """Return the same instant as wall time in `zone`, with `fold` set the way zoneinfo means it."""
    return moment.astimezone(UTC).astimezone(zone)


def later(moment: datetime, length: timedelta) -> datetime:
    """Return the instant `length` after `moment` (exact elapsed time), in `moment`'s zone."""
    zone = moment.tzinfo
    shifted = moment.astimezone(UTC) + length
    return shifted.astimezone(zone) if zone is not None else shifted


def length(start: datetime, end: datetime) -> timedelta:
    """Return the real time elapsed from `start` to `end` (aware datetimes, any zones)."""
    return end.astimezone(UTC) - start.astimezone(UTC)


def next_change(low: datetime, high: datetime, zone: ZoneInfo) -> datetime:
    """Return the first instant in (low, high] whose offset differs from `low`'s (by bisection)."""
    offset = low.astimezone(zone).utcoffset()
    while high - low > timedelta(seconds=1):
        mid = low + (high - low) / 2
        if mid.astimezone(zone).utcoffset() == offset:
            low = mid
        else:
            high = mid
    return high.replace(microsecond=0)


def resolve(wall: datetime, zone: ZoneInfo, fold: int | None = None) -> datetime:
    """Return the one instant `wall` (naive) names in `zone`; raise when it names none or two.

    `fold` picks between the two readings of a repeated time: 0 the first, 1 the second.
    """
    wall = wall.replace(tzinfo=None)
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    second = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    if first == second:
        return canonical(first, zone)
    real = [u for u in (first, second) if u.astimezone(zone).replace(tzinfo=None) == wall]
    name = str(zone.key)
    if len(real) == 2:
        early, late = sorted(real)
        if fold is None:
            raise AmbiguousTime(wall, name, canonical(early, zone), canonical(late, zone))
        return canonical(late if fold else early, zone)
    # In a gap: fold=1 reads the wall time with the offset after the jump, so it lies earlier.
    low, high = sorted((first, second))
    jump = next_change(low, high, zone)
    before = canonical(jump - STEP, zone)
    after = canonical(jump, zone)
    raise NonexistentTime(wall, name, before, after)


def not_past(moment: datetime, now: datetime, *, allow_past: bool = False) -> datetime:
    """Return `moment` unless it is before `now` (then raise PastTime, unless allowed)."""
    if not allow_past and moment.astimezone(UTC) < now.astimezone(UTC):
        raise PastTime(moment)
    return moment
