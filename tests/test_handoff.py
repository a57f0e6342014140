"""Hand-off: mailto links, copy-ready text and .ics events with an alarm."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from askwell.core import handoff
from askwell.core.model import Need, Person
from askwell.core.moment import Slot
from askwell.handoff_ics import Party, ics_bytes

BERLIN = ZoneInfo("Europe/Berlin")
SLOT = Slot(
    datetime(2026, 3, 30, 9, 0, tzinfo=BERLIN),
    datetime(2026, 3, 30, 9, 30, tzinfo=BERLIN),
    "Europe/Berlin",
    "inside their usual hours",
)
TRICKY = "Q&A? #1 — Grüße\nsecond line & more?=yes"


def test_handoff_mailto_encodes_reserved_characters_newlines_and_non_ascii() -> None:
    link = handoff.mailto("ana@example.org", "Q&A? #1 — Grüße", TRICKY)
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and parts.path == "ana@example.org"
    assert parts.fragment == ""  # a raw '#' would have cut the link here
    query = parts.query
    assert query.count("&") == 1 and query.count("?") == 0 and " " not in query
    fields = {k: v[0] for k, v in parse_qs(query).items()}
    assert fields["subject"] == "Q&A? #1 — Grüße"
    assert fields["body"] == "Q&A? #1 — Grüße\r\nsecond line & more?=yes"
    assert "%0D%0A" in query and "%C3%BC" in query


def test_handoff_mailto_without_address_or_body() -> None:
    assert handoff.mailto(None, "Hi", "") == "mailto:?subject=Hi"
    assert handoff.mailto("a+b@x.org", "", "") == "mailto:a+b@x.org"
    assert unquote(handoff.mailto("ü@x.org", "", "")) == "mailto:ü@x.org"


def test_handoff_subject_is_short_and_single_line() -> None:
    assert handoff.subject_for(Need("Help\nwith   my CV")) == "Help with my CV"
    long = handoff.subject_for(Need("x" * 120))
    assert len(long) == 78 and long.endswith("…")


def test_handoff_copy_text_has_recipient_slot_and_text() -> None:
    ana = Person("Ana Ruiz", email="ana@example.org")
    text = handoff.copy_text("  Could you help?  ", ana, SLOT)
    assert text == (
        "To: Ana Ruiz <ana@example.org>\nWhen: Mon 30 Mar 09:00-09:30 (Europe/Berlin)\n\n"
        "Could you help?\n"
    )
    assert handoff.copy_text("Hi", Person("Bo")) == "To: Bo\n\nHi\n"


def test_handoff_slot_line_adds_the_users_time_when_it_differs() -> None:
    assert handoff.slot_line(SLOT, ZoneInfo("America/New_York")).endswith(", Mon 03:00 your time")
    assert handoff.slot_line(SLOT, BERLIN) == "Mon 30 Mar 09:00-09:30 (Europe/Berlin)"


def test_handoff_ics_has_event_times_attendee_and_alarm() -> None:
    data = ics_bytes(
        SLOT,
        summary="Ask Ana: career; next steps, ü",
        description=TRICKY,
        uid="ask-7@askwell",
        attendee="ana@example.org",
        attendee_name="Ana Ruiz",
        organizer=Party("me@example.net", "Sam Me"),
        now=datetime(2026, 3, 1, tzinfo=UTC),
    )
    cal = Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    assert event.decoded("dtstart") == SLOT.start
    assert event.decoded("dtend") == SLOT.end
    assert str(event["summary"]) == "Ask Ana: career; next steps, ü"
    assert str(event["description"]) == TRICKY
    assert str(event["uid"]) == "ask-7@askwell"
    assert str(event["attendee"]) == "mailto:ana@example.org"
    assert str(event["organizer"]) == "mailto:me@example.net"
    assert str(cal["method"]) == "REQUEST"
    (alarm,) = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == -timedelta(minutes=15)
    assert b"\r\n" in data and data.startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("minutes", [5, 60])
def test_handoff_ics_alarm_lead_is_configurable(minutes: int) -> None:
    data = ics_bytes(SLOT, summary="x", uid="u", alarm_before=timedelta(minutes=minutes))
    (alarm,) = Calendar.from_ical(data).walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(minutes=minutes)
