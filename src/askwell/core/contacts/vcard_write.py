"""Write people as vCard 4.0 (RFC 6350): what other apps read, plus askwell's own fields as
X-ASKWELL-* properties so that importing the file again loses nothing."""

from __future__ import annotations

from collections.abc import Iterable

from askwell.core.contacts.vcard_person import (
    X_CHANNEL,
    X_HOURS,
    X_NOTES,
    X_RELATIONSHIP,
    X_STRETCHED,
    X_SUPPORTS,
)
from askwell.core.model import Person, render_hours

PRODID = "-//askwell//ask for help well//EN"
FOLD_AT = 75  # octets per line, not counting CRLF (RFC 6350 3.2)


def escape(text: str) -> str:
    """Escape a text value: backslash, comma, semicolon and line breaks."""
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    parts: list[str] = []
    current, size, limit = "", 0, FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, FOLD_AT - 1  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def card(person: Person) -> str:
    """Return one person as a vCard 4.0 card (CRLF line ends, folded)."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"PRODID:{PRODID}", "KIND:individual"]
    if person.uid:
        lines.append(f"UID:urn:uuid:{person.uid}")
    lines.append(f"FN:{escape(person.name)}")
    if person.email:
        lines.append(f"EMAIL;PREF=1:{escape(person.email)}")
    if person.phone:
        lines.append(f"TEL;VALUE=text:{escape(person.phone)}")
    lines.append(f"TZ:{escape(person.tz)}")
    categories = [person.relationship, *person.topics]
    lines.append("CATEGORIES:" + ",".join(escape(c) for c in categories))
    if person.notes:
        lines.append(f"NOTE:{escape(person.notes)}")
    lines.append(f"{X_RELATIONSHIP}:{escape(person.relationship)}")
    if person.supports:
        lines.append(f"{X_SUPPORTS}:" + escape(", ".join(person.supports)))
    if person.hours:
        lines.append(f"{X_HOURS}:{escape(render_hours(person.hours))}")
    lines.append(f"{X_CHANNEL}:{escape(person.channel or '')}")
    lines.append(f"{X_STRETCHED}:{'true' if person.stretched else 'false'}")
    lines.append(f"{X_NOTES}:{escape(person.notes)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def cards(people: Iterable[Person]) -> str:
    """Return many people as one .vcf text."""
    return "".join(card(p) for p in people)
