"""Calendar files via `icalendar`: invitations calendars accept (RFC 5545 / iTIP RFC 5546).

Which kind of file an ask gets:
- you (`askwell config`) and they both have an e-mail address: METHOD:REQUEST with you as
  ORGANIZER and them as ATTENDEE, a real invitation they can accept;
- only you have one: METHOD:PUBLISH with you as ORGANIZER (an event for your own calendar);
- you have none: a plain event with no METHOD (iTIP requires an ORGANIZER, so a file without
  one must not claim to be an iTIP message); calendars import it all the same.
Times are written in UTC, so no VTIMEZONE is needed and no client can misread a zone. The UID
stays the ask's; SEQUENCE grows each time the ask moves, so calendars update the same event;
a withdrawn ask sends METHOD:CANCEL (or, without an organizer, the event as CANCELLED).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from askwell.core.moment import Slot

PRODID = "-//askwell//ask for help well//EN"


@dataclass(frozen=True)
class Party:
    """Someone on an invitation: an e-mail address and, if known, a display name."""

    email: str
    name: str | None = None

    def address(self, **params: str) -> vCalAddress:
        """Return the calendar address (mailto:) with CN and any other parameters."""
        address = vCalAddress(f"mailto:{self.email}")
        if self.name:
            address.params["cn"] = vText(self.name)
        for key, value in params.items():
            address.params[key] = vText(value)
        return address


def method_for(organizer: Party | None, attendee: Party | None, *, cancel: bool = False) -> str:
    """Return the iTIP method ("REQUEST", "PUBLISH", "CANCEL") or "" for a plain file."""
    if organizer is None:
        return ""
    if attendee is None:
        return "CANCEL" if cancel else "PUBLISH"
    return "CANCEL" if cancel else "REQUEST"


@dataclass(frozen=True)
class Invite:
    """One event to write: when, what, who, and which version of it this is."""

    slot: Slot
    summary: str
    uid: str
    description: str = ""
    sequence: int = 0
    organizer: Party | None = None
    attendee: Party | None = None
    cancel: bool = False


def _calendar(method: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    return cal


def _event(invite: Invite, method: str, stamp: datetime, alarm_before: timedelta) -> Event:
    event = Event()
    event.add("uid", invite.uid)
    event.add("dtstamp", stamp)
    event.add("sequence", invite.sequence)
    event.add("dtstart", invite.slot.start.astimezone(UTC))
    event.add("dtend", invite.slot.end.astimezone(UTC))
    event.add("summary", invite.summary)
    if invite.description:
        event.add("description", invite.description)
    if invite.organizer is not None:
        event.add("organizer", invite.organizer.address(), encode=False)
    if invite.attendee is not None and method in ("REQUEST", "CANCEL"):
        event.add(
            "attendee",
            invite.attendee.address(role="REQ-PARTICIPANT", partstat="NEEDS-ACTION", rsvp="TRUE"),
            encode=False,
        )
    if invite.cancel:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Reminder: {invite.summary}")
        alarm.add("trigger", -alarm_before)
        event.add_component(alarm)
    return event


def invite_bytes(
    invite: Invite,
    *,
    alarm_before: timedelta = timedelta(minutes=15),
    now: datetime | None = None,
) -> bytes:
    """Return an iCalendar file for one invitation (or its cancellation)."""
    method = method_for(invite.organizer, invite.attendee, cancel=invite.cancel)
    cal = _calendar(method)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    cal.add_component(_event(invite, method, stamp, alarm_before))
    return cal.to_ical()


def ics_bytes(
    slot: Slot,
    *,
    summary: str,
    description: str = "",
    uid: str,
    attendee: str | None = None,
    attendee_name: str | None = None,
    organizer: Party | None = None,
    sequence: int = 0,
    alarm_before: timedelta = timedelta(minutes=15),
    now: datetime | None = None,
) -> bytes:
    """Return an iCalendar file with one event for `slot` and a display alarm before it."""
    guest = Party(attendee, attendee_name) if attendee else None
    invite = Invite(slot, summary, uid, description, sequence, organizer, guest)
    return invite_bytes(invite, alarm_before=alarm_before, now=now)


@dataclass(frozen=True)
class FeedItem:
    """One entry of the reminders feed: an all-day reminder or a timed planned ask."""

    uid: str
    summary: str
    description: str
    start: datetime
    end: datetime | None = None  # None: an all-day reminder on start's date


def feed_bytes(items: Iterable[FeedItem], *, name: str, now: datetime | None = None) -> bytes:
    """Return a subscribable calendar (no METHOD: it is not an iTIP message) of reminders."""
    cal = _calendar("")
    cal.add("x-wr-calname", name)
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        if item.end is None:
            day = item.start.date()
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        else:
            event.add("dtstart", item.start.astimezone(UTC))
            event.add("dtend", item.end.astimezone(UTC))
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        cal.add_component(event)
    return cal.to_ical()
