"""The authorisation matrix: every route of the team app x who calls x whose data it is.

Callers, each against Ben's data (Ben is a member of the team) unless said otherwise:
  anon         nobody signed in
  owner        Ben himself (member, owner)
  admin_owner  Ada, the team's admin, against her own data (admin, owner)
  peer         Dan, a member of Ben's team (member, non-owner, same team)
  admin        Ada against Ben's data (team admin, non-owner, same team)
  other        Pia, a member of another team (member, other team)
  other_admin  Olga, that other team's admin (team admin, other team)
Every answer's status is checked against the matrix, and no body may carry a private marker of
anyone but the caller. A route missing from the matrix fails the test: add its row.
Set ASKWELL_MATRIX_PRINT=1 to print the observed rows (then read every one before pasting).
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass, field
from typing import Any

import pytest

from team.conftest import PASSWORD, Member, World, app_routes

pytestmark = pytest.mark.postgres

CASES = ("anon", "owner", "admin_owner", "peer", "admin", "other", "other_admin")
FAKE_SECRET = "x" * 43
TODAY_PLUS = "2099-01-01"
SERIAL = itertools.count(1)


@pytest.fixture
def settings(settings_with: Any) -> Any:
    """Team settings with the sign-in limits out of the way (the walk signs in many times)."""
    return settings_with(
        max_failures=10_000,
        ip_max_attempts=10_000,
        webhook_private_ok=True,  # the walk adds webhooks on 127.0.0.1 (nothing delivers them)
    )


def marker(member: Member) -> str:
    """Return the word hidden in everything private of this member."""
    return f"hushword{member.name.lower()}"


@dataclass
class Owned:
    """One member's private askwell and their team ask, freshly made."""

    ids: dict[str, int] = field(default_factory=dict)
    key: str = ""  # the key in their email's unsubscribe links


def _ok(answer: Any, *codes: int) -> Any:
    assert answer.status_code in (codes or (200, 201)), answer.text
    return answer.json() if answer.content else None


def make_owned(world: World, who: Member, helper: Member) -> Owned:
    """Give `who` a person, need, ask, journal entry, boundary, help, trash entry, team ask."""
    word = marker(who)
    n = next(SERIAL)
    api = who.api
    person = _ok(api("POST", "/api/people", json={"name": f"Mum{n} {word}"}))["id"]
    spare = _ok(api("POST", "/api/people", json={"name": f"Bo{n} {word}"}))["id"]
    other = _ok(api("POST", "/api/people", json={"name": f"Mother{n} {word}"}))["id"]
    need = _ok(
        api(
            "POST",
            "/api/needs",
            json={"summary": f"Rent {word}", "barriers": {"shame": 3}, "expect": 20},
        )
    )["id"]
    ask = _ok(api("POST", "/api/asks", json={"need_id": need, "person_id": person}))["ask"]["id"]
    entry = _ok(api("POST", "/api/journal", json={"text": f"ashamed {word}"}))["id"]
    until = {"until": TODAY_PLUS, "reason": f"rest {word}"}
    boundary = _ok(api("POST", f"/api/people/{person}/boundaries", json=until))["id"]
    help_id = _ok(
        api("POST", "/api/help-given", json={"person_id": person, "summary": f"moved {word}"})
    )["id"]
    _ok(api("DELETE", f"/api/people/{spare}"), 200, 204)
    trash = _ok(api("GET", "/api/trash"))[0]["id"]
    team = _ok(
        api(
            "POST",
            f"/api/team/teams/{world.team_id}/needs",
            json={"summary": f"Slides {word}", "to": helper.id, "text": f"Could you {word}?"},
        )
    )
    token = _ok(api("POST", "/api/team/tokens", json={"name": "spare"}))["id"]
    session = max(s["id"] for s in _ok(api("GET", "/api/team/sessions")))
    hooks = _ok(api("GET", "/api/team/notifications"))["webhooks"]  # at most 10 each
    hook = {"url": "http://127.0.0.1:9/hook"}
    webhook = hooks[0]["id"] if hooks else _ok(api("POST", "/api/team/webhooks", json=hook))["id"]
    from askwell.team import notify

    with world.store.session() as s:
        key = notify.prefs(s, who.id).unsubscribe_key
    return Owned(
        {
            "person_id": person,
            "other_person_id": other,
            "need_id": need,
            "ask_id": ask,
            "entry_id": entry,
            "boundary_id": boundary,
            "help_id": help_id,
            "trash_id": trash,
            "team_need_id": team["need"]["id"],
            "team_ask_id": team["ask"]["id"],
            "token_id": token,
            "session_id": session,
            "user_id": who.id,
            "webhook_id": webhook,
        },
        key,
    )


