"""Which barriers come up, with which topics and people, and how that changes over time."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC

from askwell.core.barriers import LABELS, Trend, trend_from_counts
from askwell.core.insights._common import Prepared, prepare, ratio
from askwell.core.insights._table import from_history
from askwell.core.model import BARRIERS, History

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


def _recent_topics(
    topics: list[tuple[str, ...]], felt_sets: list[frozenset[tuple[str, int]]], window: int
) -> dict[str, TopicLine]:
    """Per barrier, the topic where it came up most in the last `window` needs on that topic."""
    by_topic: dict[str, list[int]] = defaultdict(list)
    for i, need_topics in enumerate(topics):
        for topic in need_topics:
            by_topic[topic].append(i)
    best: dict[str, TopicLine] = {}
    for topic, items in sorted(by_topic.items()):
        recent = items[-window:]
        counts = Counter(b for i in recent for b, _ in felt_sets[i])
        for barrier, count in counts.items():
            seen = best.get(barrier)
            if seen is None or (count, len(recent)) > (seen.count, seen.of):
                best[barrier] = TopicLine(topic, count, len(recent))
    return best


def compute(history: History, window: int = 10) -> BarrierInsights:
    """Count each barrier over all needs, with its topics, people and trend."""
    return of_prepared(prepare(from_history(history), UTC), window)


def of_prepared(prep: Prepared, window: int = 10) -> BarrierInsights:
    """Count each barrier over the prepared needs, with its topics, people and trend."""
    facts, sent = prep.facts, prep.sent
    felt_sets, topics = facts.felt, facts.topics
    names = prep.data.people.names()
    felt_by_need = {n: f for n, f in zip(facts.id, felt_sets, strict=True) if f}
    asked = {
        (need_id, names[person_id])
        for need_id, person_id in zip(sent.need_id, sent.person_id, strict=True)
        if need_id in felt_by_need and person_id in names
    }
    # Count each distinct combination once, then spread it over its barriers.
    hits: Counter[str] = Counter()
    intensity: Counter[str] = Counter()
    by_topic: dict[str, Counter[str]] = defaultdict(Counter)
    by_person: dict[str, Counter[str]] = defaultdict(Counter)
    for felt, count in Counter(felt_sets).items():
        for barrier, level in felt:
            hits[barrier] += count
            intensity[barrier] += level * count
    for (felt, need_topics), count in Counter(zip(felt_sets, topics, strict=True)).items():
        for barrier, _ in felt:
            for topic in need_topics:
                by_topic[barrier][topic] += count
    for (felt, name), count in Counter((felt_by_need[n], name) for n, name in asked).items():
        for barrier, _ in felt:
            by_person[barrier][name] += count
    recent_topics = _recent_topics(topics, felt_sets, window)
    recent = Counter(b for f in felt_sets[-window:] for b, _ in f)
    recent_of = len(felt_sets[-window:])
    stats = [
        BarrierStat(
            barrier=barrier,
            label=LABELS[barrier],
            needs=hits[barrier],
            share=ratio(hits[barrier], len(felt_sets)),
            mean_intensity=ratio(intensity[barrier], hits[barrier]),
            top_topics=_top(by_topic[barrier]),
            top_people=_top(by_person[barrier]),
            trend=trend_from_counts(
                recent[barrier],
                recent_of,
                hits[barrier] - recent[barrier],
                len(felt_sets) - recent_of,
            ),
            recent_topic=recent_topics.get(barrier),
        )
        for barrier in BARRIERS
    ]
    stats.sort(key=lambda s: (-s.needs, BARRIERS.index(s.barrier)))
    return BarrierInsights(needs=len(felt_sets), stats=stats)


def _top(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_N]
