"""Which barriers come up, with which topics and people, and how that changes over time."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from askwell.core.barriers import LABELS, Trend, felt, trend
from askwell.core.insights._common import aware, is_sent, ratio
from askwell.core.model import BARRIERS, History, Need

TOP_N = 3


@dataclass
class TopicLine:
    """The topic where a barrier came up most among the recent needs about it."""

    topic: str
    count: int
    of: int


@dataclass
class BarrierStat:
    """How often one barrier came up (intensity > 0) and where."""

    barrier: str
    label: str
    needs: int
    share: float | None
    mean_intensity: float | None
    top_topics: list[tuple[str, int]] = field(default_factory=list)
    top_people: list[tuple[str, int]] = field(default_factory=list)
    trend: Trend | None = None
    recent_topic: TopicLine | None = None


@dataclass
class BarrierInsights:
    """Barrier counts over all needs, most frequent first."""

    needs: int = 0
    stats: list[BarrierStat] = field(default_factory=list)


def _order(need: Need) -> tuple[datetime, int]:
    created = aware(need.created_at) if need.created_at else datetime.min.replace(tzinfo=UTC)
    return (created, need.id or 0)


def _recent_topic(needs: list[Need], barrier: str, window: int) -> TopicLine | None:
    """Find the topic where the barrier came up most in the last `window` needs on that topic."""
    by_topic: dict[str, list[Need]] = defaultdict(list)
    for need in needs:
        for topic in need.topics:
            by_topic[topic.lower()].append(need)
    best: TopicLine | None = None
    for topic, items in sorted(by_topic.items()):
        recent = items[-window:]
        count = sum(felt(n, barrier) for n in recent)
        if count and (best is None or (count, len(recent)) > (best.count, best.of)):
            best = TopicLine(topic, count, len(recent))
    return best


def compute(history: History, window: int = 10) -> BarrierInsights:
    """Count each barrier over all needs, with its topics, people and trend."""
    needs = sorted(history.needs, key=_order)
    names = {p.id: p.name for p in history.people if p.id is not None}
    people_by_need: dict[int, set[str]] = defaultdict(set)
    for ask in history.asks:
        if is_sent(ask) and ask.person_id in names:
            people_by_need[ask.need_id].add(names[ask.person_id])
    stats = []
    for barrier in BARRIERS:
        hits = [n for n in needs if felt(n, barrier)]
        topics = Counter(t.lower() for n in hits for t in n.topics)
        people = Counter(p for n in hits if n.id is not None for p in people_by_need[n.id])
        stats.append(
            BarrierStat(
                barrier=barrier,
                label=LABELS[barrier],
                needs=len(hits),
                share=ratio(len(hits), len(needs)),
                mean_intensity=ratio(sum(n.barriers[barrier] for n in hits), len(hits)),
                top_topics=sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_N],
                top_people=sorted(people.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_N],
                trend=trend([felt(n, barrier) for n in needs], window),
                recent_topic=_recent_topic(needs, barrier, window),
            )
        )
    stats.sort(key=lambda s: (-s.needs, BARRIERS.index(s.barrier)))
    return BarrierInsights(needs=len(needs), stats=stats)
