"""Accounts on the team server: init link, invitations, sign-in limits, resets, sessions."""

from __future__ import annotations

import pytest

from team.conftest import BASE, PASSWORD, World, app_routes, client

pytestmark = pytest.mark.postgres


def test_accounts_world_is_built_through_the_real_flows(world: World) -> None:
    me = world.admin.api("GET", "/api/team/me").json()
    assert me["user"]["name"] == "Ada"
    assert [(t["name"], t["role"], t["members"]) for t in me["teams"]] == [("Platform", "admin", 4)]
    ben = world.members[0].api("GET", "/api/team/teams").json()
    assert [(t["name"], t["role"]) for t in ben] == [("Platform", "member")]


def test_accounts_init_refuses_a_second_time(world: World) -> None:
    from askwell.errors import Conflict
    from askwell.team import accounts

    with pytest.raises(Conflict, match="already has accounts"):
        accounts.init(world.store, world.settings, email="x@example.org", name="X", team="T")


def test_accounts_signin_link_works_once(world: World) -> None:
    from askwell.team import accounts

    with world.store.session() as s:
        link = accounts._link(s, world.settings, world.members[0].id, "signin")
    secret = link.rsplit("/", 1)[1]
    web = client(world.app)
    assert web.get(f"/signin/{secret}").status_code == 200  # looking does not spend it
    assert web.post(f"/signin/{secret}", follow_redirects=False).status_code == 303
    again = client(world.app).post(f"/signin/{secret}", headers={"accept": "application/json"})
    assert again.status_code == 404
    assert "expired or was already used" in again.json()["error"]


def test_accounts_signup_is_by_invitation_only(world: World) -> None:
    web = client(world.app)
    made_up = web.post(
        "/api/team/invitations/not-a-real-secret", json={"name": "Eve", "password": PASSWORD}
    )
    assert made_up.status_code == 404
    paths = {path for _, path in app_routes(world.app)}
    assert not any("signup" in p or "register" in p for p in paths)


def test_accounts_invitation_is_single_use_and_admin_only(world: World) -> None:
    ben = world.members[0]
    refused = ben.api(
        "POST", f"/api/team/teams/{world.team_id}/invitations", json={"email": "z@example.org"}
    )
    assert refused.status_code == 403
    assert "team admin" in refused.json()["error"]
    link = world.admin.api(
        "POST", f"/api/team/teams/{world.team_id}/invitations", json={"email": "zoe@example.org"}
    ).json()
    assert link["emailed"] is True
    secret = link["link"].rsplit("/", 1)[1]
    web = client(world.app)
    first = web.post(f"/api/team/invitations/{secret}", json={"name": "Zoe", "password": PASSWORD})
    assert first.status_code == 200
    second = client(world.app).post(
        f"/api/team/invitations/{secret}", json={"name": "Zed", "password": PASSWORD}
    )
    assert second.status_code == 404


def test_accounts_invitation_is_emailed_to_the_smtp_server(world: World, mailbox) -> None:  # type: ignore[no-untyped-def]
    world.admin.api(
        "POST", f"/api/team/teams/{world.team_id}/invitations", json={"email": "ivy@example.org"}
    )
    msg = mailbox.messages[-1]
    assert msg["To"] == "ivy@example.org"
    assert "Platform" in msg["Subject"]
    assert msg.get_body(preferencelist=("html",)) is not None
    assert mailbox.last_link("/join/").startswith(BASE + "/join/")


def test_accounts_existing_person_joins_a_second_team_signed_in(world: World) -> None:
    olga = world.outsider
    link = olga.api(
        "POST",
        f"/api/team/teams/{world.other_team_id}/invitations",
        json={"email": "ben@example.org"},
    ).json()
    secret = link["link"].rsplit("/", 1)[1]
    anonymous = client(world.app).post(f"/api/team/invitations/{secret}", json={})
    assert anonymous.status_code == 401
    assert "sign in as ben@example.org" in anonymous.json()["error"]
    ben = world.members[0]
    joined = ben.browser("POST", f"/api/team/invitations/{secret}", json={})
    assert joined.status_code == 200
    names = sorted(t["name"] for t in ben.api("GET", "/api/team/teams").json())
    assert names == ["Elsewhere", "Platform"]


