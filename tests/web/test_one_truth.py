"""One use-case behind every front door: the type suggestion, the reply offered, the person page,
the barriers and the report come from the same service, and the web form refuses what the API
refuses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import httpx
import pytest

from askwell import services
from askwell.core.model import Need
from askwell.services.insights import barrier_lines
from askwell.storage.store import Store
from askwell.web import WebSettings

from .conftest import add_need, add_person
from .test_pages import HTML, post_form

pytestmark = pytest.mark.anyio

EMOTIONAL = "I feel overwhelmed and could use someone to talk to this week"


async def test_one_truth_api_need_without_type_gets_the_suggested_type(
    client: httpx.AsyncClient, store: Store
) -> None:
    suggested = services.suggest_type(EMOTIONAL)
    assert suggested != "advice"  # the old API default would have hidden the difference
    r = await client.post("/api/needs", json={"summary": EMOTIONAL})
    assert r.status_code == 201 and r.json()["support_type"] == suggested
    library = services.add_need(store, Need(summary=EMOTIONAL))
    assert library.support_type == suggested
    chosen = await client.post("/api/needs", json={"summary": EMOTIONAL, "support_type": "advice"})
    assert chosen.json()["support_type"] == "advice"


async def test_one_truth_wizard_need_without_type_gets_the_suggested_type(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    r = await post_form(client, settings, "/ask/need", {"summary": EMOTIONAL})
    assert r.status_code == 303
    (need,) = services.list_needs(store)
    assert need.support_type == services.suggest_type(EMOTIONAL)


@pytest.mark.parametrize("level", ["7", "-1", "lots"])
async def test_one_truth_wizard_refuses_a_bad_barrier_level_by_its_field(
    client: httpx.AsyncClient, store: Store, settings: WebSettings, level: str
) -> None:
    form = {"summary": "Review my CV before Friday", "burden": level, "shame": "2"}
    r = await post_form(client, settings, "/ask/need", form)
    assert r.status_code == 422 and services.list_needs(store) == []
    assert 'id="f-barriers-error"' in r.text and "a number from 0 to 3" in r.text
    assert 'name="shame" value="2"' in r.text and 'name="burden"' not in r.text
    client.headers["X-CSRF-Token"] = settings.csrf_token
    api = await client.post(
        "/api/needs", json={"summary": "Review my CV", "barriers": {"burden": level}}
    )
    assert api.status_code == 422


async def test_one_truth_wizard_keeps_good_barrier_levels(
    client: httpx.AsyncClient, store: Store, settings: WebSettings
) -> None:
    form = {"summary": "Review my CV before Friday", "burden": "3", "shame": "0"}
    assert (await post_form(client, settings, "/ask/need", form)).status_code == 303
    assert services.list_needs(store)[0].barriers == {"burden": 3}


async def test_one_truth_person_page_shows_boundaries_with_who_set_them(
    client: httpx.AsyncClient, store: Store
) -> None:
    ana = add_person(store, "Ana")
    need = add_need(store)
    until = date.today() + timedelta(days=60)
    services.add_boundary(store, ana.id, until, topic="work", reason="parental leave")
    ask = services.create_ask(store, need.id, ana.id, "Could you look at my CV?").ask
    services.record_answer(store, ask.id, "no")
    page = (await client.get(f"/people/{ana.id}", headers=HTML)).text
    view = services.person_view(store, ana.id)
    assert len(view.boundary_lines) == 2
    for line in view.boundary_lines:
        assert line in page.replace("&#39;", "'")
    assert f"Their boundary (parental leave): no asks about work before {until}." in page
    assert "They said no to Review my CV before Friday on " in page
    assert "Review my CV before Friday" in page and f"/ask/a/{ask.id}/answer" in page


def test_one_truth_cli_person_show_lists_boundaries_and_asks(cli) -> None:  # type: ignore[no-untyped-def]
    pid = cli("people", "add", "Ben Okoro", "--json").json()["id"]
    nid = cli("need", "add", "Review my CV before Friday", "--type", "feedback", "--json").json()
    aid = cli("ask", str(nid["id"]), "--to", "Ben", "--json").json()["id"]
    cli("answer", str(aid), "alternative", "--offered", "a call next week")
    shown = cli("people", "show", "Ben")
    assert f"ask #{aid}:" in shown.out and "Review my CV before Friday" in shown.out
    assert "alternative" in shown.out
    data = cli("people", "show", str(pid), "--json").json()
    assert [a["id"] for a in data["asks"]] == [aid] and data["boundaries"] == []


async def test_one_truth_answer_page_offers_what_next_reply_offers(
    client: httpx.AsyncClient, store: Store
) -> None:
    ana = add_person(store, "Ana")
    need = add_need(store)
    old = datetime.now(UTC) - timedelta(days=5)
    waited = services.create_ask(store, need.id, ana.id, "Could you look?", now=old).ask
    services.record_answer(store, waited.id, "no-reply")
    offered = services.next_reply(store, waited.id)
    assert offered is not None and offered.action == "follow-up"
    page = (await client.get(f"/ask/a/{waited.id}/answer", headers=HTML)).text
    assert "One gentle follow-up" in page and "I followed up" in page
    fresh = services.create_ask(store, need.id, ana.id, "Could you look?", override=True).ask
    services.record_answer(store, fresh.id, "no-reply")
    assert services.next_reply(store, fresh.id) is None
    assert (
        "One gentle follow-up"
        not in (await client.get(f"/ask/a/{fresh.id}/answer", headers=HTML)).text
    )
    services.record_answer(store, fresh.id, "yes")
    thanks = services.next_reply(store, fresh.id)
    assert thanks is not None and thanks.action == "thank"
    page = (await client.get(f"/ask/a/{fresh.id}/answer", headers=HTML)).text
    assert "A thank-you, drafted for you" in page


async def test_one_truth_barriers_and_report_in_the_api_and_the_page(
    client: httpx.AsyncClient, store: Store
) -> None:
    add_need(store, barriers={"burden": 2, "shame": 1})
    add_need(store, "Someone to practise my talk with", barriers={"burden": 1})
    r = await client.get("/api/barriers")
    assert r.status_code == 200
    rows = r.json()
    assert [b["barrier"] for b in rows][:2] == ["burden", "shame"]
    assert rows[0]["needs"] == 2 and rows[0]["of_needs"] == 2 and rows[0]["reframe"]
    assert rows == [{k: getattr(b, k) for k in rows[0]} for b in barrier_lines(store)]
    page = (await client.get("/insights", headers=HTML)).text
    assert rows[0]["reframe"].replace("'", "&#39;") in page
    report = await client.get("/api/insights/report")
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert (
        report.text.startswith("<!doctype html>")
        and "attachment" in report.headers["content-disposition"]
    )


async def test_one_truth_barriers_count_one_need_in_the_singular(
    client: httpx.AsyncClient, store: Store
) -> None:
    add_need(store, barriers={"burden": 2})
    page = (await client.get("/insights", headers=HTML)).text
    assert "1 of your last 1 need</span>" in page and "last 1 needs" not in page