RECORD_KIND = {
    "people": "person_id",
    "needs": "need_id",
    "asks": "ask_id",
    "journal": "entry_id",
    "help": "help_id",
    "boundaries": "boundary_id",
}


def fill(path: str, owned: Owned, team_id: int) -> str:
    """Put the owner's ids into the path (team ids on team routes, personal ones otherwise)."""
    ids = owned.ids
    team_side = path.startswith("/api/team/") or not path.startswith("/api/")

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "secret":
            return FAKE_SECRET
        if name == "team_id":
            return str(team_id)
        if name in ("need_id", "ask_id") and team_side:
            return str(ids[f"team_{name}"])
        if name == "record_id":
            return str(ids[RECORD_KIND[path.split("/")[2]]])
        if name == "name":
            return "barriers"
        if name == "fmt":
            return "svg"
        if name == "key":
            return owned.key
        if name == "kind":
            return "ask"
        return str(ids[name])

    return re.sub(r"{(\w+)}", one, path)


def bodies(ctx: Context) -> dict[str, dict[str, Any]]:
    """Return the request each route is called with (a valid one, so only who matters)."""
    ids = ctx.owned.ids
    return {
        "POST /api/team/signin": {"json": {"email": "nobody@example.org", "password": "wrong"}},
        "POST /api/team/password": {"json": {"current": PASSWORD, "new": PASSWORD}},
        "POST /api/team/reset": {"json": {"email": "ben@example.org"}},
        "POST /api/team/reset/{secret}": {"json": {"password": "a brand new passphrase"}},
        "POST /api/team/tokens": {"json": {"name": "more"}},
        "POST /api/team/teams": {"json": {"name": "Yet another team"}},
        "POST /api/team/teams/{team_id}/invitations": {"json": {"email": "new@example.org"}},
        "POST /api/team/invitations/{secret}": {"json": {"name": "Eve", "password": PASSWORD}},
        "PUT /api/team/teams/{team_id}/members/{user_id}/role": {"json": {"role": "member"}},
        "PUT /api/team/profile": {"json": {"hours": "Mon-Fri 09:00-17:00"}},
        "POST /api/team/teams/{team_id}/needs": {"json": {"summary": "A second pair of eyes"}},
        "PUT /api/team/needs/{need_id}/status": {"json": {"status": "resolved"}},
        "POST /api/team/needs/{need_id}/asks": {"json": {"helper_id": ctx.spare_helper}},
        "POST /api/team/needs/{need_id}/offer": {"json": {"note": "I can help"}},
        "POST /api/team/asks/{ask_id}/answer": {"json": {"kind": "yes"}},
        "POST /api/team/asks/{ask_id}/thanks": {"json": {"note": "Thank you"}},
        "POST /api/team/asks/{ask_id}/follow-up": {"json": {"note": "Just checking"}},
        "PUT /api/team/notifications": {"json": {"muted": ["thanks"]}},
        "POST /api/team/webhooks": {"json": {"url": "http://127.0.0.1:9/hook"}},
        "POST /api/team/teams/{team_id}/boundaries": {
            "json": {"topic": "deploys", "until": TODAY_PLUS}
        },
        "POST /signin": {"data": {"email": "nobody@example.org", "password": "wrong"}},
        "POST /password": {"data": {"password": PASSWORD}},
        "POST /join/{secret}": {"data": {"name": "Eve", "password": PASSWORD}},
        "POST /reset": {"data": {"email": "ben@example.org"}},
        "POST /reset/{secret}": {"data": {"password": "a brand new passphrase"}},
        "POST /teams/{team_id}/needs": {"data": {"summary": "Help with a review"}},
        "POST /needs/{need_id}/asks": {"data": {"helper_id": str(ctx.spare_helper)}},
        "POST /asks/{ask_id}/answer": {"data": {"kind": "yes"}},
        "POST /asks/{ask_id}/thanks": {"data": {"note": "Thank you"}},
        "POST /api/people": {"json": {"name": f"Zoe {next(SERIAL)}"}},
        "PATCH /api/people/{person_id}": {"json": {"notes": "likes tea"}},
        "POST /api/people/{person_id}/boundaries": {"json": {"until": TODAY_PLUS}},
        "POST /api/needs": {"json": {"summary": "Help moving a sofa"}},
        "PATCH /api/needs/{need_id}": {"json": {"details": "on Saturday"}},
        "POST /api/needs/check": {"json": {"summary": "Help moving a sofa"}},
        "POST /api/asks": {
            "json": {"need_id": ids["need_id"], "person_id": ids["other_person_id"]}
        },
        "POST /api/asks/{ask_id}/answer": {"json": {"kind": "yes"}},
        "POST /api/asks/{ask_id}/thank": {"json": {"note": "Thank you"}},
        "POST /api/asks/{ask_id}/follow-up": {"json": {"note": "Just checking"}},
        "POST /api/journal": {"json": {"text": "A good day"}},
        "POST /api/help-given": {"json": {"person_id": ids["person_id"], "summary": "lifted"}},
        "POST /api/coach/check": {"json": {"text": "Could you help me move on Saturday?"}},
        "POST /api/coach/fix": {"json": {"text": "Could you help me move on Saturday?"}},
        "POST /api/coach/draft": {"json": {"parts": {"ask": "help me move"}}},
        "POST /api/people/import": {
            "files": {"file": ("c.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim\r\nEND:VCARD\r\n")}
        },
        "POST /api/import": {"json": {}},
        "POST /api/people/{person_id}/merge": {"json": {"other_id": ids["other_person_id"]}},
        "PATCH /api/journal/{entry_id}": {"json": {"text": "A better day"}},
        "PATCH /api/asks/{ask_id}": {"json": {"text": "Could you help on Sunday?"}},
        "PATCH /api/help/{help_id}": {"json": {"summary": "lifted boxes"}},
        "PATCH /api/boundaries/{boundary_id}": {"json": {"reason": "resting"}},
    }


