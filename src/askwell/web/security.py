"""The guard in front of every request: Host allow-list, launch token, CSRF, safe headers."""

from __future__ import annotations

import html
import json
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from starlette.exceptions import HTTPException

from askwell.web.settings import WebSettings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "askwell_token"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PUBLIC_PREFIXES = ("/static/", "/feed/")  # /feed/ checks its own secret (web/feed.py)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

MESSAGES = {
    "host": "This address is not one askwell answers to. Open it from 127.0.0.1 or localhost.",
    "token": "Open askwell from the link printed by `askwell serve`; this page needs that link.",
    "csrf": "This change was refused because it did not come from an askwell page. Reload and "
    "try again.",
    "origin": "This change came from another site and was refused.",
    "size": "That upload is too large.",
    "launch": "This opening link was already used. Open askwell from the link printed by "
    "`askwell serve`.",
}
HSTS = (b"strict-transport-security", b"max-age=31536000")
UPLOAD_PATHS = frozenset({"/api/import", "/api/people/import", "/people/import"})


class BodyTooLarge(HTTPException):
    """A request body grew past the limit while it was read (answered 413, never parsed)."""

    def __init__(self) -> None:
        super().__init__(413, MESSAGES["size"])


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


_HOST_RE = re.compile(
    r"^(?:\[(?P<v6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9._-]+))(?::(?P<port>\d{1,5}))?$"
)


def host_name(host_header: str) -> str:
    """Return the lower-cased host name of a Host or Origin value, without port or brackets.

    Anything that is not exactly `name[:port]` or `[v6][:port]` (a user part, a path, spaces)
    gives "", which no launch answers to.
    """
    value = host_header.strip().lower()
    if "://" in value:
        value = value.split("://", 1)[1].split("/", 1)[0]
    if value.count(":") > 1 and not value.startswith("["):
        return value if re.fullmatch(r"[0-9a-f:.]+", value) else ""  # a bare IPv6 address
    found = _HOST_RE.match(value)
    if found is None:
        return ""
    return found["v6"] or found["name"]


def same_origin(origin: str, host_header: str) -> bool:
    """Return True when an Origin names exactly this server: same host and same port."""
    parts = urlsplit(origin.strip().lower())
    return bool(parts.netloc) and parts.netloc == host_header.strip().lower()


def _same(given: str | None, expected: str) -> bool:
    return given is not None and secrets.compare_digest(given.encode(), expected.encode())


def _wants_json(scope: Scope, headers: dict[str, str]) -> bool:
    path: str = scope.get("path", "")
    if path.startswith("/api/") or path == "/openapi.json":
        return True
    return "text/html" not in headers.get("accept", "") and "hx-request" not in headers


