"""Normalise and check domain objects before they are stored; errors are DomainError."""

from __future__ import annotations

import re
from dataclasses import replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from askwell.core.model import (
    BARRIERS,
    CHANNELS,
    NAME_MAX,
    NEED_STATES,
    RELATIONSHIPS,
    SUMMARY_MAX,
    SUPPORT_TYPES,
    TEXT_MAX,
    URGENCIES,
    DomainError,
    Need,
    Person,
    check_choice,
    check_text,
)

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TOPICS_MAX = 40


def check_tz(tz: str) -> str:
    """Return a valid IANA time zone name or raise DomainError."""
    name = tz.strip()
    try:
        if not name or "\x00" in name:
            raise ValueError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise DomainError("bad_tz", value=tz) from None
    return name


def check_email(email: str | None) -> str | None:
    """Return a plausible e-mail address, None for empty, or raise DomainError."""
    if email is None or not email.strip():
        return None
    email = email.strip()
    if not _EMAIL_RE.match(email) or len(email) > 320:
        raise DomainError("bad_email", value=email)
    return email


def check_percent(value: int | None, what: str = "expected yes %") -> int | None:
    """Return a 0-100 integer or raise DomainError."""
    if value is None:
        return None
    if not 0 <= value <= 100:
        raise DomainError("bad_percent", what=what, value=value)
    return value


def check_barriers(barriers: dict[str, int]) -> dict[str, int]:
    """Return barriers with known names and 0-3 intensities (zeros dropped)."""
    out: dict[str, int] = {}
    for name, level in barriers.items():
        key = check_choice(name, BARRIERS, "barrier")
        if not isinstance(level, int) or isinstance(level, bool) or not 0 <= level <= 3:
            raise DomainError("bad_intensity", barrier=key, value=level)
        if level:
            out[key] = level
    return out


def _check_topics(topics: tuple[str, ...], what: str) -> tuple[str, ...]:
    if len(topics) > TOPICS_MAX:
        raise DomainError("too_many", what=what, count=len(topics), limit=TOPICS_MAX)
    return tuple(check_text(t, f"a {what[:-1]}", 80) for t in topics)


def person(p: Person) -> Person:
    """Return a checked, normalised copy of a person."""
    return replace(
        p,
        name=check_text(p.name, "the name", NAME_MAX),
        relationship=check_choice(p.relationship, RELATIONSHIPS, "relationship"),
        topics=_check_topics(p.topics, "topics"),
        supports=tuple(
            dict.fromkeys(check_choice(s, SUPPORT_TYPES, "support type") for s in p.supports)
        ),
        tz=check_tz(p.tz),
        email=check_email(p.email),
        phone=check_text(p.phone, "the phone number", 64, required=False) or None
        if p.phone
        else None,
        channel=check_choice(p.channel, CHANNELS, "channel") if p.channel else None,
        notes=check_text(p.notes, "the notes", TEXT_MAX, required=False),
    )


def need(n: Need) -> Need:
    """Return a checked, normalised copy of a need."""
    return replace(
        n,
        summary=check_text(n.summary, "the summary", SUMMARY_MAX),
        details=check_text(n.details, "the details", TEXT_MAX, required=False),
        support_type=check_choice(n.support_type, SUPPORT_TYPES, "support type"),
        urgency=check_choice(n.urgency, URGENCIES, "urgency"),
        barriers=check_barriers(n.barriers),
        expect=check_percent(n.expect),
        status=check_choice(n.status, NEED_STATES, "need status"),
        topics=_check_topics(n.topics, "topics"),
        ask=check_text(n.ask, "the ask", SUMMARY_MAX, required=False),
        size=check_text(n.size, "the size", SUMMARY_MAX, required=False),
        situation=check_text(n.situation, "the situation", SUMMARY_MAX * 2, required=False),
    )
