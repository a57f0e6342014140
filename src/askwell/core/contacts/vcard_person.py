"""Turn a read card into a Person, noting what was left out and why (never failing on a field
askwell does not use)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from askwell.core import validate
from askwell.core.contacts.vcard_text import Prop, RawCard, components
from askwell.core.model import (
    NAME_MAX,
    RELATIONSHIPS,
    TEXT_MAX,
    DomainError,
    Person,
    Window,
    hours_in_text,
)

# Groups that contact apps add on their own; they say nothing about what a person knows.
SYSTEM_GROUPS = frozenset(
    {
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
)
CATEGORY_RELATIONSHIP = {"work": "colleague", "coworker": "colleague", "co-worker": "colleague"}
TOPIC_MAX = 80
NOT_PEOPLE = {"group": "a group", "org": "an organisation", "location": "a place"}
_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$", re.IGNORECASE)
# askwell's own fields, written by `people export` as X- properties and read back here.
X_RELATIONSHIP = "X-ASKWELL-RELATIONSHIP"
X_SUPPORTS = "X-ASKWELL-SUPPORTS"
X_HOURS = "X-ASKWELL-HOURS"
X_CHANNEL = "X-ASKWELL-CHANNEL"
X_STRETCHED = "X-ASKWELL-STRETCHED"
X_NOTES = "X-ASKWELL-NOTES"


@dataclass
class CardOutcome:
    """What became of one card: a person (or None and why), and notes on what was left out."""

    line: int
    name: str | None
    person: Person | None = None
    error: str | None = None
    skipped: str | None = None
    notes: list[str] = field(default_factory=list)


def _text(card: RawCard, name: str) -> str | None:
    prop = card.first(name)
    text = " ".join(prop.value.split()) if prop is not None else ""
    return text or None


def _preferred(props: list[Prop]) -> Prop | None:
    """Return the preferred of several (TYPE=PREF or PREF=1), else the first with a value."""
    filled = [p for p in props if p.value.strip()]
    for prop in filled:
        if "PREF" in prop.types or prop.param("PREF")[:1] == ["1"]:
            return prop
    return filled[0] if filled else None


def display_name(card: RawCard) -> str | None:
    """Return FN, else N put together (prefix given middle family suffix), else NICKNAME."""
    fn = card.first("FN")
    full = fn.value.strip() if fn is not None else ""
    if full:
        return full
    n = card.first("N")
    if n is not None:
        parts = components(n.value, card.version) + [""] * 5
        family, given, middle, prefix, suffix = parts[:5]
        joined = " ".join(" ".join((prefix, given, middle, family, suffix)).split())
        if joined:
            return joined
    nickname = card.first("NICKNAME")
    if nickname is not None:
        return components(nickname.value, card.version, ",")[0] or None
    return None


def card_kind(card: RawCard) -> str:
    """Return what the card describes: individual, group, org, location (KIND or Apple's flags)."""
    kind = (_text(card, "KIND") or _text(card, "X-ADDRESSBOOKSERVER-KIND") or "").lower()
    if kind:
        return kind
    if (_text(card, "X-ABSHOWAS") or "").upper() == "COMPANY" and not card.first("N"):
        return "org"
    return "individual"


def zone_from(value: str) -> tuple[str, str | None]:
    """Read a vCard TZ: an IANA name, or a whole-hour offset as Etc/GMT+N; note what was not."""
    text = value.strip().removeprefix("VALUE=text:").strip()
    if not text:
        return "UTC", None
    try:
        return validate.check_tz(text), None
    except DomainError:
        pass
    match = _OFFSET.match(text)
    if match is None:
        return "UTC", f"time zone {text!r} is not one askwell knows; kept UTC"
    sign, hours, minutes = match[1], int(match[2]), int(match[3] or 0)
    if minutes or hours > 14:
        return "UTC", f"time zone offset {text} is not whole hours; kept UTC (set it by hand)"
    if hours == 0:
        return "UTC", None
    # POSIX-style names: Etc/GMT+5 is five hours *behind* UTC, so the sign flips.
    return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}", None


def _categories(card: RawCard) -> list[str]:
    found: list[str] = []
    for prop in card.all("CATEGORIES"):
        found += [c for c in components(prop.value, card.version, ",") if c]
    return list(dict.fromkeys(found))


def _relationship(categories: list[str]) -> str:
    for cat in categories:
        key = cat.strip().lower()
        if key in RELATIONSHIPS:
            return key
        if key in CATEGORY_RELATIONSHIP:
            return CATEGORY_RELATIONSHIP[key]
    return "friend"


def _org(card: RawCard) -> str | None:
    prop = card.first("ORG")
    if prop is None:
        return None
    return ", ".join(c for c in components(prop.value, card.version) if c) or None


def first_email(addresses: list[str], notes: list[str]) -> str | None:
    """Return the first plausible address (a `mailto:` dropped); note the ones left out."""
    for raw in addresses:
        address = raw.strip().removeprefix("mailto:").strip()
        bracketed = re.search(r"<([^<>\s]+@[^<>\s]+)>", address)  # "Name" <address>
        address = bracketed[1] if bracketed else address
        if not address:
            continue
        try:
            return validate.check_email(address)
        except DomainError:
            notes.append(f"e-mail {address[:60]!r} does not look like an address; left out")
    return None


