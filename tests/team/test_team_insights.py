"""Team insights: aggregates over at least 5 members, never a figure about one person."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from team.conftest import Member, World

pytestmark = pytest.mark.postgres

AGGREGATE_KEYS = {
    "asks",
    "answered",
    "answers",
    "answer_hours",
    "thanked",
    "helpers",
    "topics",
    "capacity",
}


def _ask_round(world: World, people: list[Member], *, thank: bool = True) -> None:
    """Each person asks the next one (in a ring) about a team need; each says yes; thanks."""
    for i, asker in enumerate(people):
        helper = people[(i + 1) % len(people)]
        made = asker.api(
            "POST",
            f"/api/team/teams/{world.team_id}/needs",
            json={"summary": f"Review from {asker.name}", "to": helper.id, "topics": ["python"]},
        )
        assert made.status_code == 201, made.text
        ask_id = made.json()["ask"]["id"]
        said = helper.api("POST", f"/api/team/asks/{ask_id}/answer", json={"kind": "yes"})
        assert said.status_code == 200, said.text
        if thank:
            thanked = asker.api("POST", f"/api/team/asks/{ask_id}/thanks", json={"note": "Thanks"})
            assert thanked.status_code == 200, thanked.text


def _no_person_in(world: World, people: list[Member], body: str, data: Any = None) -> None:
    for person in people:
        assert not re.search(rf"\b{person.name}\b", body), person.name
        assert person.email not in body
    if data is not None:
        keys = set(re.findall(r'"(\w+)":', body))
        assert not {k for k in keys if k.endswith("_id") and k != "team_id"}
        assert {f["key"] for f in data["figures"]} <= AGGREGATE_KEYS


def test_insights_fewer_than_five_members_gives_no_figure_at_all(world: World) -> None:
    everyone = [world.admin, *world.members]  # 4 people
    _ask_round(world, everyone)
    for person in everyone:
        answer = person.api("GET", f"/api/team/teams/{world.team_id}/insights")
        assert answer.status_code == 200, answer.text
        data = answer.json()
        assert data["ready"] is False
        assert data["members"] == 4
        assert data["figures"] == []
        assert data["message"].startswith("Not enough members yet")
    page = world.members[0].web.get(
        f"/teams/{world.team_id}/insights", headers={"accept": "text/html"}
    )
    assert page.status_code == 200
    assert "Not enough members yet" in page.text
    assert 'id="figure-' not in page.text


def test_insights_five_members_show_team_figures_only_when_five_people_are_behind_them(
    world: World,
) -> None:
    eve = world.join(world.team_id, world.admin, "Eve", "eve@example.org")
    ben, cleo = world.members[0], world.members[1]
    _ask_round(world, [ben, cleo])  # two people behind the ask figures: they wait
    data = ben.api("GET", f"/api/team/teams/{world.team_id}/insights").json()
    assert data["ready"] is True and data["members"] == 5
    keys = {f["key"] for f in data["figures"]}
    assert "answer_hours" not in keys and "asks" not in keys and "thanked" not in keys
    assert "capacity" in keys
    assert data["held_back"] >= 3
    assert "will show up once 5 people or more" in data["message"]
    _no_person_in(
        world,
        [world.admin, *world.members, eve],
        ben.api("GET", f"/api/team/teams/{world.team_id}/insights").text,
        data,
    )


def test_insights_a_team_where_everyone_asks_and_answers(world: World) -> None:
    eve = world.join(world.team_id, world.admin, "Eve", "eve@example.org")
    finn = world.join(world.team_id, world.admin, "Finn", "finn@example.org")
    everyone = [world.admin, *world.members, eve, finn]
    _ask_round(world, everyone)
    away = eve.api("PUT", "/api/team/profile", json={"away_until": "2099-01-01"})
    assert away.status_code == 200, away.text
    answer = finn.api("GET", f"/api/team/teams/{world.team_id}/insights")
    data = answer.json()
    figures = {f["key"]: f for f in data["figures"]}
    assert figures["asks"]["value"] == 6
    assert figures["answered"]["value"] == 100
    assert figures["answers"]["text"] == "How asks were answered: yes 100%."
    assert figures["thanked"]["value"] == 100
    assert figures["topics"]["text"] == "Topics most people asked about: python (6 people)."
    assert figures["capacity"]["text"] == "1 of 6 members are not taking requests at the moment."
    _no_person_in(world, everyone, answer.text, data)
    page = finn.web.get(f"/teams/{world.team_id}/insights", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert 'id="figure-asks"' in page.text
    _no_person_in(world, [p for p in everyone if p is not finn], page.text)


def test_insights_are_for_the_teams_own_members(world: World) -> None:
    from team.conftest import client

    path = f"/api/team/teams/{world.team_id}/insights"
    assert world.outsider.api("GET", path).status_code == 404
    assert client(world.app).get(path).status_code == 401


def test_insights_summarise_holds_back_what_fewer_than_five_people_are_behind() -> None:
    from askwell.team.insights import AskFact, summarise

    sent = datetime(2026, 11, 1, 9, tzinfo=UTC)
    asks = [
        AskFact(asker, 100 + asker % 2, sent, sent + timedelta(hours=2), "yes", True)
        for asker in range(1, 9)
    ]  # eight askers, two helpers
    figures, held = summarise(asks, [], [(a, ["rust"]) for a in range(1, 5)], 10, 0)
    keys = {f.key for f in figures}
    assert "asks" in keys and "thanked" in keys  # eight people behind each
    assert {"answered", "answers", "answer_hours"}.isdisjoint(keys)  # only two helpers
    assert "helpers" not in keys and "topics" not in keys  # nobody helped; rust by four
    assert held == 4
