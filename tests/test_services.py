"""Services on a real database: SQLite always, PostgreSQL under the `postgres` marker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from askwell import services as sv
from askwell.core.model import Need, Person, parse_hours
from askwell.errors import Conflict, NotFound

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def _network(store) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    ana = sv.add_person(
        store,
        Person(
            name="Ana",
            relationship="mentor",
            topics=("career",),
            tz="Europe/Lisbon",
            hours=parse_hours("Mon-Fri 09:00-17:00"),
        ),
    )
    bo = sv.add_person(store, Person(name="Bo", relationship="friend"))
    need = sv.add_need(store, Need(summary="Career advice", barriers={"burden": 2}, expect=30))
    return ana.id, bo.id, need.id  # type: ignore[return-value]


def test_services_round_trip_people_and_needs(store) -> None:  # type: ignore[no-untyped-def]
    ana, _, nid = _network(store)
    person = sv.get_person(store, ana)
    assert person.hours == parse_hours("Mon-Fri 09:00-17:00") and person.topics == ("career",)
    assert person.created_at is not None and person.created_at.tzinfo is not None
    assert sv.get_need(store, nid).barriers == {"burden": 2}
    assert [p.name for p in sv.list_people(store)] == ["Ana", "Bo"]
    updated = sv.update_person(store, ana, stretched=True, topics=("career", "python"))
    assert updated.stretched and sv.get_person(store, ana).topics == ("career", "python")


def test_services_ask_lifecycle_and_due(store) -> None:  # type: ignore[no-untyped-def]
    ana, bo, nid = _network(store)
    a1 = sv.create_ask(store, nid, ana, "Could we talk?", now=T0).ask
    a2 = sv.create_ask(store, nid, bo, now=T0).ask
    assert a1.urgency_at_ask == "medium" and a1.sent_at == T0
    assert sv.due(store, now=T0 + timedelta(days=1)) == []
    sv.record_answer(store, a1.id, "yes", now=T0 + timedelta(days=1))  # type: ignore[arg-type]
    items = sv.due(store, now=T0 + timedelta(days=4))
    assert [(i.ask.id, i.action, i.person_name) for i in items] == [
        (a2.id, "follow-up", "Bo"),
        (a1.id, "thank", "Ana"),
    ]
    sv.follow_up(store, a2.id, now=T0 + timedelta(days=4))  # type: ignore[arg-type]
    sv.thank(store, a1.id, now=T0 + timedelta(days=4))  # type: ignore[arg-type]
    assert sv.due(store, now=T0 + timedelta(days=40)) == []
    history = sv.load_history(store)
    assert len(history.asks) == 2 and len(history.thanks) == 1


def test_services_no_creates_boundary_and_blocks(store) -> None:  # type: ignore[no-untyped-def]
    ana, bo, nid = _network(store)
    a = sv.create_ask(store, nid, ana, now=T0).ask
    result = sv.record_answer(store, a.id, "no", cooldown_days=14, now=T0)  # type: ignore[arg-type]
    assert result.boundary is not None
    assert result.boundary.until == (T0 + timedelta(days=14)).date()
    said = "said no to this on 2026-03-02; askwell will not suggest asking again before 2026-03-16"
    with pytest.raises(Conflict, match=said):
        sv.create_ask(store, nid, ana, now=T0 + timedelta(days=13))
    assert sv.create_ask(store, nid, bo, now=T0).ask.id  # someone else is fine
    later = sv.create_ask(store, nid, ana, now=T0 + timedelta(days=14))
    assert not later.ask.overridden and not later.warnings


def test_services_unknown_ids_raise_not_found(store) -> None:  # type: ignore[no-untyped-def]
    _, _, nid = _network(store)
    with pytest.raises(NotFound, match="no person with id 99"):
        sv.create_ask(store, nid, 99)
    with pytest.raises(NotFound, match="no need with id 99"):
        sv.add_entry(store, "x", need_id=99)
    assert sv.load_history(store).journal == []


def test_services_failed_write_leaves_nothing_behind(store) -> None:  # type: ignore[no-untyped-def]
    from askwell.core.model import DomainError

    with pytest.raises(DomainError):
        sv.add_people(store, [Person(name="Good"), Person(name="Bad", relationship="boss")])
    assert sv.list_people(store) == []


def test_services_owner_scoping_hides_other_owners_rows(store) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from sqlalchemy import insert

    from askwell.storage.tables import User

    ana, _, _ = _network(store)
    with store.session() as s:
        s.execute(insert(User).values(id=2, name="other", created_at=T0))
    other = replace(store, owner_id=2)
    assert sv.list_people(other) == []
    with pytest.raises(NotFound):
        sv.get_person(other, ana)
