"""The JSON API over the foundation services: people, needs, the ask lifecycle, journal."""

from __future__ import annotations

import httpx
import pytest

from askwell.storage.store import Store

from .conftest import add_need, add_person

pytestmark = pytest.mark.anyio


async def test_api_people_add_list_get_update(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/people",
        json={
            "name": "Ana",
            "relationship": "mentor",
            "topics": ["careers"],
            "hours": "Mon-Fri 09:00-17:00",
        },
    )
    assert r.status_code == 201
    ana = r.json()
    assert ana["hours"] == "Mon-Fri 09:00-17:00"
    assert [p["name"] for p in (await client.get("/api/people")).json()] == ["Ana"]
    r = await client.patch(f"/api/people/{ana['id']}", json={"stretched": True, "email": None})
    assert r.json()["stretched"] is True
    assert r.json()["name"] == "Ana"
    assert (await client.get(f"/api/people/{ana['id']}")).json()["stretched"] is True


async def test_api_people_bad_time_zone_is_400_json(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/people", json={"name": "Bo", "tz": "Mars/Olympus"})
    assert r.status_code == 400
    assert "Mars/Olympus" in r.json()["error"]


async def test_api_unknown_id_is_404_json(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/people/999")
    assert r.status_code == 404
    assert r.json() == {"error": "no person with id 999", "code": "not_found"}


async def test_api_schema_violation_is_422(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/needs", json={"summary": "x", "urgency": "yesterday"})
    assert r.status_code == 422


async def test_api_needs_add_filter_and_status(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/needs",
        json={
            "summary": "Feedback on my talk",
            "support_type": "feedback",
            "barriers": {"shame": 2},
        },
    )
    need = r.json()
    assert r.status_code == 201 and need["barriers"] == {"shame": 2}
    r = await client.patch(f"/api/needs/{need['id']}", json={"status": "resolved"})
    assert r.json()["status"] == "resolved"
    assert (await client.get("/api/needs", params={"status": "open"})).json() == []
    assert len((await client.get("/api/needs")).json()) == 1


async def test_api_needs_carry_the_structured_ask(client: httpx.AsyncClient) -> None:
    body = {"summary": "Slides", "support_type": "feedback", "ask": "look at my first two slides"}
    need = (await client.post("/api/needs", json=body)).json()
    assert (need["ask"], need["size"], need["situation"]) == ("look at my first two slides", "", "")
    r = await client.patch(f"/api/needs/{need['id']}", json={"size": "two slides"})
    assert r.status_code == 200 and r.json()["size"] == "two slides"
    too_long = await client.post("/api/needs", json={"summary": "x", "size": "y" * 201})
    assert too_long.status_code == 422


async def test_api_ask_yes_then_thank(client: httpx.AsyncClient, store: Store) -> None:
    person, need = add_person(store), add_need(store)
    r = await client.post(
        "/api/asks",
        json={"need_id": need.id, "person_id": person.id, "text": "Hi Ana", "draft": True},
    )
    ask = r.json()["ask"]
    assert r.status_code == 201 and ask["status"] == "draft"
    assert (await client.post(f"/api/asks/{ask['id']}/send")).json()["status"] == "sent"
    r = await client.post(f"/api/asks/{ask['id']}/answer", json={"kind": "yes"})
    assert r.json()["ask"]["answer"]["kind"] == "yes"
    due = (await client.get("/api/due")).json()
    assert [(d["action"], d["person_name"]) for d in due] == [("thank", "Ana")]
    r = await client.post(f"/api/asks/{ask['id']}/thank", json={"note": "thank you!"})
    assert r.json()["status"] == "thanked"
    assert (await client.get("/api/due")).json() == []
    assert (await client.post(f"/api/asks/{ask['id']}/close")).json()["status"] == "closed"


async def test_api_ask_no_sets_cooldown_and_blocks_reask(
    client: httpx.AsyncClient, store: Store
) -> None:
    person, need = add_person(store), add_need(store)
    body = {"need_id": need.id, "person_id": person.id, "text": "Could you?"}
    ask = (await client.post("/api/asks", json=body)).json()["ask"]
    r = await client.post(f"/api/asks/{ask['id']}/answer", json={"kind": "no", "cooldown_days": 10})
    assert r.json()["boundary"]["person_id"] == person.id
    again = await client.post("/api/asks", json=body)
    assert again.status_code == 409
    error = again.json()["error"]
    assert "said no to this" in error and '"override": true' in error and "--" not in error
    forced = await client.post("/api/asks", json={**body, "override": True})
    assert forced.status_code == 201
    assert forced.json()["warnings"]


async def test_api_illegal_step_is_a_user_error(client: httpx.AsyncClient, store: Store) -> None:
    person, need = add_person(store), add_need(store)
    body = {"need_id": need.id, "person_id": person.id, "draft": True}
    ask = (await client.post("/api/asks", json=body)).json()["ask"]
    r = await client.post(f"/api/asks/{ask['id']}/thank", json={})
    assert r.status_code == 400
    assert "thank-you follows an answer" in r.json()["error"]


async def test_api_asks_filter_by_person(client: httpx.AsyncClient, store: Store) -> None:
    ana, bo, need = add_person(store), add_person(store, "Bo"), add_need(store)
    for person in (ana, bo):
        await client.post("/api/asks", json={"need_id": need.id, "person_id": person.id})
    r = await client.get("/api/asks", params={"person_id": bo.id})
    assert [a["person_id"] for a in r.json()] == [bo.id]


async def test_api_journal_add_and_search(client: httpx.AsyncClient) -> None:
    for text in ("Felt like a burden, asked anyway", "Money worries today"):
        assert (await client.post("/api/journal", json={"text": text})).status_code == 201
    found = (await client.get("/api/journal", params={"search": "burden"})).json()
    assert [e["text"] for e in found] == ["Felt like a burden, asked anyway"]


async def test_api_help_given(client: httpx.AsyncClient, store: Store) -> None:
    person = add_person(store)
    r = await client.post("/api/help-given", json={"person_id": person.id, "summary": "Moved flat"})
    assert r.status_code == 201 and r.json()["summary"] == "Moved flat"


async def test_api_openapi_and_docs_are_served(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    assert "/api/asks/{ask_id}/answer" in spec["paths"]
    docs = await client.get("/docs", headers={"Accept": "text/html"})
    assert "swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()


async def test_api_coach_check_returns_spans(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/coach/check", json={"text": "I need this done ASAP."})
    report = r.json()
    assert r.status_code == 200 and 0 <= report["score"] <= 100
    spans = [s for f in report["findings"] for s in f["spans"]]
    assert any("I need this done ASAP."[a:b] == "ASAP" for a, b in spans)


async def test_api_coach_fix_applies_the_rewrites(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/coach/fix", json={"text": "I need this done ASAP."})
    data = r.json()
    assert r.status_code == 200 and data["text"] == "I need this done when you have a moment."
    assert data["replacements"] == [
        {
            "rule": "demands-immediacy",
            "span": [17, 21],
            "before": "ASAP",
            "after": "when you have a moment",
        }
    ]
    r = await client.post("/api/coach/fix", json={"text": "I want to kill myself"})
    assert r.json()["replacements"] == [] and r.json()["score_after"] is None
    assert (await client.post("/api/coach/fix", json={"text": " "})).status_code == 422


async def test_api_coach_never_scores_crisis_text(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/coach/check", json={"text": "I want to kill myself"})
    assert r.json()["crisis"] is True and r.json()["score"] is None


async def test_api_draft_from_template_and_unknown_template(client: httpx.AsyncClient) -> None:
    ids = [t["id"] for t in (await client.get("/api/coach/templates")).json()]
    assert "feedback" in ids
    r = await client.post(
        "/api/coach/draft",
        json={"parts": {"name": "Ana"}, "template": "feedback", "channel": "email"},
    )
    assert "Ana" in r.json()["text"] and r.json()["report"]["score"] is not None
    bad = await client.post("/api/coach/draft", json={"template": "nope"})
    assert bad.status_code == 400 and "unknown template" in bad.json()["error"]


async def test_api_people_boundaries_add_list_and_refuse_past(client: httpx.AsyncClient) -> None:
    pid = (await client.post("/api/people", json={"name": "Cy"})).json()["id"]
    r = await client.post(
        f"/api/people/{pid}/boundaries", json={"until": "2099-01-01", "topic": "money"}
    )
    assert r.status_code == 201 and r.json()["topic"] == "money"
    listed = (await client.get(f"/api/people/{pid}/boundaries")).json()
    assert [b["until"] for b in listed] == ["2099-01-01"]
    past = await client.post(f"/api/people/{pid}/boundaries", json={"until": "2001-01-01"})
    assert past.status_code == 400 and "has passed" in past.json()["error"]
    assert (await client.get("/api/people/999/boundaries")).status_code == 404
