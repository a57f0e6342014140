"""The structured ask on the web: the Define step and the need edit form ask for it in plain
words, read what they can from the one-line summary, and keep what the person typed."""

from __future__ import annotations

import html
import re
from datetime import date

import httpx
import pytest

from askwell import services
from askwell.services.dates import local_today
from askwell.storage.store import Store
from askwell.web import WebSettings

from .conftest import add_need
from .test_pages import HTML, post_form

pytestmark = pytest.mark.anyio

SARAH = "a colleague to take over the weekly reporting for 6 weeks"


def _value(page: str, name: str) -> str:
    found = re.search(rf'<input id="f-{name}" name="{name}"[^>]*value="([^"]*)"', page)
    assert found, f"no {name} field"
    return html.unescape(found[1])


async def test_define_step_asks_for_the_ask_in_plain_words_with_examples(
    client: httpx.AsyncClient,
) -> None:
    page = (await client.get("/ask/need", headers=HTML)).text
    for label in ("What would they do?", "How big is it?", "By when?", "Your situation"):
        assert label in page
    assert "Start with a verb: “review two slides of my talk”" in page
    assert "“about 30 minutes”, “two slides”, “a one-line sign-off”" in page
    assert 'hx-include="closest form"' in page


async def test_live_check_reads_the_ask_size_and_date_from_the_summary(
    client: httpx.AsyncClient, settings: WebSettings
) -> None:
    summary = "Review the pricing section for 20 minutes by tomorrow"
    r = await post_form(client, settings, "/ask/need/check", {"summary": summary})
    assert 'hx-swap-oob="true"' in r.text and "Clear enough to ask" in r.text
    assert _value(r.text, "ask") == "review the pricing section"
    assert _value(r.text, "size") == "about 20 minutes"
    assert _value(r.text, "deadline") == f"{date.fromordinal(local_today().toordinal() + 1)}"
    assert "Suggested from your one line" in r.text


async def test_live_check_keeps_what_was_typed_and_updates_what_it_read(
    client: httpx.AsyncClient, settings: WebSettings
) -> None:
    first = await post_form(client, settings, "/ask/need/check", {"summary": SARAH})
    read = _value(first.text, "ask")
    assert read == "take over the weekly reporting for 6 weeks"
    again = await post_form(
        client,
        settings,
        "/ask/need/check",
        {
            "summary": SARAH + " from Monday",
            "ask": read,
            "ask_auto": read,
            "size": "an hour a week",
        },
    )
    assert _value(again.text, "ask") == "take over the weekly reporting for 6 weeks from Monday"
    assert _value(again.text, "size") == "an hour a week"
    mine = await post_form(
        client,
        settings,
        "/ask/need/check",
        {"summary": SARAH, "ask": "cover the Monday report", "ask_auto": read},
    )
    assert _value(mine.text, "ask") == "cover the Monday report"
    assert "Suggested from your one line" not in mine.text


async def test_define_step_saves_the_structured_ask_and_the_draft_uses_it(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    form = {
        "summary": SARAH,
        "ask": "take over the weekly reporting for six weeks",
        "size": "about an hour a week",
        "deadline": "2026-12-10",
        "situation": "I'm leading the Q1 launch and my week is full.",
        "support_type": "task",
    }
    r = await post_form(client, settings, "/ask/need", form)
    assert r.status_code == 303
    need = services.list_needs(store)[0]
    assert (need.ask, need.size, need.situation) == (form["ask"], form["size"], form["situation"])
    assert need.deadline == date(2026, 12, 10)


async def test_a_form_that_comes_back_without_javascript_shows_what_the_summary_says(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    r = await post_form(
        client, settings, "/ask/need", {"summary": "Review my CV by Friday", "size": "x" * 300}
    )
    assert r.status_code == 422 and 'id="f-size-error"' in r.text
    assert _value(r.text, "ask") == "review my CV" and _value(r.text, "deadline") != ""
    assert _value(r.text, "size") == "x" * 300 and services.list_needs(store) == []


async def test_a_too_long_ask_comes_back_by_its_field(
    client: httpx.AsyncClient, settings: WebSettings
) -> None:
    r = await post_form(
        client, settings, "/ask/need", {"summary": "Review my CV", "ask": "x" * 300}
    )
    assert r.status_code == 422 and 'id="f-ask-error"' in r.text


async def test_need_edit_form_shows_and_saves_the_structured_ask(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    need = add_need(store, SARAH, support_type="task")
    page = (await client.get(f"/needs/{need.id}", headers=HTML)).text
    assert 'placeholder="take over the weekly reporting for 6 weeks"' in page
    assert "What would they do?" in page and "Your situation" in page
    r = await post_form(
        client,
        settings,
        f"/needs/{need.id}",
        {
            "summary": SARAH,
            "ask": "take over the weekly reporting",
            "size": "about an hour a week",
            "situation": "I'm leading the Q1 launch.",
            "support_type": "task",
        },
    )
    assert r.status_code == 303
    saved = services.get_need(store, need.id)  # type: ignore[arg-type]
    assert (saved.ask, saved.size, saved.situation) == (
        "take over the weekly reporting",
        "about an hour a week",
        "I'm leading the Q1 launch.",
    )
    page = (await client.get(f"/needs/{need.id}", headers=HTML)).text
    assert _value(page, "ask") == "take over the weekly reporting"
