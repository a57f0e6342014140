"""Boundaries: which cooldown (after a no) or boundary (theirs) stops asking a person, and why."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

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
        raise DomainError("bad_cooldown", limit=MAX_COOLDOWN_DAYS, value=days)
    return today + timedelta(days=days)


def about(boundary: Boundary) -> str:
    """Return "about <topic>" or "about anything" for a boundary the person gave."""
    return f"about {boundary.topic}" if boundary.topic else "about anything"


def refusal(boundary: Boundary, name: str) -> tuple[str, dict[str, Any]]:
    """Return the catalogue code and data that say why `name` should not be asked now.

    After a no: they said no (on that day); a boundary they gave: its topic and reason.
    """
    until = f"{boundary.until:%Y-%m-%d}"
    if boundary.after_no:
        on = f" on {boundary.created_at:%Y-%m-%d}" if boundary.created_at else ""
        return "cooldown", {"name": name, "on": on, "until": until}
    why = f" ({boundary.reason})" if boundary.reason else ""
    return "boundary", {"name": name, "about": about(boundary), "until": until, "why": why}


def describe(boundary: Boundary) -> str:
    """Say who set a boundary and why, in a line a person page shows."""
    until = f"{boundary.until:%Y-%m-%d}"
    if boundary.after_no:
        on = f" on {boundary.created_at:%Y-%m-%d}" if boundary.created_at else ""
        what = boundary.topic or "this need"
        return f"They said no to {what}{on}: no asks about it before {until}."
    why = f" ({boundary.reason})" if boundary.reason else ""
    return f"Their boundary{why}: no asks {about(boundary)} before {until}."
