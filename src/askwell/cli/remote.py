"""Talking to a team server from the CLI: the stored API token and a small JSON client.

The token lives in `servers.json` in the user's config folder (mode 0600, folder 0700), one entry
per server address. Requests use the standard library only; every failure becomes one
AskwellError line (the server's own `{"error": ...}` wording when it gave one): a server that is
down, slow (TIMEOUT seconds for the whole answer), not askwell (HTML, not JSON), failing (5xx),
redirecting elsewhere (the token is never sent on), answering more than MAX_ANSWER bytes, or
answering JSON of another shape than the request expects (remote_shapes: which request, what
it expected, where the answer differs).
"""

from __future__ import annotations

import http.client
import json
import os
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from askwell._http import NO_REDIRECTS
from askwell.cli.remote_shapes import Expect, problem
from askwell.errors import AskwellError

TIMEOUT = 30.0  # seconds for the whole answer, from connecting to the last byte
MAX_ANSWER = 16 * 1024 * 1024  # the largest answer read (a team's inbox is far smaller)
MAX_ERROR = 64 * 1024  # the most read of an error answer, for its message
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def server_url(raw: str) -> str:
    """Return the server address normalised, or raise when it cannot be one."""
    value = raw.strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AskwellError(
            f"{raw!r} is not a server address; give one like https://askwell.example.org"
        )
    if parts.scheme == "http" and parts.hostname not in LOOPBACK:
        raise AskwellError(
            f"{value} is plain http, so your password and token would travel unprotected; "
            "use its https:// address"
        )
    return value


def config_file() -> Path:
    """Return where server tokens are kept (the user's config folder)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("askwell", appauthor=False)) / "servers.json"


def _read_all() -> dict[str, Any]:
    path = config_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise AskwellError(
            f"cannot read {path} ({type(exc).__name__}); delete it and log in again"
        ) from None
    return data if isinstance(data, dict) else {}


def _write_all(data: dict[str, Any]) -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = path.with_suffix(".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=2)
    os.chmod(temp, 0o600)
    os.replace(temp, path)


@dataclass(frozen=True)
class Login:
    """What is stored for one server: the API token (and its id, to revoke it on logout)."""

    server: str
    token: str
    token_id: int | None
    name: str
    email: str


def save(login: Login) -> Path:
    """Store the token for its server (replacing any earlier one); return the file."""
    data = _read_all()
    data[login.server] = {
        "token": login.token,
        "token_id": login.token_id,
        "name": login.name,
        "email": login.email,
    }
    _write_all(data)
    return config_file()


def forget(server: str) -> None:
    """Remove the stored token for a server."""
    data = _read_all()
    if data.pop(server, None) is not None:
        _write_all(data)


def stored(server: str) -> Login | None:
    """Return the stored login for a server, if any."""
    entry = _read_all().get(server)
    if not isinstance(entry, dict) or not entry.get("token"):
        return None
    return Login(
        server,
        str(entry["token"]),
        entry.get("token_id"),
        str(entry.get("name", "")),
        str(entry.get("email", "")),
    )


def only_server() -> str:
    """Return the one server you are logged in to (for `logout` without --server)."""
    servers = list(_read_all())
    if len(servers) != 1:
        listed = ", ".join(servers) if servers else "none"
        raise AskwellError(f"say which server with --server URL (logged in to: {listed})")
    return str(servers[0])


class Client:
    """JSON over HTTP to one team server, with a bearer token or a session cookie."""

    def __init__(self, server: str, token: str = "") -> None:
        self.server = server
        self.token = token
        self.cookie = ""
        self.csrf = ""

    def call(self, method: str, path: str, body: Any = None, expect: Expect | None = None) -> Any:
        """Send one request; return the decoded JSON answer (None for an empty one).

        With `expect`, an answer of another shape is refused, naming the request.
        """
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.server + path, data=data, method=method)
        request.add_header("accept", "application/json")
        request.add_header("user-agent", "askwell-cli")
        if data is not None:
            request.add_header("content-type", "application/json")
        if self.token:
            request.add_header("authorization", f"Bearer {self.token}")
        elif self.cookie:
            request.add_header("cookie", self.cookie)
            if self.csrf:
                request.add_header("x-csrf-token", self.csrf)
        try:
            with NO_REDIRECTS.open(request, timeout=TIMEOUT) as answer:
                self._keep_cookie(answer.headers.get_all("set-cookie") or [])
                raw = self._read(answer)
        except urllib.error.HTTPError as exc:
            raise AskwellError(_server_error(exc, self.server)) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise AskwellError(
                    f"{self.server} did not answer within {TIMEOUT:g} seconds; "
                    "it may be busy or down, so try again in a while"
                ) from None
            said = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
            raise AskwellError(
                f"cannot reach {self.server} ({said}); is the address right and the server up?"
            ) from None
        try:
            found = json.loads(raw) if raw else None
        except (ValueError, RecursionError):
            raise AskwellError(
                f"{self.server} did not answer like an askwell server (not JSON); "
                "is the address right?"
            ) from None
        if expect is not None and (wrong := problem(found, expect.shape) if raw else "it is empty"):
            raise AskwellError(
                f"{self.server} answered {method} {path.split('?')[0]} with something askwell "
                f"cannot use: {wrong} (expected {expect.what}); is the address right, and is "
                "the server's askwell up to date?"
            )
        return found

    def _read(self, answer: Any) -> bytes:
        """Return the answer's body, read within TIMEOUT and at most MAX_ANSWER bytes."""
        too_big = AskwellError(
            f"{self.server} sent an answer larger than {MAX_ANSWER // (1024 * 1024)} MB, "
            "more than askwell ever sends; is the address right?"
        )
        declared = answer.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_ANSWER:
            raise too_big
        deadline = time.monotonic() + TIMEOUT
        parts: list[bytes] = []
        size = 0
        while chunk := answer.read1(65536):
            size += len(chunk)
            if size > MAX_ANSWER:
                raise too_big
            if time.monotonic() > deadline:
                raise TimeoutError
            parts.append(chunk)
        return b"".join(parts)

    def _keep_cookie(self, headers: list[str]) -> None:
        for header in headers:
            pair = header.split(";", 1)[0].strip()
            if pair.startswith("askwell_session=") and pair != "askwell_session=":
                self.cookie = pair


def _server_error(exc: urllib.error.HTTPError, server: str) -> str:
    if 300 <= exc.code < 400:
        where = exc.headers.get("location") or "another address"
        return f"{server} sent askwell on to {where}; if that is the server, use that address"
    try:
        found = json.loads(exc.read(MAX_ERROR) or b"{}")
        message = found.get("error") or found.get("detail")
    except (ValueError, AttributeError, OSError, http.client.HTTPException):
        message = None
    if exc.code == 401 and not message:
        message = "please sign in first"
    if exc.code == 401:
        return f"{message} (run: askwell --server {server} login)"
    if isinstance(message, str) and message:
        return message
    if isinstance(message, list):  # FastAPI's list of validation problems
        said = [str(m.get("msg", m)) if isinstance(m, dict) else str(m) for m in message]
        return "the server did not accept that: " + "; ".join(said)
    if exc.code >= 500:
        return f"{server} had a problem of its own ({exc.code} {exc.reason}); try again in a while"
    return f"the server answered {exc.code} {exc.reason}"
