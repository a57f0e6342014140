"""Private by design: nobody, team admins included, reads another member's private askwell."""

from __future__ import annotations

import re
from typing import Any

import pytest

from team.conftest import Member, World, app_routes

pytestmark = pytest.mark.postgres

SECRET = "zebrafinch"


def _private_life(ben: Member) -> dict[str, int]:
    """Give Ben a private network, a need with barriers and a yes-guess, an ask and a journal."""
    person = ben.api(
        "POST", "/api/people", json={"name": f"Mum {SECRET}", "relationship": "family"}
    )
    assert person.status_code == 201, person.text
    need = ben.api(
        "POST",
        "/api/needs",
        json={
            "summary": f"Money worries {SECRET}",
            "details": f"rent is late {SECRET}",
            "barriers": {"shame": 3, "burden": 2},
            "expect": 15,
        },
    )
    assert need.status_code == 201, need.text
    entry = ben.api("POST", "/api/journal", json={"text": f"I felt ashamed {SECRET}"})
    assert entry.status_code == 201, entry.text
    return {"person": person.json()["id"], "need": need.json()["id"], "entry": entry.json()["id"]}


def _get_routes(app: Any) -> list[str]:
    return sorted(path for method, path in app_routes(app) if method == "GET")


def _fill(path: str, ids: range) -> list[str]:
    names = re.findall(r"{(\w+)}", path)
    if not names:
        return [path]
    out = []
    for i in ids:
        filled = path
        for name in names:
            filled = filled.replace("{" + name + "}", "x" * 12 if name == "secret" else str(i))
        out.append(filled)
    return out


def _crawl(member: Member, app: Any) -> dict[str, str]:
    """Call every GET endpoint (ids 1-12 for each id) plus searches; return what came back."""
    seen = {}
    for path in _get_routes(app):
        for url in _fill(path, range(1, 13)):
            for query in ("", f"?search={SECRET}", f"?q={SECRET}"):
                answer = member.api("GET", url + query)
                seen[url + query] = answer.text
                answer = member.web.get(url + query, headers={"accept": "text/html"})
                seen["html " + url + query] = answer.text
    return seen


def test_privacy_owner_sees_their_own_private_data(world: World) -> None:
    ben = world.members[0]
    ids = _private_life(ben)
    need = ben.api("GET", f"/api/needs/{ids['need']}").json()
    assert need["barriers"] == {"shame": 3, "burden": 2}
    assert need["expect"] == 15
    journal = ben.api("GET", f"/api/journal?search={SECRET}").json()
    assert any(SECRET in e["text"] for e in journal)


@pytest.mark.parametrize("who", ["admin", "teammate", "other team"])
def test_privacy_nobody_else_reads_a_private_journal_by_any_endpoint(
    world: World, who: str
) -> None:
    ben = world.members[0]
    _private_life(ben)
    reader = {"admin": world.admin, "teammate": world.members[1], "other team": world.outsider}[who]
    leaks = [url for url, body in _crawl(reader, world.app).items() if SECRET in body]
    assert leaks == []


def test_privacy_admin_gets_404_for_a_members_private_ids(world: World) -> None:
    ben = world.members[0]
    ids = _private_life(ben)
    admin = world.admin
    assert admin.api("GET", f"/api/needs/{ids['need']}").status_code == 404
    assert admin.api("GET", f"/api/people/{ids['person']}").status_code == 404
    export = admin.api("GET", "/api/export")
    assert export.status_code == 200
    assert SECRET not in export.text
    changed = admin.api("PATCH", f"/api/people/{ids['person']}", json={"name": "x"})
    assert changed.status_code in (404, 405)
    assert ben.api("GET", f"/api/people/{ids['person']}").json()["name"] == f"Mum {SECRET}"


def test_privacy_team_needs_never_carry_barriers_or_yes_guesses(world: World) -> None:
    from dataclasses import fields

    from askwell.team.tables import TeamNeed
    from askwell.team.views import NeedView

    assert {"barriers", "expect"}.isdisjoint(f.name for f in fields(NeedView))
    assert {"barriers", "expect"}.isdisjoint(TeamNeed.__table__.columns.keys())
    made = world.members[0].api(
        "POST",
        f"/api/team/teams/{world.team_id}/needs",
        json={"summary": "Help with a deploy", "barriers": {"shame": 3}, "expect": 10},
    )
    assert made.status_code == 422  # unknown fields are refused, not stored


def test_privacy_asks_are_seen_by_their_two_people_only(world: World) -> None:
    ben, cleo, dan = world.members
    need = ben.api(
        "POST",
        f"/api/team/teams/{world.team_id}/needs",
        json={
            "summary": "Feedback on my talk",
            "to": cleo.id,
            "text": "Could you watch 10 minutes?",
        },
    ).json()
    ask_id = need["ask"]["id"]
    need_id = need["need"]["id"]
    assert cleo.api("GET", f"/api/team/asks/{ask_id}").status_code == 200
    for reader in (dan, world.admin, world.outsider):
        assert reader.api("GET", f"/api/team/asks/{ask_id}").status_code == 404
        assert reader.api("GET", f"/api/team/needs/{need_id}").status_code == 404
        assert (
            reader.api("POST", f"/api/team/asks/{ask_id}/answer", json={"kind": "yes"}).status_code
            == 404
        )
        assert all(a["id"] != ask_id for a in reader.api("GET", "/api/team/inbox").json())
    assert cleo.api("GET", f"/api/team/needs/{need_id}/route").status_code == 403


def test_privacy_other_team_sees_nothing_of_this_team(world: World) -> None:
    olga = world.outsider
    t = world.team_id
    for path in (
        f"/api/team/teams/{t}/members",
        f"/api/team/teams/{t}/needs",
        f"/api/team/teams/{t}/help",
    ):
        assert olga.api("GET", path).status_code == 404
    posted = olga.api("POST", f"/api/team/teams/{t}/needs", json={"summary": "let me in"})
    assert posted.status_code == 404
    invite = olga.api("POST", f"/api/team/teams/{t}/invitations", json={"email": "x@example.org"})
    assert invite.status_code == 404


def test_privacy_signed_out_callers_get_nothing(world: World) -> None:
    from team.conftest import client

    _private_life(world.members[0])
    anonymous = client(world.app)
    for path in _get_routes(world.app):
        for url in _fill(path, range(1, 3)):
            answer = anonymous.get(url)
            assert SECRET not in answer.text
            if url.startswith("/api/") and "invitations" not in url and url != "/api/docs":
                assert answer.status_code in (401, 404), url
