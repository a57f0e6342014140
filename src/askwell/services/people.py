"""Use-cases for the people in a user's network."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from askwell.core import validate
from askwell.core.model import (
    TEXT_MAX,
    Ask,
    Boundary,
    DomainError,
    HelpGiven,
    Need,
    Person,
    check_text,
)
from askwell.errors import Conflict, NotFound
from askwell.services import _rows
from askwell.storage.store import Store
from askwell.storage.tables import BoundaryRow, PersonRow

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


def add_person(
    store: Store, person: Person, *, allow_duplicate: bool = False, now: datetime | None = None
) -> Person:
    """Check and store a new person; one with a name or e-mail already here is refused.

    Pass `allow_duplicate` when it really is someone else with the same name.
    """
    checked = validate.person(person)
    if not allow_duplicate:
        same = existing(store, checked)
        if same is not None:
            other, field = same
            raise Conflict("duplicate_person", name=other.name, id=other.id, field=field)
    return add_people(store, [checked], now=now)[0]


def existing(store: Store, person: Person) -> tuple[Person, str] | None:
    """Return someone already here with the same name or e-mail (ignoring case), and which."""
    name, email = person.name.strip().casefold(), (person.email or "").strip().casefold()
    for other in list_people(store):
        if other.name.strip().casefold() == name:
            return other, "name"
        if email and (other.email or "").strip().casefold() == email:
            return other, "e-mail"
    return None


def find_person(store: Store, ref: str | int) -> Person:
    """Return the one person `ref` names: an id, a full name, or the start of a name or word.

    Names are matched ignoring case; more than one match is an error that lists them.
    """
    text = str(ref).strip()
    if text.isdigit():
        return get_person(store, int(text))
    key = text.casefold()
    if not key:
        raise DomainError("empty", what="the person")
    people = list_people(store)
    for test in (
        lambda n: n == key,
        lambda n: n.startswith(key),
        lambda n: any(word.startswith(key) for word in n.split()),
    ):
        found = [p for p in people if test(p.name.casefold())]
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(f"{p.name} (#{p.id})" for p in found)
            raise DomainError("ambiguous_person", value=text, candidates=names)
    raise NotFound("no_such_person", value=text)


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


def check_until(until: date, today: date) -> None:
    """Refuse a boundary's end that has passed, or one so far off no export could keep it."""
    from askwell.storage.guard import YEAR_MAX

    if until <= today:
        raise DomainError("past_date", value=f"{until:%Y-%m-%d}")
    if until.year > YEAR_MAX:
        raise DomainError("far_date", value=f"{until:%Y-%m-%d}", year=YEAR_MAX)


def add_boundary(
    store: Store,
    person_id: int,
    until: date,
    *,
    topic: str = "",
    reason: str = "",
    now: datetime | None = None,
) -> Boundary:
    """Record a boundary: do not ask this person (about `topic`, or at all) before `until`."""
    stamp = now or _rows.now_utc()
    check_until(until, stamp.date())
    topic = check_text(topic, "the topic", 200, required=False)
    reason = check_text(reason, "the reason", TEXT_MAX, required=False)
    with store.session() as s:
        _rows.owned(s, store, PersonRow, person_id)
        row = BoundaryRow(
            uid=_rows.new_uid(),
            owner_id=store.owner_id,
            created_at=stamp,
            person_id=person_id,
            topic=topic,
            until=until,
            reason=reason,
        )
        s.add(row)
        s.flush()
        return _rows.boundary(row)


def list_boundaries(store: Store, person_id: int | None = None) -> list[Boundary]:
    """Return boundaries (all, or one person's), latest end first."""
    query = select(BoundaryRow).where(BoundaryRow.owner_id == store.owner_id)
    if person_id is not None:
        query = query.where(BoundaryRow.person_id == person_id)
    with store.session() as s:
        rows = s.scalars(query.order_by(BoundaryRow.until.desc(), BoundaryRow.id.desc()))
        return [_rows.boundary(r) for r in rows]


@dataclass
class PersonView:
    """Everything a person page shows, the same in the CLI and the web."""

    person: Person
    boundaries: list[Boundary]
    boundary_lines: list[str]
    asks: list[Ask]
    """Asks made to them, newest first."""
    needs: dict[int, Need] = field(default_factory=dict)
    """The needs those asks were about, by id."""
    help_given: list[HelpGiven] = field(default_factory=list)
    """Help you gave them, newest first."""


def person_view(store: Store, person_id: int) -> PersonView:
    """Return one person with their boundaries (who set each, and why), asks and help given."""
    from askwell.core.cooldown import describe
    from askwell.storage.tables import AskRow, HelpGivenRow, NeedRow

    person = get_person(store, person_id)
    boundaries = list_boundaries(store, person_id)
    o = store.owner_id
    with store.session() as s:
        asks = [
            _rows.ask(r)
            for r in s.scalars(
                select(AskRow)
                .where(AskRow.owner_id == o, AskRow.person_id == person_id)
                .order_by(AskRow.created_at.desc(), AskRow.id.desc())
            )
        ]
        wanted = {a.need_id for a in asks}
        needs = {
            r.id: _rows.need(r)
            for r in s.scalars(select(NeedRow).where(NeedRow.owner_id == o, NeedRow.id.in_(wanted)))
        }
        given = [
            _rows.help_given(r)
            for r in s.scalars(
                select(HelpGivenRow)
                .where(HelpGivenRow.owner_id == o, HelpGivenRow.person_id == person_id)
                .order_by(HelpGivenRow.created_at.desc(), HelpGivenRow.id.desc())
            )
        ]
    lines = [describe(b) for b in boundaries]
    return PersonView(person, boundaries, lines, asks, needs, given)
