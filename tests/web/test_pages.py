"""The pages, driven in-process like a browser without JavaScript: forms, redirects, content."""

from __future__ import annotations

import html
import re

import httpx
import pytest

from askwell import services
from askwell.storage.store import Store
from askwell.web import WebSettings

from .conftest import add_need, add_person

pytestmark = pytest.mark.anyio

HTML = {"Accept": "text/html"}


async def post_form(
    client: httpx.AsyncClient, settings: WebSettings, url: str, data: dict[str, str]
) -> httpx.Response:
    """Submit a form like the browser does: hidden csrf field, no CSRF header."""
    client.headers.pop("X-CSRF-Token", None)
    return await client.post(url, data={**data, "csrf_token": settings.csrf_token}, headers=HTML)


@pytest.mark.parametrize("path", ["/", "/people", "/journal", "/ask", "/ask/need", "/docs"])
async def test_pages_render_with_nav_and_csrf(client: httpx.AsyncClient, path: str) -> None:
    r = await client.get(path, headers=HTML)
    assert r.status_code == 200, r.text[:300]
    if path != "/docs":
        assert 'aria-label="Main"' in r.text
        assert "X-CSRF-Token" in r.text


async def test_pages_home_lists_due_thanks(client: httpx.AsyncClient, store: Store) -> None:
    person, need = add_person(store), add_need(store)
    ask = services.create_ask(store, need.id, person.id, "Could you?").ask  # type: ignore[arg-type]
    services.record_answer(store, ask.id, "yes")  # type: ignore[arg-type]
    r = await client.get("/", headers=HTML)
    assert "Say thank you" in r.text
    assert f"/ask/a/{ask.id}/answer" in r.text


