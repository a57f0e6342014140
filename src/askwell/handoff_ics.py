"""Build an .ics calendar event (with a reminder) for a suggested slot, via `icalendar`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from askwell.core.moment import Slot

PRODID = "-//askwell//ask for help well//EN"


def ics_bytes(
    slot: Slot,
    *,
    summary: str,
    description: str = "",
    uid: str,
    attendee: str | None = None,
    attendee_name: str | None = None,
    alarm_before: timedelta = timedelta(minutes=15),
    now: datetime | None = None,
) -> bytes:
    """Return an iCalendar file with one event for `slot` and a display alarm before it."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", (now or datetime.now(UTC)).astimezone(UTC))
    event.add("dtstart", slot.start.astimezone(UTC))
    event.add("dtend", slot.end.astimezone(UTC))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    if attendee:
        address = vCalAddress(f"mailto:{attendee}")
        if attendee_name:
            address.params["cn"] = vText(attendee_name)
        event.add("attendee", address, encode=False)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Reminder: {summary}")
    alarm.add("trigger", -alarm_before)
    event.add_component(alarm)
    cal.add_component(event)
    return cal.to_ical()
