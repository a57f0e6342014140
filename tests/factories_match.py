"""Hand-made people, needs and histories for the matching tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from askwell.core.model import Answer, Ask, Boundary, HelpGiven, History, Need, Person, parse_hours

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # a Monday
OFFICE = parse_hours("Mon-Fri 09:00-17:00")


def person(pid: int, name: str, **kw: Any) -> Person:
    """Return a person in UTC with office hours unless told otherwise."""
    kw.setdefault("hours", OFFICE)
    kw.setdefault("tz", "UTC")
    return Person(name=name, id=pid, **kw)


def need(nid: int = 100, summary: str = "Advice on my career", **kw: Any) -> Need:
    """Return a need (an advice need unless told otherwise)."""
    kw.setdefault("support_type", "advice")
    return Need(summary=summary, id=nid, **kw)


def ask(aid: int, need_id: int, person_id: int, kind: str | None, days_ago: int = 10) -> Ask:
    """Return a sent ask, answered with `kind` when given."""
    sent = NOW - timedelta(days=days_ago)
    return Ask(
        need_id=need_id,
        person_id=person_id,
        status="answered" if kind else "sent",
        answer=Answer(kind) if kind else None,
        sent_at=sent,
        id=aid,
    )


def history(people: list[Person], needs: list[Need] | None = None, **kw: Any) -> History:
    """Return a History of these people and needs plus any other lists."""
    return History(people=list(people), needs=list(needs or []), **kw)


def cooldown(pid: int, until: date, **kw: Any) -> Boundary:
    """Return a boundary on a person."""
    return Boundary(person_id=pid, until=until, **kw)


def helped(pid: int, n: int) -> list[HelpGiven]:
    """Return n records of help given to a person."""
    return [HelpGiven(person_id=pid, summary=f"help {i}") for i in range(n)]
