"""Delete, undo and merge on a real database: every kind of record, with its parts and links."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from askwell import services as sv
from askwell.core.model import Need, Person
from askwell.errors import AskwellError, DomainError, NotFound
from askwell.services import trash
from askwell.services.transfer import export_data

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def _world(store):  # type: ignore[no-untyped-def]
    ana = sv.add_person(store, Person(name="Ana", topics=("career",)))
    sam = sv.add_person(store, Person(name="Sam", email="sam@example.org", topics=("python",)))
    need = sv.add_need(store, Need(summary="Typo in my nede"))
    ask = sv.create_ask(store, need.id, sam.id, "Could we talk?", now=T0).ask  # type: ignore[arg-type]
    sv.record_answer(store, ask.id, "yes", now=T0 + timedelta(days=1))  # type: ignore[arg-type]
    sv.thank(store, ask.id, now=T0 + timedelta(days=2))  # type: ignore[arg-type]
    sv.give_help(store, sam.id, "Lent a ladder", now=T0)  # type: ignore[arg-type]
    sv.add_boundary(store, sam.id, date(2026, 5, 1), now=T0)  # type: ignore[arg-type]
    note = sv.add_entry(store, "Sam was kind", person_id=sam.id, ask_id=ask.id, now=T0)
    return ana, sam, need, ask, note


def _counts(store):  # type: ignore[no-untyped-def]
    h = sv.load_history(store)
    reflections = [j for j in h.journal if j.kind == "reflection"]
    return (len(h.people), len(h.needs), len(h.asks), len(h.thanks), len(h.help_given),
            len(h.boundaries), len(reflections))  # fmt: skip


def test_trash_delete_person_takes_their_asks_and_undo_brings_all_back(store) -> None:  # type: ignore[no-untyped-def]
    _ana, sam, _need, ask, note = _world(store)
    before = _counts(store)
    item = trash.delete_record(store, "person", sam.id, now=T0 + timedelta(days=3))  # type: ignore[arg-type]
    assert item.label == "Sam" and item.until == date(2026, 4, 4)
    assert _counts(store) == (1, 1, 0, 0, 0, 0, 1)
    entry = next(j for j in sv.load_history(store).journal if j.id == note.id)
    assert entry.person_id is None and entry.ask_id is None  # the reflection stays, unlinked
    with pytest.raises(NotFound):
        sv.get_person(store, sam.id)  # type: ignore[arg-type]
    restored = trash.undo(store, now=T0 + timedelta(days=4))
    assert restored.id == item.id and _counts(store) == before
    assert sv.get_person(store, sam.id).email == "sam@example.org"  # type: ignore[arg-type]
    entry = next(j for j in sv.load_history(store).journal if j.id == note.id)
    assert (entry.person_id, entry.ask_id) == (sam.id, ask.id)
    changes = [j.text for j in sv.load_history(store).journal if j.kind == "change"]
    assert changes[0].startswith("Deleted the person “Sam”") and "Restored" in changes[1]
    assert trash.list_trash(store, now=T0 + timedelta(days=4)) == []


@pytest.mark.parametrize("kind", ["need", "ask", "journal", "help", "boundary"])
def test_trash_every_kind_can_be_deleted_and_restored(store, kind: str) -> None:  # type: ignore[no-untyped-def]
    _ana, _sam, need, ask, note = _world(store)
    h = sv.load_history(store)
    ids = {"need": need.id, "ask": ask.id, "journal": note.id,
           "help": h.help_given[0].id, "boundary": h.boundaries[0].id}  # fmt: skip
    before = _counts(store)
    trash.delete_record(store, kind, ids[kind], now=T0)  # type: ignore[arg-type]
    assert sum(_counts(store)) < sum(before)
    trash.undo(store, now=T0)
    assert _counts(store) == before


def test_trash_restore_gets_a_new_id_when_the_old_one_was_reused(sqlite_store) -> None:  # type: ignore[no-untyped-def]
    store = sqlite_store
    _ana, sam, _need, _ask, _note = _world(store)
    trash.delete_record(store, "person", sam.id, now=T0)  # type: ignore[arg-type]
    newcomer = sv.add_person(store, Person(name="Newcomer"))
    assert newcomer.id == sam.id  # SQLite hands the freed id out again
    trash.undo(store, now=T0)
    names = sorted(p.name for p in sv.list_people(store))
    assert names == ["Ana", "Newcomer", "Sam"]
    back = next(p for p in sv.list_people(store) if p.name == "Sam")
    assert [a.person_id for a in sv.list_asks(store)] == [back.id]


def test_trash_entries_older_than_30_days_are_gone_for_good(store) -> None:  # type: ignore[no-untyped-def]
    _ana, sam, *_ = _world(store)
    trash.delete_record(store, "person", sam.id, now=T0)  # type: ignore[arg-type]
    assert len(trash.list_trash(store, now=T0 + timedelta(days=29))) == 1
    assert trash.list_trash(store, now=T0 + timedelta(days=31)) == []
    with pytest.raises(AskwellError, match="nothing to undo"):
        trash.undo(store, now=T0 + timedelta(days=31))


def test_trash_merge_people_moves_everything_and_undo_splits_them(store) -> None:  # type: ignore[no-untyped-def]
    ana, sam, _need, _ask, _note = _world(store)
    item = trash.merge_people(store, ana.id, sam.id, now=T0)  # type: ignore[arg-type]
    assert item.merged_into == ana.id
    merged = sv.get_person(store, ana.id)  # type: ignore[arg-type]
    assert merged.topics == ("career", "python") and merged.email == "sam@example.org"
    h = sv.load_history(store)
    assert {a.person_id for a in h.asks} == {ana.id} and len(h.people) == 1
    assert h.help_given[0].person_id == ana.id and h.boundaries[0].person_id == ana.id
    assert any(j.text == "Merged “Sam” into “Ana”" for j in h.journal)
    trash.undo(store, item.id, now=T0)
    h = sv.load_history(store)
    assert {a.person_id for a in h.asks} == {sam.id} and h.help_given[0].person_id == sam.id
    ana_back = sv.get_person(store, ana.id)  # type: ignore[arg-type]
    assert ana_back.topics == ("career",) and ana_back.email is None


def test_trash_merge_refuses_the_same_person(store) -> None:  # type: ignore[no-untyped-def]
    ana, *_ = _world(store)
    with pytest.raises(AskwellError, match="same person"):
        trash.merge_people(store, ana.id, ana.id)  # type: ignore[arg-type]


def test_trash_unknown_kind_lists_the_choices(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match="person, need, ask"):
        trash.delete_record(store, "cat", 1)


def test_trash_export_flags_what_is_in_the_trash(store) -> None:  # type: ignore[no-untyped-def]
    _ana, sam, *_ = _world(store)
    trash.delete_record(store, "person", sam.id)  # type: ignore[arg-type]
    doc = export_data(store)
    assert [p["name"] for p in doc["people"]] == ["Ana"]
    (entry,) = doc["trash"]
    assert entry["trashed"] is True and entry["kind"] == "person" and entry["label"] == "Sam"
    assert [p["name"] for p in entry["records"]["people"]] == ["Sam"]


def test_trash_need_with_an_alternative_chain_comes_back_whole(store) -> None:  # type: ignore[no-untyped-def]
    ana, sam, need, _ask, _note = _world(store)
    first = sv.create_ask(store, need.id, ana.id, "Could you look?", now=T0).ask  # type: ignore[arg-type]
    sv.record_answer(store, first.id, "alternative", offered="Ask Sam", now=T0)  # type: ignore[arg-type]
    later = sv.create_ask(  # type: ignore[arg-type]
        store, need.id, sam.id, "Ana sent me", parent_id=first.id, override=True, now=T0
    ).ask
    sv.follow_up(store, later.id, note="Any news?", now=T0 + timedelta(days=9))  # type: ignore[arg-type]
    before = _counts(store)
    trash.delete_record(store, "need", need.id, now=T0)  # type: ignore[arg-type]
    assert _counts(store)[1:3] == (0, 0)
    trash.undo(store, now=T0)
    assert _counts(store) == before
    assert sv.get_ask(store, later.id).parent_id == first.id  # type: ignore[arg-type]
    trash.delete_record(store, "ask", first.id, now=T0)  # type: ignore[arg-type]
    assert sv.get_ask(store, later.id).parent_id is None  # type: ignore[arg-type]
    trash.undo(store, now=T0)
    assert sv.get_ask(store, later.id).parent_id == first.id  # type: ignore[arg-type]
    newer = sv.add_person(store, Person(name="After undo"))
    assert newer.id not in (ana.id, sam.id)  # the id counter is past the restored rows


def test_trash_merge_twice_then_undo_both_on_any_database(store) -> None:  # type: ignore[no-untyped-def]
    ana, sam, *_ = _world(store)
    kim = sv.add_person(store, Person(name="Kim"))
    first = trash.merge_people(store, ana.id, sam.id, now=T0)  # type: ignore[arg-type]
    second = trash.merge_people(store, ana.id, kim.id, now=T0)  # type: ignore[arg-type]
    trash.undo(store, second.id, now=T0)
    trash.undo(store, first.id, now=T0)
    assert sorted(p.name for p in sv.list_people(store)) == ["Ana", "Kim", "Sam"]
    assert {a.person_id for a in sv.list_asks(store)} == {sam.id}
