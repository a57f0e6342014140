"""Benchmark: rank 100,000 generated people for one need; print latency, memory and the ratio.

    .venv/bin/python bench/match.py [--people 100000] [--repeat 30] [--top 10]

The baseline, timed in the same run, is a bare numpy pass: one matrix-vector product of the
need vector with a dense (people x dims) matrix of per-person topic embeddings, which is what
a naive scorer would do. The ranking itself reads the shared, deduplicated topic vectors,
computes all eight factors as arrays, orders the top and writes their reasons.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta

import numpy as np

from askwell.core.match import build_network, rank_many
from askwell.core.model import (
    RELATIONSHIPS,
    SUPPORT_TYPES,
    Answer,
    Ask,
    Boundary,
    HelpGiven,
    History,
    Need,
    Person,
    parse_hours,
)

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
ZONES = [
    "UTC",
    "Europe/Berlin",
    "Europe/London",
    "Europe/Madrid",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Africa/Lagos",
]
HOURS = [
    parse_hours(h)
    for h in (
        "Mon-Fri 09:00-17:00",
        "Mon-Fri 08:00-12:00",
        "Mon-Thu 13:00-18:00",
        "Tue,Thu 10:00-16:00",
        "Mon-Sun 18:00-21:00",
        "Sat-Sun 10:00-14:00",
    )
]
TOPICS = [
    "python",
    "code review",
    "data science",
    "machine learning",
    "statistics",
    "career",
    "management",
    "leadership",
    "hiring",
    "public speaking",
    "writing",
    "design",
    "ux research",
    "marketing",
    "sales",
    "finance",
    "budgeting",
    "taxes",
    "law",
    "contracts",
    "health",
    "fitness",
    "nutrition",
    "grief",
    "parenting",
    "relationships",
    "moving house",
    "diy",
    "cars",
    "cooking",
    "gardening",
    "travel",
    "languages",
    "music",
    "photography",
    "mental health",
    "negotiation",
    "startups",
    "fundraising",
    "teaching",
    "research",
]
NEEDS = [
    Need("Review my Python pull request before the release", support_type="feedback", id=-1),
    Need("Should I move into a management role?", support_type="advice", id=-2),
    Need("I feel overwhelmed since the diagnosis", support_type="emotional", id=-3),
    Need("Intro to someone who hires data scientists", support_type="introduction", id=-4),
]


def generate(n: int, seed: int = 7) -> History:
    """Return a network of `n` people with asks, boundaries and help given."""
    rng = random.Random(seed)
    people = [
        Person(
            name=f"Person {i:06d}",
            relationship=rng.choice(RELATIONSHIPS),
            topics=tuple(rng.sample(TOPICS, rng.randint(1, 4))),
            supports=tuple(rng.sample(SUPPORT_TYPES, rng.randint(0, 2))),
            tz=rng.choice(ZONES),
            hours=rng.choice(HOURS),
            stretched=rng.random() < 0.1,
            id=i + 1,
        )
        for i in range(n)
    ]
    past = [
        Need(f"Past need about {t}", support_type="advice", id=k + 1) for k, t in enumerate(TOPICS)
    ]
    asks = []
    for k in range(n // 2):
        kind = rng.choice(("yes", "yes", "no", "no-reply", None))
        asks.append(
            Ask(
                need_id=rng.randint(1, len(past)),
                person_id=rng.randint(1, n),
                status="answered" if kind else "sent",
                answer=Answer(kind) if kind else None,
                sent_at=NOW - timedelta(days=rng.randint(0, 200)),
                id=k + 1,
            )
        )
    boundaries = [
        Boundary(rng.randint(1, n), date(2026, 4, 1), topic=rng.choice(("python", "career", "")))
        for _ in range(n // 100)
    ]
    helped = [HelpGiven(rng.randint(1, n), "help") for _ in range(n // 10)]
    return History(people, past, asks, boundaries, [], helped, [])


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0-100) of the values."""
    return float(np.percentile(np.asarray(values), q))


def main() -> None:
    """Build the network, time ranking and the bare pass, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()

    history = generate(args.people)
    start = time.perf_counter()
    net = build_network(history.people, history, NOW)
    build_s = time.perf_counter() - start
    dense = np.stack(
        [
            net.topic_vectors[net.topic_ids[net.topic_owner == i]].mean(0)
            for i in range(min(50, args.people))
        ]
    )
    dense = np.resize(dense, (args.people, dense.shape[1])).astype(np.float32)

    rank_ms: list[float] = []
    bare_ms: list[float] = []
    for k in range(args.repeat + 3):
        need = NEEDS[k % len(NEEDS)]
        t0 = time.perf_counter()
        top = rank_many(need, net, history.boundaries, NOW).candidates(limit=args.top)
        t1 = time.perf_counter()
        query = net.embedder.encode([need.summary])[0]
        t2 = time.perf_counter()
        scores = dense @ query
        t3 = time.perf_counter()
        if k >= 3:  # warm-up runs are not counted
            rank_ms.append((t1 - t0) * 1000)
            bare_ms.append((t3 - t2) * 1000)
        assert len(top) == min(args.top, args.people) and scores.shape == (args.people,)

    tracemalloc.start()
    rank_many(NEEDS[0], net, history.boundaries, NOW).candidates(limit=args.top)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    p50, p95 = percentile(rank_ms, 50), percentile(rank_ms, 95)
    bare50, bare95 = percentile(bare_ms, 50), percentile(bare_ms, 95)
    print(
        f"people: {args.people:,}  topics: {len(net.topic_ids):,} "
        f"({len(net.topic_vectors)} distinct)  availability groups: {len(net.avail_groups)}"
    )
    print(f"embedder: {net.embedder.name}  build network: {build_s:.2f} s (once per history)")
    print(
        f"rank + top {args.top} with reasons: p50 {p50:.1f} ms  p95 {p95:.1f} ms  "
        f"mean {statistics.fmean(rank_ms):.1f} ms  (n={len(rank_ms)})"
    )
    print(
        f"bare numpy pass (dense {args.people:,}x{dense.shape[1]} mat-vec): "
        f"p50 {bare50:.1f} ms  p95 {bare95:.1f} ms"
    )
    print(f"ratio rank/bare: p50 {p50 / bare50:.2f}x  p95 {p95 / bare95:.2f}x")
    print(f"peak memory of one ranking (tracemalloc): {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
