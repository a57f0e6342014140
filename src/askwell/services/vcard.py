"""Import people from vCard 2.1 / 3.0 / 4.0 files: every card reported, every person kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from askwell.core.contacts.vcard_person import CardOutcome, card_to_person
from askwell.core.contacts.vcard_text import decode_bytes, read_cards
from askwell.core.model import Person
from askwell.services._files import read_user_file
from askwell.services.people import add_people, list_people
from askwell.storage.store import Store

MAX_BYTES = 20_000_000


@dataclass
class CardError:
    """A card (or a line) that could not be read, with the line it starts on."""

    line: int
    message: str


@dataclass
class CardNote:
    """Something about one card the user should know: what was left out, or skipped, and why."""

    line: int
    name: str | None
    message: str


@dataclass
class ImportResult:
    """What an import did: people added, names already present, errors and per-card notes."""

    imported: list[Person] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[CardError] = field(default_factory=list)
    notes: list[CardNote] = field(default_factory=list)


def read_vcards(data: bytes | str) -> tuple[list[CardOutcome], list[CardError]]:
    """Read every card of a .vcf file; return each card's outcome and lines outside cards."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    cards, stray = read_cards(raw)
    errors = [CardError(s.line, f"this line is outside any card: {s.text!r}") for s in stray]
    if not cards and raw.strip():
        return [], [CardError(1, "no BEGIN:VCARD found; is this a vCard (.vcf) file?")]
    return [card_to_person(card) for card in cards], errors


def parse_vcards(data: bytes | str) -> tuple[list[Person], list[CardError]]:
    """Parse every card; return the people and the errors (cards with no person), by line."""
    outcomes, errors = read_vcards(data)
    errors += [CardError(o.line, o.error) for o in outcomes if o.error]
    errors.sort(key=lambda e: e.line)
    return [o.person for o in outcomes if o.person is not None], errors


def add_new(store: Store, outcomes: list[CardOutcome], errors: list[CardError]) -> ImportResult:
    """Store the people among `outcomes` not already present (same name and e-mail)."""
    result = ImportResult(errors=list(errors))
    known = {(p.name.lower(), (p.email or "").lower()) for p in list_people(store)}
    fresh: list[Person] = []
    for outcome in outcomes:
        result.notes += [CardNote(outcome.line, outcome.name, n) for n in outcome.notes]
        if outcome.skipped:
            result.notes.append(CardNote(outcome.line, outcome.name, f"skipped: {outcome.skipped}"))
        if outcome.error:
            result.errors.append(CardError(outcome.line, outcome.error))
        person = outcome.person
        if person is None:
            continue
        key = (person.name.lower(), (person.email or "").lower())
        if key in known:
            result.skipped.append(person.name)
            continue
        known.add(key)
        fresh.append(person)
    result.errors.sort(key=lambda e: e.line)
    result.imported = add_people(store, fresh)
    return result


def import_vcards(store: Store, path: str | Path) -> ImportResult:
    """Import the cards of a .vcf file, skipping people already present (same name and e-mail)."""
    raw = read_user_file(path, max_bytes=MAX_BYTES, what="a vCard (.vcf) file")
    outcomes, errors = read_vcards(raw)
    return add_new(store, outcomes, errors)


def import_contacts(store: Store, path: str | Path) -> ImportResult:
    """Import a .vcf file, or a Google / Outlook contacts .csv export (told apart by content)."""
    from askwell.core.contacts.csv_people import looks_like_csv, read_csv

    raw = read_user_file(path, max_bytes=MAX_BYTES, what="a contacts file (.vcf or .csv)")
    head, _ = decode_bytes(raw[:4000])
    if looks_like_csv(head.decode("utf-8", "replace")):
        return add_new(store, read_csv(raw), [])
    outcomes, errors = read_vcards(raw)
    return add_new(store, outcomes, errors)


def export_vcards(store: Store, path: str | Path) -> int:
    """Write everyone in your network to `path` as vCard 4.0; return how many."""
    from askwell.core.contacts.vcard_write import cards
    from askwell.errors import AskwellError

    people = list_people(store)
    try:
        Path(path).write_bytes(cards(people).encode("utf-8"))
    except OSError as exc:
        raise AskwellError(f"cannot write {path}: {exc.strerror or exc}") from None
    return len(people)
