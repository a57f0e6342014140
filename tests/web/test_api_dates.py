"""Dates in the JSON API: a date that cannot be read is `bad_date` by its field, on every route;
an ask, an answer, a thank-you, a follow-up, a reflection and help given take an earlier day
with the rules and codes of the CLI's --date."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from askwell import services
from askwell.storage.store import Store

from .conftest import add_need, add_person

pytestmark = pytest.mark.anyio

BAD = ("2026-13-45", "soon", "2026-02-30", "2026-01-01T25:00", True, [2026])


def _is_date(schema: dict[str, Any]) -> bool:
    kinds = [schema, *schema.get("anyOf", ())]
    return any(k.get("format") in ("date", "date-time") for k in kinds)


def date_fields(app: FastAPI) -> list[tuple[str, str, str]]:
    """Return (method, path, field) for every date of every JSON request body, from OpenAPI."""
    spec = app.openapi()
    found = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            content = op.get("requestBody", {}).get("content", {}).get("application/json")
            if not content or "$ref" not in content["schema"]:  # an import: a whole document
                continue
            name = content["schema"]["$ref"].rsplit("/", 1)[-1]
            for field, schema in spec["components"]["schemas"][name]["properties"].items():
                if _is_date(schema):
                    found.append((method.upper(), path, field))
    return found


async def test_api_dates_every_date_field_of_a_body_is_found(app: FastAPI) -> None:
    found = {f"{m} {p} {f}" for m, p, f in date_fields(app)}
    assert {
        "PATCH /api/asks/{ask_id} sent_at",
        "PATCH /api/asks/{ask_id} answered_at",
        "PATCH /api/asks/{ask_id} thanked_at",
        "PATCH /api/asks/{ask_id} followed_up_at",
        "POST /api/asks/{ask_id}/thank thanked_at",
        "POST /api/asks/{ask_id}/follow-up followed_up_at",
        "POST /api/asks scheduled_for",
        "POST /api/asks asked_at",
        "POST /api/asks/{ask_id}/answer answered_at",
        "POST /api/needs deadline",
        "PATCH /api/needs/{need_id} deadline",
        "POST /api/people/{person_id}/boundaries until",
        "PATCH /api/boundaries/{boundary_id} until",
        "PATCH /api/journal/{entry_id} created_at",
        "POST /api/journal created_at",
        "POST /api/help-given created_at",
        "PATCH /api/help/{help_id} created_at",
    } <= found


async def test_api_dates_a_date_that_cannot_be_read_is_bad_date_naming_its_field(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    for method, path, field in date_fields(app):
        url = re.sub(r"\{[a-z_]+\}", "1", path)
        for value in BAD:
            r = await client.request(method, url, json={field: value})
            where = f"{method} {path} {field}={value!r}"
            assert r.status_code == 422, where
            body = r.json()
            assert body["code"] == "bad_date", where
            assert body["error"].startswith("cannot read the date "), where
            assert f'in "{field}"' in body["error"] and '"2026-11-20"' in body["error"], where
            assert body["detail"], where


async def test_api_dates_say_whether_a_time_may_be_given(client: httpx.AsyncClient) -> None:
    day_only = await client.post("/api/needs", json={"summary": "Help", "deadline": "friday"})
    assert day_only.json() == {
        "error": 'cannot read the date \'friday\' in "deadline"; try "2026-11-20"',
        "code": "bad_date",
        "detail": day_only.json()["detail"],
    }
    timed = await client.patch("/api/asks/1", json={"thanked_at": "soon"})
    assert timed.json()["error"] == (
        'cannot read the date \'soon\' in "thanked_at"; try "2026-11-20" or "2026-11-20T10:00"'
    )
    query = await client.get("/api/insights", params={"since": "lately"})
    assert query.status_code == 422 and query.json()["code"] == "bad_date"
    assert 'in "since"' in query.json()["error"]


async def test_api_dates_a_long_bad_date_is_cut_short(client: httpx.AsyncClient) -> None:
    long = "2026-" + "9" * 10_000
    r = await client.patch("/api/asks/1", json={"followed_up_at": long})
    assert r.json()["code"] == "bad_date" and long[:60] not in r.text and len(r.content) < 2_000


async def test_api_dates_other_schema_mistakes_keep_no_code(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/needs", json={"summary": "x", "urgency": "yesterday"})
    assert r.status_code == 422 and "code" not in r.json()
    assert r.json()["error"].startswith("urgency:")


async def test_api_dates_a_bad_date_raised_without_a_field_keeps_the_plain_words() -> None:
    from askwell.errors import AskwellError
    from askwell.web.words import word

    error = AskwellError("bad_date", value="blurgh", examples='"2026-11-20"')
    assert word(error) == str(error) == "cannot read the date 'blurgh'; try \"2026-11-20\""


async def test_api_dates_a_page_gets_the_same_words(client: httpx.AsyncClient) -> None:
    r = await client.patch(
        "/api/asks/1", json={"thanked_at": "soon"}, headers={"Accept": "text/html"}
    )
    assert r.status_code == 422 and "cannot read the date" in r.text and "thanked_at" in r.text


# A thank-you and a follow-up dated earlier -------------------------------------------------


def _sent(store: Store, days: int, name: str = "Ana") -> int:
    person, need = add_person(store, name), add_need(store)
    when = datetime.now(UTC) - timedelta(days=days)
    return services.create_ask(store, need.id, person.id, "Could you?", now=when).ask.id or 0  # type: ignore[arg-type]


def _day(days_ago: int) -> str:
    return f"{date.today() - timedelta(days=days_ago):%Y-%m-%d}"


@pytest.fixture(autouse=True)
def _here_is_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASKWELL_TZ", "UTC")


async def test_api_thank_takes_an_earlier_day(client: httpx.AsyncClient, store: Store) -> None:
    ask = _sent(store, 6)
    services.record_answer(store, ask, "yes", now=datetime.now(UTC) - timedelta(days=4))
    r = await client.post(f"/api/asks/{ask}/thank", json={"thanked_at": _day(2)})
    assert r.status_code == 200, r.text
    assert r.json()["thanked_at"].startswith(f"{_day(2)}T12:00")
    assert services.get_ask(store, ask).thanked_at == datetime.fromisoformat(
        f"{_day(2)}T12:00+00:00"
    )
    assert [t.created_at for t in services.load_history(store).thanks] == [
        services.get_ask(store, ask).thanked_at
    ]


async def test_api_thank_on_the_answer_day_comes_just_after_it(
    client: httpx.AsyncClient, store: Store
) -> None:
    ask = _sent(store, 6)
    answered = datetime.now(UTC).replace(hour=20, minute=0) - timedelta(days=3)
    services.record_answer(store, ask, "yes", now=answered)
    r = await client.post(f"/api/asks/{ask}/thank", json={"thanked_at": _day(3)})
    assert r.status_code == 200, r.text
    assert services.get_ask(store, ask).thanked_at == services.get_ask(store, ask).answer.at  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("thanked_at", "before the answer", "thanks_before_answered"),
        ("thanked_at", "an exact time before the answer", "thanks_before_answered"),
        ("thanked_at", "tomorrow", "future_date"),
        ("thanked_at", "1899-12-31", "too_early"),
        ("followed_up_at", "before the ask", "followup_before_ask"),
        ("followed_up_at", "tomorrow", "future_date"),
        ("followed_up_at", "a day after the ask", "follow_up_soon"),
    ],
)
async def test_api_thank_and_follow_up_refuse_a_day_by_the_same_rules(
    client: httpx.AsyncClient, store: Store, field: str, value: str, code: str
) -> None:
    ask = _sent(store, 6)
    answered = datetime.now(UTC) - timedelta(days=3)
    if field == "thanked_at":
        services.record_answer(store, ask, "yes", now=answered)
    days = {
        "before the answer": _day(5),
        "an exact time before the answer": (answered - timedelta(hours=1)).isoformat(),
        "tomorrow": _day(-1),
        "before the ask": _day(8),
        "a day after the ask": _day(5),
    }
    route = "thank" if field == "thanked_at" else "follow-up"
    r = await client.post(f"/api/asks/{ask}/{route}", json={field: days.get(value, value)})
    assert 400 <= r.status_code < 500 and r.json()["code"] == code, r.text
    after = services.get_ask(store, ask)
    assert after.thanked_at is None and after.followed_up_at is None


async def test_api_follow_up_takes_an_earlier_day_with_its_note(
    client: httpx.AsyncClient, store: Store
) -> None:
    ask = _sent(store, 8)
    r = await client.post(
        f"/api/asks/{ask}/follow-up", json={"note": "Any news?", "followed_up_at": _day(2)}
    )
    assert r.status_code == 200, r.text
    stamp = services.get_ask(store, ask).followed_up_at
    assert stamp == datetime.fromisoformat(f"{_day(2)}T12:00+00:00")
    entry = next(e for e in services.list_entries(store) if e.kind == "follow-up")
    assert (entry.text, entry.created_at) == ("Any news?", stamp)


async def test_api_thank_and_follow_up_without_a_day_are_now(
    client: httpx.AsyncClient, store: Store
) -> None:
    quiet, answered = _sent(store, 6), _sent(store, 6, "Ben")
    services.record_answer(store, answered, "yes")
    before = datetime.now(UTC)
    assert (await client.post(f"/api/asks/{quiet}/follow-up", json={})).status_code == 200
    assert (await client.post(f"/api/asks/{answered}/thank", json={"note": ""})).status_code == 200
    assert services.get_ask(store, quiet).followed_up_at >= before  # type: ignore[operator]
    assert services.get_ask(store, answered).thanked_at >= before  # type: ignore[operator]


# An ask and an answer dated earlier ---------------------------------------------------------


async def test_api_answer_takes_an_earlier_day_or_time(
    client: httpx.AsyncClient, store: Store
) -> None:
    ask, timed = _sent(store, 6), _sent(store, 6, "Ben")
    r = await client.post(
        f"/api/asks/{ask}/answer",
        json={"kind": "alternative", "note": "Not me", "answered_at": _day(2)},
    )
    assert r.status_code == 200, r.text
    assert r.json()["ask"]["answer"]["at"].startswith(f"{_day(2)}T12:00")
    at = (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0)
    r = await client.post(
        f"/api/asks/{timed}/answer", json={"kind": "yes", "answered_at": at.isoformat()}
    )
    assert r.status_code == 200, r.text
    assert services.get_ask(store, timed).answer.at == at  # type: ignore[union-attr]


async def test_api_answer_on_the_ask_day_comes_just_after_it(
    client: httpx.AsyncClient, store: Store
) -> None:
    person, need = add_person(store, "Ana"), add_need(store)
    sent = datetime.now(UTC).replace(hour=20, minute=0, microsecond=0) - timedelta(days=3)
    ask = services.create_ask(store, need.id or 0, person.id or 0, "Could you?", now=sent).ask.id
    r = await client.post(f"/api/asks/{ask}/answer", json={"kind": "yes", "answered_at": _day(3)})
    assert r.status_code == 200, r.text
    assert services.get_ask(store, ask or 0).answer.at == sent  # type: ignore[union-attr]
    r = await client.post(
        f"/api/asks/{_sent(store, 3, 'Ben')}/answer",
        json={"kind": "yes", "answered_at": (datetime.now(UTC) - timedelta(days=4)).isoformat()},
    )
    assert r.status_code == 400 and r.json()["code"] == "answer_before_ask"


async def test_api_ask_takes_an_earlier_day(client: httpx.AsyncClient, store: Store) -> None:
    person, need = add_person(store, "Ana"), add_need(store)
    body = {"need_id": need.id, "person_id": person.id, "text": "Could you?"}
    r = await client.post("/api/asks", json={**body, "asked_at": _day(4)})
    assert r.status_code == 201, r.text
    noon = datetime.fromisoformat(f"{_day(4)}T12:00+00:00")
    made = services.get_ask(store, r.json()["ask"]["id"])
    assert (made.created_at, made.sent_at) == (noon, noon)
    r = await client.post("/api/asks", json={**body, "asked_at": _day(-1)})
    assert r.status_code == 400 and r.json()["code"] == "future_date"
    before = datetime.now(UTC)
    r = await client.post("/api/asks", json=body)
    assert services.get_ask(store, r.json()["ask"]["id"]).created_at >= before  # type: ignore[operator]


# A reflection and help given dated earlier -------------------------------------------------


async def test_api_journal_and_help_take_an_earlier_day_or_time(
    client: httpx.AsyncClient, store: Store
) -> None:
    ana = add_person(store, "Ana").id
    at = (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0)
    r = await client.post("/api/journal", json={"text": "Asked Ana", "created_at": _day(3)})
    assert r.status_code == 201, r.text
    assert r.json()["created_at"].startswith(f"{_day(3)}T12:00")
    r = await client.post(
        "/api/help-given",
        json={"person_id": ana, "summary": "Lent a ladder", "created_at": at.isoformat()},
    )
    assert r.status_code == 201, r.text
    assert [g.created_at for g in services.load_history(store).help_given] == [at]
    before = datetime.now(UTC)
    r = await client.post("/api/journal", json={"text": "Just now"})
    assert datetime.fromisoformat(r.json()["created_at"]) >= before


@pytest.mark.parametrize("path", ["/api/journal", "/api/help-given"])
@pytest.mark.parametrize(
    ("value", "code"), [("tomorrow", "future_date"), ("1899-12-31", "too_early")]
)
async def test_api_journal_and_help_refuse_a_day_by_the_same_rules(
    client: httpx.AsyncClient, store: Store, path: str, value: str, code: str
) -> None:
    ana = add_person(store, "Ana").id
    day = _day(-1) if value == "tomorrow" else value
    body = {"text": "x"} if path == "/api/journal" else {"person_id": ana, "summary": "x"}
    r = await client.post(path, json={**body, "created_at": day})
    assert r.status_code == 400 and r.json()["code"] == code, r.text
    assert services.list_entries(store) == [] and services.load_history(store).help_given == []
