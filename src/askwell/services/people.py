"""Use-cases for the people in a user's network."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select

from askwell.core import validate
from askwell.core.model import Person
from askwell.services import _rows
from askwell.storage.store import Store
from askwell.storage.tables import PersonRow

EDITABLE = (
    "name",
    "relationship",
    "topics",
    "supports",
    "tz",
    "hours",
    "email",
    "phone",
    "channel",
    "stretched",
    "notes",
)


def add_person(store: Store, person: Person, *, now: datetime | None = None) -> Person:
    """Check and store a new person; return it with its id."""
    return add_people(store, [person], now=now)[0]


def add_people(store: Store, people: list[Person], *, now: datetime | None = None) -> list[Person]:
    """Check and store several people in one transaction (all or nothing)."""
    checked = [validate.person(p) for p in people]
    stamp = now or _rows.now_utc()
    with store.session() as s:
        rows = [
            PersonRow(
                uid=p.uid or _rows.new_uid(),
                owner_id=store.owner_id,
                created_at=p.created_at or stamp,
                **_rows.person_fields(p),
            )
            for p in checked
        ]
        s.add_all(rows)
        s.flush()
        return [_rows.person(r) for r in rows]


def get_person(store: Store, person_id: int) -> Person:
    """Return one person or raise NotFound."""
    with store.session() as s:
        return _rows.person(_rows.owned(s, store, PersonRow, person_id))


def list_people(store: Store) -> list[Person]:
    """Return everyone in the network, by name."""
    with store.session() as s:
        rows = s.scalars(
            select(PersonRow).where(PersonRow.owner_id == store.owner_id).order_by(PersonRow.name)
        )
        return [_rows.person(r) for r in rows]


def update_person(store: Store, person_id: int, **changes: Any) -> Person:
    """Change some fields of a person (only the ones given); return the result."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
    with store.session() as s:
        row = _rows.owned(s, store, PersonRow, person_id)
        checked = validate.person(replace(_rows.person(row), **changes))
        for key, value in _rows.person_fields(checked).items():
            setattr(row, key, value)
        s.flush()
        return _rows.person(row)
