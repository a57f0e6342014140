"""Team-server fixtures: a PostgreSQL database of its own, an app, members, an SMTP capture."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest

from support import PG_URL, postgres_reason

BASE = "https://team.example"


def _require_postgres() -> None:
    reason = postgres_reason()
    if reason:
        if os.environ.get("ASKWELL_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required here but {reason}")
        pytest.skip(reason)


@dataclass(frozen=True)
class TeamDatabase:
    """A database of our own, owned by a role of our own that is no superuser (as deployed)."""

    url: str  # as the server connects: the owner role, which row-level security holds
    superuser_url: str  # the same database as the cluster's superuser, for checks only


@pytest.fixture(scope="session")
def team_db() -> Iterator[TeamDatabase]:
    """Create a role and a database it owns, migrate as that role, drop both at the end.

    Other suites reset `test`, so team tests get their own. The role is an ordinary one (no
    SUPERUSER, no BYPASSRLS), like `scripts/team-server`'s `askwell`, so every team test runs
    behind PostgreSQL's row-level security as a real server does.
    """
    _require_postgres()
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    suffix = uuid.uuid4().hex[:10]
    name, role = f"askwell_team_{suffix}", f"askwell_app_{suffix}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOBYPASSRLS'))
        conn.execute(text(f'CREATE DATABASE "{name}" OWNER "{role}"'))
    base = make_url(PG_URL).set(database=name)
    url = base.set(username=role, password=None).render_as_string(hide_password=False)
    from askwell.storage.store import open_store

    open_store(url).close()
    yield TeamDatabase(url, base.render_as_string(hide_password=False))
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


@pytest.fixture(scope="session")
def team_db_url(team_db: TeamDatabase) -> str:
    """Return the team database's URL as the server connects (its owner role, not superuser)."""
    return team_db.url


@pytest.fixture
def team_store(team_db_url: str) -> Iterator[Any]:
    """Yield a store on the team database, emptied before each test."""
    from sqlalchemy import text

    from askwell.storage.store import Store, make_engine
    from askwell.storage.tables import Base

    store = Store(make_engine(team_db_url))
    names = ", ".join(f'"{t}"' for t in Base.metadata.tables)
    with store.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    yield store
    store.close()


@dataclass
class Mailbox:
    """Messages an in-process SMTP server received."""

    port: int
    messages: list[Message] = field(default_factory=list)

    def last_link(self, path: str) -> str:
        """Return the last link to `path` found in the plain-text part of the last message."""
        import re

        msg = self.messages[-1]
        part = msg.get_body(preferencelist=("plain",)) if hasattr(msg, "get_body") else msg
        body = part.get_content() if hasattr(part, "get_content") else str(part)
        found = re.findall(re.escape(BASE + path) + r"[A-Za-z0-9_\-]+", body)
        assert found, body
        return found[-1]


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    """Run a real SMTP server (aiosmtpd) on 127.0.0.1 that keeps every message."""
    from email import policy

    from aiosmtpd.controller import Controller

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    box = Mailbox(port)

    class Keep:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            box.messages.append(message_from_bytes(envelope.content, policy=policy.default))
            return "250 OK"

    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    yield box
    controller.stop()


@pytest.fixture
def settings_with(team_db_url: str, mailbox: Mailbox) -> Any:
    """Return a maker of team settings for tests: cheap argon2, the capture SMTP server."""
    from askwell.team.config import load_settings

    def make(**overrides: Any) -> Any:
        return load_settings(
            env={},
            db_url=team_db_url,
            base_url=BASE,
            smtp_host="127.0.0.1",
            smtp_port=mailbox.port,
            argon2_time_cost=1,
            argon2_memory_kib=8192,
            **overrides,
        )

    return make


@pytest.fixture
def settings(settings_with: Any) -> Any:
    """Return team settings for tests, with the real sign-in limits (small, to test lock-out)."""
    return settings_with(max_failures=3, ip_max_attempts=8)


@pytest.fixture
def app(settings: Any, team_store: Any) -> Any:
    """Return the team app on the test database."""
    from askwell.team.app import create_app

    return create_app(settings, store=team_store)


def client(app: Any) -> Any:
    """Return a fresh browser-like client (its own cookie jar) on the app."""
    from fastapi.testclient import TestClient

    return TestClient(app, base_url=BASE)


