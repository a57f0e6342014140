"""Shared helpers of the insights: local weeks, safe ratios, grouping and the first ask."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from statistics import median
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from askwell.core.model import Ask, DomainError, History, Need

Week = tuple[int, int]


def zone(tz: tzinfo | str | None) -> tzinfo:
    """Return a tzinfo for an IANA name (or pass a tzinfo through); None means UTC."""
    if tz is None:
        return UTC
    if isinstance(tz, tzinfo):
        return tz
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise DomainError(
            f"unknown time zone {tz!r}; use a name like Europe/Paris or UTC"
        ) from None


def local(dt: datetime, tz: tzinfo) -> datetime:
    """Return `dt` in the zone `tz`; a naive datetime is read as UTC."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(tz)


def iso_week(dt: datetime, tz: tzinfo) -> Week:
    """Return the (ISO year, ISO week) of `dt` on the local calendar of `tz`."""
    year, week, _ = local(dt, tz).isocalendar()
    return (year, week)


def week_start(week: Week) -> date:
    """Return the Monday of an ISO week."""
    return date.fromisocalendar(week[0], week[1], 1)


def week_label(week: Week) -> str:
    """Return a week as "2026-W07"."""
    return f"{week[0]}-W{week[1]:02d}"


def weeks_between(first: Week, last: Week) -> list[Week]:
    """Return every ISO week from `first` to `last`, both included."""
    out: list[Week] = []
    day = week_start(first)
    end = week_start(last)
    while day <= end:
        year, week, _ = day.isocalendar()
        out.append((year, week))
        day += timedelta(days=7)
    return out


def ratio(part: float, whole: float) -> float | None:
    """Return part/whole, or None when there is nothing to divide by."""
    return part / whole if whole else None


def pct(value: float | None) -> int | None:
    """Return a share as a rounded whole percentage (None stays None)."""
    return None if value is None else round(value * 100)


def median_or_none(values: Iterable[float]) -> float | None:
    """Return the median, or None for no values."""
    items = list(values)
    return float(median(items)) if items else None


def is_sent(ask: Ask) -> bool:
    """Return True for an ask that actually went out (a draft is not an ask yet)."""
    return ask.sent_at is not None and ask.status != "draft"


def sent_asks(history: History) -> list[Ask]:
    """Return the asks that went out (drafts left out)."""
    return [a for a in history.asks if is_sent(a)]


def first_asks(history: History) -> dict[int, Ask]:
    """Return, for each need id, its earliest sent ask (ties broken by id)."""
    return _firsts(sent_asks(history))


def _firsts(sent: list[Ask]) -> dict[int, Ask]:
    first: dict[int, Ask] = {}
    for ask in sent:
        seen = first.get(ask.need_id)
        if seen is None or _ask_key(ask) < _ask_key(seen):
            first[ask.need_id] = ask
    return first


@dataclass
class NeedFacts:
    """Needs oldest first, with the (barrier, level) pairs felt and the lower-cased topics."""

    needs: list[Need]
    felt: list[frozenset[tuple[str, int]]]
    topics: list[tuple[str, ...]]


def _need_order(need: Need) -> tuple[datetime, int]:
    created = aware(need.created_at) if need.created_at else datetime.min.replace(tzinfo=UTC)
    return (created, need.id or 0)


def need_facts(history: History) -> NeedFacts:
    """Sort the needs and read each one's barriers felt and topics (shared values read once)."""
    needs = sorted(history.needs, key=_need_order)
    felt_by_map: dict[int, frozenset[tuple[str, int]]] = {}
    lowered: dict[tuple[str, ...], tuple[str, ...]] = {}
    felt, topics = [], []
    for need in needs:
        key = id(need.barriers)
        if key not in felt_by_map:
            felt_by_map[key] = frozenset((b, v) for b, v in need.barriers.items() if v > 0)
        felt.append(felt_by_map[key])
        if need.topics not in lowered:
            lowered[need.topics] = tuple(dict.fromkeys(t.lower() for t in need.topics))
        topics.append(lowered[need.topics])
    return NeedFacts(needs, felt, topics)


@dataclass
class Prepared:
    """What several insights share, worked out once: sent asks, first asks, weeks, needs."""

    sent: list[Ask]
    firsts: dict[int, Ask]
    weeks: list[Week]
    facts: NeedFacts


def prepare(history: History, tz: tzinfo) -> Prepared:
    """Work out the sent asks, each need's first ask and each sent ask's local ISO week."""
    sent = sent_asks(history)
    weeks = [iso_week(a.sent_at, tz) for a in sent if a.sent_at is not None]
    return Prepared(sent, _firsts(sent), weeks, need_facts(history))


def _ask_key(ask: Ask) -> tuple[datetime, int]:
    assert ask.sent_at is not None
    sent = ask.sent_at if ask.sent_at.tzinfo else ask.sent_at.replace(tzinfo=UTC)
    return (sent, ask.id if ask.id is not None else 0)


def aware(dt: datetime) -> datetime:
    """Return `dt` with a time zone; a naive datetime is read as UTC."""
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def shift_week(week: Week, weeks: int) -> Week:
    """Return the ISO week `weeks` weeks after (or before, if negative) `week`."""
    year, number, _ = (week_start(week) + timedelta(weeks=weeks)).isocalendar()
    return (year, number)
