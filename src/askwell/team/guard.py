"""Who is calling (session cookie or API token), CSRF for cookie sessions, safe headers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection

from askwell.storage.store import Store
from askwell.team import sessions
from askwell.team.common import Account, Forbidden, NotSignedIn
from askwell.team.config import TeamSettings
from askwell.web.security import (
    CSRF_FIELD,
    CSRF_HEADER,
    FORM_TYPES,
    SAFE_METHODS,
    SECURITY_HEADERS,
    ASGIApp,
    Message,
    Receive,
    Scope,
    Send,
    host_name,
)

COOKIE = "askwell_session"
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


@dataclass(frozen=True)
class Caller:
    """The signed-in person, how they proved it, and (for a browser session) its CSRF token."""

    account: Account
    via: str
    csrf: str = ""
    session_id: int = 0


def get_store(request: HTTPConnection) -> Store:
    """Return the server's store (shared by every request; all state is in PostgreSQL)."""
    store: Store = request.app.state.store
    return store


def get_settings(request: HTTPConnection) -> TeamSettings:
    """Return the server's settings."""
    settings: TeamSettings = request.app.state.settings
    return settings


TeamStore = Annotated[Store, Depends(get_store)]
Settings = Annotated[TeamSettings, Depends(get_settings)]


def session_secret(request: HTTPConnection) -> str | None:
    """Return the session cookie's value, if any."""
    return request.cookies.get(COOKIE)


def identify(request: HTTPConnection) -> Caller | None:
    """Return who is calling, from `Authorization: Bearer <token>` or the session cookie."""
    store = get_store(request)
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        account = sessions.token_account(store, auth[7:].strip())
        return Caller(account, "token") if account else None
    secret = session_secret(request)
    if secret:
        live = sessions.current(store, secret)
        if live is not None:
            return Caller(live.account, "session", live.csrf, live.session_id)
    return None


async def caller(request: Request) -> Caller:
    """Return the signed-in caller; changes through a browser session must carry its CSRF token."""
    from starlette.concurrency import run_in_threadpool

    who = await run_in_threadpool(identify, request)
    if who is None:
        raise NotSignedIn("please sign in first")
    if request.method not in SAFE_METHODS and who.via == "session":
        given = request.headers.get(CSRF_HEADER)
        if given is None and request.headers.get("content-type", "").startswith(FORM_TYPES):
            value = (await request.form()).get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
        from askwell.team.credentials import same

        if not same(given, who.csrf):
            raise Forbidden(
                "this change was refused because it did not come from an askwell page; "
                "reload the page and try again"
            )
    request.state.caller = who  # for the personal routes' store (team.app.personal_store)
    return who


CallerDep = Annotated[Caller, Depends(caller)]


def set_session_cookie(headers: MutableHeaders, settings: TeamSettings, secret: str) -> None:
    """Add the session cookie: HttpOnly, SameSite=Lax, Secure unless the server is plain http."""
    cookie = SimpleCookie()
    cookie[COOKIE] = secret
    morsel = cookie[COOKIE]
    morsel["httponly"] = True
    morsel["samesite"] = "Lax"
    morsel["path"] = "/"
    morsel["max-age"] = str(settings.session_days * 86400)
    if settings.secure_cookies:
        morsel["secure"] = True
    headers.append("set-cookie", morsel.OutputString())


def clear_session_cookie(headers: MutableHeaders, settings: TeamSettings) -> None:
    """Tell the browser to forget the session cookie."""
    secure = "; Secure" if settings.secure_cookies else ""
    headers.append("set-cookie", f"{COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax{secure}")


class Guard:
    """Pure ASGI middleware: refuse unknown hosts and cross-site changes; add safe headers."""

    def __init__(self, app: ASGIApp, settings: TeamSettings) -> None:
        self.app = app
        self.allowed = settings.allowed_hosts
        self.extra = [HSTS] if settings.secure_cookies else []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check one request, then pass it on with the safe headers added to the answer."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if host_name(headers.get("host", "")) not in self.allowed:
            await _refuse(send, 400, "This address is not one this askwell server answers to.")
            return
        origin = headers.get("origin")
        if (
            scope["method"] not in SAFE_METHODS
            and origin
            and origin != "null"
            and host_name(origin) not in self.allowed
        ):
            await _refuse(send, 403, "This change came from another site and was refused.")
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                for key, value in [*SECURITY_HEADERS, *self.extra]:
                    out.setdefault(key.decode(), value.decode())
            await send(message)

        await self.app(scope, receive, with_headers)


async def _refuse(send: Send, status: int, text: str) -> None:
    body = json.dumps({"error": text}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": headers + list(SECURITY_HEADERS),
        }
    )
    await send({"type": "http.response.body", "body": body})
