"""Asking early versus in a crisis: urgency and deadline proximity at the time of each ask."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import tzinfo

from askwell.core.insights._common import local, ratio, sent_asks
from askwell.core.model import URGENCIES, Ask, History

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


def compute(history: History, tz: tzinfo, sent: list[Ask] | None = None) -> Urgency:
    """Classify every sent ask as early or in a crisis."""
    needs = {n.id: n for n in history.needs if n.id is not None}
    by_urgency: Counter[str] = Counter()
    by_deadline: Counter[str] = Counter()
    crisis = 0
    asks = 0
    for ask in sent_asks(history) if sent is None else sent:
        if ask.sent_at is None:
            continue
        need = needs.get(ask.need_id)
        urgency = ask.urgency_at_ask or (need.urgency if need is not None else "medium")
        days_left = None
        if need is not None and need.deadline is not None:
            days_left = (need.deadline - local(ask.sent_at, tz).date()).days
        bucket = deadline_bucket(days_left)
        asks += 1
        by_urgency[urgency] += 1
        by_deadline[bucket] += 1
        crisis += is_crisis(urgency, bucket)
    return Urgency(
        asks=asks,
        by_urgency={u: by_urgency.get(u, 0) for u in URGENCIES},
        by_deadline={b: by_deadline.get(b, 0) for b in DEADLINE_BUCKETS},
        early=asks - crisis,
        crisis=crisis,
        early_share=ratio(asks - crisis, asks),
    )
