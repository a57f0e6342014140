"""Asking activity: asks per week, needs never asked (avoidance), and the wait before asking."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from askwell.core.insights._common import (
    Prepared,
    Week,
    aware,
    iso_week,
    median_or_none,
    ratio,
    week_label,
    week_start,
    weeks_between,
)
from askwell.core.insights._table import utc_naive

AVOIDANCE_GRACE = timedelta(days=7)
RECENT_WEEKS = 4
GROUP_KINDS = ("support_type", "topic", "barrier")
NO_TOPIC = "(no topic)"
NO_BARRIER = "(none)"


@dataclass
class WeekCount:
    """How many asks went out in one local ISO week."""

    week: str
    start: date
    asks: int


@dataclass
class GroupStat:
    """Avoidance and waiting for the needs of one support type, topic or barrier."""

    group: str
    needs: int
    settled: int
    never_asked: int
    never_asked_share: float | None
    median_wait_days: float | None


@dataclass
class Activity:
    """Asks per week, the share of needs never asked and how long needs wait before an ask."""

    weeks: list[WeekCount] = field(default_factory=list)
    total_asks: int = 0
    asks_per_week: float | None = None
    recent_asks_per_week: float | None = None
    settled_needs: int = 0
    never_asked: int = 0
    never_asked_share: float | None = None
    waits: int = 0
    median_wait_days: float | None = None
    mean_wait_days: float | None = None
    by: dict[str, list[GroupStat]] = field(default_factory=dict)


def weekly_counts(
    weeks: Counter[Week], tz: tzinfo, now: datetime, start: Week | None
) -> list[WeekCount]:
    """List asks per local ISO week from `start` (or the first one) to the week of `now`."""
    last = iso_week(now, tz)
    first = start if start is not None else (min(weeks) if weeks else None)
    if first is None:
        return []
    first = min(first, last)
    return [
        WeekCount(week_label(w), week_start(w), weeks.get(w, 0)) for w in weeks_between(first, last)
    ]


@dataclass
class _Tally:
    needs: int = 0
    settled: int = 0
    never: int = 0
    waits: list[float] = field(default_factory=list)

    def add(self, other: _Tally) -> None:
        self.needs += other.needs
        self.settled += other.settled
        self.never += other.never
        self.waits.extend(other.waits)

    def stat(self, group: str) -> GroupStat:
        return GroupStat(
            group=group,
            needs=self.needs,
            settled=self.settled,
            never_asked=self.never,
            never_asked_share=ratio(self.never, self.settled),
            median_wait_days=median_or_none(self.waits),
        )


def _combos(prep: Prepared, now: datetime) -> dict[tuple[Any, ...], _Tally]:
    """Tally the needs per (support type, topics, barriers felt), oldest need first."""
    facts, firsts, sent_at = prep.facts, prep.firsts, prep.sent.sent
    cutoff = utc_naive(aware(now)) - AVOIDANCE_GRACE
    combos: dict[tuple[Any, ...], _Tally] = {}
    for need_id, support_type, created, felt, topics in zip(
        facts.id, facts.support_type, facts.created, facts.felt, facts.topics, strict=True
    ):
        row = firsts.get(need_id) if need_id is not None else None
        key = (support_type, topics, felt)
        tally = combos.get(key)
        if tally is None:
            tally = combos[key] = _Tally()
        tally.needs += 1
        if row is None:
            if created is None or created <= cutoff:
                tally.settled += 1
                tally.never += 1
            continue
        tally.settled += 1
        first = sent_at[row]
        if first is not None and created is not None:
            tally.waits.append(max(0.0, (first - created).total_seconds() / 86400))
    return combos


def compute(prep: Prepared, now: datetime, tz: tzinfo) -> Activity:
    """Compute asking activity over the prepared history."""
    created = next((c for c in prep.facts.created if c is not None), None)
    starts = [*prep.weeks, *([iso_week(created, tz)] if created else [])]
    weeks = weekly_counts(prep.weeks, tz, now, min(starts, default=None))
    recent = weeks[-RECENT_WEEKS:]
    total = _Tally()
    groups: dict[str, dict[str, _Tally]] = {kind: defaultdict(_Tally) for kind in GROUP_KINDS}
    by_type, by_topic, by_barrier = (groups[k] for k in GROUP_KINDS)
    # Needs sharing a support type, topics and barriers go to the same tallies: group first.
    for (support_type, need_topics, felt_here), combo in _combos(prep, now).items():
        for tally in (
            total,
            by_type[support_type],
            *(by_topic[topic] for topic in need_topics or (NO_TOPIC,)),
            *(by_barrier[b] for b, _ in felt_here),
            *((by_barrier[NO_BARRIER],) if not felt_here else ()),
        ):
            tally.add(combo)
    by = {
        kind: sorted(
            (t.stat(g) for g, t in groups[kind].items()), key=lambda s: (-s.needs, s.group)
        )
        for kind in GROUP_KINDS
    }
    sent = len(prep.sent.id)
    return Activity(
        weeks=weeks,
        total_asks=sent,
        asks_per_week=ratio(sent, len(weeks)),
        recent_asks_per_week=ratio(sum(w.asks for w in recent), len(recent)),
        settled_needs=total.settled,
        never_asked=total.never,
        never_asked_share=ratio(total.never, total.settled),
        waits=len(total.waits),
        median_wait_days=median_or_none(total.waits),
        mean_wait_days=ratio(sum(total.waits), len(total.waits)),
        by=by,
    )
