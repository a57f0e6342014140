"""vCard faults real apps write (iPhone, Lotus Notes, Gmail, Outlook, Android): people kept."""

from __future__ import annotations

import pytest

from askwell.services.vcard import parse_vcards, read_vcards


def _card(*lines: str, version: str = "3.0") -> str:
    return "\r\n".join(("BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD")) + "\r\n"


def _one(data: bytes | str):  # type: ignore[no-untyped-def]
    (person,), errors = parse_vcards(data)
    assert errors == []
    return person


def test_vcard_quirks_cr_cr_lf_line_ends_read_every_card() -> None:
    data = (
        _card("FN:Ana Ruiz", "EMAIL:ana@example.org", "NOTE:a long note,", "  folded once")
        + _card("FN:Bo Li")
    ).replace("\r\n", "\r\r\n")
    people, errors = parse_vcards(data.encode())
    assert errors == [] and [(p.name, p.email, p.notes) for p in people] == [
        ("Ana Ruiz", "ana@example.org", "a long note, folded once"),
        ("Bo Li", None, ""),
    ]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_vcard_quirks_utf16_files_are_read(codec: str) -> None:
    data = _card("FN:Zoë Ångström", "NOTE:Grüße").encode(codec)
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]
    person = _one(data)
    assert (person.name, person.notes) == ("Zoë Ångström", "Grüße")


def test_vcard_quirks_lotus_notes_profile_line_is_fine() -> None:
    person = _one(_card("PROFILE:VCard", "FN:Frank Dawson", "ORG:Lotus Development Corporation"))
    assert person.name == "Frank Dawson" and person.notes == "Lotus Development Corporation"


def test_vcard_quirks_windows_1252_names_are_not_replacement_characters() -> None:
    data = _card("FN:Søren Kierkegaard", "N:Kierkegaard;Søren;;;", version="2.1").encode("cp1252")
    outcomes, _ = read_vcards(data)
    (outcome,) = outcomes
    assert outcome.person is not None and outcome.person.name == "Søren Kierkegaard"
    assert "\ufffd" not in outcome.person.name
    assert any("Windows-1252" in n for n in outcome.notes)


def test_vcard_quirks_gmail_unescaped_comma_in_fn_keeps_the_whole_name() -> None:
    assert _one(_card("FN:Doe, John", "N:Doe;John;;;")).name == "Doe, John"


def test_vcard_quirks_org_components_become_plain_text() -> None:
    person = _one(_card("FN:Ivo Berg", r"ORG:Company\, The;Department"))
    assert person.notes == "Company, The, Department"
    gmail = _one(_card("FN:Ivo Berg", "ORG:Company, The;Department"))
    assert gmail.notes == "Company, The, Department"


def test_vcard_quirks_truncated_photo_does_not_lose_the_person() -> None:
    data = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Photo Cut\r\nEMAIL:cut@example.org\r\n"
        "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgID\r\n"
        " AwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwS\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Next Person\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSk\r\n"
        "END:VCARD\r\n"
    )
    people, errors = parse_vcards(data)
    assert errors == [] and [p.name for p in people] == ["Photo Cut", "Next Person"]
    assert people[0].email == "cut@example.org"


def test_vcard_quirks_bad_byte_in_org_keeps_the_person_and_notes_it() -> None:
    data = (
        _card("FN:Mia Chen", "EMAIL:mia@example.org")
        .encode()
        .replace(b"EMAIL", b"ORG:Acme \xff\xfe Ltd\r\nEMAIL")
    )
    (outcome,), _ = read_vcards(data)
    assert outcome.person is not None and outcome.person.email == "mia@example.org"
    assert outcome.notes == ["ORG (line 4): read as Windows-1252 (not UTF-8)"]


@pytest.mark.parametrize(
    ("lines", "why"),
    [
        (("KIND:group", "FN:The Doe Family", "MEMBER:urn:uuid:1"), "a group"),
        (("KIND:org", "FN:Acme Inc."), "an organisation"),
        (("KIND:location", "FN:Empire State Building"), "a place"),
        (("X-ADDRESSBOOKSERVER-KIND:group", "FN:Book club"), "a group"),
    ],
)
def test_vcard_quirks_non_person_cards_are_skipped_with_a_note(
    lines: tuple[str, ...], why: str
) -> None:
    (outcome,), _ = read_vcards(_card(*lines, version="4.0"))
    assert outcome.person is None and outcome.error is None
    assert outcome.skipped is not None and outcome.skipped.startswith(f"{why}, not a person")


def test_vcard_quirks_v21_quoted_printable_with_charset_and_soft_breaks() -> None:
    data = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=F6rg;;;\r\n"
        "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=F6rg M=FCller\r\n"
        "NOTE;CHARSET=UTF-8;QUOTED-PRINTABLE:Kennt das Caf=C3=A9 am Eck und sp=\r\n"
        "richt gern =C3=BCber Br=C3=BCcken.\r\n"
        "TEL;WORK;PREF:+49 30 1234\r\nTEL;CELL:+49 170 9876\r\n"
        "END:VCARD\r\n"
    ).encode("latin-1")
    person = _one(data)
    assert person.name == "Jörg Müller"
    assert person.notes == "Kennt das Café am Eck und spricht gern über Brücken."
    assert person.phone == "+49 30 1234"


def test_vcard_quirks_apple_item_groups_and_labels_read_the_email() -> None:
    person = _one(
        _card(
            "FN:Lee Park",
            "item1.EMAIL;type=INTERNET:lee@work.example",
            "item1.X-ABLabel:_$!<Work>!$_",
            "item2.EMAIL;type=INTERNET;type=pref:lee@home.example",
            "item2.X-ABLabel:home",
        )
    )
    assert person.email == "lee@home.example"


def test_vcard_quirks_folded_lines_and_escapes_in_v3() -> None:
    person = _one(
        _card("FN:Bartholomew Alexander Montgomery-", " Whitfield", r"NOTE:one\, two\nthree\;")
    )
    assert person.name == "Bartholomew Alexander Montgomery-Whitfield"
    assert person.notes == "one, two\nthree;"


def test_vcard_quirks_nested_agent_card_is_read_on_its_own() -> None:
    data = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Boss;Big\r\nAGENT:\r\n"
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Assistant;The\r\nEND:VCARD\r\n"
        "EMAIL:big@example.org\r\nEND:VCARD\r\n"
    )
    people, errors = parse_vcards(data)
    assert errors == []
    assert [(p.name, p.email) for p in people] == [
        ("Big Boss", "big@example.org"),
        ("The Assistant", None),
    ]


def test_vcard_quirks_a_bad_email_is_left_out_not_the_person() -> None:
    (outcome,), _ = read_vcards(_card("FN:Odd Mail", "EMAIL:not an address", "EMAIL:ok@ex.org"))
    assert outcome.person is not None and outcome.person.email == "ok@ex.org"
    assert outcome.notes == ["e-mail 'not an address' does not look like an address; left out"]
