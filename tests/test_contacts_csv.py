"""Google Contacts and Outlook CSV exports import like vCards (header names, not positions)."""

from __future__ import annotations

from pathlib import Path

from askwell.services import list_people
from askwell.services.vcard import import_contacts
from askwell.storage.store import Store

DATA = Path(__file__).resolve().parent / "data" / "vcards"


def test_contacts_csv_google_export_reads_names_labels_and_first_values(sqlite_store: Store):
    result = import_contacts(sqlite_store, DATA / "google_contacts.csv")
    people = {p.name: p for p in result.imported}
    assert set(people) == {"Chloé Dubois", "Doe, John"}
    chloe = people["Chloé Dubois"]
    assert chloe.email == "chloe.dubois@example.fr" and chloe.phone == "+33 6 12 34 56 78"
    assert chloe.relationship == "colleague" and chloe.topics == ("Kubernetes",)
    assert chloe.notes == "CTO; Startup, The, Platform; Knows the Lyon tech scene, happy to intro."
    assert people["Doe, John"].relationship == "mentor"
    assert [(n.line, n.message) for n in result.notes] == [
        (4, "skipped: an organisation (Acme Widgets), not a person")
    ]


def test_contacts_csv_outlook_windows_1252_export(sqlite_store: Store):
    result = import_contacts(sqlite_store, DATA / "outlook_contacts.csv")
    people = {p.name: p for p in result.imported}
    assert set(people) == {"Dr. Søren Kierkegaard", "Priya Raman"}
    soren = people["Dr. Søren Kierkegaard"]
    assert soren.email == "soren@ku.example" and soren.phone == "+45 35 32 26 26"
    assert soren.relationship == "mentor" and soren.topics == ("Philosophy",)
    assert soren.notes == "Lecturer; Københavns Universitet, Filosofi; Reads drafts on Sundays."
    assert people["Priya Raman"].relationship == "manager"
    assert len(result.notes) == 1 and "Fabrikam Ltd" in result.notes[0].message


def test_contacts_csv_reimport_skips_people_already_present(sqlite_store: Store):
    import_contacts(sqlite_store, DATA / "google_contacts.csv")
    again = import_contacts(sqlite_store, DATA / "google_contacts.csv")
    assert again.imported == [] and sorted(again.skipped) == ["Chloé Dubois", "Doe, John"]
    assert len(list_people(sqlite_store)) == 2


def test_contacts_csv_cli_imports_a_csv(cli):
    r = cli("people", "import", str(DATA / "outlook_contacts.csv"))
    assert r.code == 0, r.err
    assert "Imported 2 people." in r.out and "Fabrikam Ltd" in r.out
