"""Column tables the insights compute from: one list per field, times as naive UTC.

A `History` is turned into `Tables` by `from_history`; a storage loader can fill `Tables`
straight from its rows instead, so no per-row domain object has to be built.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any, TypeVar, overload

from askwell.core.model import History


@overload
def utc_naive(dt: datetime) -> datetime: ...
@overload
def utc_naive(dt: None) -> None: ...
def utc_naive(dt: datetime | None) -> datetime | None:
    """Return `dt` as a naive UTC datetime (a naive one is read as UTC already)."""
    if dt is None or dt.tzinfo is None:
        return dt
    return dt.astimezone(UTC).replace(tzinfo=None)


@dataclass
class People:
    """Who is in the network: ids and names."""

    id: list[int | None]
    name: list[str]

    def names(self) -> dict[int, str]:
        """Return each person's name by id."""
        return {i: n for i, n in zip(self.id, self.name, strict=True) if i is not None}


@dataclass
class Needs:
    """The needs, in their stored order."""

    id: list[int | None]
    support_type: list[str]
    urgency: list[str]
    deadline: list[date | None]
    barriers: list[dict[str, int]]
    expect: list[int | None]
    topics: list[tuple[str, ...]]
    created: list[datetime | None]


@dataclass
class Asks:
    """The asks; `kind` is the answer's kind (None: no answer yet)."""

    id: list[int | None]
    need_id: list[int]
    person_id: list[int]
    status: list[str]
    kind: list[str | None]
    urgency: list[str | None]
    sent: list[datetime | None]
    thanked: list[bool]
    followed: list[bool]
    created: list[datetime | None]


@dataclass
class Events:
    """Thanks or help given: what each refers to (the ask, the person) and when."""

    ref: list[int]
    created: list[datetime | None]


@dataclass
class Stamps:
    """Journal entries: only when each was written."""

    created: list[datetime | None]


@dataclass
class Tables:
    """Everything the insights read, column by column."""

    people: People
    needs: Needs
    asks: Asks
    thanks: Events
    help_given: Events
    journal: Stamps

    def counts(self) -> dict[str, int]:
        """Return how many rows each table holds."""
        return {
            "people": len(self.people.id),
            "needs": len(self.needs.id),
            "asks": len(self.asks.id),
            "thanks": len(self.thanks.ref),
            "help_given": len(self.help_given.ref),
            "journal": len(self.journal.created),
        }


T = TypeVar("T", People, Needs, Asks, Events, Stamps)


def take(table: T, rows: list[int]) -> T:
    """Return a table of the same kind keeping only `rows` (indices, in that order)."""
    columns: dict[str, Any] = {
        f.name: [getattr(table, f.name)[i] for i in rows] for f in fields(table)
    }
    return type(table)(**columns)


def _stamps(values: list[datetime | None]) -> list[datetime | None]:
    return [utc_naive(v) for v in values]


def from_history(history: History) -> Tables:
    """Return the columns of `history` that the insights read."""
    p, n, a = history.people, history.needs, history.asks
    return Tables(
        people=People([x.id for x in p], [x.name for x in p]),
        needs=Needs(
            id=[x.id for x in n],
            support_type=[x.support_type for x in n],
            urgency=[x.urgency for x in n],
            deadline=[x.deadline for x in n],
            barriers=[x.barriers for x in n],
            expect=[x.expect for x in n],
            topics=[x.topics for x in n],
            created=_stamps([x.created_at for x in n]),
        ),
        asks=Asks(
            id=[x.id for x in a],
            need_id=[x.need_id for x in a],
            person_id=[x.person_id for x in a],
            status=[x.status for x in a],
            kind=[x.answer.kind if x.answer is not None else None for x in a],
            urgency=[x.urgency_at_ask for x in a],
            sent=_stamps([x.sent_at for x in a]),
            thanked=[x.thanked_at is not None for x in a],
            followed=[x.followed_up_at is not None for x in a],
            created=_stamps([x.created_at for x in a]),
        ),
        thanks=Events(
            [x.ask_id for x in history.thanks], _stamps([x.created_at for x in history.thanks])
        ),
        help_given=Events(
            [x.person_id for x in history.help_given],
            _stamps([x.created_at for x in history.help_given]),
        ),
        journal=Stamps(_stamps([x.created_at for x in history.journal])),
    )
