"""Invitations calendars accept: checked by icalendar, ical, vobject and libical's iTIP rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from askwell import services
from askwell.core import localtime
from askwell.core.model import DomainError, Need, Person
from askwell.core.moment import Slot
from askwell.handoff_ics import Invite, Party, invite_bytes
from askwell.services import calendar, matching
from askwell.storage.store import Store
from ical_check import accepted_everywhere, by_icalendar, libical_itip
from zones import transitions

ME = Party("sam@example.net", "Sam Me")
ANA = Party("ana@example.org", "Ana Ruiz")
NOW = datetime(2027, 1, 5, 12, tzinfo=UTC)
ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "America/Santiago", "Asia/Gaza"]


def _slot(start_utc: datetime, zone: str, minutes: int = 60) -> Slot:
    start = localtime.canonical(start_utc, ZoneInfo(zone))
    return Slot(start, localtime.later(start, timedelta(minutes=minutes)), zone, "test")


def _changes_2027(zone: str) -> list[datetime]:
    found = [t for t in transitions(zone) if t.year == 2027]
    assert len(found) == 2, (zone, found)
    return found


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("which", [0, 1], ids=["first-change", "second-change"])
@pytest.mark.parametrize("organizer", [ME, None], ids=["request", "plain"])
def test_invitations_across_each_clock_change_are_exact_and_accepted(
    zone: str, which: int, organizer: Party | None
) -> None:
    change = _changes_2027(zone)[which]
    slot = _slot(change - timedelta(minutes=30), zone)  # starts before, ends after the change
    invite = Invite(
        slot, "Ask Ana: a CV review", "ask-1@askwell", organizer=organizer, attendee=ANA
    )
    (event,) = accepted_everywhere(invite_bytes(invite, now=NOW))
    assert event["end"] - event["start"] == timedelta(minutes=60)
    assert event["start"] == change - timedelta(minutes=30)
    assert event["method"] == ("REQUEST" if organizer else "")


def test_invitations_spring_forward_in_new_york_ends_after_it_starts() -> None:
    start = localtime.resolve(datetime(2027, 3, 14, 1, 45), ZoneInfo("America/New_York"))
    slot = Slot(start, localtime.later(start, timedelta(minutes=30)), "America/New_York", "x")
    (event,) = by_icalendar(invite_bytes(Invite(slot, "x", "u@askwell"), now=NOW))
    assert event["start"].isoformat() == "2027-03-14T06:45:00+00:00"
    assert event["end"].isoformat() == "2027-03-14T07:15:00+00:00"


@pytest.mark.parametrize(
    ("organizer", "attendee", "cancel", "method", "has_attendee"),
    [
        (ME, ANA, False, "REQUEST", True),
        (ME, None, False, "PUBLISH", False),
        (None, ANA, False, "", False),
        (None, None, False, "", False),
        (ME, ANA, True, "CANCEL", True),
        (None, ANA, True, "", False),
    ],
)
def test_invitations_method_follows_who_is_known(
    organizer: Party | None, attendee: Party | None, cancel: bool, method: str, has_attendee: bool
) -> None:
    slot = _slot(datetime(2027, 5, 3, 8, tzinfo=UTC), "Europe/Berlin", 30)
    data = invite_bytes(
        Invite(slot, "s", "u@askwell", organizer=organizer, attendee=attendee, cancel=cancel),
        now=NOW,
    )
    (event,) = accepted_everywhere(data)
    assert event["method"] == method
    assert bool(event["attendees"]) is has_attendee
    assert event["organizer"] == (f"mailto:{ME.email}" if organizer else "")
    assert event["status"] == ("CANCELLED" if cancel else "CONFIRMED")
    assert (b"BEGIN:VALARM" in data) is not cancel


def test_invitations_the_old_publish_with_an_attendee_fails_itip() -> None:
    old = (
        b"BEGIN:VCALENDAR\r\nPRODID:-//askwell//ask for help well//EN\r\nVERSION:2.0\r\n"
        b"METHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:u@askwell\r\nDTSTAMP:20270101T000000Z\r\n"
        b"DTSTART:20270503T080000Z\r\nDTEND:20270503T083000Z\r\nSUMMARY:s\r\n"
        b"ATTENDEE:mailto:ana@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert libical_itip(old) != []


@pytest.fixture
def planned(sqlite_store: Store) -> int:
    st = sqlite_store
    services.add_person(st, Person("Ana Ruiz", tz="Europe/Berlin", email=ANA.email))
    services.add_need(st, Need("Review my CV", support_type="feedback"))
    ask = services.create_ask(st, 1, 1, "Could you look at my CV?", "email", now=NOW).ask
    assert ask.id is not None
    return ask.id


def test_invitations_config_makes_a_request_and_a_move_updates_the_same_event(
    sqlite_store: Store, planned: int
) -> None:
    st = sqlite_store
    first = matching.resolve_slot(st, 1, "2027-03-10T10:00", now=NOW)
    plain = by_icalendar(matching.handoff_for_ask(st, planned, slot=first).ics or b"")
    assert plain[0]["method"] == "" and plain[0]["sequence"] == 0
    calendar.set_me(st, name="Sam Me", email=ME.email)
    sent = accepted_everywhere(matching.handoff_for_ask(st, planned, slot=first).ics or b"")
    moved = matching.resolve_slot(st, 1, "2027-03-12T15:00", now=NOW)
    assert calendar.next_sequence(st, planned, moved_to=moved.start) == 1
    again = accepted_everywhere(matching.handoff_for_ask(st, planned, slot=moved).ics or b"")
    assert again[0]["uid"] == sent[0]["uid"] and again[0]["method"] == "REQUEST"
    assert (sent[0]["sequence"], again[0]["sequence"]) == (0, 1)
    assert services.get_ask(st, planned).scheduled_for == moved.start
    calendar.next_sequence(st, planned)
    slot = matching.planned_slot(st, planned)
    assert slot is not None
    cancel = matching.handoff_for_ask(st, planned, slot=slot, cancel=True).ics or b""
    (event,) = accepted_everywhere(cancel)
    assert (event["method"], event["sequence"], event["status"]) == ("CANCEL", 2, "CANCELLED")
    assert event["uid"] == sent[0]["uid"]


def test_invitations_config_refuses_a_bad_email(sqlite_store: Store) -> None:
    with pytest.raises(DomainError, match="does not look like an e-mail address"):
        calendar.set_me(sqlite_store, email="not an address")
    assert calendar.get_me(sqlite_store).email is None
