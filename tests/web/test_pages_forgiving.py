"""Pages that forgive: every mistake by its field, one save per form, undo, friendly errors."""

from __future__ import annotations

import re

import httpx
import pytest

from askwell import services
from askwell.storage.store import Store
from askwell.web import WebSettings

from .conftest import add_need, add_person
from .test_pages import HTML, post_form

pytestmark = pytest.mark.anyio


def _token(page: str) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', page)[1]  # type: ignore[index]


async def test_pages_wizard_blank_summary_comes_back_with_the_words_typed(
    client: httpx.AsyncClient, settings: WebSettings
) -> None:
    r = await post_form(
        client,
        settings,
        "/ask/need",
        {"summary": "", "details": "Two pages, by Friday", "deadline": "not a date"},
    )
    assert r.status_code == 422
    assert "Two pages, by Friday" in r.text and "That did not go through" not in r.text
    assert 'id="f-summary-error"' in r.text and 'id="f-deadline-error"' in r.text
    assert "2 things to fix" in r.text


async def test_pages_wizard_back_and_resubmit_saves_the_need_once(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    token = _token((await client.get("/ask/need", headers=HTML)).text)
    form = {"summary": "Typo in my nede: review my CV by Friday", "form_token": token}
    first = await post_form(client, settings, "/ask/need", form)
    again = await post_form(client, settings, "/ask/need", form)
    assert first.status_code == again.status_code == 303
    assert first.headers["location"] == again.headers["location"]
    assert len(services.list_needs(store)) == 1


async def test_pages_wizard_checks_a_vague_need_before_ranking(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    r = await post_form(client, settings, "/ask/need", {"summary": "help"})
    assert r.status_code == 200 and "vague" in r.text and "Continue anyway" in r.text
    assert services.list_needs(store) == []
    r = await post_form(client, settings, "/ask/need", {"summary": "help", "anyway": "1"})
    assert r.status_code == 303 and len(services.list_needs(store)) == 1


async def test_pages_wizard_without_a_type_takes_the_suggested_one(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    from askwell.core.need_check import assess

    summary = "Could someone review my CV draft before Friday"
    await post_form(client, settings, "/ask/need", {"summary": summary, "support_type": ""})
    assert services.list_needs(store)[0].support_type == assess(summary).suggested_type


async def test_pages_delete_shows_undo_and_undo_brings_it_back(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    sam = add_person(store, "Sam")
    r = await post_form(client, settings, f"/delete/person/{sam.id}", {})
    assert r.status_code == 303 and r.headers["location"].startswith("/people?undo=")
    page = await client.get(r.headers["location"], headers=HTML)
    assert "Moved “Sam” to the trash." in page.text and ">Undo</button>" in page.text
    trash_id = r.headers["location"].split("=")[1]
    r = await post_form(client, settings, f"/undo/{trash_id}", {"next": "/people"})
    assert r.headers["location"] == "/people?restored=1"
    assert [p.name for p in services.list_people(store)] == ["Sam"]


async def test_pages_merge_people_then_undo(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    sam, dup = add_person(store, "Sam"), add_person(store, "Sammy", email="x@example.org")
    r = await post_form(client, settings, f"/people/{sam.id}/merge", {"other": str(dup.id)})
    assert [p.name for p in services.list_people(store)] == ["Sam"]
    page = await client.get(r.headers["location"], headers=HTML)
    assert "Merged “Sammy” into this person." in page.text
    trash = await client.get("/trash", headers=HTML)
    assert "Split again" in trash.text


async def test_pages_need_edit_fixes_a_typo_and_keeps_a_bad_date(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    need = add_need(store, "Typo in my nede")
    r = await post_form(client, settings, f"/needs/{need.id}", {"summary": "Typo in my need"})
    assert r.status_code == 303
    assert services.get_need(store, need.id).summary == "Typo in my need"  # type: ignore[arg-type]
    r = await post_form(
        client, settings, f"/needs/{need.id}", {"summary": "", "deadline": "friday-ish"}
    )
    assert r.status_code == 422 and 'value="friday-ish"' in r.text


async def test_pages_unknown_url_is_a_friendly_page_and_json_for_the_api(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/no/such/page", headers=HTML)
    assert page.status_code == 404 and "Nothing here" in page.text and 'class="nav"' in page.text
    api = await client.get("/api/no-such")
    assert api.status_code == 404 and api.json() == {"error": "nothing here"}


async def test_pages_favicon_is_served(client: httpx.AsyncClient) -> None:
    r = await client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")


async def test_api_delete_restore_and_merge(client: httpx.AsyncClient, store: Store) -> None:
    ana, bo = add_person(store, "Ana"), add_person(store, "Bo")
    need = add_need(store)
    gone = (await client.delete(f"/api/needs/{need.id}")).json()
    assert gone["kind"] == "need" and (await client.get(f"/api/needs/{need.id}")).status_code == 404
    assert [t["id"] for t in (await client.get("/api/trash")).json()] == [gone["id"]]
    back = await client.post(f"/api/trash/{gone['id']}/restore")
    assert (
        back.status_code == 200 and (await client.get(f"/api/needs/{need.id}")).status_code == 200
    )
    fixed = await client.patch(f"/api/needs/{need.id}", json={"summary": "Review my CV"})
    assert fixed.json()["summary"] == "Review my CV"
    merged = await client.post(f"/api/people/{ana.id}/merge", json={"other_id": bo.id})
    assert merged.json()["merged_into"] == ana.id
    assert (await client.post("/api/trash/undo")).json()["label"] == "Bo"


async def test_pages_journal_filters_by_tag_and_days(
    client: httpx.AsyncClient, store: Store
) -> None:
    from datetime import UTC, datetime

    services.add_entry(store, "Standup @work", now=datetime(2026, 11, 2, 12, tzinfo=UTC))
    services.add_entry(store, "Sister @family", now=datetime(2026, 11, 10, 12, tzinfo=UTC))
    services.add_entry(store, "Day off @work", now=datetime(2026, 11, 20, 12, tzinfo=UTC))
    r = await client.get("/journal", params={"tag": "work", "since": "2026-11-05"}, headers=HTML)
    assert "Day off @work" in r.text and "Standup" not in r.text and "Sister" not in r.text
    r = await client.get("/journal", params={"until": "someday"}, headers=HTML)
    assert r.status_code == 200 and "cannot read the date" in r.text.lower()


async def test_pages_insights_name_what_each_needs_and_draw_no_empty_chart(
    client: httpx.AsyncClient,
) -> None:
    r = await client.get("/insights", headers=HTML)
    assert "Still gathering data for 13 insights" in r.text
    assert "Your yes-guesses versus real answers" in r.text and "5 more needed." in r.text
    assert "/api/insights/charts/" not in r.text
    assert r.text.count("not enough data yet") == 0  # named by title, not a bare line
