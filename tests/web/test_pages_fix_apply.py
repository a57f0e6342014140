"""The coach panel offers each rewrite as a one-click apply: with htmx and as a plain form post."""

from __future__ import annotations

import html
import re

import httpx
import pytest

from askwell.storage.store import Store
from askwell.web import WebSettings

from .conftest import add_need, add_person
from .test_pages import HTML, post_form

pytestmark = pytest.mark.anyio

PRESSING = (
    "I need you to take over the reporting starting Monday. This is not optional. Reply ASAP."
)


def _forms(page: str) -> list[dict[str, str]]:
    """Return the apply forms of a coach panel: their hidden fields and button words."""
    found = []
    for form in re.findall(r'<form class="apply-fix".*?</form>', page, re.S):
        fields = {k: html.unescape(v) for k, v in re.findall(r'name="(\w+)" value="([^"]*)"', form)}
        fields["button"] = html.unescape(re.search(r"<button[^>]*>(.*?)</button>", form, re.S)[1])  # type: ignore[index]
        fields["action"] = re.search(r'action="([^"]+)"', form)[1]  # type: ignore[index]
        found.append(fields)
    return found


def _chosen(forms: list[dict[str, str]], words: str) -> tuple[str, dict[str, str]]:
    """Return the action and the fields a browser posts for the apply button with `words`."""
    form = next(f for f in forms if words in f["button"])
    return form["action"], {
        k: v for k, v in form.items() if k not in ("button", "action", "csrf_token")
    }


def _textarea(page: str) -> str:
    return html.unescape(re.search(r'<textarea id="f-text"[^>]*>(.*?)</textarea>', page, re.S)[1])  # type: ignore[index]


async def _panel(
    client: httpx.AsyncClient, settings: WebSettings, store: Store, text: str
) -> tuple[list[dict[str, str]], int]:
    person, need = add_person(store), add_need(store)
    r = await post_form(
        client,
        settings,
        "/ask/coach",
        {"text": text, "channel": "chat", "need": str(need.id), "person": str(person.id)},
    )
    assert r.status_code == 200
    return _forms(r.text), need.id  # type: ignore[return-value]


async def test_the_coach_panel_offers_each_rewrite_with_its_words(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    forms, need_id = await _panel(client, settings, store, PRESSING)
    buttons = [f["button"] for f in forms]
    assert "Apply: “ASAP” → “when you have a moment”" in buttons
    assert "Apply: take out “This is not optional.”" in buttons
    assert all(f["action"] == f"/ask/{need_id}/compose/fix" for f in forms)


async def test_without_javascript_apply_is_a_form_post_that_shows_the_page_again(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    action, fields = _chosen((await _panel(client, settings, store, PRESSING))[0], "ASAP")
    r = await post_form(client, settings, action, fields)
    assert r.status_code == 200 and "Write to Ana" in r.text
    fixed = _textarea(r.text)
    assert fixed == (
        "I need you to take over the reporting starting Monday. This is not optional. "
        "Reply when you have a moment."
    )
    # the coach panel is on the page, on the new text, with what is left to apply
    left = _forms(r.text)
    assert [f["button"] for f in left] == ["Apply: take out “This is not optional.”"]
    assert left[0]["text"] == fixed


async def test_with_htmx_apply_returns_the_new_text_box(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    action, fields = _chosen((await _panel(client, settings, store, PRESSING))[0], "take out")
    htmx = {"HX-Request": "true", "X-CSRF-Token": settings.csrf_token, **HTML}
    r = await client.post(action, data=fields, headers=htmx)
    assert r.status_code == 200 and r.text.lstrip().startswith('<textarea id="f-text"')
    assert 'hx-trigger="input changed delay:100ms, load"' in r.text  # the coach reads it again
    assert _textarea(r.text) == (
        "I need you to take over the reporting starting Monday. Reply ASAP."
    )


async def test_a_fix_that_no_longer_matches_is_refused_kindly(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    person, need = add_person(store), add_need(store)
    r = await post_form(
        client,
        settings,
        f"/ask/{need.id}/compose/fix",
        {"person": str(person.id), "text": "Could you review my CV? Thanks!", "index": "0"},
    )
    assert r.status_code == 400 and "check it again" in r.text


async def test_the_compose_page_shows_the_coach_without_javascript(
    client: httpx.AsyncClient, store: Store
) -> None:
    person, need = add_person(store), add_need(store)
    r = await client.get(f"/ask/{need.id}/compose", params={"person": person.id}, headers=HTML)
    assert r.status_code == 200
    panel = r.text[r.text.index('id="coach-result"') :]
    assert 'class="score"' in panel and "Start typing" not in panel


async def test_a_panel_outside_the_compose_step_has_no_apply_buttons(
    client: httpx.AsyncClient, settings: WebSettings
) -> None:
    r = await post_form(client, settings, "/ask/coach", {"text": PRESSING})
    assert r.status_code == 200 and "/ 100" in r.text
    assert _forms(r.text) == []


async def test_a_text_with_no_problem_reads_well(
    client: httpx.AsyncClient, settings: WebSettings
) -> None:
    good = (
        "Hi Sam, I'm preparing my first talk. Could you take a quick look at two slides by "
        "Thursday? No worries if you can't. Thank you!"
    )
    r = await post_form(client, settings, "/ask/coach", {"text": good})
    assert r.status_code == 200 and "Reads well. Nothing to fix." in r.text