def test_accounts_password_is_stored_as_argon2id(world: World) -> None:
    from askwell.team.tables import TeamAccount

    with world.store.session() as s:
        stored = s.get(TeamAccount, world.members[0].id).password_hash
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_accounts_short_password_is_refused_kindly(world: World) -> None:
    link = world.admin.api(
        "POST", f"/api/team/teams/{world.team_id}/invitations", json={"email": "sam@example.org"}
    ).json()
    secret = link["link"].rsplit("/", 1)[1]
    short = client(world.app).post(
        f"/api/team/invitations/{secret}", json={"name": "Sam", "password": "short"}
    )
    assert short.status_code == 400
    assert "at least 10 characters" in short.json()["error"]


def test_accounts_session_cookie_is_secure_httponly_samesite(world: World) -> None:
    web = client(world.app)
    signed = web.post("/api/team/signin", json={"email": "ben@example.org", "password": PASSWORD})
    assert signed.status_code == 200
    cookie = signed.headers["set-cookie"]
    for attribute in ("HttpOnly", "Secure", "SameSite=Lax", "Path=/"):
        assert attribute in cookie
    assert signed.headers["strict-transport-security"].startswith("max-age=")


def test_accounts_cookie_changes_need_the_csrf_token(world: World) -> None:
    ben = world.members[0]
    without = ben.web.put("/api/team/profile", json={"topics": ["python"]})
    assert without.status_code == 403
    assert "did not come from an askwell page" in without.json()["error"]
    wrong = ben.web.put(
        "/api/team/profile", json={"topics": ["python"]}, headers={"x-csrf-token": "nope"}
    )
    assert wrong.status_code == 403
    right = ben.browser("PUT", "/api/team/profile", json={"topics": ["python"]})
    assert right.status_code == 200
    by_token = client(world.app).put(
        "/api/team/profile",
        json={"topics": ["go"]},
        headers={"authorization": f"Bearer {ben.token}"},
    )
    assert by_token.status_code == 200


def test_accounts_cross_site_change_is_refused(world: World) -> None:
    ben = world.members[0]
    refused = ben.browser(
        "PUT",
        "/api/team/profile",
        json={"topics": ["x"]},
        headers={"origin": "https://evil.example"},
    )
    assert refused.status_code == 403


def test_accounts_unknown_host_is_refused(world: World) -> None:
    refused = client(world.app).get("/healthz", headers={"host": "rebind.example"})
    assert refused.status_code == 400


def test_accounts_wrong_passwords_pause_the_account_with_a_clear_message(world: World) -> None:
    web = client(world.app)
    attempt = {"email": "cleo@example.org", "password": "wrong password!"}
    first = web.post("/api/team/signin", json=attempt)
    assert first.status_code == 401
    assert "do not match" in first.json()["error"]
    second = web.post("/api/team/signin", json=attempt)
    assert "1 more try" in second.json()["error"]
    third = web.post("/api/team/signin", json=attempt)
    assert "paused for 15 minutes" in third.json()["error"]
    locked = web.post("/api/team/signin", json={"email": "cleo@example.org", "password": PASSWORD})
    assert locked.status_code == 429
    assert "paused for" in locked.json()["error"]
    assert "reset your password" in locked.json()["error"]
    other = web.post("/api/team/signin", json={"email": "dan@example.org", "password": PASSWORD})
    assert other.status_code == 200


def test_accounts_lockout_is_shared_by_every_worker(world: World) -> None:
    from askwell.team.app import create_app

    attempt = {"email": "dan@example.org", "password": "wrong password!"}
    workers = [create_app(world.settings), create_app(world.settings), create_app(world.settings)]
    try:
        for app in workers:
            client(app).post("/api/team/signin", json=attempt)
        fresh = create_app(world.settings)
        locked = client(fresh).post(
            "/api/team/signin", json={"email": "dan@example.org", "password": PASSWORD}
        )
        assert locked.status_code == 429
        fresh.state.store.close()
    finally:
        for app in workers:
            app.state.store.close()


def test_accounts_too_many_tries_from_one_address_are_slowed(world: World) -> None:
    web = client(world.app)
    codes = [
        web.post(
            "/api/team/signin", json={"email": f"nobody{i}@example.org", "password": "x" * 12}
        ).status_code
        for i in range(9)
    ]
    assert codes[:8] == [401] * 8
    assert codes[8] == 429
    assert (
        "too many sign-in attempts"
        in web.post(
            "/api/team/signin", json={"email": "ben@example.org", "password": PASSWORD}
        ).json()["error"]
    )