async def test_pages_people_add_and_edit(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    r = await post_form(
        client,
        settings,
        "/people",
        {"name": "Cleo", "relationship": "colleague", "topics": "sql, dashboards", "hours": ""},
    )
    assert r.status_code == 303
    cleo = services.list_people(store)[0]
    assert cleo.topics == ("sql", "dashboards")
    r = await post_form(
        client, settings, f"/people/{cleo.id}", {"name": "Cleo", "stretched": "on", "tz": "UTC"}
    )
    assert r.status_code == 303
    assert services.get_person(store, cleo.id).stretched  # type: ignore[arg-type]
    page = await client.get(f"/people/{cleo.id}", headers=HTML)
    assert "stretched thin" in page.text


async def test_pages_form_error_keeps_what_was_typed_by_the_field(
    client: httpx.AsyncClient, settings: WebSettings
) -> None:
    r = await post_form(
        client, settings, "/people", {"name": "", "tz": "Mars/Base", "notes": "met at the café"}
    )
    assert r.status_code == 422
    assert 'id="f-name-error"' in r.text and "Please fill this in." in r.text
    assert 'aria-invalid="true"' in r.text and "met at the café" in r.text
    assert 'value="Mars/Base"' in r.text


async def test_pages_journal_add_and_search(
    client: httpx.AsyncClient, settings: WebSettings
) -> None:
    for text in ("Shame came up about money", "Asked Ana, it went well"):
        assert (await post_form(client, settings, "/journal", {"text": text})).status_code == 303
    r = await client.get("/journal", params={"q": "money"}, headers=HTML)
    assert "Shame came up about money" in r.text
    assert "Asked Ana" not in r.text


async def test_pages_need_check_flags_vague_need(
    client: httpx.AsyncClient, settings: WebSettings
) -> None:
    r = await post_form(client, settings, "/ask/need/check", {"summary": "help with work"})
    assert "vague" in r.text


async def test_pages_wizard_walks_need_to_thanks(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    ana = add_person(store)
    r = await client.get("/ask/need", params={"burden": 2, "shame": 1, "expect": 30}, headers=HTML)
    assert "fear of being a burden" in r.text.lower()
    r = await post_form(
        client,
        settings,
        "/ask/need",
        {
            "summary": "Feedback on my CV before Friday",
            "support_type": "feedback",
            "burden": "2",
            "expect": "30",
            "topics": "careers",
        },
    )
    assert r.status_code == 303
    need_id = int(re.search(r"/ask/(\d+)/people", r.headers["location"])[1])  # type: ignore[index]
    assert services.get_need(store, need_id).barriers == {"burden": 2}
    people = await client.get(f"/ask/{need_id}/people", headers=HTML)
    assert f"/ask/{need_id}/moment?person={ana.id}" in people.text
    moment = await client.get(f"/ask/{need_id}/moment", params={"person": ana.id}, headers=HTML)
    at = re.search(r'name="at" value="([^"]+)"', moment.text)[1]  # type: ignore[index]
    compose = await client.get(
        f"/ask/{need_id}/compose", params={"person": ana.id, "at": at}, headers=HTML
    )
    assert 'hx-post="/ask/coach"' in compose.text
    r = await post_form(
        client,
        settings,
        f"/ask/{need_id}/compose",
        {
            "person": str(ana.id),
            "at": at,
            "channel": "email",
            "text": "Hi Ana, could you look at my CV?",
        },
    )
    ask_id = int(re.search(r"/ask/a/(\d+)/send", r.headers["location"])[1])  # type: ignore[index]
    send = await client.get(f"/ask/a/{ask_id}/send", headers=HTML)
    assert "mailto:ana@example.org" in send.text
    assert f"/api/asks/{ask_id}/ics?at=" in send.text
    await post_form(client, settings, f"/ask/a/{ask_id}/send", {})
    await post_form(client, settings, f"/ask/a/{ask_id}/answer", {"kind": "yes"})
    page = await client.get(f"/ask/a/{ask_id}/answer", headers=HTML)
    assert "I thanked them" in page.text
    await post_form(client, settings, f"/ask/a/{ask_id}/thank", {})
    assert services.get_ask(store, ask_id).status == "thanked"


async def test_api_ics_download_is_a_calendar(client: httpx.AsyncClient, store: Store) -> None:
    person, need = add_person(store), add_need(store)
    ask = services.create_ask(store, need.id, person.id, "Hi").ask  # type: ignore[arg-type]
    r = await client.get(f"/api/asks/{ask.id}/ics", params={"at": "1"})
    assert r.headers["content-type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in r.content
    h = (await client.get(f"/api/asks/{ask.id}/handoff")).json()
    assert h["mailto"].startswith("mailto:ana@example.org")


async def test_api_suggest_and_moments(client: httpx.AsyncClient, store: Store) -> None:
    person, need = add_person(store), add_need(store)
    ranked = (await client.get(f"/api/needs/{need.id}/suggest")).json()
    assert ranked[0]["person_id"] == person.id
    assert ranked[0]["factors"]["expertise"]["reason"]
    assert ranked[0]["summary"].startswith(f"{person.name} ")
    moments = (await client.get(f"/api/people/{person.id}/moments", params={"count": 2})).json()
    assert len(moments["slots"]) == 2 and moments["pre_ask"]


async def test_pages_coach_partial_highlights_spans(
    client: httpx.AsyncClient, settings: WebSettings
) -> None:
    r = await post_form(client, settings, "/ask/coach", {"text": "Help me <b>ASAP</b>!"})
    assert '<mark class="hl' in r.text
    assert "&lt;b&gt;" in r.text and "<b>" not in r.text


async def test_pages_coach_partial_shows_crisis_pointer(
    client: httpx.AsyncClient, settings: WebSettings
) -> None:
    r = await post_form(client, settings, "/ask/coach", {"text": "I want to end my life"})
    assert 'class="crisis"' in r.text and "/ 100" not in r.text


async def test_pages_compose_starts_from_a_template(
    client: httpx.AsyncClient, store: Store
) -> None:
    person, need = add_person(store), add_need(store)
    r = await client.get(
        f"/ask/{need.id}/compose",
        params={"person": person.id, "template": "workload"},
        headers=HTML,
    )
    framed = services.first_draft(store, need.id, person.id, template="workload").text  # type: ignore[arg-type]
    plain = services.first_draft(store, need.id, person.id).text  # type: ignore[arg-type]
    assert framed != plain and "If this week is too full, next week works for me too." in framed
    draft = re.search(r"<textarea[^>]*>(.*?)</textarea>", r.text, re.S)
    assert draft is not None and html.unescape(draft[1]).strip() == framed.strip()


async def test_pages_compose_prefills_the_same_draft_as_the_cli(
    client: httpx.AsyncClient, store: Store
) -> None:
    person, need = add_person(store), add_need(store)
    assert person.id is not None and need.id is not None
    r = await client.get(f"/ask/{need.id}/compose", params={"person": person.id}, headers=HTML)
    made = services.first_draft(store, need.id, person.id, channel=person.channel or "chat")
    assert made.text.strip() in html.unescape(r.text) and "[" not in made.text


async def test_pages_answer_no_shows_gracious_reply_and_cooldown(
    client: httpx.AsyncClient, store: Store
) -> None:
    person, need = add_person(store), add_need(store)
    ask = services.create_ask(store, need.id, person.id, "Could you?").ask  # type: ignore[arg-type]
    services.record_answer(store, ask.id, "no")  # type: ignore[arg-type]
    r = await client.get(f"/ask/a/{ask.id}/answer", headers=HTML)
    assert "cooldown" in r.text
    assert "I thanked them" in r.text
