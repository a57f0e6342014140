"""Hand an ask over to the outside world: a mailto: link and copy-ready text (pure)."""

from __future__ import annotations

from datetime import tzinfo
from urllib.parse import quote

from askwell.core.model import Need, Person
from askwell.core.moment import Slot


def _encode(value: str) -> str:
    """Percent-encode for a mailto: header value (RFC 6068: CRLF line breaks, UTF-8)."""
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    return quote(text, safe="")


def mailto(to: str | None, subject: str, body: str) -> str:
    """Return a mailto: URI with the subject and body percent-encoded."""
    address = quote(to.strip(), safe="@.+-_") if to else ""
    query = "&".join(
        f"{key}={_encode(value)}" for key, value in (("subject", subject), ("body", body)) if value
    )
    return f"mailto:{address}" + (f"?{query}" if query else "")


def subject_for(need: Need) -> str:
    """Return a short, plain email subject for a need."""
    summary = " ".join(need.summary.split())
    return summary if len(summary) <= 78 else summary[:77].rstrip() + "…"


def slot_line(slot: Slot, user_zone: tzinfo | None = None) -> str:
    """Return "Tue 03 Mar 10:00-10:30 (Europe/Berlin)" plus the user's time when it differs."""
    line = f"{slot.start:%a %d %b %H:%M}-{slot.end:%H:%M} ({slot.tz})"
    if user_zone is not None:
        mine = slot.start.astimezone(user_zone)
        if mine.utcoffset() != slot.start.utcoffset() or mine.tzinfo != slot.start.tzinfo:
            line += f", {mine:%a %H:%M} your time"
    return line


def copy_text(text: str, person: Person, slot: Slot | None = None) -> str:
    """Return the request ready to paste, with who it is for and the suggested moment."""
    head = [f"To: {person.name}" + (f" <{person.email}>" if person.email else "")]
    if slot is not None:
        head.append(f"When: {slot_line(slot)}")
    return "\n".join(head) + "\n\n" + text.strip() + "\n"