@dataclass
class Member:
    """A signed-in member: their id, browser client and CSRF token, and an API token."""

    id: int
    name: str
    email: str
    web: Any
    csrf: str
    token: str

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        """Call the JSON API with the member's API token."""
        headers = {"authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}
        return self.web.request(method, path, headers=headers, **kwargs)

    def browser(self, method: str, path: str, **kwargs: Any) -> Any:
        """Call with the session cookie and the CSRF header (like the pages do)."""
        headers = {"x-csrf-token": self.csrf, **kwargs.pop("headers", {})}
        return self.web.request(method, path, headers=headers, **kwargs)


PASSWORD = "correct horse battery"


@dataclass
class World:
    """A team with an admin and members, plus a second team."""

    app: Any
    store: Any
    settings: Any
    team_id: int
    admin: Member
    members: list[Member]
    other_team_id: int
    outsider: Member

    def join(
        self, team_id: int, inviter: Member, name: str, email: str, role: str = "member"
    ) -> Member:
        """Invite someone into a team and have them accept with a new account."""
        link = inviter.api(
            "POST",
            f"/api/team/teams/{team_id}/invitations",
            json={"email": email, "role": role},
        )
        assert link.status_code == 201, link.text
        secret = link.json()["link"].rsplit("/", 1)[1]
        return accept(self.app, secret, name, email)


def accept(app: Any, secret: str, name: str, email: str) -> Member:
    """Accept an invitation with a new account; return the signed-in member with a token."""
    web = client(app)
    joined = web.post(f"/api/team/invitations/{secret}", json={"name": name, "password": PASSWORD})
    assert joined.status_code == 200, joined.text
    body = joined.json()
    csrf = body["csrf_token"]
    token = web.post("/api/team/tokens", json={"name": "tests"}, headers={"x-csrf-token": csrf})
    assert token.status_code == 201, token.text
    return Member(body["user"]["id"], name, email, web, csrf, token.json()["token"])


@pytest.fixture
def world(app: Any, team_store: Any, settings: Any) -> World:
    """Return a team (admin Ada, members Ben, Cleo, Dan) and another team with its own admin."""
    from askwell.team import accounts

    started = accounts.init(
        team_store, settings, email="ada@example.org", name="Ada", team="Platform"
    )
    web = client(app)
    secret = started.link.rsplit("/", 1)[1]
    used = web.post(f"/signin/{secret}", follow_redirects=False)
    assert used.status_code == 303
    web.headers["accept"] = "application/json"
    me = web.get("/api/team/me").json()
    csrf = me["csrf_token"]
    web.post("/password", data={"password": PASSWORD, "csrf_token": csrf}, follow_redirects=False)
    signed = web.post("/api/team/signin", json={"email": "ada@example.org", "password": PASSWORD})
    csrf = signed.json()["csrf_token"]
    token = web.post("/api/team/tokens", json={}, headers={"x-csrf-token": csrf}).json()["token"]
    admin = Member(started.account.id, "Ada", "ada@example.org", web, csrf, token)
    world = World(app, team_store, settings, started.team_id, admin, [], 0, admin)
    for name in ("Ben", "Cleo", "Dan"):
        world.members.append(
            world.join(started.team_id, admin, name, f"{name.lower()}@example.org")
        )
    other = admin.api("POST", "/api/team/teams", json={"name": "Elsewhere"}).json()["id"]
    world.other_team_id = other
    world.outsider = world.join(other, admin, "Olga", "olga@example.org", "admin")
    left = admin.api("DELETE", f"/api/team/teams/{other}/members/{admin.id}")
    assert left.status_code == 204, left.text
    return world


def app_routes(app: Any) -> list[tuple[str, str]]:
    """Return every (method, path) the app answers, routers included, sorted.

    FastAPI 0.120+ keeps included routers as one entry each in `app.routes`; walk them with
    `iter_route_contexts` there, and fall back to the flat list on older versions.
    """
    from fastapi import routing

    walk = getattr(routing, "iter_route_contexts", None)
    found = walk(app.routes) if walk else app.routes
    out = set()
    for route in found:
        path = getattr(route, "path", None)
        for method in getattr(route, "methods", None) or ():
            if path and method != "HEAD":
                out.add((method, path))
    assert len(out) > 20, "the app's routes could not be listed"
    return sorted(out)
