"""Import people from vCard 3.0 / 4.0 files: bad cards are reported by line, good ones kept."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from askwell.core import validate
from askwell.core.model import RELATIONSHIPS, DomainError, Person, hours_in_text
from askwell.services._files import read_user_file
from askwell.services.people import add_people, list_people
from askwell.storage.store import Store

MAX_BYTES = 20_000_000
# Groups that contact apps add on their own; they say nothing about what a person knows.
_SYSTEM_GROUPS = {
    "mycontacts",
    "my contacts",
    "starred",
    "starred in android",
    "friends & family",
    "coworkers",
    "imported",
    "favorites",
    "favourites",
    "contacts",
}
_CATEGORY_RELATIONSHIP = {"work": "colleague", "coworker": "colleague", "co-worker": "colleague"}


@dataclass
class CardError:
    """A card that could not be read, with the line it starts on."""

    line: int
    message: str


@dataclass
class ImportResult:
    """What a vCard import did."""

    imported: list[Person] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[CardError] = field(default_factory=list)


def split_cards(text: str) -> tuple[list[tuple[int, str]], list[CardError]]:
    """Split a .vcf text into (first line number, card text) blocks and errors for stray lines."""
    cards: list[tuple[int, str]] = []
    stray: list[CardError] = []
    current: list[str] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        tag = line.strip().upper()
        if tag == "BEGIN:VCARD":
            if current is not None:
                cards.append((start, "\n".join(current)))
            current, start = [line], number
        elif current is not None:
            current.append(line)
            if tag == "END:VCARD":
                cards.append((start, "\n".join(current)))
                current = None
        elif tag:
            stray.append(CardError(number, f"this line is outside any card: {line.strip()[:60]!r}"))
    if current is not None:
        cards.append((start, "\n".join(current)))
    return cards, stray


def _value(card: Any, name: str) -> str | None:
    child = getattr(card, name, None)
    if child is None:
        return None
    value = child.value
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    text = str(value).strip()
    return text or None


def _name(card: Any) -> str | None:
    full = _value(card, "fn")
    if full:
        return full
    n = getattr(card, "n", None)
    if n is not None:
        parts = [n.value.prefix, n.value.given, n.value.additional, n.value.family]
        joined = " ".join(str(p) for p in parts if p and str(p).strip())
        return joined or None
    return None


def _relationship(categories: list[str]) -> str:
    for cat in categories:
        key = cat.strip().lower()
        if key in RELATIONSHIPS:
            return key
        if key in _CATEGORY_RELATIONSHIP:
            return _CATEGORY_RELATIONSHIP[key]
    return "friend"


def card_to_person(card: Any) -> Person:
    """Map one parsed vCard to a Person (raises DomainError when it has no name)."""
    name = _name(card)
    if not name:
        raise DomainError("the card has no name (FN or N)")
    categories: list[str] = []
    cat = getattr(card, "categories", None)
    if cat is not None:
        raw = cat.value if isinstance(cat.value, list) else str(cat.value).split(",")
        categories = [str(c).strip() for c in raw if str(c).strip()]
    tz = _value(card, "tz") or "UTC"
    try:
        tz = validate.check_tz(tz.removeprefix("VALUE=text:"))
    except DomainError:
        tz = "UTC"  # offsets like -05:00 are not zones; keep UTC rather than guess
    notes = [n for n in (_value(card, "title"), _value(card, "org"), _value(card, "note")) if n]
    email = _value(card, "email")
    if email:
        email = email.removeprefix("mailto:")
    phone = _value(card, "tel")
    if phone:
        phone = phone.removeprefix("tel:")
    topics = tuple(
        c
        for c in categories
        if c.lower() not in RELATIONSHIPS
        and c.lower() not in _SYSTEM_GROUPS
        and c.lower() not in _CATEGORY_RELATIONSHIP
    )
    return Person(
        name=name,
        relationship=_relationship(categories),
        topics=topics,
        email=email,
        phone=phone,
        notes="; ".join(notes),
        tz=tz,
        hours=hours_in_text(_value(card, "note") or ""),
        channel="email" if email else None,
    )


_AT_LINE = re.compile(r"^At line (\d+):\s*")


def _unreadable(exc: Exception, start: int) -> str:
    """Describe a vobject error with the line number in the file, not inside the card."""
    text = str(exc).strip()
    reason = text.splitlines()[0] if text else type(exc).__name__
    match = _AT_LINE.match(reason)
    if match:
        reason = reason[match.end() :]
        return f"unreadable card (line {start + int(match[1]) - 1}): {reason}"
    return f"unreadable card: {reason}"


def parse_vcards(text: str) -> tuple[list[Person], list[CardError]]:
    """Parse every card in `text`; return the people and the errors by line."""
    import vobject

    people: list[Person] = []
    cards, errors = split_cards(text)
    if not cards and text.strip():
        return [], [CardError(1, "no BEGIN:VCARD found; is this a vCard (.vcf) file?")]
    for line, block in cards:
        try:
            card = vobject.readOne(block, validate=False, ignoreUnreadable=False, allowQP=True)
            if card.name.upper() != "VCARD":
                raise DomainError(f"expected a VCARD, found {card.name}")
            people.append(validate.person(card_to_person(card)))
        except DomainError as exc:
            errors.append(CardError(line, str(exc)))
        except Exception as exc:  # vobject raises many types for malformed input
            errors.append(CardError(line, _unreadable(exc, line)))
    errors.sort(key=lambda e: e.line)
    return people, errors


def import_vcards(store: Store, path: str | Path) -> ImportResult:
    """Import the cards of a .vcf file, skipping people already present (same name and e-mail)."""
    raw = read_user_file(path, max_bytes=MAX_BYTES, what="a vCard (.vcf) file")
    text = raw.decode("utf-8-sig", errors="replace")
    text = re.sub(r"\r\n?", "\n", text)
    people, errors = parse_vcards(text)
    result = ImportResult(errors=errors)
    known = {(p.name.lower(), (p.email or "").lower()) for p in list_people(store)}
    fresh: list[Person] = []
    for person in people:
        key = (person.name.lower(), (person.email or "").lower())
        if key in known:
            result.skipped.append(person.name)
            continue
        known.add(key)
        fresh.append(person)
    result.imported = add_people(store, fresh)
    return result
