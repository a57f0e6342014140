"""Independent iCalendar checks for tests: icalendar, ical (allenporter), vobject, libical iTIP."""

from __future__ import annotations

import ctypes
import ctypes.util
from datetime import UTC, datetime
from functools import cache
from typing import Any

import pytest


def by_icalendar(data: bytes) -> list[dict[str, Any]]:
    """Parse with icalendar; return each VEVENT's uid, sequence, status and UTC times."""
    from icalendar import Calendar

    cal = Calendar.from_ical(data)
    return [
        {
            "method": str(cal.get("method", "")),
            "uid": str(e["uid"]),
            "sequence": int(e.get("sequence", 0)),
            "status": str(e.get("status", "")),
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend"),
            "organizer": str(e.get("organizer", "")),
            "attendees": [str(a) for a in _list(e.get("attendee"))],
        }
        for e in cal.walk("VEVENT")
    ]


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def by_ical(data: bytes) -> list[dict[str, Any]]:
    """Parse with the `ical` package (pydantic-validated RFC 5545 model, another code base)."""
    from ical.calendar_stream import IcsCalendarStream

    cal = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    return [
        {
            "uid": e.uid,
            "sequence": e.sequence or 0,
            "start": e.dtstart,
            "end": e.dtend,
            "organizer": e.organizer.uri if e.organizer else "",
        }
        for e in cal.events
    ]


def by_vobject(data: bytes) -> list[dict[str, Any]]:
    """Parse with vobject (a third, older parser)."""
    import vobject

    cal = vobject.readOne(data.decode("utf-8"))
    return [
        {"uid": e.uid.value, "start": e.dtstart.value, "end": e.dtend.value}
        for e in cal.vevent_list
    ]


@cache
def _libical() -> Any:
    name = ctypes.util.find_library("ical") or "libical.so.3"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.icalparser_parse_string.restype = ctypes.c_void_p
    lib.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    lib.icalrestriction_check.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_count_errors.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_as_ical_string.restype = ctypes.c_char_p
    lib.icalcomponent_as_ical_string.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_free.argtypes = [ctypes.c_void_p]
    return lib


def libical_itip(data: bytes) -> list[str]:
    """Return libical's parse and iTIP (RFC 5546 restriction) errors; skip if libical is absent.

    libical comes from Debian's `libical3` package (apt-get install libical3).
    """
    lib = _libical()
    if lib is None:
        pytest.skip("libical is not installed (Debian: apt-get install libical3)")
    component = lib.icalparser_parse_string(data)
    assert component, "libical could not parse the file"
    try:
        lib.icalrestriction_check(component)
        text = lib.icalcomponent_as_ical_string(component).decode("utf-8", "replace")
    finally:
        lib.icalcomponent_free(component)
    unfolded = text.replace("\r\n ", "").replace("\n ", "")
    return [line for line in unfolded.splitlines() if line.startswith("X-LIC-ERROR")]


def accepted_everywhere(data: bytes) -> list[dict[str, Any]]:
    """Check `data` with every parser (and libical's iTIP rules); return icalendar's events."""
    events = by_icalendar(data)
    others = by_ical(data)
    old = by_vobject(data)
    assert [e["uid"] for e in others] == [e["uid"] for e in old] == [e["uid"] for e in events]
    for mine, theirs, third in zip(events, others, old, strict=True):
        for key in ("start", "end"):
            expected = mine[key]
            got = theirs[key]
            if isinstance(expected, datetime):
                assert got.astimezone(UTC) == expected.astimezone(UTC)
                assert third[key].astimezone(UTC) == expected.astimezone(UTC)
            else:
                assert got == expected == third[key]
    assert libical_itip(data) == []
    return events