def _emails(card: RawCard) -> list[str]:
    props = [p for p in card.all("EMAIL") if p.value.strip()]
    chosen = _preferred(props)
    return list(dict.fromkeys(p.value for p in ([chosen] if chosen else []) + props))


def _tel(card: RawCard) -> str | None:
    chosen = _preferred(card.all("TEL"))
    if chosen is None:
        return None
    return chosen.value.strip().removeprefix("tel:").strip() or None


def _askwell_fields(card: RawCard, person: Person, notes: list[str]) -> Person:
    """Read back what `people export` writes: X-ASKWELL-* properties and the CATEGORIES."""
    from dataclasses import replace

    from askwell.core.model import parse_hours, parse_list

    relationship = (_text(card, X_RELATIONSHIP) or person.relationship).lower()
    categories = _categories(card)
    if categories[:1] and categories[0].lower() == relationship:
        categories = categories[1:]  # the export puts the relationship first, then the topics
    hours_text = _text(card, X_HOURS) or ""
    hours: tuple[Window, ...] = ()
    if hours_text:
        try:
            hours = parse_hours(hours_text)
        except DomainError as exc:
            notes.append(f"usual hours {hours_text!r} could not be read ({exc}); left out")
    own_notes = card.first(X_NOTES)
    return replace(
        person,
        relationship=relationship,
        topics=tuple(categories),
        supports=parse_list(_text(card, X_SUPPORTS) or ""),
        hours=hours,
        channel=(_text(card, X_CHANNEL) or "").lower() or None,
        stretched=(_text(card, X_STRETCHED) or "").lower() in ("1", "true", "yes"),
        notes=own_notes.value.strip() if own_notes is not None else person.notes,
    )


@dataclass
class Fields:
    """What any contacts format tells askwell about a person, before it becomes a Person."""

    name: str
    categories: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phone: str | None = None
    notes: list[str] = field(default_factory=list)  # title, organisation, then the free note
    tz: str = "UTC"


def assemble(fields: Fields, outcome: CardOutcome) -> Person:
    """Build an (unchecked) Person from `fields`, trimming what is too long with a note."""
    name = fields.name
    if len(name) > NAME_MAX:
        outcome.notes.append(f"the name is longer than {NAME_MAX} characters; cut short")
    joined = "; ".join(n for n in fields.notes if n)
    if len(joined) > TEXT_MAX:
        outcome.notes.append(f"title, organisation and note ran past {TEXT_MAX} characters; cut")
    topics = [
        c
        for c in fields.categories
        if c.lower() not in RELATIONSHIPS
        and c.lower() not in SYSTEM_GROUPS
        and c.lower() not in CATEGORY_RELATIONSHIP
    ]
    if any(len(t) > TOPIC_MAX for t in topics):
        outcome.notes.append("category names longer than 80 characters were not made topics")
    email = first_email(fields.emails, outcome.notes)
    return Person(
        name=name[:NAME_MAX].strip(),
        relationship=_relationship(fields.categories),
        topics=tuple(t for t in topics if len(t) <= TOPIC_MAX)[: validate.TOPICS_MAX],
        email=email,
        phone=(fields.phone or "").strip()[:64] or None,
        notes=joined[:TEXT_MAX],
        tz=fields.tz,
        hours=hours_in_text(fields.notes[-1] if fields.notes else ""),
        channel="email" if email else None,
    )


def checked(outcome: CardOutcome, person: Person, fallback: Person | None = None) -> CardOutcome:
    """Validate `person` into the outcome; on failure try `fallback`, else record the error."""
    for candidate in (person, fallback):
        if candidate is None:
            continue
        try:
            outcome.person, outcome.error = validate.person(candidate), None
            return outcome
        except DomainError as exc:
            outcome.error = str(exc)
            if fallback is not None and candidate is person:
                outcome.notes.append(f"askwell's own fields could not be read ({exc}); left out")
    return outcome


def card_to_person(card: RawCard) -> CardOutcome:
    """Map one card to a Person, or say why not; note every field that was left out."""
    name = display_name(card)
    outcome = CardOutcome(card.line, name, notes=list(card.notes))
    if not card.closed:
        outcome.notes.append("the card has no END:VCARD line; read up to where the next began")
    kind = card_kind(card)
    if kind in NOT_PEOPLE:
        outcome.skipped = f"{NOT_PEOPLE[kind]}, not a person (KIND:{kind})"
        return outcome
    if not name:
        if _org(card):
            outcome.skipped = f"an organisation ({_org(card)}) with no person's name"
        else:
            outcome.error = "the card has no name (FN or N)"
        return outcome
    tz, tz_note = zone_from(_text(card, "TZ") or "")
    if tz_note:
        outcome.notes.append(tz_note)
    note = card.first("NOTE")
    fields = Fields(
        name,
        categories=_categories(card),
        emails=_emails(card),
        phone=_tel(card),
        notes=[_text(card, "TITLE") or "", _org(card) or "", note.value.strip() if note else ""],
        tz=tz,
    )
    person = assemble(fields, outcome)
    if card.first(X_RELATIONSHIP) is None:  # not written by `people export`
        return checked(outcome, person)
    return checked(outcome, _askwell_fields(card, person, outcome.notes), person)