@dataclass
class Context:
    """Whose data a call is about, and who could be asked on their behalf."""

    owned: Owned
    spare_helper: int


def call(world: World, caller: Member | None, method: str, path: str, ctx: Context) -> Any:
    """Make one call: API routes with the caller's token, pages with their session + CSRF."""
    from team.conftest import client

    url = fill(path, ctx.owned, world.team_id)
    kwargs = dict(bodies(ctx).get(f"{method} {path}", {}))
    if caller is None:
        web = client(world.app)
        return web.request(method, url, follow_redirects=False, **kwargs)
    if path.startswith("/api/"):
        return caller.api(method, url, follow_redirects=False, **kwargs)
    if "data" in kwargs:
        kwargs["data"] = {**kwargs["data"], "csrf_token": caller.csrf}
    headers = {"accept": "text/html"}
    return caller.browser(method, url, headers=headers, follow_redirects=False, **kwargs)


@dataclass
class Cast:
    """The people of the walk."""

    ben: Member
    cleo: Member
    dan: Member
    ada: Member
    pia: Member
    olga: Member

    def everyone(self) -> list[Member]:
        return [self.ben, self.cleo, self.dan, self.ada, self.pia, self.olga]


def restore(world: World, cast: Cast) -> None:
    """Put every membership and role back as it was (a route may have changed them)."""
    from sqlalchemy import select

    from askwell.team.common import now_utc
    from askwell.team.tables import Membership

    wanted = [
        (world.team_id, cast.ada.id, "admin"),
        (world.team_id, cast.ben.id, "member"),
        (world.team_id, cast.cleo.id, "member"),
        (world.team_id, cast.dan.id, "member"),
        (world.other_team_id, cast.olga.id, "admin"),
        (world.other_team_id, cast.pia.id, "member"),
    ]
    with world.store.session() as s:
        for team_id, user_id, role in wanted:
            row = s.scalar(
                select(Membership).where(
                    Membership.team_id == team_id, Membership.user_id == user_id
                )
            )
            if row is None:
                s.add(Membership(team_id=team_id, user_id=user_id, role=role, created_at=now_utc()))
            else:
                row.role = role


