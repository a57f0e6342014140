"""An id no row can have (past PostgreSQL's INTEGER or SQLite's 64 bits) is a 404 on every route."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from askwell.storage.store import open_store
from askwell.web import WebSettings, create_app

from .conftest import make_client

pytestmark = pytest.mark.anyio

HUGE = ("3000000000", "2147483648", "9223372036854775808", "99999999999999999999", "-3000000000")
ID = re.compile(r"\{(\w*_id|id)\}")


@pytest.fixture
async def api(any_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """A signed-in client of the app on SQLite, and on PostgreSQL where it runs (marker)."""
    settings = WebSettings(token="t", port=8765)
    store = open_store(any_url)
    app = create_app(settings, store=store)
    headers = {"X-CSRF-Token": settings.csrf_token, "Accept": "application/json"}
    try:
        async with make_client(app, cookies={"askwell_token": "t"}, headers=headers) as client:
            client.app = app  # type: ignore[attr-defined]
            yield client
    finally:
        store.close()


def id_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Return (method, path template) for every route in the API's schema with an id in its path."""
    return sorted(
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        if ID.search(path)
        for method in operations
    )


async def test_api_every_id_route_answers_404_for_an_impossible_id(api: httpx.AsyncClient) -> None:
    routes = id_routes(api.app)  # type: ignore[attr-defined]
    assert any(path.startswith("/api/") for _, path in routes)
    wrong: list[str] = []
    for method, template in routes:
        for huge in HUGE:
            path = ID.sub(huge, template.replace("{kind}", "person"))
            body = {} if method in ("POST", "PATCH", "PUT") else None
            r = await api.request(method, path, json=body)
            if r.status_code != 404:
                wrong.append(f"{method} {path}: {r.status_code} {r.text[:120]}")
            elif path.startswith("/api/") and "with id" not in r.json().get("error", ""):
                wrong.append(f"{method} {path}: {r.text[:120]}")
    assert wrong == []


async def test_api_impossible_person_id_names_the_person(api: httpx.AsyncClient) -> None:
    r = await api.get("/api/people/3000000000")
    assert r.status_code == 404
    assert r.json()["error"] == "no person with id 3000000000"
    assert r.json()["code"] == "not_found"
