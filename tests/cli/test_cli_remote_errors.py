"""`askwell --server URL ...` against servers that misbehave: one clear line and exit 1 each.

A real HTTP server on 127.0.0.1 plays each part (down, slow, trickling, HTML instead of JSON,
a 500, a redirect, an answer far too large); the CLI runs in-process with `login --token`, the
first request any server command makes.
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