def test_accounts_password_reset_by_email(world: World, mailbox) -> None:  # type: ignore[no-untyped-def]
    web = client(world.app)
    before = len(mailbox.messages)
    asked = web.post("/api/team/reset", json={"email": "Cleo@Example.org"})
    assert asked.status_code == 202
    unknown = web.post("/api/team/reset", json={"email": "nobody@example.org"})
    assert unknown.json() == asked.json()  # no hint whether an account exists
    assert len(mailbox.messages) == before + 1
    assert mailbox.messages[-1]["To"] == "cleo@example.org"
    link = mailbox.last_link("/reset/")
    secret = link.rsplit("/", 1)[1]
    cleo = world.members[1]
    assert cleo.api("GET", "/api/team/me").status_code == 200
    done = web.post(f"/api/team/reset/{secret}", json={"password": "a brand new passphrase"})
    assert done.status_code == 204
    assert cleo.web.get("/api/team/me").status_code == 401  # every session ended
    assert cleo.api("GET", "/api/team/me").status_code == 200  # API tokens are separate
    old = web.post("/api/team/signin", json={"email": "cleo@example.org", "password": PASSWORD})
    assert old.status_code == 401
    new = web.post(
        "/api/team/signin", json={"email": "cleo@example.org", "password": "a brand new passphrase"}
    )
    assert new.status_code == 200
    assert (
        web.post(
            f"/api/team/reset/{secret}", json={"password": "yet another passphrase"}
        ).status_code
        == 404
    )


def test_accounts_sessions_can_be_listed_and_revoked(world: World) -> None:
    ben = world.members[0]
    laptop = client(world.app)
    laptop.post("/api/team/signin", json={"email": "ben@example.org", "password": PASSWORD})
    listed = ben.api("GET", "/api/team/sessions").json()
    assert len(listed) == 2
    laptop_id = max(s["id"] for s in listed)
    assert laptop.get("/api/team/me").status_code == 200
    assert ben.api("DELETE", f"/api/team/sessions/{laptop_id}").status_code == 204
    assert laptop.get("/api/team/me").status_code == 401
    others = world.members[1].api("DELETE", f"/api/team/sessions/{listed[0]['id']}")
    assert others.status_code == 404


def test_accounts_sessions_expire(world: World) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from askwell.team.tables import WebSession

    ben = world.members[0]
    with world.store.session() as s:
        s.execute(
            update(WebSession)
            .where(WebSession.user_id == ben.id)
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    assert ben.web.get("/api/team/me").status_code == 401


def test_accounts_signout_ends_the_session(world: World) -> None:
    ben = world.members[0]
    assert ben.browser("POST", "/api/team/signout").status_code == 204
    assert ben.web.get("/api/team/me", headers={"authorization": ""}).status_code == 401


def test_accounts_api_token_can_be_revoked(world: World) -> None:
    ben = world.members[0]
    made = ben.api("POST", "/api/team/tokens", json={"name": "laptop"}).json()
    assert made["token"].startswith("askw_")
    headers = {"authorization": f"Bearer {made['token']}"}
    fresh = client(world.app)
    assert fresh.get("/api/team/me", headers=headers).status_code == 200
    assert ben.api("DELETE", f"/api/team/tokens/{made['id']}").status_code == 204
    assert fresh.get("/api/team/me", headers=headers).status_code == 401


def test_accounts_roles_admin_can_promote_and_a_team_keeps_an_admin(world: World) -> None:
    ben, cleo = world.members[0], world.members[1]
    t = world.team_id
    assert (
        ben.api(
            "PUT", f"/api/team/teams/{t}/members/{cleo.id}/role", json={"role": "admin"}
        ).status_code
        == 403
    )
    assert (
        world.admin.api(
            "PUT", f"/api/team/teams/{t}/members/{ben.id}/role", json={"role": "admin"}
        ).status_code
        == 204
    )
    assert (
        ben.api(
            "POST", f"/api/team/teams/{t}/invitations", json={"email": "q@example.org"}
        ).status_code
        == 201
    )
    olga = world.outsider
    last = olga.api("DELETE", f"/api/team/teams/{world.other_team_id}/members/{olga.id}")
    assert last.status_code == 409
    assert "at least one admin" in last.json()["error"]


def test_accounts_health_and_readiness(world: World) -> None:
    web = client(world.app)
    assert web.get("/healthz").json() == {"status": "ok"}
    assert web.get("/readyz").json() == {"status": "ready"}


def test_accounts_readiness_fails_without_the_database(settings) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from askwell.team.app import create_app

    broken = replace(settings, db_url="postgresql+psycopg://nobody@127.0.0.1:1/none")
    app = create_app(broken)
    answer = client(app).get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["status"] == "unavailable"
    assert client(app).get("/healthz").status_code == 200
