"""The method across a team: publish, post, route with reasons, ask, answer, thank, help given."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from team.conftest import World

pytestmark = pytest.mark.postgres


def _publish(world: World) -> None:
    ben, cleo, dan = world.members
    ben.api(
        "PUT",
        "/api/team/profile",
        json={
            "topics": ["python", "databases"],
            "supports": ["advice", "feedback"],
            "tz": "Europe/Berlin",
            "hours": "Mon-Fri 09:00-17:00",
        },
    )
    cleo.api(
        "PUT",
        "/api/team/profile",
        json={
            "topics": ["design", "user research"],
            "supports": ["feedback"],
            "tz": "America/New_York",
        },
    )
    dan.api(
        "PUT",
        "/api/team/profile",
        json={"topics": ["postgresql", "databases"], "supports": ["advice"]},
    )


def _need(world: World, **extra: object) -> dict:  # type: ignore[type-arg]
    body = {
        "summary": "Review my PostgreSQL index design",
        "support_type": "feedback",
        "topics": ["databases"],
        **extra,
    }
    made = world.admin.api("POST", f"/api/team/teams/{world.team_id}/needs", json=body)
    assert made.status_code == 201, made.text
    return made.json()


def test_method_routing_uses_the_local_ranking_and_reasons(world: World) -> None:
    _publish(world)
    need = _need(world)["need"]
    routed = world.admin.api("GET", f"/api/team/needs/{need['id']}/route").json()
    names = [c["person"]["name"] for c in routed["suggested"]]
    assert set(names) == {"Ben", "Cleo", "Dan"}
    assert names[0] == "Ben"  # databases and feedback both listed
    fit = {c["person"]["name"]: c["factors"]["fit"]["score"] for c in routed["suggested"]}
    assert fit["Dan"] < fit["Ben"]  # Dan does not list feedback
    top = routed["suggested"][0]
    assert set(top["factors"]) == {
        "expertise",
        "fit",
        "availability",
        "capacity",
        "boundaries",
        "balance",
        "reciprocity",
        "history",
    }
    assert "closest topic" in top["factors"]["expertise"]["reason"]
    assert routed["unavailable"] == []


def test_method_routing_matches_a_local_ranking_of_the_same_people(world: World) -> None:
    from datetime import UTC, datetime

    from askwell.core.match import rank
    from askwell.core.model import History, Need, Person

    _publish(world)
    need = _need(world)["need"]
    routed = world.admin.api("GET", f"/api/team/needs/{need['id']}/route").json()
    ben, cleo, dan = world.members
    people = [
        Person(
            "Ben",
            "colleague",
            ("python", "databases"),
            ("advice", "feedback"),
            "Europe/Berlin",
            id=ben.id,
        ),
        Person(
            "Cleo",
            "colleague",
            ("design", "user research"),
            ("feedback",),
            "America/New_York",
            id=cleo.id,
        ),
        Person("Dan", "colleague", ("postgresql", "databases"), ("advice",), id=dan.id),
    ]
    from askwell.core.model import parse_hours

    people[0].hours = parse_hours("Mon-Fri 09:00-17:00")
    local = rank(
        Need(
            "Review my PostgreSQL index design",
            support_type="feedback",
            topics=("databases",),
            id=need["id"],
        ),
        people,
        History(),
        datetime.now(UTC),
    )
    assert [c.person.name for c in local] == [c["person"]["name"] for c in routed["suggested"]]
    assert [c.factors["expertise"].reason for c in local] == [
        c["factors"]["expertise"]["reason"] for c in routed["suggested"]
    ]


def test_method_member_at_capacity_is_never_suggested_nor_askable(world: World) -> None:
    _publish(world)
    dan = world.members[2]
    back = (date.today() + timedelta(days=5)).isoformat()
    dan.api("PUT", "/api/team/profile", json={"away_until": back, "away_note": "release week"})
    need = _need(world)["need"]
    routed = world.admin.api("GET", f"/api/team/needs/{need['id']}/route").json()
    assert "Dan" not in [c["person"]["name"] for c in routed["suggested"]]
    (away,) = routed["unavailable"]
    assert away["person"]["name"] == "Dan"
    assert (
        f"not taking requests until {back}: release week" in away["factors"]["capacity"]["reason"]
    )
    refused = world.admin.api(
        "POST", f"/api/team/needs/{need['id']}/asks", json={"helper_id": dan.id}
    )
    assert refused.status_code == 409
    assert "not taking requests" in refused.json()["error"]
    dan.api("PUT", "/api/team/profile", json={"back": True})
    again = world.admin.api("GET", f"/api/team/needs/{need['id']}/route").json()
    assert "Dan" in [c["person"]["name"] for c in again["suggested"]]


def test_method_full_ask_answer_thanks_and_help_for_both_sides(world: World) -> None:
    _publish(world)
    ben = world.members[0]
    need = _need(world)["need"]
    asked = world.admin.api(
        "POST",
        f"/api/team/needs/{need['id']}/asks",
        json={
            "helper_id": ben.id,
            "text": "Could you look at two indexes for 20 minutes this week?",
        },
    )
    assert asked.status_code == 201
    ask_id = asked.json()["id"]
    inbox = ben.api("GET", "/api/team/inbox?waiting=true").json()
    assert [(a["id"], a["asker"]["name"], a["summary"]) for a in inbox] == [
        (ask_id, "Ada", "Review my PostgreSQL index design")
    ]
    assert world.members[1].api("GET", "/api/team/inbox").json() == []
    assert (
        world.admin.api("POST", f"/api/team/asks/{ask_id}/answer", json={"kind": "yes"}).status_code
        == 403
    )
    answered = ben.api(
        "POST",
        f"/api/team/asks/{ask_id}/answer",
        json={"kind": "alternative", "offered": "Thursday at 10 instead", "note": "busy today"},
    )
    assert answered.status_code == 200
    assert answered.json()["answer"]["kind"] == "alternative"
    assert (
        ben.api("POST", f"/api/team/asks/{ask_id}/answer", json={"kind": "yes"}).status_code == 400
    )
    mine = world.admin.api("GET", "/api/team/asks").json()
    assert mine[0]["answer"]["offered"] == "Thursday at 10 instead"
    thanked = world.admin.api(
        "POST", f"/api/team/asks/{ask_id}/thanks", json={"note": "Thank you, Ben!"}
    )
    assert thanked.json()["status"] == "thanked"
    assert world.admin.api("POST", f"/api/team/asks/{ask_id}/thanks", json={}).status_code == 400
    seen = ben.api("GET", f"/api/team/asks/{ask_id}").json()
    assert seen["thanks_note"] == "Thank you, Ben!"
    second = _need(world, summary="Pair on a slow query")["need"]
    yes = world.admin.api(
        "POST", f"/api/team/needs/{second['id']}/asks", json={"helper_id": ben.id}
    ).json()
    ben.api("POST", f"/api/team/asks/{yes['id']}/answer", json={"kind": "yes"})
    given = ben.api("GET", f"/api/team/teams/{world.team_id}/help").json()
    received = world.admin.api("GET", f"/api/team/teams/{world.team_id}/help").json()
    assert [(g["with"]["name"], g["summary"]) for g in given["given"]] == [
        ("Ada", "Pair on a slow query")
    ]
    assert [(r["with"]["name"], r["summary"]) for r in received["received"]] == [
        ("Ben", "Pair on a slow query")
    ]


def test_method_no_sets_a_cooldown_that_routing_and_asking_respect(world: World) -> None:
    _publish(world)
    ben = world.members[0]
    need = _need(world)["need"]
    ask = world.admin.api(
        "POST", f"/api/team/needs/{need['id']}/asks", json={"helper_id": ben.id}
    ).json()
    ben.api(
        "POST", f"/api/team/asks/{ask['id']}/answer", json={"kind": "no", "note": "not my area"}
    )
    routed = world.admin.api("GET", f"/api/team/needs/{need['id']}/route").json()
    assert "Ben" not in [c["person"]["name"] for c in routed["suggested"]]
    (cool,) = routed["unavailable"]
    assert "cooldown runs until" in cool["factors"]["boundaries"]["reason"]
    again = world.admin.api(
        "POST", f"/api/team/needs/{need['id']}/asks", json={"helper_id": ben.id}
    )
    assert again.status_code == 409
    assert "cooldown" in again.json()["error"]
    cleo = world.members[1]
    cleo_need = cleo.api(
        "POST",
        f"/api/team/teams/{world.team_id}/needs",
        json={"summary": "Help me plan user interviews", "support_type": "advice"},
    ).json()["need"]
    assert (
        cleo.api(
            "POST", f"/api/team/needs/{cleo_need['id']}/asks", json={"helper_id": ben.id}
        ).status_code
        == 201
    )


def test_method_not_now_is_a_short_cooldown(world: World) -> None:
    ben = world.members[0]
    need = _need(world)["need"]
    ask = world.admin.api(
        "POST", f"/api/team/needs/{need['id']}/asks", json={"helper_id": ben.id}
    ).json()
    ben.api("POST", f"/api/team/asks/{ask['id']}/answer", json={"kind": "not-now"})
    routed = world.admin.api("GET", f"/api/team/needs/{need['id']}/route").json()
    (cool,) = [c for c in routed["unavailable"] if c["person"]["name"] == "Ben"]
    until = (date.today() + timedelta(days=7)).isoformat()
    assert until in cool["factors"]["boundaries"]["reason"]


def test_method_a_members_topic_boundary_holds_for_the_whole_team(world: World) -> None:
    dan = world.members[2]
    until = (date.today() + timedelta(days=20)).isoformat()
    made = dan.api(
        "POST",
        f"/api/team/teams/{world.team_id}/boundaries",
        json={"topic": "postgresql", "until": until},
    )
    assert made.status_code == 201
    need = _need(world)["need"]
    refused = world.admin.api(
        "POST", f"/api/team/needs/{need['id']}/asks", json={"helper_id": dan.id}
    )
    assert refused.status_code == 409
    cleo = world.members[1]
    other = cleo.api(
        "POST",
        f"/api/team/teams/{world.team_id}/needs",
        json={"summary": "Tune postgresql autovacuum"},
    ).json()["need"]
    assert (
        cleo.api(
            "POST", f"/api/team/needs/{other['id']}/asks", json={"helper_id": dan.id}
        ).status_code
        == 409
    )
    fine = cleo.api(
        "POST", f"/api/team/teams/{world.team_id}/needs", json={"summary": "Name for a new service"}
    ).json()["need"]
    assert (
        cleo.api(
            "POST", f"/api/team/needs/{fine['id']}/asks", json={"helper_id": dan.id}
        ).status_code
        == 201
    )


def test_method_need_sent_to_one_person_is_an_ask_in_their_inbox(world: World) -> None:
    ben, cleo = world.members[0], world.members[1]
    made = _need(world, to=ben.id, text="Would you have 15 minutes on Friday?")
    assert made["ask"]["helper"]["name"] == "Ben"
    assert (
        ben.api("GET", "/api/team/inbox").json()[0]["text"]
        == "Would you have 15 minutes on Friday?"
    )
    assert cleo.api("GET", f"/api/team/needs/{made['need']['id']}").status_code == 404
    board = cleo.api("GET", f"/api/team/teams/{world.team_id}/needs").json()
    assert board == []


def test_method_team_need_is_on_the_board_and_can_be_offered(world: World) -> None:
    cleo = world.members[1]
    need = _need(world)["need"]
    board = cleo.api("GET", f"/api/team/teams/{world.team_id}/needs").json()
    assert [n["summary"] for n in board] == ["Review my PostgreSQL index design"]
    offered = cleo.api("POST", f"/api/team/needs/{need['id']}/offer", json={"note": "happy to"})
    assert offered.status_code == 201
    assert world.admin.api("GET", "/api/team/asks").json()[0]["answer"]["kind"] == "yes"
    assert world.outsider.api("GET", f"/api/team/teams/{world.team_id}/needs").status_code == 404


def test_method_one_follow_up_only_after_waiting(world: World) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import update

    from askwell.team.tables import TeamAsk

    ben = world.members[0]
    need = _need(world)["need"]
    ask = world.admin.api(
        "POST", f"/api/team/needs/{need['id']}/asks", json={"helper_id": ben.id}
    ).json()
    early = world.admin.api("POST", f"/api/team/asks/{ask['id']}/follow-up", json={})
    assert early.status_code == 400
    assert "give it a little more time" in early.json()["error"]
    with world.store.session() as s:
        s.execute(update(TeamAsk).values(sent_at=datetime.now(UTC) - timedelta(days=4)))
    ok = world.admin.api(
        "POST", f"/api/team/asks/{ask['id']}/follow-up", json={"note": "Just checking in"}
    )
    assert ok.status_code == 200
    assert (
        ben.api("GET", f"/api/team/asks/{ask['id']}").json()["follow_up_note"] == "Just checking in"
    )
    twice = world.admin.api("POST", f"/api/team/asks/{ask['id']}/follow-up", json={})
    assert "one is enough" in twice.json()["error"]


def test_method_cannot_ask_someone_outside_the_team_or_yourself(world: World) -> None:
    need = _need(world)["need"]
    outside = world.admin.api(
        "POST", f"/api/team/needs/{need['id']}/asks", json={"helper_id": world.outsider.id}
    )
    assert outside.status_code == 404
    me = world.admin.api(
        "POST", f"/api/team/needs/{need['id']}/asks", json={"helper_id": world.admin.id}
    )
    assert me.status_code == 400


def test_method_team_answers_match_the_api_schema() -> None:
    from typing import get_args

    from askwell.team.api_method import AnswerKind
    from askwell.team.views import TEAM_ANSWERS

    assert get_args(AnswerKind) == TEAM_ANSWERS


def test_method_a_need_with_no_type_gets_the_type_its_words_suggest(world: World) -> None:
    from askwell import services

    text = "I feel overwhelmed since the reorg and could use someone to talk to"
    made = world.admin.api("POST", f"/api/team/teams/{world.team_id}/needs", json={"summary": text})
    assert made.status_code == 201, made.text
    suggested = services.suggest_type(text)
    assert suggested != "advice" and made.json()["need"]["support_type"] == suggested


def test_method_inbox_and_sent_come_a_page_at_a_time_with_a_next_link(world: World) -> None:
    ben = world.members[0]
    made = []
    for n in range(5):
        need = _need(world, summary=f"Review part {n}")["need"]
        asked = world.admin.api(
            "POST", f"/api/team/needs/{need['id']}/asks", json={"helper_id": ben.id}
        )
        made.append(asked.json()["id"])
    newest_first = made[::-1]
    for who, path in ((ben, "/api/team/inbox"), (world.admin, "/api/team/asks")):
        first = who.api("GET", f"{path}?limit=2")
        assert [a["id"] for a in first.json()] == newest_first[:2]
        link = first.headers["link"]
        assert link.endswith('>; rel="next"'), link
        following = who.api("GET", link[1 : link.index(">")])
        assert [a["id"] for a in following.json()] == newest_first[2:4]
        last = who.api("GET", f"{path}?limit=2&before={newest_first[3]}")
        assert [a["id"] for a in last.json()] == newest_first[4:]
        assert "link" not in last.headers  # a page that is not full is the last one
        assert [a["id"] for a in who.api("GET", path).json()] == newest_first  # up to 50
        assert who.api("GET", f"{path}?limit=201").status_code == 422
    waiting = ben.api("GET", f"/api/team/inbox?waiting=true&limit=2&before={made[1]}")
    assert [a["id"] for a in waiting.json()] == [made[0]]
    assert world.members[1].api("GET", f"/api/team/inbox?before={made[-1] + 1}").json() == []
