"""Fix a typo in any record from the web: a form per kind (PRG, errors by field) and PATCH."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import httpx
import pytest

from askwell import services
from askwell.storage.store import Store
from askwell.web import WebSettings

from .conftest import add_need, add_person
from .test_pages import HTML, post_form

pytestmark = pytest.mark.anyio
EARLIER = datetime.now(UTC) - timedelta(days=4)


def _world(store: Store) -> tuple[int, int]:
    sam = add_person(store, "Sam")
    need = add_need(store, "Typo in my nede")
    ask = services.create_ask(store, need.id, sam.id, "Culd you look?", now=EARLIER).ask  # type: ignore[arg-type]
    return sam.id, ask.id  # type: ignore[return-value]


async def test_pages_edit_ask_saves_then_redirects_to_a_saved_page(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    sam, ask = _world(store)
    person = (await client.get(f"/people/{sam}", headers=HTML)).text
    assert f'href="/edit/ask/{ask}"' in person
    page = (await client.get(f"/edit/ask/{ask}", headers=HTML)).text
    assert "Culd you look?" in page and 'id="f-sent_at"' in page and 'id="f-note"' not in page
    r = await post_form(
        client,
        settings,
        f"/edit/ask/{ask}",
        {"text": "Could you look?", "channel": "call", "sent_at": ""},
    )
    assert r.status_code == 303 and r.headers["location"] == f"/edit/ask/{ask}?saved=1"
    fixed = services.get_ask(store, ask)
    assert (fixed.text, fixed.channel, fixed.sent_at) == ("Could you look?", "call", EARLIER)
    assert "Saved." in (await client.get(r.headers["location"], headers=HTML)).text


async def test_pages_edit_ask_mistakes_stay_by_their_fields_with_the_words_typed(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    _sam, ask = _world(store)
    later = f"{date.today() + timedelta(days=3):%Y-%m-%d}"
    r = await post_form(
        client,
        settings,
        f"/edit/ask/{ask}",
        {"text": "Could you look, plese?", "channel": "call", "sent_at": later},
    )
    assert r.status_code == 422
    assert "Could you look, plese?" in r.text and 'id="f-sent_at-error"' in r.text
    assert "is still to come" in r.text
    bad = await post_form(
        client,
        settings,
        f"/edit/ask/{ask}",
        {"text": "x", "channel": "pigeon", "sent_at": "not a day"},
    )
    assert bad.status_code == 422 and "2 things to fix" in bad.text
    assert 'id="f-channel-error"' in bad.text and 'id="f-sent_at-error"' in bad.text
    assert services.get_ask(store, ask).text == "Culd you look?"


async def test_pages_edit_answer_note_and_thanks_note(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    _sam, ask = _world(store)
    services.record_answer(store, ask, "yes", note="sure thng")
    services.thank(store, ask, note="Thnks")
    answer_page = (await client.get(f"/ask/a/{ask}/answer", headers=HTML)).text
    assert f'href="/edit/ask/{ask}"' in answer_page
    r = await post_form(
        client,
        settings,
        f"/edit/ask/{ask}",
        {
            "text": "Culd you look?",
            "channel": "chat",
            "note": "sure thing",
            "thanks_note": "Thanks!",
        },
    )
    assert r.status_code == 303
    fixed = services.get_ask(store, ask)
    assert fixed.answer is not None and fixed.answer.note == "sure thing"
    assert [t.note for t in services.load_history(store).thanks] == ["Thanks!"]


async def test_pages_edit_answer_kind_recorded_by_mistake(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    _sam, ask = _world(store)
    services.record_answer(store, ask, "yes")
    services.thank(store, ask)
    form = {"text": "Culd you look?", "channel": "chat", "note": "", "thanks_note": ""}
    bad = await post_form(client, settings, f"/edit/ask/{ask}", {**form, "answer": "no-reply"})
    assert bad.status_code == 422 and 'id="f-answer-error"' in bad.text
    assert "was thanked" in bad.text
    ok = await post_form(client, settings, f"/edit/ask/{ask}", {**form, "answer": "no"})
    assert ok.status_code == 303
    assert [b.need_id for b in services.list_boundaries(store)] == [
        services.get_ask(store, ask).need_id
    ]


async def test_pages_edit_journal_entry_text_and_day(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    entry = services.add_entry(store, "Askd Sam @wrk")
    assert f'href="/edit/journal/{entry.id}"' in (await client.get("/journal", headers=HTML)).text
    empty = await post_form(client, settings, f"/edit/journal/{entry.id}", {"text": ""})
    assert empty.status_code == 422 and 'id="f-text-error"' in empty.text
    day = f"{date.today() - timedelta(days=2):%Y-%m-%d}"
    r = await post_form(
        client,
        settings,
        f"/edit/journal/{entry.id}",
        {"text": "Asked Sam @work", "created_at": day},
    )
    assert r.status_code == 303
    (fixed,) = services.list_entries(store)
    assert fixed.text == "Asked Sam @work" and fixed.created_at is not None
    assert f"{fixed.created_at:%Y-%m-%d}" == day


async def test_pages_edit_help_given_and_boundary(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    sam, _ask = _world(store)
    given = services.give_help(store, sam, "Lnt a ladder")
    boundary = services.add_boundary(store, sam, date.today() + timedelta(days=30), topic="mony")
    person = (await client.get(f"/people/{sam}", headers=HTML)).text
    assert f'href="/edit/help/{given.id}"' in person
    assert f'href="/edit/help/{given.id}"' in (await client.get("/journal", headers=HTML)).text
    assert f'href="/edit/boundary/{boundary.id}"' in person
    r = await post_form(
        client,
        settings,
        f"/edit/help/{given.id}",
        {"summary": "Lent a ladder", "person_id": str(sam), "created_at": ""},
    )
    assert r.status_code == 303
    assert services.load_history(store).help_given[0].summary == "Lent a ladder"
    past = await post_form(
        client,
        settings,
        f"/edit/boundary/{boundary.id}",
        {"until": "2000-01-01", "topic": "money", "reason": ""},
    )
    assert past.status_code == 422 and 'id="f-until-error"' in past.text
    assert 'value="money"' in past.text
    ok = await post_form(
        client,
        settings,
        f"/edit/boundary/{boundary.id}",
        {
            "until": f"{date.today() + timedelta(days=60):%Y-%m-%d}",
            "topic": "money",
            "reason": "new job",
        },
    )
    assert ok.status_code == 303
    assert services.list_boundaries(store)[0].topic == "money"


async def test_pages_edit_need_keeps_its_structured_ask(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    need = add_need(store, "Typo in my nede")
    page = (await client.get(f"/needs/{need.id}", headers=HTML)).text
    assert 'id="f-size"' in page and 'id="f-expect"' in page
    r = await post_form(
        client,
        settings,
        f"/needs/{need.id}",
        {
            "summary": "Typo in my need",
            "support_type": "feedback",
            "urgency": "low",
            "ask": "look at two slides",
            "size": "two slides",
            "situation": "",
            "topics": "careers, slides",
            "expect": "55",
            "barrier_burden": "0",
            "barrier_shame": "2",
        },
    )
    assert r.status_code == 303
    fixed = services.get_need(store, need.id)  # type: ignore[arg-type]
    assert (fixed.summary, fixed.size, fixed.expect) == ("Typo in my need", "two slides", 55)
    assert fixed.barriers == {"shame": 2}  # the form's levels replace the old ones
    assert fixed.topics == ("careers", "slides")
    bad = await post_form(client, settings, f"/needs/{need.id}", {"summary": "", "expect": "lots"})
    assert bad.status_code == 422 and 'id="f-expect-error"' in bad.text


async def test_pages_edit_person_and_need_links_lead_to_their_pages(
    client: httpx.AsyncClient,
) -> None:
    r = await client.get("/edit/person/3", headers=HTML)
    assert r.status_code == 307 and r.headers["location"] == "/people/3"
    assert (await client.get("/edit/cat/1", headers=HTML)).status_code == 404


async def test_api_patch_every_kind_of_record(client: httpx.AsyncClient, store: Store) -> None:
    sam, ask = _world(store)
    r = await client.patch(f"/api/asks/{ask}", json={"text": "Could you look?"})
    assert r.status_code == 200 and r.json()["text"] == "Could you look?"
    r = await client.patch(f"/api/asks/{ask}", json={"note": "sure"})
    assert r.status_code == 400 and "no answer yet" in r.json()["error"]
    entry = services.add_entry(store, "Askd")
    r = await client.patch(f"/api/journal/{entry.id}", json={"created_at": "2026-01-05"})
    assert r.status_code == 200 and r.json()["created_at"].startswith("2026-01-05")
    given = services.give_help(store, sam, "Lnt")
    r = await client.patch(f"/api/help/{given.id}", json={"summary": "Lent"})
    assert r.status_code == 200 and r.json()["summary"] == "Lent"
    b = services.add_boundary(store, sam, date.today() + timedelta(days=9))
    r = await client.patch(f"/api/boundaries/{b.id}", json={"reason": "busy"})
    assert r.status_code == 200 and r.json()["reason"] == "busy"
    r = await client.patch(f"/api/boundaries/{b.id}", json={"colour": "red"})
    assert r.status_code == 422
    services.record_answer(store, ask, "no")
    r = await client.patch(f"/api/asks/{ask}", json={"answer": "yes"})
    assert r.status_code == 200 and r.json()["answer"]["kind"] == "yes"
    assert [x.need_id for x in services.list_boundaries(store)] == [None]  # the no's went
    r = await client.patch(f"/api/asks/{ask}", json={})
    assert r.status_code == 400 and "nothing to change" in r.json()["error"]


async def test_pages_edit_follow_up_note_from_the_journal_line(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    _sam, ask = _world(store)
    services.follow_up(store, ask, note="Any nws?")
    journal = (await client.get("/journal", headers=HTML)).text
    assert f'href="/edit/ask/{ask}"' in journal  # event lines lead to their record
    page = (await client.get(f"/edit/ask/{ask}", headers=HTML)).text
    assert "Any nws?" in page and 'id="f-followup_note"' in page
    r = await post_form(
        client,
        settings,
        f"/edit/ask/{ask}",
        {"text": "Culd you look?", "channel": "chat", "followup_note": "Any news?"},
    )
    assert r.status_code == 303
    assert [e.text for e in services.list_entries(store) if e.kind == "follow-up"] == ["Any news?"]


async def test_pages_edit_thank_you_and_follow_up_days(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    _sam, ask = _world(store)  # sent 4 days ago
    services.follow_up(store, ask, note="Any news?")
    services.record_answer(store, ask, "yes")
    services.thank(store, ask, note="Thanks!")
    page = (await client.get(f"/edit/ask/{ask}", headers=HTML)).text
    assert 'id="f-thanked_at"' in page and 'id="f-followed_up_at"' in page
    today = date.today()
    base = {"text": "Culd you look?", "channel": "chat", "answer": "yes"}
    sent_day = f"{(EARLIER - timedelta(days=3)).date():%Y-%m-%d}"
    r = await post_form(client, settings, f"/edit/ask/{ask}", {**base, "followed_up_at": sent_day})
    assert r.status_code == 422 and 'id="f-followed_up_at-error"' in r.text
    assert sent_day in r.text and "its follow-up must be dated that day or later" in r.text
    r = await post_form(client, settings, f"/edit/ask/{ask}", {**base, "thanked_at": "soon"})
    assert r.status_code == 422 and 'id="f-thanked_at-error"' in r.text and "soon" in r.text
    later = f"{today + timedelta(days=2):%Y-%m-%d}"
    r = await post_form(client, settings, f"/edit/ask/{ask}", {**base, "thanked_at": later})
    assert r.status_code == 422 and 'id="f-thanked_at-error"' in r.text
    assert "is still to come" in r.text
    two_days = f"{today - timedelta(days=2):%Y-%m-%d}"
    r = await post_form(client, settings, f"/edit/ask/{ask}", {**base, "followed_up_at": two_days})
    assert r.status_code == 303
    assert f"{services.get_ask(store, ask).followed_up_at:%Y-%m-%d}" <= two_days


async def test_api_patch_ask_thank_you_and_follow_up_days(
    client: httpx.AsyncClient, store: Store
) -> None:
    _sam, ask = _world(store)  # sent 4 days ago
    r = await client.patch(f"/api/asks/{ask}", json={"thanked_at": "2026-01-01"})
    assert r.status_code == 400 and r.json()["code"] == "no_thanks_yet"
    services.follow_up(store, ask)
    services.record_answer(store, ask, "yes")
    services.thank(store, ask)
    yesterday = f"{date.today() - timedelta(days=1):%Y-%m-%d}"
    r = await client.patch(f"/api/asks/{ask}", json={"thanked_at": yesterday})
    assert r.status_code == 400 and r.json()["code"] == "thanks_before_answered"
    assert "its thank-you must be dated" in r.json()["error"]
    long_ago = f"{EARLIER - timedelta(days=30):%Y-%m-%d}"
    r = await client.patch(f"/api/asks/{ask}", json={"followed_up_at": long_ago})
    assert r.status_code == 400 and r.json()["code"] == "followup_before_ask"
    r = await client.patch(f"/api/asks/{ask}", json={"followed_up_at": "someday"})
    assert r.status_code == 422 and "followed_up_at" in r.json()["error"]
    assert r.json()["code"] == "bad_date"
    r = await client.patch(f"/api/asks/{ask}", json={"followed_up_at": yesterday})
    assert r.status_code == 200
    assert services.get_ask(store, ask).followed_up_at.date() <= date.today()  # type: ignore[union-attr]
