"""The API's side of forgiving input and of the catalogue: duplicates, empty texts, API wording."""

from __future__ import annotations

import httpx
import pytest

from askwell.storage.store import Store

from .conftest import add_need, add_person

pytestmark = pytest.mark.anyio


async def test_api_duplicate_person_is_refused_unless_allowed(client: httpx.AsyncClient) -> None:
    first = await client.post("/api/people", json={"name": "Ben Okoro", "email": "b@example.org"})
    assert first.status_code == 201
    again = await client.post("/api/people", json={"name": "ben okoro"})
    assert again.status_code == 409
    error = again.json()["error"]
    assert "Ben Okoro may already be in your network" in error
    assert '"allow_duplicate": true' in error and "--" not in error
    forced = await client.post("/api/people", json={"name": "Ben Okoro", "allow_duplicate": True})
    assert forced.status_code == 201 and forced.json()["id"] != first.json()["id"]


async def test_api_empty_check_text_is_an_input_error(client: httpx.AsyncClient) -> None:
    for text in ("", "   "):
        r = await client.post("/api/coach/check", json={"text": text})
        assert 400 <= r.status_code < 500, text


async def test_api_words_errors_with_fields_not_flags(
    client: httpx.AsyncClient, store: Store
) -> None:
    person, need = add_person(store), add_need(store)
    made = await client.post("/api/asks", json={"need_id": need.id, "person_id": person.id})
    ask_id = made.json()["ask"]["id"]
    r = await client.post(f"/api/asks/{ask_id}/answer", json={"kind": "alternative"})
    assert r.status_code == 400
    assert r.json()["error"] == 'say what was offered instead (in "offered" or "note")'
    moment = await client.get(f"/api/asks/{ask_id}/handoff", params={"at": "soon"})
    assert moment.status_code == 400 and moment.json()["error"].startswith('cannot read "at"')
