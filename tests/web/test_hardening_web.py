"""Issue 12 on the web: JSON errors with the security headers, tight parsing, capped bodies."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from askwell.cli.commands_web import _listen, _NoSecrets
from askwell.core.messages import MESSAGES
from askwell.storage.store import Store
from askwell.web import WebSettings, create_app
from askwell.web.security import host_name
from askwell.web.words import API_WORDS

from .conftest import BASE, TOKEN, make_client

pytestmark = pytest.mark.anyio


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the error log of these tests in a temporary state folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state"


def secured(r: httpx.Response) -> None:
    """Assert the answer carries the security headers."""
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


@pytest.mark.parametrize("big", ["3000000000", "9223372036854775808", "99999999999999999999"])
async def test_api_huge_ids_are_json_4xx(client: httpx.AsyncClient, big: str) -> None:
    for method, path, body in (
        ("GET", f"/api/people/{big}", None),
        ("GET", f"/api/needs/{big}", None),
        ("POST", "/api/journal", {"text": "hello", "need_id": int(big)}),
    ):
        r = await client.request(method, path, json=body)
        assert 400 <= r.status_code < 500, (path, r.status_code, r.text)
        assert "error" in r.json() or "detail" in r.json()
        secured(r)


async def test_api_unexpected_error_is_json_500_with_headers(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    from askwell import services

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("a bug askwell did not expect")

    monkeypatch.setattr(services, "list_people", broken)
    monkeypatch.setattr("askwell.web.api_people.services.list_people", broken, raising=False)
    r = await client.get("/api/people")
    assert r.status_code == 500
    assert "did not expect" in r.json()["error"]
    assert "RuntimeError" not in r.text
    secured(r)
    assert "RuntimeError" in (state_dir / "askwell" / "askwell.log").read_text()


async def test_api_busy_store_is_503_with_retry_after(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from askwell import services

    def locked(*_args: Any, **_kwargs: Any) -> Any:
        from sqlalchemy.exc import OperationalError

        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(services, "add_entry", locked)
    monkeypatch.setattr("askwell.web.api_journal.services.add_entry", locked, raising=False)
    r = await client.post("/api/journal", json={"text": "felt nervous"})
    assert r.status_code == 503, r.text
    assert r.json()["error"] == API_WORDS["store_busy"]  # the catalogue's code, API words
    assert r.json()["code"] == "store_busy"
    assert r.headers["retry-after"]
    secured(r)


@pytest.mark.parametrize(
    ("driver_text", "status", "code"),
    [
        ("database disk image is malformed", 503, "store_damaged"),
        ("database or disk is full", 507, "store_full"),
        ("attempt to write a readonly database", 503, "store_read_only"),
    ],
)
async def test_api_store_failures_are_catalogue_messages(
    client: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    driver_text: str,
    status: int,
    code: str,
) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    def failing(*_args: Any, **_kwargs: Any) -> Any:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError(driver_text))

    monkeypatch.setattr("askwell.web.api_journal.services.add_entry", failing)
    r = await client.post("/api/journal", json={"text": "felt nervous"})
    assert r.status_code == status, r.text
    assert r.json()["error"] == API_WORDS.get(code, MESSAGES[code])
    assert r.json()["code"] == code
    secured(r)


async def test_api_422_does_not_echo_the_input(client: httpx.AsyncClient) -> None:
    big = "x" * 1_000_000
    r = await client.post("/api/journal", json={"text": big, "kind": big})
    assert r.status_code == 422
    assert len(r.content) < 10_000
    assert big[:1000] not in r.text
    assert r.json()["error"]


async def test_api_body_is_capped_by_reading(app: FastAPI, settings: WebSettings) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    big = json.dumps({"text": "x" * (settings.max_body_bytes + 10)}).encode()
    async with make_client(app, headers=headers) as c:
        declared = await c.post("/api/journal", content=big)
        assert declared.status_code == 413

        async def chunks() -> Any:  # no Content-Length: the size is only known by reading
            for start in range(0, len(big), 65536):
                yield big[start : start + 65536]

        streamed = await c.post("/api/journal", content=chunks())
        assert streamed.status_code == 413


async def test_api_import_of_deep_json_is_4xx(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/import",
        content=("[" * 50_000 + "]" * 50_000).encode(),
        headers={"Content-Type": "application/json"},
    )
    assert 400 <= r.status_code < 500
    secured(r)


async def test_security_token_redirect_never_leaves_the_site(anon: httpx.AsyncClient) -> None:
    r = await anon.get(httpx.URL(f"{BASE}//evil.com/?token={TOKEN}"))
    assert r.status_code == 303
    assert r.headers["location"] == "/evil.com/"
    assert not r.headers["location"].startswith("//")


async def test_security_origin_must_match_port(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/journal", json={"text": "x"}, headers={"Origin": "http://127.0.0.1:9999"}
    )
    assert r.status_code == 403
    ok = await client.post(
        "/api/journal", json={"text": "same origin"}, headers={"Origin": "http://127.0.0.1:8765"}
    )
    assert ok.status_code == 201


def test_security_host_with_user_part_is_refused() -> None:
    assert host_name("127.0.0.1:8820@evil.com") == ""
    assert host_name("127.0.0.1 :80") == ""
    assert host_name("localhost:8820") == "localhost"
    assert host_name("[::1]:8820") == "::1"


async def test_security_host_with_user_part_gets_400(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/people", headers={"Host": "127.0.0.1:8820@evil.com"})
    assert r.status_code == 400


async def test_error_page_back_link_ignores_foreign_referer(client: httpx.AsyncClient) -> None:
    r = await client.get(
        "/people/99",
        headers={"Accept": "text/html", "Referer": "http://evil.example/phish?x=1"},
    )
    assert r.status_code == 404
    assert "phish" not in r.text
    assert "evil.example" not in r.text


async def test_launch_code_works_once(store: Store) -> None:
    settings = WebSettings(token=TOKEN, port=8765)
    app = create_app(settings, store=store)
    url = settings.launch_url()
    assert TOKEN not in url
    code = url.split("launch=", 1)[1]
    async with make_client(app) as first:
        r = await first.get(f"/?launch={code}")
        assert r.status_code == 303
        assert f"askwell_token={TOKEN}" in r.headers["set-cookie"]
    async with make_client(app) as second:
        again = await second.get(f"/?launch={code}", headers={"Accept": "text/html"})
        assert again.status_code == 403
        assert "set-cookie" not in again.headers


async def test_tls_settings_send_secure_cookie_and_hsts(store: Store) -> None:
    settings = WebSettings(token=TOKEN, port=8765, tls=True)
    app = create_app(settings, store=store)
    async with make_client(app) as c:
        r = await c.get(f"/?token={TOKEN}")
        assert "Secure" in r.headers["set-cookie"]
        assert "max-age" in r.headers["strict-transport-security"]
    assert settings.url().startswith("https://")


def test_serve_refuses_lan_without_tls(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("serve", "--no-browser", "--host", "0.0.0.0", expect=1)
    assert result.code == 1
    assert "--tls-cert" in result.err and "--insecure-lan" in result.err
    assert "Traceback" not in result.err


def test_serve_socket_is_tcp_so_nagle_is_off() -> None:
    sock = _listen("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()


def test_access_log_hides_secrets() -> None:
    import logging

    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        "",
        0,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", f"/?token={TOKEN}&x=1", "1.1", 303),
        None,
    )
    _NoSecrets().filter(record)
    line = record.getMessage()
    assert TOKEN not in line and "token=…" in line and "x=1" in line
    record.args = ("127.0.0.1:5000", "GET", "/feed/s3cr3tvalue.ics", "1.1", 200)
    _NoSecrets().filter(record)
    assert "s3cr3tvalue" not in record.getMessage()
