"""POST /api/people/import: vCards and contacts CSVs, with per-card notes in the answer."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.anyio
DATA = Path(__file__).resolve().parents[1] / "data" / "vcards"


async def test_contacts_upload_reports_skipped_cards_and_notes(client: httpx.AsyncClient) -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:The Doe Family\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mia Chen\r\nTZ:-0500\r\nORG:Acme \xff\r\nEND:VCARD\r\n"
    ).encode("latin-1")
    r = await client.post("/api/people/import", files={"file": ("c.vcf", text, "text/vcard")})
    assert r.status_code == 200, r.text
    body = r.json()
    assert [p["name"] for p in body["imported"]] == ["Mia Chen"]
    assert body["imported"][0]["tz"] == "Etc/GMT+5"
    assert [(n["line"], n["name"]) for n in body["notes"]] == [
        (1, "The Doe Family"),
        (6, "Mia Chen"),
    ]
    assert body["notes"][0]["message"].startswith("skipped: a group, not a person")


async def test_contacts_upload_takes_an_outlook_csv(client: httpx.AsyncClient) -> None:
    data = (DATA / "outlook_contacts.csv").read_bytes()
    r = await client.post("/api/people/import", files={"file": ("c.csv", data, "text/csv")})
    assert r.status_code == 200, r.text
    assert sorted(p["name"] for p in r.json()["imported"]) == [
        "Dr. Søren Kierkegaard",
        "Priya Raman",
    ]
