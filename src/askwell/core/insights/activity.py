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
    prepare,
    ratio,
    week_label,
    week_start,
    weeks_between,
)
from askwell.core.model import History

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
    weeks: list[Week], tz: tzinfo, now: datetime, start: Week | None
) -> list[WeekCount]:
    """Count asks per local ISO week from `start` (or the first one) to the week of `now`."""
    counts = Counter(weeks)
    last = iso_week(now, tz)
    first = start if start is not None else (min(counts) if counts else None)
    if first is None:
        return []
    first = min(first, last)
    return [
        WeekCount(week_label(w), week_start(w), counts.get(w, 0))
        for w in weeks_between(first, last)
    ]


@dataclass
class _Tally:
    needs: int = 0
    settled: int = 0
    never: int = 0
    waits: list[float] = field(default_factory=list)

    def stat(self, group: str) -> GroupStat:
        return GroupStat(
            group=group,
            needs=self.needs,
            settled=self.settled,
            never_asked=self.never,
            never_asked_share=ratio(self.never, self.settled),
            median_wait_days=median_or_none(self.waits),
        )


def _tally(tallies: list[_Tally], rows: list[tuple[bool, bool, float | None]]) -> None:
    """Add rows of (settled, never asked, wait) to every tally in `tallies`."""
    settled = sum(r[0] for r in rows)
    never = sum(r[1] for r in rows)
    waits = [r[2] for r in rows if r[2] is not None]
    for t in tallies:
        t.needs += len(rows)
        t.settled += settled
        t.never += never
        t.waits.extend(waits)


def compute(history: History, now: datetime, tz: tzinfo, prep: Prepared | None = None) -> Activity:
    """Compute asking activity over the whole history."""
    prep = prep or prepare(history, tz)
    sent, firsts, facts = prep.sent, prep.firsts, prep.facts
    created = next((aware(n.created_at) for n in facts.needs if n.created_at), None)
    starts = [*prep.weeks, *([iso_week(created, tz)] if created else [])]
    weeks = weekly_counts(prep.weeks, tz, now, min(starts, default=None))
    recent = weeks[-RECENT_WEEKS:]

    cutoff = aware(now) - AVOIDANCE_GRACE
    # Needs sharing a support type, topics and barriers go to the same tallies: group first.
    combos: dict[tuple[str, tuple[str, ...], frozenset[tuple[str, int]]], list[Any]] = defaultdict(
        list
    )
    for need, felt_here, need_topics in zip(facts.needs, facts.felt, facts.topics, strict=True):
        first = firsts.get(need.id) if need.id is not None else None
        created_at = aware(need.created_at) if need.created_at is not None else None
        wait = None
        if first is not None and first.sent_at is not None and created_at is not None:
            wait = max(0.0, (aware(first.sent_at) - created_at).total_seconds() / 86400)
        settled = first is not None or created_at is None or created_at <= cutoff
        combos[(need.support_type, need_topics, felt_here)].append(
            (settled, settled and first is None, wait)
        )
    total = _Tally()
    groups: dict[str, dict[str, _Tally]] = {kind: defaultdict(_Tally) for kind in GROUP_KINDS}
    by_type, by_topic, by_barrier = (groups[k] for k in GROUP_KINDS)
    for (support_type, need_topics, felt_here), rows in combos.items():
        _tally(
            [
                total,
                by_type[support_type],
                *(by_topic[t] for t in need_topics or (NO_TOPIC,)),
                *(by_barrier[b] for b, _ in felt_here),
                *((by_barrier[NO_BARRIER],) if not felt_here else ()),
            ],
            rows,
        )
    by = {
        kind: sorted(
            (t.stat(g) for g, t in groups[kind].items()), key=lambda s: (-s.needs, s.group)
        )
        for kind in GROUP_KINDS
    }
    return Activity(
        weeks=weeks,
        total_asks=len(sent),
        asks_per_week=ratio(len(sent), len(weeks)),
        recent_asks_per_week=ratio(sum(w.asks for w in recent), len(recent)),
        settled_needs=total.settled,
        never_asked=total.never,
        never_asked_share=ratio(total.never, total.settled),
        waits=len(total.waits),
        median_wait_days=median_or_none(total.waits),
        mean_wait_days=ratio(sum(total.waits), len(total.waits)),
        by=by,
    )