def refresh(member: Member) -> None:
    """Sign the member in again and give them a token again, where a route ended either."""
    me = member.web.get("/api/team/me", headers={"accept": "application/json"})
    if me.status_code == 200:
        member.csrf = me.json()["csrf_token"]  # a new session may have come with a new cookie
    else:
        member.web.cookies.clear()
        signed = member.web.post(
            "/api/team/signin", json={"email": member.email, "password": PASSWORD}
        )
        assert signed.status_code == 200, signed.text
        member.csrf = signed.json()["csrf_token"]
    if member.api("GET", "/api/team/me").status_code != 200:
        made = member.browser("POST", "/api/team/tokens", json={"name": "again"})
        assert made.status_code == 201, made.text
        member.token = made.json()["token"]


UNSETTLING = ("signout", "password", "sessions", "members", "reset/", "signin/")
LAST = ("DELETE /api/team/teams/{team_id}/members/{user_id}",)


def walk(world: World) -> tuple[dict[str, dict[str, int]], list[str]]:
    """Call every route as every case; return the statuses and any leaked private marker."""
    ben, cleo, dan = world.members
    pia = world.join(world.other_team_id, world.outsider, "Pia", "pia@example.org")
    cast = Cast(ben, cleo, dan, world.admin, pia, world.outsider)
    callers: dict[str, Member | None] = {
        "anon": None,
        "owner": ben,
        "admin_owner": cast.ada,
        "peer": dan,
        "admin": cast.ada,
        "other": pia,
        "other_admin": cast.olga,
    }
    routes = sorted(app_routes(world.app), key=lambda mp: f"{mp[0]} {mp[1]}" in LAST)
    seen: dict[str, dict[str, int]] = {}
    leaks: list[str] = []
    owned: dict[str, Owned] = {}
    order = ("anon", "other", "other_admin", "peer", "admin", "admin_owner", "owner")
    for method, path in routes:
        if method != "GET" or not owned:
            owned = {"ben": make_owned(world, ben, cleo), "ada": make_owned(world, cast.ada, cleo)}
        row = seen.setdefault(f"{method} {path}", {})
        for case in order:
            caller = callers[case]
            ctx = Context(owned["ada" if case == "admin_owner" else "ben"], dan.id)
            answer = call(world, caller, method, path, ctx)
            row[case] = answer.status_code
            if os.environ.get("ASKWELL_MATRIX_PRINT") and answer.status_code >= 400:
                print(f"  {method} {path} {case} {answer.status_code} {answer.text[:120]}")
            others = [m for m in cast.everyone() if m is not caller]
            for m in others:
                if marker(m) in answer.text:
                    leaks.append(f"{method} {path} as {case}: {m.name}'s private data")
            if any(word in path for word in UNSETTLING) and method != "GET":
                restore(world, cast)
                for m in cast.everyone():
                    refresh(m)
    return seen, leaks


def test_matrix_every_route_every_role_every_owner(world: World) -> None:
    seen, leaks = walk(world)
    observed = {route: " ".join(str(row[c]) for c in CASES) for route, row in seen.items()}
    if os.environ.get("ASKWELL_MATRIX_PRINT"):
        for route in sorted(observed):
            print(f'    "{route}": "{observed[route]}",')
    assert leaks == []
    missing = sorted(set(observed) - set(MATRIX))
    assert missing == [], f"routes with no row in the matrix (add them): {missing}"
    gone = sorted(set(MATRIX) - set(observed))
    assert gone == [], f"matrix rows for routes that no longer exist: {gone}"
    wrong = {r: f"expected {MATRIX[r]}, got {o}" for r, o in observed.items() if MATRIX[r] != o}
    assert wrong == {}


