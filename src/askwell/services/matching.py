"""Use-cases for choosing whom to ask and when, and for handing an ask off (mailto, .ics, text)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from askwell.core import handoff, localtime, moment
from askwell.core.match import Candidate, Weights, rank
from askwell.core.model import Need, Person
from askwell.errors import AskwellError
from askwell.services import _rows
from askwell.services.asks import get_ask
from askwell.services.history import load_history
from askwell.services.needs import get_need
from askwell.services.people import get_person
from askwell.storage.store import Store

MAX_SLOTS = 20


@dataclass
class Moments:
    """Good moments to ask one person (optionally about one need), and the lighter pre-ask."""

    person: Person
    need: Need | None
    slots: list[moment.Slot]
    pre_ask: str


@dataclass
class Handoff:
    """Ways to send an ask: a mailto: link, copy-ready text and (with a slot) an .ics file."""

    mailto: str
    text: str
    slot: moment.Slot | None = None
    ics: bytes | None = None


def suggest(
    store: Store, need_id: int, *, weights: Weights | None = None, now: datetime | None = None
) -> list[Candidate]:
    """Rank everyone in the network for a need; excluded people come last with the reason."""
    now = now or _rows.now_utc()
    need = get_need(store, need_id)
    history = load_history(store)
    return rank(need, history.people, history, now, weights=weights)


def when(
    store: Store,
    person_id: int,
    *,
    need_id: int | None = None,
    count: int = 3,
    now: datetime | None = None,
) -> Moments:
    """Return the next `count` good moments to ask a person, in their zone, plus a pre-ask."""
    if not 1 <= count <= MAX_SLOTS:
        raise AskwellError("slot_count", limit=MAX_SLOTS)
    now = now or _rows.now_utc()
    person = get_person(store, person_id)
    need = get_need(store, need_id) if need_id is not None else None
    slots = moment.suggest(person, need, now, count)
    first = slots[0] if slots else None
    return Moments(person, need, slots, moment.pre_ask(person, need, first, now))


def resolve_slot(
    store: Store,
    person_id: int,
    at: str,
    *,
    need_id: int | None = None,
    length: timedelta = moment.DEFAULT_LENGTH,
    fold: int | None = None,
    allow_past: bool = False,
    now: datetime | None = None,
) -> moment.Slot:
    """Read a slot: "1".."20" picks a suggested one; otherwise an ISO time in their zone.

    A wall time the clocks skip, or one they repeat without `fold`, raises with the choices;
    a time already past raises unless `allow_past`.
    """
    person = get_person(store, person_id)
    now = now or _rows.now_utc()
    text = at.strip()
    if text.isdigit():
        choice = int(text)
        if not 1 <= choice <= MAX_SLOTS:
            raise AskwellError("slot_number", limit=MAX_SLOTS, value=text)
        need = get_need(store, need_id) if need_id is not None else None
        found = moment.suggest(person, need, now, choice)
        if len(found) < choice:
            raise AskwellError("few_slots", found=len(found), name=person.name)
        return found[choice - 1]
    try:
        start = datetime.fromisoformat(text)
    except ValueError:
        raise AskwellError("bad_moment", value=text) from None
    zone = moment.zone_of(person.tz)
    if start.tzinfo is None:
        start = localtime.resolve(start, zone, fold)
    else:
        start = localtime.canonical(start, zone)
    localtime.not_past(start, now, allow_past=allow_past)
    return moment.Slot(start, localtime.later(start, length), person.tz, "chosen by you")


def handoff_for_ask(
    store: Store,
    ask_id: int,
    *,
    slot: moment.Slot | None = None,
    cancel: bool = False,
    now: datetime | None = None,
) -> Handoff:
    """Build the mailto: link, the copy text and, with a slot, the invitation (or its CANCEL)."""
    from askwell.handoff_ics import Invite, Party, invite_bytes
    from askwell.services.calendar import organizer, sequence_of

    ask = get_ask(store, ask_id)
    person = get_person(store, ask.person_id)
    need = get_need(store, ask.need_id)
    text = ask.text or moment.pre_ask(person, need, slot, now or _rows.now_utc())
    link = handoff.mailto(person.email, handoff.subject_for(need), text)
    result = Handoff(link, handoff.copy_text(text, person, slot), slot)
    if slot is not None:
        invite = Invite(
            slot,
            summary=f"Ask {person.name}: {handoff.subject_for(need)}",
            uid=f"{ask.uid or ask.id}@askwell",
            description=text,
            sequence=sequence_of(store, ask_id),
            organizer=organizer(store),
            attendee=Party(person.email, person.name) if person.email else None,
            cancel=cancel,
        )
        result.ics = invite_bytes(invite, now=now or datetime.now(UTC))
    return result


def planned_slot(store: Store, ask_id: int) -> moment.Slot | None:
    """Return the slot an ask was planned for (its scheduled time), or None."""
    ask = get_ask(store, ask_id)
    if ask.scheduled_for is None:
        return None
    person = get_person(store, ask.person_id)
    start = localtime.canonical(ask.scheduled_for, moment.zone_of(person.tz))
    return moment.Slot(start, localtime.later(start, moment.DEFAULT_LENGTH), person.tz, "planned")


def write_ics(path: str, data: bytes) -> Path:
    """Write .ics bytes to the file at `path`; an unwritable path is a one-line user error."""
    from askwell.services._files import write_private

    return write_private(path, data)
