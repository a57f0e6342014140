"""Boundaries after a no: which cooldown, if any, stops asking a person about a need."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from askwell.core.model import Boundary, DomainError, Need

DEFAULT_COOLDOWN_DAYS = 30
MAX_COOLDOWN_DAYS = 3650


def covers(boundary: Boundary, need: Need) -> bool:
    """Return True when the boundary is about this need (same need, its topic, or everything)."""
    if boundary.need_id is not None:
        return boundary.need_id == need.id
    topic = boundary.topic.strip().lower()
    if not topic:
        return True
    haystack = " ".join((need.summary, need.details, *need.topics)).lower()
    return topic in haystack


def blocking(
    boundaries: Iterable[Boundary], person_id: int, need: Need, today: date
) -> Boundary | None:
    """Return the active boundary that ends last for this person and need, if any."""
    active = [
        b for b in boundaries if b.person_id == person_id and b.active(today) and covers(b, need)
    ]
    return max(active, key=lambda b: b.until, default=None)


def cooldown_end(today: date, days: int) -> date:
    """Return the first day the person may be asked again after a no today."""
    if not 1 <= days <= MAX_COOLDOWN_DAYS:
        raise DomainError(f"the cooldown must be 1 to {MAX_COOLDOWN_DAYS} days, not {days}")
    return today + timedelta(days=days)