# statuses in CASES order: anon owner admin_owner peer admin other other_admin
MATRIX: dict[str, str] = {
    "POST /api/coach/fix": "401 200 200 200 200 200 200",
    "GET /api/barriers": "401 200 200 200 200 200 200",
    "GET /api/insights/report": "401 200 200 200 200 200 200",
    "PATCH /api/asks/{ask_id}": "401 200 200 404 404 404 404",
    "PATCH /api/boundaries/{boundary_id}": "401 200 200 404 404 404 404",
    "PATCH /api/help/{help_id}": "401 200 200 404 404 404 404",
    "DELETE /api/asks/{record_id}": "401 200 200 404 404 404 404",
    "DELETE /api/boundaries/{record_id}": "401 200 200 404 404 404 404",
    "DELETE /api/help/{record_id}": "401 200 200 404 404 404 404",
    "DELETE /api/journal/{record_id}": "401 200 200 404 404 404 404",
    "DELETE /api/needs/{record_id}": "401 200 200 404 404 404 404",
    "DELETE /api/people/{record_id}": "401 200 200 404 404 404 404",
    "DELETE /api/team/sessions/{session_id}": "401 204 204 404 404 404 404",
    "DELETE /api/team/teams/{team_id}/members/{user_id}": "401 204 409 403 204 404 404",
    "DELETE /api/team/tokens/{token_id}": "401 204 204 404 404 404 404",
    "DELETE /api/team/webhooks/{webhook_id}": "401 204 204 404 404 404 404",
    "GET /": "303 200 200 200 200 200 200",
    "GET /api/asks": "401 200 200 200 200 200 200",
    "GET /api/asks/{ask_id}": "401 200 200 404 404 404 404",
    "GET /api/asks/{ask_id}/handoff": "401 200 200 404 404 404 404",
    "GET /api/asks/{ask_id}/ics": "401 200 200 404 404 404 404",
    "GET /api/coach/templates": "401 200 200 200 200 200 200",
    "GET /api/docs": "200 200 200 200 200 200 200",
    "GET /api/due": "401 200 200 200 200 200 200",
    "GET /api/export": "401 200 200 200 200 200 200",
    "GET /api/insights": "401 200 200 200 200 200 200",
    "GET /api/insights/charts/{name}.{fmt}": "401 200 200 200 200 200 200",
    "GET /api/journal": "401 200 200 200 200 200 200",
    "GET /api/needs": "401 200 200 200 200 200 200",
    "GET /api/needs/{need_id}": "401 200 200 404 404 404 404",
    "GET /api/needs/{need_id}/suggest": "401 200 200 404 404 404 404",
    "GET /api/people": "401 200 200 200 200 200 200",
    "GET /api/people/{person_id}": "401 200 200 404 404 404 404",
    "GET /api/people/{person_id}/boundaries": "401 200 200 404 404 404 404",
    "GET /api/people/{person_id}/moments": "401 200 200 404 404 404 404",
    "GET /api/practice": "401 200 200 200 200 200 200",
    "GET /api/team/asks": "401 200 200 200 200 200 200",
    "GET /api/team/asks/{ask_id}": "401 200 200 404 404 404 404",
    "GET /api/team/inbox": "401 200 200 200 200 200 200",
    "GET /api/team/invitations/{secret}": "404 404 404 404 404 404 404",
    "GET /api/team/me": "401 200 200 200 200 200 200",
    "GET /api/team/needs/{need_id}": "401 200 200 404 404 404 404",
    "GET /api/team/needs/{need_id}/route": "401 200 200 404 404 404 404",
    "GET /api/team/notifications": "401 200 200 200 200 200 200",
    "GET /api/team/profile": "401 200 200 200 200 200 200",
    "GET /api/team/sessions": "401 200 200 200 200 200 200",
    "GET /api/team/teams": "401 200 200 200 200 200 200",
    "GET /api/team/teams/{team_id}/help": "401 200 200 200 200 404 404",
    "GET /api/team/teams/{team_id}/insights": "401 200 200 200 200 404 404",
    "GET /api/team/teams/{team_id}/members": "401 200 200 200 200 404 404",
    "GET /api/team/teams/{team_id}/needs": "401 200 200 200 200 404 404",
    "GET /api/trash": "401 200 200 200 200 200 200",
    "GET /docs/oauth2-redirect": "200 200 200 200 200 200 200",
    "GET /healthz": "200 200 200 200 200 200 200",
    "GET /join/{secret}": "404 404 404 404 404 404 404",
    "GET /needs/{need_id}": "401 200 200 404 404 404 404",
    "GET /openapi.json": "200 200 200 200 200 200 200",
    "GET /password": "401 200 200 200 200 200 200",
    "GET /readyz": "200 200 200 200 200 200 200",
    "GET /reset": "200 200 200 200 200 200 200",
    "GET /reset/{secret}": "404 404 404 404 404 404 404",
    "GET /signin": "200 200 200 200 200 200 200",
    "GET /signin/{secret}": "404 404 404 404 404 404 404",
    "GET /teams/{team_id}/insights": "401 200 200 200 200 404 404",
    "GET /unsubscribe/{key}/{kind}": "200 200 200 200 200 200 200",
    "PATCH /api/journal/{entry_id}": "401 200 200 404 404 404 404",
    "PATCH /api/needs/{need_id}": "401 200 200 404 404 404 404",
    "PATCH /api/people/{person_id}": "401 200 200 404 404 404 404",
    "POST /api/asks": "401 201 201 404 404 404 404",
    "POST /api/asks/{ask_id}/answer": "401 200 200 404 404 404 404",
    "POST /api/asks/{ask_id}/close": "401 200 200 404 404 404 404",
    "POST /api/asks/{ask_id}/follow-up": "401 400 400 404 404 404 404",
    "POST /api/asks/{ask_id}/send": "401 400 400 404 404 404 404",
    "POST /api/asks/{ask_id}/thank": "401 400 400 404 404 404 404",
    "POST /api/coach/check": "401 200 200 200 200 200 200",
    "POST /api/coach/draft": "401 200 200 200 200 200 200",
    "POST /api/help-given": "401 201 201 404 404 404 404",
    "POST /api/import": "401 400 400 400 400 400 400",
    "POST /api/journal": "401 201 201 201 201 201 201",
    "POST /api/needs": "401 201 201 201 201 201 201",
    "POST /api/needs/check": "401 200 200 200 200 200 200",
    "POST /api/people": "401 201 201 201 201 201 201",
    "POST /api/people/import": "401 200 200 200 200 200 200",
    "POST /api/people/{person_id}/boundaries": "401 201 201 404 404 404 404",
    "POST /api/people/{person_id}/merge": "401 200 200 404 404 404 404",
    "POST /api/team/asks/{ask_id}/answer": "401 403 403 404 404 404 404",
    "POST /api/team/asks/{ask_id}/follow-up": "401 400 400 404 404 404 404",
    "POST /api/team/asks/{ask_id}/thanks": "401 400 400 404 404 404 404",
    "POST /api/team/invitations/{secret}": "404 404 404 404 404 404 404",
    "POST /api/team/needs/{need_id}/asks": "401 201 201 404 404 404 404",
    "POST /api/team/needs/{need_id}/offer": "401 400 400 404 404 404 404",
    "POST /api/team/password": "401 204 204 204 204 204 204",
    "POST /api/team/reset": "202 202 202 202 202 202 202",
    "POST /api/team/reset/{secret}": "404 404 404 404 404 404 404",
    "POST /api/team/signin": "401 401 401 401 401 401 401",
    "POST /api/team/signout": "401 204 204 204 204 204 204",
    "POST /api/team/teams": "401 201 201 201 201 201 201",
    "POST /api/team/teams/{team_id}/boundaries": "401 201 201 201 201 404 404",
    "POST /api/team/teams/{team_id}/invitations": "401 403 201 403 201 404 404",
    "POST /api/team/teams/{team_id}/needs": "401 201 201 201 201 404 404",
    "POST /api/team/tokens": "401 201 201 201 201 201 201",
    "POST /api/team/webhooks": "401 201 201 201 201 201 201",
    "POST /api/trash/undo": "401 200 200 400 200 400 400",
    "POST /api/trash/{trash_id}/restore": "401 200 200 404 404 404 404",
    "POST /asks/{ask_id}/answer": "401 403 403 404 404 404 404",
    "POST /asks/{ask_id}/thanks": "401 400 400 404 404 404 404",
    "POST /join/{secret}": "404 404 404 404 404 404 404",
    "POST /needs/{need_id}/asks": "401 303 303 404 404 404 404",
    "POST /password": "401 303 303 303 303 303 303",
    "POST /reset": "200 200 200 200 200 200 200",
    "POST /reset/{secret}": "404 404 404 404 404 404 404",
    "POST /resubscribe/{key}/{kind}": "200 200 200 200 200 200 200",
    "POST /signin": "401 401 401 401 401 401 401",
    "POST /signin/{secret}": "404 404 404 404 404 404 404",
    "POST /signout": "401 303 303 303 303 303 303",
    "POST /teams/{team_id}/needs": "401 303 303 303 303 404 404",
    "POST /unsubscribe/{key}/{kind}": "200 200 200 200 200 200 200",
    "PUT /api/team/needs/{need_id}/status": "401 200 200 404 404 404 404",
    "PUT /api/team/notifications": "401 200 200 200 200 200 200",
    "PUT /api/team/profile": "401 200 200 200 200 200 200",
    "PUT /api/team/teams/{team_id}/members/{user_id}/role": "401 403 409 403 204 404 404",
}
