"""Which barriers come up, with which topics and people, and how that changes over time."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from askwell.core.barriers import LABELS, Trend, trend
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


def _recent_topics(
    topics: list[tuple[str, ...]], felt_sets: list[frozenset[str]], window: int
) -> dict[str, TopicLine]:
    """Per barrier, the topic where it came up most in the last `window` needs on that topic."""
    by_topic: dict[str, list[int]] = defaultdict(list)
    for i, need_topics in enumerate(topics):
        for topic in need_topics:
            by_topic[topic].append(i)
    best: dict[str, TopicLine] = {}
    for topic, items in sorted(by_topic.items()):
        recent = items[-window:]
        counts = Counter(b for i in recent for b in felt_sets[i])
        for barrier, count in counts.items():
            seen = best.get(barrier)
            if seen is None or (count, len(recent)) > (seen.count, seen.of):
                best[barrier] = TopicLine(topic, count, len(recent))
    return best


def compute(history: History, window: int = 10) -> BarrierInsights:
    """Count each barrier over all needs, with its topics, people and trend."""
    needs = sorted(history.needs, key=_order)
    felt_sets = [frozenset(b for b, level in n.barriers.items() if level > 0) for n in needs]
    topics = [tuple(dict.fromkeys(t.lower() for t in n.topics)) for n in needs]
    names = {p.id: p.name for p in history.people if p.id is not None}
    people_by_need: dict[int, set[str]] = defaultdict(set)
    for ask in history.asks:
        if is_sent(ask) and ask.person_id in names:
            people_by_need[ask.need_id].add(names[ask.person_id])
    hits: dict[str, int] = Counter()
    intensity: dict[str, int] = Counter()
    by_topic: dict[str, Counter[str]] = defaultdict(Counter)
    by_person: dict[str, Counter[str]] = defaultdict(Counter)
    for need, felt_here, need_topics in zip(needs, felt_sets, topics, strict=True):
        asked = people_by_need.get(need.id or 0, ())
        for barrier in felt_here:
            hits[barrier] += 1
            intensity[barrier] += need.barriers[barrier]
            by_topic[barrier].update(need_topics)
            by_person[barrier].update(asked)
    recent_topics = _recent_topics(topics, felt_sets, window)
    stats = [
        BarrierStat(
            barrier=barrier,
            label=LABELS[barrier],
            needs=hits[barrier],
            share=ratio(hits[barrier], len(needs)),
            mean_intensity=ratio(intensity[barrier], hits[barrier]),
            top_topics=_top(by_topic[barrier]),
            top_people=_top(by_person[barrier]),
            trend=trend([barrier in f for f in felt_sets], window),
            recent_topic=recent_topics.get(barrier),
        )
        for barrier in BARRIERS
    ]
    stats.sort(key=lambda s: (-s.needs, BARRIERS.index(s.barrier)))
    return BarrierInsights(needs=len(needs), stats=stats)


def _top(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_N]
