"""`askwell --server URL ...` against servers that misbehave: one clear line and exit 1 each.

A real HTTP server on 127.0.0.1 plays each part (down, slow, trickling, HTML instead of JSON,
a 500, a redirect, an answer far too large, JSON of the wrong shape); the CLI runs in-process
with `login --token`, the first request any server command makes.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from askwell.cli import remote
from askwell.cli import remote_shapes as shapes

Play = Callable[[BaseHTTPRequestHandler], None]


class Stage:
    """An HTTP server that answers every GET with the `play` it is given; counts requests."""

    def __init__(self) -> None:
        self.play: Play = lambda h: None
        self.seen: list[dict[str, str]] = []
        stage = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:
                stage.seen.append({k.lower(): v for k, v in self.headers.items()})
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    stage.play(self)  # the CLI may stop reading, as it should

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stage() -> Iterator[Stage]:
    """Run a misbehaving server in a thread; yield it."""
    made = Stage()
    yield made
    made.close()


def _answer(status: int, body: bytes, kind: str, length: bool = True) -> Play:
    def play(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("content-type", kind)
        if length:
            h.send_header("content-length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return play


def _fails(cli: Any, server: str, tmp_path: Path) -> str:
    """Run a server command; return its one error line (exit 1, no traceback)."""
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = cli("--server", server, "login", "--token", "tok_secret", env=env, expect=1)
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    assert "Traceback" not in result.err and "went wrong" not in result.err
    return lines[0].removeprefix("error: ")


def test_an_answer_too_large_is_refused(cli, stage: Stage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = b"[" + b"0," * (remote.MAX_ANSWER // 2 + 1024) + b"0]"
    for length in (True, False):  # said up front, or only found while reading
        stage.play = _answer(200, big, "application/json", length=length)
        said = _fails(cli, stage.url, tmp_path)
        assert said == (
            f"{stage.url} sent an answer larger than 16 MB, more than askwell ever sends; "
            "is the address right?"
        )


def test_an_answer_that_is_not_json_is_refused(cli, stage: Stage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stage.play = _answer(200, b"<html><body>Welcome to nginx!</body></html>", "text/html")
    said = _fails(cli, stage.url, tmp_path)
    assert said == (
        f"{stage.url} did not answer like an askwell server (not JSON); is the address right?"
    )


def test_a_server_error_says_so(cli, stage: Stage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stage.play = _answer(500, b"<html>Internal Server Error</html>", "text/html")
    said = _fails(cli, stage.url, tmp_path)
    assert said == (
        f"{stage.url} had a problem of its own (500 Internal Server Error); try again in a while"
    )
    stage.play = _answer(502, b"", "text/plain")
    assert "(502 Bad Gateway)" in _fails(cli, stage.url, tmp_path)
    said_by_askwell = json.dumps({"error": "The database is busy; try again.", "code": "busy"})
    stage.play = _answer(503, said_by_askwell.encode(), "application/json")
    assert _fails(cli, stage.url, tmp_path) == "The database is busy; try again."


def test_a_server_that_is_down_says_so(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    server = f"http://127.0.0.1:{port}"
    said = _fails(cli, server, tmp_path)
    assert said == (
        f"cannot reach {server} (Connection refused); is the address right and the server up?"
    )


def test_a_slow_server_times_out(  # type: ignore[no-untyped-def]
    cli, stage: Stage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remote, "TIMEOUT", 0.5)
    expected = (
        f"{stage.url} did not answer within 0.5 seconds; it may be busy or down, "
        "so try again in a while"
    )
    stage.play = lambda h: time.sleep(2)  # never answers in time
    assert _fails(cli, stage.url, tmp_path) == expected

    def trickle(h: BaseHTTPRequestHandler) -> None:  # each byte in time, the whole answer not
        h.send_response(200)
        h.send_header("content-type", "application/json")
        h.end_headers()
        for _ in range(10):
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(0.2)
        h.wfile.write(b"{}")

    stage.play = trickle
    assert _fails(cli, stage.url, tmp_path) == expected


def test_a_redirect_is_not_followed_with_the_token(cli, stage: Stage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    elsewhere = Stage()
    try:

        def bounce(h: BaseHTTPRequestHandler) -> None:
            h.send_response(302)
            h.send_header("location", elsewhere.url + "/api/team/me")
            h.send_header("content-length", "0")
            h.end_headers()

        stage.play = bounce
        said = _fails(cli, stage.url, tmp_path)
        assert said == (
            f"{stage.url} sent askwell on to {elsewhere.url}/api/team/me; "
            "if that is the server, use that address"
        )
        assert stage.seen[0]["authorization"] == "Bearer tok_secret"
        assert elsewhere.seen == []  # the token went nowhere else
    finally:
        elsewhere.close()


WRONG_SHAPE = "with something askwell cannot use: {} (expected {}); is the address right, and is the server's askwell up to date?"  # noqa: E501


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"[1, 2]", "the answer is a list, not an object"),
        (b'{"user": {"name": "Ben"}, "teams": []}', "'user.email' is missing"),
        (
            b'{"user": {"name": "Ben", "email": "b@x"}, "teams": [{"name": 3}]}',
            "'teams[0].name' is a number, not text",
        ),
        (
            b'{"user": {"name": "Ben", "email": "b@x"}, "teams": {}}',
            "'teams' is an object, not a list",
        ),
        (b"null", "the answer is null, not an object"),
        (b"", "it is empty"),
    ],
)
def test_an_answer_of_the_wrong_shape_names_the_request(  # type: ignore[no-untyped-def]
    cli, stage: Stage, tmp_path: Path, body: bytes, problem: str
) -> None:
    stage.play = _answer(200, body, "application/json")
    said = _fails(cli, stage.url, tmp_path)
    expected = WRONG_SHAPE.format(problem, "your account and teams")
    assert said == f"{stage.url} answered GET /api/team/me {expected}"
    assert not (tmp_path / "config" / "askwell" / "servers.json").exists()  # nothing stored


def test_json_nested_too_deep_is_not_json(cli, stage: Stage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stage.play = _answer(200, b"[" * 200_000, "application/json")
    said = _fails(cli, stage.url, tmp_path)
    assert said.endswith("did not answer like an askwell server (not JSON); is the address right?")


def _logged_in(tmp_path: Path, server: str) -> dict[str, str]:
    home = tmp_path / "config"
    (home / "askwell").mkdir(parents=True, exist_ok=True)
    (home / "askwell" / "servers.json").write_text(json.dumps({server: {"token": "tok"}}))
    return {"XDG_CONFIG_HOME": str(home)}


@pytest.mark.parametrize(
    ("args", "answers", "said"),
    [
        (
            ("inbox",),
            {},
            "GET /api/team/inbox with something askwell cannot use: the answer is "
            "an object, not a list (expected a list of asks)",
        ),
        (
            ("people", "list"),
            {
                "/api/team/teams": b'[{"id": 1, "name": "Platform"}]',
                "/api/team/teams/1/members": b'[{"role": "member"}]',
            },
            "GET /api/team/teams/1/members with something askwell cannot use: '[0].profile' is "
            "missing (expected a list of the team's members)",
        ),
        (
            ("need", "show", "4"),
            {},
            "GET /api/team/needs/4 with something askwell cannot use: "
            "'id' is missing (expected a need)",
        ),
        (
            ("suggest", "4"),
            {},
            "GET /api/team/needs/4/route with something askwell cannot use: "
            "'suggested' is missing (expected whom to ask)",
        ),
        (
            ("webhook", "list"),
            {"/api/team/notifications": b'{"muted": [], "kinds": {"ask": 1}}'},
            "GET /api/team/notifications with something askwell cannot use: 'kinds.ask' is a "
            "number, not text (expected your notification settings)",
        ),
    ],
)
def test_every_command_names_the_request_that_came_back_wrong(  # type: ignore[no-untyped-def]
    cli, stage: Stage, tmp_path: Path, args: tuple[str, ...], answers: dict[str, bytes], said: str
) -> None:
    def play(h: BaseHTTPRequestHandler) -> None:
        body = answers.get(h.path.split("?")[0], b'{"items": [{"id": 1}]}')
        _answer(200, body, "application/json")(h)

    stage.play = play
    result = cli("--server", stage.url, *args, env=_logged_in(tmp_path, stage.url), expect=1)
    assert result.out == "" and "Traceback" not in result.err
    assert (
        result.err.strip() == f"error: {stage.url} answered {said}; is the address right, "
        "and is the server's askwell up to date?"
    )


@pytest.mark.parametrize(
    ("value", "shape", "said"),
    [
        ({"a": True}, {"a": int}, "'a' is true or false, not a whole number"),
        ({"a": 1.5}, {"a": int}, "'a' is a number, not a whole number"),
        ({}, {"a": shapes.Maybe(str)}, None),
        ({"a": None}, {"a": shapes.Maybe(str)}, None),
        ({"a": [{"b": {}}]}, {"a": [{"b": shapes.Many(str)}]}, None),
        (
            {"a": [{"b": {"c": []}}]},
            {"a": [{"b": shapes.Many(str)}]},
            "'a[0].b.c' is a list, not text",
        ),
        ([{"x": 1}], shapes.ANY, None),
    ],
)
def test_remote_shapes_say_where_an_answer_differs(
    value: Any, shape: Any, said: str | None
) -> None:
    assert shapes.problem(value, shape) == said
