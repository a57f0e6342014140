"""`people export --vcf`: vCard 4.0 that other parsers read and askwell re-imports without loss."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from askwell import services
from askwell.core import validate
from askwell.core.contacts.vcard_write import FOLD_AT, card
from askwell.core.model import Person, parse_hours
from askwell.services.vcard import export_vcards, import_contacts, parse_vcards
from askwell.storage.store import Store, open_store

PEOPLE = [
    Person(
        "José Núñez, Jr.; the second",
        relationship="mentor",
        topics=("moving abroad", "NIE, empadronamiento", "café; tapas"),
        supports=("advice", "introduction"),
        tz="Europe/Madrid",
        hours=parse_hours("Mon-Fri 22:00-07:00; odd weeks Sat 09:00-12:00"),
        email="jose@example.es",
        phone="+34 600 123 456",
        channel="chat",
        stretched=True,
        notes="Line one\nline two, with a comma; and a semicolon \\ backslash\n"
        "Hours: Sun 10:00-11:00",
    ),
    Person("Sam 🌻 Okafor " + "long " * 20, tz="Etc/GMT+5"),
    Person("Mei Lin", relationship="colleague", email="mei@harbour.example", channel=None),
]


def _comparable(p: Person) -> Person:
    return replace(validate.person(p), id=None, uid=None, created_at=None)


def test_vcard_export_reimports_every_field_without_loss(sqlite_store: Store, tmp_path: Path):
    services.add_people(sqlite_store, PEOPLE)
    path = tmp_path / "network.vcf"
    assert export_vcards(sqlite_store, path) == 3
    fresh = open_store(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        result = import_contacts(fresh, path)
        assert result.errors == [] and result.notes == []
        back = {p.name: _comparable(p) for p in services.list_people(fresh)}
    finally:
        fresh.close()
    assert back == {p.name.strip(): _comparable(p) for p in PEOPLE}


def test_vcard_export_is_vcard_4_that_vobject_reads_with_folded_lines(
    sqlite_store: Store, tmp_path: Path
):
    services.add_people(sqlite_store, PEOPLE)
    path = tmp_path / "network.vcf"
    export_vcards(sqlite_store, path)
    raw = path.read_bytes()
    assert all(len(line) <= FOLD_AT for line in raw.split(b"\r\n"))
    cards = list(vobject.readComponents(raw.decode("utf-8")))
    assert [c.version.value for c in cards] == ["4.0"] * 3
    jose = cards[0]
    assert jose.fn.value == "José Núñez, Jr.; the second"
    assert jose.categories.value == [
        "mentor",
        "moving abroad",
        "NIE, empadronamiento",
        "café; tapas",
    ]
    assert jose.email.value == "jose@example.es"


def test_vcard_export_cli_writes_the_file(cli, tmp_path: Path):  # type: ignore[no-untyped-def]
    assert cli("people", "add", "Ana Ruiz", "--email", "ana@example.org").code == 0
    out = tmp_path / "me.vcf"
    r = cli("people", "export", "--vcf", str(out))
    assert r.code == 0 and "Wrote 1 people" in r.out
    (ana,), errors = parse_vcards(out.read_bytes())
    assert errors == [] and (ana.name, ana.email) == ("Ana Ruiz", "ana@example.org")
    missing = cli("people", "export", "--vcf", str(tmp_path / "no" / "x.vcf"), expect=1)
    assert missing.code == 1 and "cannot write" in missing.err


words = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"),
    min_size=1,
    max_size=30,
).filter(lambda t: t.strip() == t and t.strip() != "")


@settings(max_examples=200, deadline=None)
@given(
    name=words,
    notes=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=80
    ),
    topics=st.lists(words, max_size=4, unique_by=str.lower),
)
def test_vcard_export_round_trips_any_text(name: str, notes: str, topics: list[str]) -> None:
    from askwell.core.model import DomainError

    try:
        person = validate.person(Person(name, topics=tuple(topics), notes=notes))
    except DomainError:
        return  # not a person askwell would store
    (back,), errors = parse_vcards(card(person))
    assert errors == []
    assert (back.name, back.topics, back.notes) == (person.name, person.topics, person.notes)