def refusal_page(message: str) -> str:
    """Return the small standalone HTML page shown when a request is refused."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>askwell</title><link rel="stylesheet" href="/static/app.css"></head>'
        '<body><main class="page narrow"><section class="card">'
        f'<h1>askwell</h1><p role="alert">{html.escape(message)}</p>'
        "</section></main></body></html>"
    )


async def _respond(
    send: Send,
    status: int,
    body: bytes,
    content_type: bytes,
    extra: list[tuple[bytes, bytes]] | None = None,
    security: tuple[tuple[bytes, bytes], ...] = SECURITY_HEADERS,
) -> None:
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    headers += list(security) + (extra or [])
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SecurityMiddleware:
    """Pure ASGI middleware: refuse foreign hosts, require the launch token, check CSRF."""

    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app = app
        self.settings = settings
        self.allowed = settings.allowed_hosts
        self.csrf = settings.csrf_token
        self.security = SECURITY_HEADERS + ((HSTS,) if settings.tls else ())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check one request and pass it on, or answer it with a refusal."""
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        refuse = self._refuser(scope, headers, send)
        if host_name(headers.get("host", "")) not in self.allowed:
            await refuse(400, "host")
            return
        path: str = scope["path"]
        if path.startswith(PUBLIC_PREFIXES):
            await self.app(scope, receive, _with_headers(send, self.security))
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if ("token" in query or "launch" in query) and scope["method"] in SAFE_METHODS:
            await self._exchange_token(scope, query, refuse, send)
            return
        bearer = headers.get("authorization", "")
        by_header = bearer.lower().startswith("bearer ") and _same(
            bearer[7:].strip(), self.settings.token
        )
        if not by_header and not _same(_cookie(headers), self.settings.token):
            await refuse(403, "token")
            return
        if scope["method"] not in SAFE_METHODS and not by_header:
            origin = headers.get("origin")
            if origin and origin != "null" and not same_origin(origin, headers.get("host", "")):
                await refuse(403, "origin")
                return
            if not _same(headers.get(CSRF_HEADER), self.csrf):
                replay = await self._check_form_field(scope, headers, receive, refuse)
                if replay is None:
                    return
                receive = replay
        if scope["method"] not in SAFE_METHODS:
            limit = self._limit(path)
            if _declared_length(headers) > limit:
                await refuse(413, "size")
                return
            receive = _capped(receive, limit)
        await self.app(scope, receive, _with_headers(send, self.security))

    def _limit(self, path: str) -> int:
        """Return the largest body this path accepts (uploads may be larger than forms)."""
        if path in UPLOAD_PATHS:
            return self.settings.max_upload_bytes
        return self.settings.max_body_bytes

    def _refuser(
        self, scope: Scope, headers: dict[str, str], send: Send
    ) -> Callable[[int, str], Awaitable[None]]:
        async def refuse(status: int, reason: str) -> None:
            message = MESSAGES[reason]
            if _wants_json(scope, headers):
                body = json.dumps({"error": message}).encode()
                await _respond(send, status, body, b"application/json", security=self.security)
            else:
                page = refusal_page(message).encode()
                await _respond(
                    send, status, page, b"text/html; charset=utf-8", security=self.security
                )

        return refuse

    async def _exchange_token(
        self,
        scope: Scope,
        query: dict[str, list[str]],
        refuse: Callable[[int, str], Awaitable[None]],
        send: Send,
    ) -> None:
        """Trade `?token=` or a one-time `?launch=` code for an HttpOnly cookie, then redirect."""
        if "launch" in query:
            if not self.settings.launch.redeem(query["launch"][0]):
                await refuse(403, "launch")
                return
        elif not _same(query["token"][0], self.settings.token):
            await refuse(403, "token")
            return
        rest = {k: v for k, v in query.items() if k not in ("token", "launch")}
        path = "/" + scope["path"].lstrip("/")  # never //host: a path, not another site
        location = path + (f"?{urlencode(rest, doseq=True)}" if rest else "")
        cookie = SimpleCookie()
        cookie[TOKEN_COOKIE] = self.settings.token
        morsel = cookie[TOKEN_COOKIE]
        morsel["httponly"] = True
        morsel["samesite"] = "Strict"
        morsel["path"] = "/"
        if self.settings.cookie_secure:
            morsel["secure"] = True
        extra = [
            (b"location", location.encode()),
            (b"set-cookie", morsel.OutputString().encode()),
            (b"cache-control", b"no-store"),
        ]
        await _respond(send, 303, b"", b"text/plain", extra, security=self.security)

    async def _check_form_field(
        self,
        scope: Scope,
        headers: dict[str, str],
        receive: Receive,
        refuse: Callable[[int, str], Awaitable[None]],
    ) -> Receive | None:
        """Accept a form whose hidden csrf_token field matches; return a replaying receive."""
        content_type = headers.get("content-type", "")
        if not content_type.startswith(FORM_TYPES):
            await refuse(403, "csrf")
            return None
        body = bytearray()
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.settings.max_body_bytes:
                await refuse(413, "size")
                return None
        if not _same(await _form_field(scope, bytes(body), content_type), self.csrf):
            await refuse(403, "csrf")
            return None
        return _replay(bytes(body))


async def _form_field(scope: Scope, body: bytes, content_type: str) -> str | None:
    if content_type.startswith("application/x-www-form-urlencoded"):
        values = parse_qs(body.decode("utf-8", "replace")).get(CSRF_FIELD)
        return values[0] if values else None
    from starlette.requests import Request

    request = Request(dict(scope), _replay(body))
    try:
        form = await request.form()
    except Exception:  # a malformed multipart body simply has no token
        return None
    try:
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    finally:
        await form.close()


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _cookie(headers: dict[str, str]) -> str | None:
    raw = headers.get("cookie")
    if not raw:
        return None
    jar = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # an unparsable cookie header carries no token
        return None
    morsel = jar.get(TOKEN_COOKIE)
    return morsel.value if morsel else None


def _declared_length(headers: dict[str, str]) -> int:
    try:
        return int(headers.get("content-length", "0") or 0)
    except ValueError:
        return 0


def _capped(receive: Receive, limit: int) -> Receive:
    """Return a receive that stops a body growing past `limit` bytes, however it is sent."""
    seen = 0

    async def capped() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > limit:
            raise BodyTooLarge()
        return message

    return capped


def _with_headers(send: Send, security: tuple[tuple[bytes, bytes], ...] = SECURITY_HEADERS) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            extra = [(k, v) for k, v in security if k not in present]
            message["headers"] = [*message.get("headers", []), *extra]
        await send(message)

    return wrapped
