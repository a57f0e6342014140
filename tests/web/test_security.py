"""The guard: Host allow-list, launch token, CSRF, safe headers, escaping of user text."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from askwell.storage.store import Store
from askwell.web import WebSettings
from askwell.web.security import host_name

from .conftest import TOKEN, add_need, make_client

pytestmark = pytest.mark.anyio


async def test_security_refuses_foreign_host_header(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/people", headers={"Host": "evil.example:8765"})
    assert r.status_code == 400
    assert "not one askwell answers to" in r.json()["error"]


async def test_security_allows_localhost_names(client: httpx.AsyncClient) -> None:
    for host in ("localhost:8765", "127.0.0.1", "[::1]:8765"):
        r = await client.get("/", headers={"Host": host})
        assert r.status_code == 200, host


def test_security_host_name_strips_port_and_brackets() -> None:
    assert host_name("LocalHost:80") == "localhost"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("http://127.0.0.1:9/x") == "127.0.0.1"
    assert host_name("::1") == "::1"


async def test_security_api_without_token_is_403_json(anon: httpx.AsyncClient) -> None:
    r = await anon.get("/api/people")
    assert r.status_code == 403
    assert "askwell serve" in r.json()["error"]


async def test_security_page_without_token_is_403_page(anon: httpx.AsyncClient) -> None:
    r = await anon.get("/", headers={"Accept": "text/html"})
    assert r.status_code == 403
    assert r.headers["content-type"].startswith("text/html")
    assert "askwell serve" in r.text


async def test_security_wrong_cookie_is_refused(app: FastAPI) -> None:
    async with make_client(app, cookies={"askwell_token": "guess"}) as c:
        assert (await c.get("/api/people")).status_code == 403


async def test_security_token_link_sets_strict_httponly_cookie(anon: httpx.AsyncClient) -> None:
    r = await anon.get(f"/?token={TOKEN}")
    assert r.status_code == 303
    assert r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert f"askwell_token={TOKEN}" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    home = await anon.get("/", headers={"Accept": "text/html"})
    assert home.status_code == 200


async def test_security_token_link_keeps_other_query(anon: httpx.AsyncClient) -> None:
    r = await anon.get(f"/journal?q=fear&token={TOKEN}")
    assert r.headers["location"] == "/journal?q=fear"


async def test_security_wrong_token_link_is_refused(anon: httpx.AsyncClient) -> None:
    r = await anon.get("/?token=nope", headers={"Accept": "text/html"})
    assert r.status_code == 403
    assert "set-cookie" not in r.headers


async def test_security_bearer_token_works_without_csrf(app: FastAPI) -> None:
    async with make_client(app, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        r = await c.post("/api/journal", json={"text": "felt nervous, asked anyway"})
        assert r.status_code == 201


async def test_security_post_without_csrf_is_refused(app: FastAPI) -> None:
    async with make_client(app, cookies={"askwell_token": TOKEN}) as c:
        r = await c.post("/api/journal", json={"text": "x"})
        assert r.status_code == 403
        assert "did not come from an askwell page" in r.json()["error"]


async def test_security_post_with_wrong_csrf_is_refused(app: FastAPI) -> None:
    async with make_client(
        app, cookies={"askwell_token": TOKEN}, headers={"X-CSRF-Token": "0" * 64}
    ) as c:
        assert (await c.post("/api/journal", json={"text": "x"})).status_code == 403


async def test_security_form_field_csrf_is_accepted(app: FastAPI, settings: WebSettings) -> None:
    async with make_client(app, cookies={"askwell_token": TOKEN}) as c:
        form = {"text": "a reflection", "csrf_token": settings.csrf_token}
        r = await c.post("/journal", data=form)
        assert r.status_code == 303
        refused = await c.post("/journal", data={"text": "x", "csrf_token": "bad"})
        assert refused.status_code == 403


async def test_security_multipart_csrf_field_is_accepted(
    app: FastAPI, settings: WebSettings
) -> None:
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bea Lima\r\nEND:VCARD\r\n"
    async with make_client(app, cookies={"askwell_token": TOKEN}) as c:
        files = {"file": ("people.vcf", card, "text/vcard")}
        r = await c.post("/people/import", data={"csrf_token": settings.csrf_token}, files=files)
        assert r.status_code == 303
        r = await c.post("/people/import", data={"csrf_token": "bad"}, files=files)
        assert r.status_code == 403


async def test_security_foreign_origin_is_refused(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/journal", json={"text": "x"}, headers={"Origin": "http://evil.example"}
    )
    assert r.status_code == 403


async def test_security_static_files_need_no_token(anon: httpx.AsyncClient) -> None:
    r = await anon.get("/static/app.css")
    assert r.status_code == 200
    assert "text/css" in r.headers["content-type"]


async def test_security_headers_are_set(client: httpx.AsyncClient) -> None:
    r = await client.get("/", headers={"Accept": "text/html"})
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


async def test_security_user_text_is_escaped(client: httpx.AsyncClient, store: Store) -> None:
    add_need(store, summary="<script>alert(1)</script>")
    r = await client.get("/", headers={"Accept": "text/html"})
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_settings_allowed_hosts_include_bound_host() -> None:
    s = WebSettings(host="192.168.1.5")
    assert "192.168.1.5" in s.allowed_hosts
    assert "localhost" in s.allowed_hosts
    assert not s.is_loopback
    assert WebSettings(host="0.0.0.0").allowed_hosts == WebSettings().allowed_hosts


def test_settings_url_carries_token() -> None:
    s = WebSettings(token="abc", port=9000)
    assert s.url() == "http://127.0.0.1:9000/?token=abc"
    assert s.url(with_token=False) == "http://127.0.0.1:9000/"


def test_settings_tokens_differ_per_launch() -> None:
    assert WebSettings().token != WebSettings().token
    assert WebSettings().csrf_token != WebSettings().csrf_token
