"""vCard import: real phone / mail-app exports, broken cards by line, no duplicates, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from askwell.core.model import Person, render_hours
from askwell.errors import AskwellError
from askwell.services import list_people
from askwell.services.vcard import MAX_BYTES, import_vcards, parse_vcards
from askwell.storage.store import Store

CARDS = Path(__file__).resolve().parent / "data" / "vcards"


def _by_name(people: list[Person]) -> dict[str, Person]:
    return {p.name: p for p in people}


def _card(*lines: str) -> str:
    return "\n".join(("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD")) + "\n"


def _write(tmp_path: Path, text: str, name: str = "cards.vcf") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_vcard_iphone_export_keeps_names_contacts_categories_and_notes(store: Store):
    result = import_vcards(store, CARDS / "iphone.vcf")
    assert result.errors == [] and result.skipped == []
    people = _by_name(list_people(store))
    assert set(people) == {"José Núñez", "Mei Lin", "Sam 🌻 Okafor"}
    jose = people["José Núñez"]
    assert jose.email == "jose.nunez@example.es" and jose.channel == "email"
    assert jose.phone == "+34 600 123 456"
    assert jose.relationship == "family"
    assert jose.topics == ("cooking", "moving abroad")
    assert jose.notes == (
        "Met at the climbing gym in Valencia. Knows a lot about moving abroad, Spanish "
        "bureaucracy (NIE, empadronamiento) and how to find a flat without an agency.\n"
        "Speaks Spanish and Catalan."
    )
    mei = people["Mei Lin"]
    assert mei.email == "mei.lin@harbour.example"  # the first (preferred) of two
    assert mei.relationship == "colleague" and mei.topics == ("SQL", "code review")
    assert mei.notes == "Staff Engineer; Harbour Analytics, Data Platform"
    sam = people["Sam 🌻 Okafor"]
    assert sam.email is None and sam.channel is None and sam.phone == "+44 20 7946 0958"
    assert sam.relationship == "friend" and sam.tz == "UTC"


def test_vcard_google_export_unfolds_long_names_and_unescapes_text(sqlite_store: Store):
    result = import_vcards(sqlite_store, CARDS / "google.vcf")
    assert result.errors == []
    people = _by_name(result.imported)
    bart = people["Bartholomew Alexander Montgomery-Whitfield the Third"]
    assert bart.relationship == "mentor" and bart.topics == ("grant writing",)
    assert bart.email == "bart@example.co.uk" and bart.phone == "+44 7700 900123"
    assert bart.notes == (
        "Volunteer Coordinator; Northern Rail Heritage Trust; "
        "Mentored me through my first grant application, happy to review CVs."
    )
    assert people["Chloé Dubois"].email == "chloe.dubois@example.fr"


def test_vcard_google_system_group_is_not_a_topic(sqlite_store: Store, tmp_path: Path):
    card = _card("FN:Ravi Shah", "EMAIL;TYPE=INTERNET:ravi@example.in", "CATEGORIES:myContacts")
    (ravi,) = import_vcards(sqlite_store, _write(tmp_path, card)).imported
    assert ravi.topics == ()


def test_vcard_work_category_sets_the_relationship_not_a_topic():
    (person,), _ = parse_vcards(_card("FN:Ivo Berg", "CATEGORIES:Work,myContacts,starred,Kafka"))
    assert person.relationship == "colleague"
    assert person.topics == ("Kafka",)


def test_vcard_version_4_reads_tel_uris_typed_emails_and_time_zones(sqlite_store: Store):
    result = import_vcards(sqlite_store, CARDS / "outlook_thunderbird_v4.vcf")
    assert result.errors == []
    people = _by_name(result.imported)
    priya = people["Priya Raman"]
    assert priya.email == "priya.raman@contoso.example"
    assert priya.phone == "+1-555-555-0100"
    assert priya.tz == "America/New_York"
    assert priya.relationship == "manager" and priya.topics == ("performance reviews",)
    assert priya.notes == "Engineering Manager; Contoso"
    anna = people["Anna Kowalska"]
    assert (anna.email, anna.phone, anna.tz) == (
        "anna.k@example.net",
        "+48-22-123-45-67",
        "Europe/Warsaw",
    )


@pytest.mark.parametrize(
    ("tz", "zone"),
    [
        ("-05:00", "Etc/GMT+5"),
        ("-0500", "Etc/GMT+5"),
        ("+09", "Etc/GMT-9"),
        ("VALUE=text:Europe/Oslo", "Europe/Oslo"),
        ("+00:00", "UTC"),
        ("+05:30", "UTC"),
    ],
)
def test_vcard_time_zone_fixed_offsets_become_etc_zones(tz: str, zone: str):
    (person,), errors = parse_vcards(_card("FN:Offset Only", f"TZ:{tz}"))
    assert errors == [] and person.tz == zone


def test_vcard_quoted_printable_names_are_decoded():
    text = (CARDS / "quoted_printable.vcf").read_text(encoding="utf-8")
    people, _ = parse_vcards(text.replace("\r\n", "\n"))
    assert people[0].name == "Jörg Müller"
    assert people[0].email == "joerg.mueller@example.de"


def test_vcard_quoted_printable_soft_line_breaks_are_joined(sqlite_store: Store):
    result = import_vcards(sqlite_store, CARDS / "quoted_printable.vcf")
    assert result.errors == []
    asa = _by_name(result.imported)["Åsa Lind"]
    assert asa.notes == "Knows the café owners on Södermalm — ask about the pop-up kitchen."


def test_vcard_broken_cards_keep_their_people_and_say_what_was_wrong(sqlite_store: Store):
    result = import_vcards(sqlite_store, CARDS / "broken_mixed.vcf")
    assert [(e.line, e.message) for e in result.errors] == [(19, "the card has no name (FN or N)")]
    notes = {(n.line, n.name): n.message for n in result.notes}
    assert "no END:VCARD" in notes[(6, "Never Closed")]
    assert notes[(14, "Has Garbage")] == (
        "line 17 is not a vCard property, so it was skipped: 'this line is not a vcard property'"
    )
    assert sorted(p.name for p in list_people(sqlite_store)) == [
        "Good One",
        "Good Three",
        "Good Two",
        "Has Garbage",
        "Never Closed",
    ]


def test_vcard_junk_between_cards_is_reported_by_line():
    text = _card("FN:First") + "stray junk\n" + _card("FN:Second")
    people, errors = parse_vcards(text)
    assert [p.name for p in people] == ["First", "Second"]
    assert [e.line for e in errors] == [5]


def test_vcard_crlf_and_lf_files_import_the_same(sqlite_store: Store, tmp_path: Path):
    raw = (CARDS / "iphone.vcf").read_bytes()
    assert b"\r\n" in raw
    lf = tmp_path / "lf.vcf"
    lf.write_bytes(raw.replace(b"\r\n", b"\n"))
    crlf_people, _ = parse_vcards(raw.decode("utf-8").replace("\r\n", "\n"))
    imported = import_vcards(sqlite_store, lf).imported
    assert [(p.name, p.notes, p.email) for p in imported] == [
        (p.name, p.notes, p.email) for p in crlf_people
    ]


def test_vcard_utf8_byte_order_mark_is_ignored(sqlite_store: Store, tmp_path: Path):
    path = tmp_path / "bom.vcf"
    path.write_bytes("\ufeff".encode() + _card("FN:Zoë Ångström").encode())
    (zoe,) = import_vcards(sqlite_store, path).imported
    assert zoe.name == "Zoë Ångström"


def test_vcard_reimport_skips_everyone_already_present(sqlite_store: Store):
    first = import_vcards(sqlite_store, CARDS / "iphone.vcf")
    again = import_vcards(sqlite_store, CARDS / "iphone.vcf")
    assert again.imported == []
    assert sorted(again.skipped) == sorted(p.name for p in first.imported)
    assert len(list_people(sqlite_store)) == 3


def test_vcard_duplicates_match_name_and_email_ignoring_case(sqlite_store: Store, tmp_path: Path):
    text = (
        _card("FN:Lee Park", "EMAIL:lee@example.com")
        + _card("FN:LEE PARK", "EMAIL:Lee@Example.com")
        + _card("FN:Lee Park", "EMAIL:lee.park@work.example")
    )
    result = import_vcards(sqlite_store, _write(tmp_path, text))
    assert [p.email for p in result.imported] == ["lee@example.com", "lee.park@work.example"]
    assert result.skipped == ["LEE PARK"]


def test_vcard_text_without_cards_is_one_error_on_line_1(sqlite_store: Store, tmp_path: Path):
    path = _write(tmp_path, "name,email\nAna,ana@example.com\n", "contacts.vcf")
    result = import_vcards(sqlite_store, path)
    assert result.imported == []
    assert [(e.line, e.message) for e in result.errors] == [
        (1, "no BEGIN:VCARD found; is this a vCard (.vcf) file?")
    ]


def test_vcard_missing_folder_and_oversized_files_are_user_errors(tmp_path: Path):
    store = None  # the file is refused before the store is touched
    with pytest.raises(AskwellError, match="file not found"):
        import_vcards(store, tmp_path / "nope.vcf")  # type: ignore[arg-type]
    with pytest.raises(AskwellError, match="is a folder"):
        import_vcards(store, tmp_path)  # type: ignore[arg-type]
    huge = tmp_path / "huge.vcf"
    with huge.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(AskwellError, match="larger than"):
        import_vcards(store, huge)  # type: ignore[arg-type]


def test_vcard_cli_import_prints_counts_then_skips_on_reimport(cli):
    path = str(CARDS / "iphone.vcf")
    first = cli("people", "import", path)
    assert first.code == 0, first.err
    assert "Imported 3 people." in first.out
    again = cli("people", "import", path)
    assert again.code == 0
    assert "Imported 0 people." in again.out
    assert "skipped José Núñez (already in your network)" in again.out
    listed = cli("people", "list", "--json").json()
    assert sorted(p["name"] for p in listed) == ["José Núñez", "Mei Lin", "Sam 🌻 Okafor"]


def test_vcard_cli_json_lists_imported_skipped_errors_and_notes(cli):
    r = cli("people", "import", str(CARDS / "broken_mixed.vcf"), "--json")
    assert r.code == 0, r.err
    data = r.json()
    assert [p["name"] for p in data["imported"]] == [
        "Good One",
        "Never Closed",
        "Good Two",
        "Has Garbage",
        "Good Three",
    ]
    assert all(isinstance(p["id"], int) for p in data["imported"])
    assert data["skipped"] == []
    assert [e["line"] for e in data["errors"]] == [19]
    assert [(n["line"], n["name"]) for n in data["notes"]] == [
        (6, "Never Closed"),
        (14, "Has Garbage"),
    ]


def test_vcard_cli_text_output_names_each_card_and_line(cli):
    r = cli("people", "import", str(CARDS / "broken_mixed.vcf"))
    assert r.code == 0
    for expected in ("line 6, Never Closed:", "line 14, Has Garbage: line 17", "line 19:"):
        assert expected in r.out


def test_vcard_cli_exits_1_when_nothing_could_be_read(cli, tmp_path: Path):
    nameless_file = str(_write(tmp_path, _card("EMAIL:x@example.com")))
    nameless = cli("people", "import", nameless_file, expect=1)
    assert nameless.code == 1
    assert "line 1:" in nameless.out and "no name" in nameless.out
    missing = cli("people", "import", str(tmp_path / "missing.vcf"), expect=1)
    assert missing.code == 1
    assert "error: file not found" in missing.err
    assert "Traceback" not in missing.err + missing.out


def test_vcard_note_hours_past_midnight_and_split_shifts_become_availability():
    (nurse, cook, vague), errors = parse_vcards(
        _card("FN:Miguel Cruz", "NOTE:Night nurse. Hours: Mon-Fri 22:00-07:00. Ask after 22:00")
        + _card("FN:Rosa Diaz", "NOTE:Line cook\\nShifts: Tue-Sat 07:00-11:00\\, 17:00-21:00")
        + _card("FN:Ivo Berg", "NOTE:Hours: whenever works")
    )
    assert errors == []
    assert render_hours(nurse.hours) == "Mon-Fri 22:00-07:00" and nurse.hours[0].overnight
    assert render_hours(cook.hours) == "Tue-Sat 07:00-11:00, 17:00-21:00"
    assert vague.hours == () and vague.notes == "Hours: whenever works"
