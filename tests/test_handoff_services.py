"""Services for `askwell ask --at SLOT --ics FILE --mailto`, on a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar

from askwell import services
from askwell.core import localtime
from askwell.core.model import Need, Person, parse_hours
from askwell.errors import AskwellError
from askwell.services import matching
from askwell.storage.store import Store

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.fixture
def ask_id(sqlite_store: Store) -> int:
    st = sqlite_store
    services.add_person(
        st,
        Person(
            "Ana Ruiz",
            relationship="mentor",
            tz="Europe/Berlin",
            hours=parse_hours("Mon-Fri 09:00-17:00"),
            email="ana@example.org",
        ),
    )
    services.add_need(st, Need("Career move & next steps?", support_type="advice"))
    text = "Hi Ana, could we talk about my next step? #career\nThanks!"
    created = services.create_ask(st, 1, 1, text, "email", now=NOW).ask
    assert created.id is not None
    return created.id


def test_handoff_resolve_slot_by_number_and_iso(sqlite_store: Store, ask_id: int) -> None:
    st = sqlite_store
    second = matching.resolve_slot(st, 1, "2", need_id=1, now=NOW)
    assert second.start.isoformat() == "2026-03-03T09:00:00+01:00"
    own = matching.resolve_slot(st, 1, "2026-03-30T10:00", now=NOW)
    assert own.start.isoformat() == "2026-03-30T10:00:00+02:00" and own.tz == "Europe/Berlin"
    with pytest.raises(AskwellError, match="cannot read the moment 'soon'"):
        matching.resolve_slot(st, 1, "soon")
    with pytest.raises(AskwellError, match="from 1 to 20"):
        matching.resolve_slot(st, 1, "21")


def test_handoff_for_ask_builds_mailto_text_and_ics(
    sqlite_store: Store, ask_id: int, tmp_path: Path
) -> None:
    st = sqlite_store
    slot = matching.resolve_slot(st, 1, "1", need_id=1, now=NOW)
    result = matching.handoff_for_ask(st, ask_id, slot=slot, now=NOW)
    fields = {k: v[0] for k, v in parse_qs(urlsplit(result.mailto).query).items()}
    assert urlsplit(result.mailto).path == "ana@example.org"
    assert fields["subject"] == "Career move & next steps?"
    assert fields["body"].endswith("#career\r\nThanks!")
    assert result.text.startswith(
        "To: Ana Ruiz <ana@example.org>\nWhen: Mon 02 Mar 13:30-14:00 (Europe/Berlin)"
    )
    assert result.ics is not None
    path = matching.write_ics(str(tmp_path / "ask.ics"), result.ics)
    (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == slot.start
    assert len(event.walk("VALARM")) == 1


def test_handoff_for_ask_without_slot_has_no_ics(sqlite_store: Store, ask_id: int) -> None:
    result = matching.handoff_for_ask(sqlite_store, ask_id)
    assert result.ics is None and result.slot is None
    assert "When:" not in result.text


def test_handoff_write_ics_unwritable_path_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(AskwellError, match="cannot write"):
        matching.write_ics(str(tmp_path / "missing" / "x.ics"), b"x")


@pytest.fixture
def new_yorker(sqlite_store: Store) -> int:
    person = services.add_person(sqlite_store, Person("Dee Park", tz="America/New_York"))
    assert person.id is not None
    return person.id


def test_handoff_resolve_slot_refuses_a_time_the_clocks_skip(
    sqlite_store: Store, new_yorker: int
) -> None:
    with pytest.raises(localtime.NonexistentTime, match="nearest times are 01:45 and 03:00"):
        matching.resolve_slot(sqlite_store, new_yorker, "2027-03-14T02:30", now=NOW)


def test_handoff_resolve_slot_repeated_time_takes_a_fold_and_lasts_exactly(
    sqlite_store: Store, new_yorker: int
) -> None:
    with pytest.raises(localtime.AmbiguousTime, match="happens twice"):
        matching.resolve_slot(sqlite_store, new_yorker, "2026-11-01T01:30", now=NOW)
    first = matching.resolve_slot(sqlite_store, new_yorker, "2026-11-01T01:30", fold=0, now=NOW)
    second = matching.resolve_slot(sqlite_store, new_yorker, "2026-11-01T01:30", fold=1, now=NOW)
    assert localtime.length(first.start, second.start) == timedelta(hours=1)
    for slot in (first, second):
        assert localtime.length(slot.start, slot.end) == timedelta(minutes=30)


def test_handoff_resolve_slot_refuses_the_past_unless_allowed(
    sqlite_store: Store, new_yorker: int
) -> None:
    with pytest.raises(localtime.PastTime, match="already passed"):
        matching.resolve_slot(sqlite_store, new_yorker, "2026-03-01T10:00", now=NOW)
    slot = matching.resolve_slot(
        sqlite_store, new_yorker, "2026-03-01T10:00", allow_past=True, now=NOW
    )
    assert slot.start.isoformat() == "2026-03-01T10:00:00-05:00"
