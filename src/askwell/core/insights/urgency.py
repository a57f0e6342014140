"""Asking early versus in a crisis: urgency and deadline proximity at the time of each ask."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from askwell.core.insights._common import Prepared, ratio
from askwell.core.model import URGENCIES

DEADLINE_BUCKETS = ("no deadline", "over 7 days", "3-7 days", "under 3 days", "past deadline")
CRISIS_DEADLINE = ("under 3 days", "past deadline")


@dataclass
class Urgency:
    """How urgent things were when the asks went out."""

    asks: int = 0
    by_urgency: dict[str, int] = field(default_factory=dict)
    by_deadline: dict[str, int] = field(default_factory=dict)
    early: int = 0
    crisis: int = 0
    early_share: float | None = None


def deadline_bucket(days_left: int | None) -> str:
    """Name the deadline bucket for the number of days left when asking (None: no deadline)."""
    if days_left is None:
        return DEADLINE_BUCKETS[0]
    if days_left < 0:
        return "past deadline"
    if days_left < 3:
        return "under 3 days"
    if days_left <= 7:
        return "3-7 days"
    return "over 7 days"


def is_crisis(urgency: str, bucket: str) -> bool:
    """Return True for an ask made in a crisis: high urgency or under 3 days to the deadline."""
    return urgency == "high" or bucket in CRISIS_DEADLINE


def compute(prep: Prepared) -> Urgency:
    """Classify every sent ask as early or in a crisis."""
    needs = prep.data.needs
    info = {
        need_id: (urgency, deadline)
        for need_id, urgency, deadline in zip(needs.id, needs.urgency, needs.deadline, strict=True)
        if need_id is not None
    }
    # Count asks per (urgency, days left), then classify each distinct pair once.
    pairs: Counter[tuple[str, int | None]] = Counter()
    sent = prep.sent
    for asked_urgency, need_id, day in zip(sent.urgency, sent.need_id, prep.dates, strict=True):
        need = info.get(need_id)
        if need is None:
            pairs[(asked_urgency or "medium", None)] += 1
        else:
            deadline = need[1]
            pairs[
                (asked_urgency or need[0], None if deadline is None else (deadline - day).days)
            ] += 1
    by_urgency: Counter[str] = Counter()
    by_deadline: Counter[str] = Counter()
    crisis = 0
    for (urgency, days_left), count in pairs.items():
        bucket = deadline_bucket(days_left)
        by_urgency[urgency] += count
        by_deadline[bucket] += count
        crisis += count * is_crisis(urgency, bucket)
    asks = len(prep.dates)
    return Urgency(
        asks=asks,
        by_urgency={u: by_urgency.get(u, 0) for u in URGENCIES},
        by_deadline={b: by_deadline.get(b, 0) for b in DEADLINE_BUCKETS},
        early=asks - crisis,
        crisis=crisis,
        early_share=ratio(asks - crisis, asks),
    )
