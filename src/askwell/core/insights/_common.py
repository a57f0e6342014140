"""Shared helpers of the insights: local dates and weeks, safe ratios, the first ask."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from statistics import median
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from askwell.core.insights._table import Asks, Needs, Tables, take
from askwell.core.model import Ask, DomainError, History

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
        raise DomainError("bad_tz", value=tz) from None


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
    sent = sent_asks(history)
    firsts = earliest((a.need_id for a in sent), map(_ask_key, sent))
    return {need_id: sent[row] for need_id, row in firsts.items()}


def earliest(groups: Iterable[Hashable], keys: Iterable[Any]) -> dict[Any, int]:
    """Return, for each group, the position of its smallest key (the first one on ties)."""
    best: dict[Any, tuple[Any, int]] = {}
    for row, (group, key) in enumerate(zip(groups, keys, strict=True)):
        seen = best.get(group)
        if seen is None or key < seen[0]:
            best[group] = (key, row)
    return {group: row for group, (_, row) in best.items()}


def _ask_key(ask: Ask) -> tuple[datetime, int]:
    assert ask.sent_at is not None
    return (aware(ask.sent_at), ask.id if ask.id is not None else 0)


def _day_offset(day: date, tz: tzinfo) -> timedelta | None:
    """Return the UTC offset of `tz` throughout the UTC day `day`, or None if it changes."""
    start = datetime.combine(day, time(), UTC)
    try:
        first = start.astimezone(tz).utcoffset()
        last = (start + timedelta(days=1, microseconds=-1)).astimezone(tz).utcoffset()
    except OverflowError:
        return None
    return first if first == last else None


def local_dates(stamps: Sequence[datetime], tz: tzinfo) -> list[date]:
    """Return each stamp's date on the local calendar of `tz`, as `local(dt, tz).date()` does.

    The zone's offset is worked out once per UTC day. On a day when it changes (the zone
    database never changes it twice within 24 hours) each stamp is converted on its own.
    """
    offsets: dict[date, timedelta | None] = {}
    out: list[date] = []
    for dt in stamps:
        if dt.tzinfo is not None:
            out.append(local(dt, tz).date())
            continue
        day = dt.date()
        if day in offsets:
            offset = offsets[day]
        else:
            offset = offsets[day] = _day_offset(day, tz)
        out.append((dt + offset).date() if offset is not None else local(dt, tz).date())
    return out


def week_counts(dates: Iterable[date]) -> Counter[Week]:
    """Count local dates per ISO week."""
    weeks: Counter[Week] = Counter()
    for day, count in Counter(dates).items():
        year, week, _ = day.isocalendar()
        weeks[(year, week)] += count
    return weeks


@dataclass
class NeedFacts:
    """Needs oldest first: ids, support types, creation times, barriers felt, lower-cased topics."""

    id: list[int | None]
    support_type: list[str]
    created: list[datetime | None]
    felt: list[frozenset[tuple[str, int]]]
    topics: list[tuple[str, ...]]


def need_facts(needs: Needs) -> NeedFacts:
    """Sort the needs and read each one's barriers felt and topics (shared values read once)."""
    ids = [i if i is not None else 0 for i in needs.id]
    created = [c if c is not None else datetime.min for c in needs.created]
    order = sorted(range(len(ids)), key=ids.__getitem__)
    order.sort(key=created.__getitem__)  # stable: oldest first, ties by id
    felt_by_map: dict[int, frozenset[tuple[str, int]]] = {}
    lowered: dict[tuple[str, ...], tuple[str, ...]] = {}
    felt, topics = [], []
    for i in order:
        barriers, need_topics = needs.barriers[i], needs.topics[i]
        key = id(barriers)
        if key not in felt_by_map:
            felt_by_map[key] = frozenset((b, v) for b, v in barriers.items() if v > 0)
        felt.append(felt_by_map[key])
        if need_topics not in lowered:
            lowered[need_topics] = tuple(dict.fromkeys(t.lower() for t in need_topics))
        topics.append(lowered[need_topics])
    return NeedFacts(
        id=[needs.id[i] for i in order],
        support_type=[needs.support_type[i] for i in order],
        created=[needs.created[i] for i in order],
        felt=felt,
        topics=topics,
    )


@dataclass
class Prepared:
    """What several insights share, worked out once from the tables."""

    data: Tables
    sent: Asks  # the asks that went out (drafts left out)
    firsts: dict[int, int]  # need id -> row in `sent` of its first ask
    dates: list[date]  # local date of each sent ask
    weeks: Counter[Week]  # sent asks per local ISO week
    facts: NeedFacts


def prepare(data: Tables, tz: tzinfo) -> Prepared:
    """Work out the sent asks, each need's first ask, local dates and weeks, sorted needs."""
    asks = data.asks
    rows = [
        i
        for i, (at, status) in enumerate(zip(asks.sent, asks.status, strict=True))
        if at is not None and status != "draft"
    ]
    sent = asks if len(rows) == len(asks.id) else take(asks, rows)
    stamps = cast(list[datetime], sent.sent)
    ids = [i if i is not None else 0 for i in sent.id]
    dates = local_dates(stamps, tz)
    return Prepared(
        data=data,
        sent=sent,
        firsts=earliest(sent.need_id, zip(stamps, ids, strict=True)),
        dates=dates,
        weeks=week_counts(dates),
        facts=need_facts(data.needs),
    )


def aware(dt: datetime) -> datetime:
    """Return `dt` with a time zone; a naive datetime is read as UTC."""
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def shift_week(week: Week, weeks: int) -> Week:
    """Return the ISO week `weeks` weeks after (or before, if negative) `week`."""
    year, number, _ = (week_start(week) + timedelta(weeks=weeks)).isocalendar()
    return (year, number)
