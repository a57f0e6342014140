"""Fixtures for the web tests: a real SQLite store, the app, and in-process httpx clients."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from askwell import services
from askwell.core.model import Need, Person, parse_hours
from askwell.storage.store import Store, open_store
from askwell.web import WebSettings, create_app

TOKEN = "test-launch-token"
BASE = "http://127.0.0.1:8765"


@pytest.fixture
def anyio_backend() -> str:
    """Run async tests on asyncio only."""
    return "asyncio"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """Open a fresh SQLite store in a temporary folder."""
    s = open_store(f"sqlite:///{tmp_path / 'web.db'}")
    yield s
    s.close()


@pytest.fixture
def settings() -> WebSettings:
    """Return settings with a known token."""
    return WebSettings(token=TOKEN, port=8765)


@pytest.fixture
def app(settings: WebSettings, store: Store) -> FastAPI:
    """Build the app on the temporary store."""
    return create_app(settings, store=store)


def make_client(app: FastAPI, **kwargs: object) -> httpx.AsyncClient:
    """Return an in-process client for `app` (no network)."""
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
async def client(app: FastAPI, settings: WebSettings) -> AsyncIterator[httpx.AsyncClient]:
    """A client that behaves like the opened browser tab: launch cookie plus CSRF header."""
    async with make_client(
        app,
        cookies={"askwell_token": TOKEN},
        headers={"X-CSRF-Token": settings.csrf_token, "Accept": "application/json"},
    ) as c:
        yield c


@pytest.fixture
async def anon(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client without the launch token."""
    async with make_client(app) as c:
        yield c


def add_person(store: Store, name: str = "Ana", **fields: object) -> Person:
    """Store a person with sensible defaults."""
    defaults: dict[str, object] = {
        "relationship": "mentor",
        "topics": ("careers", "python"),
        "supports": ("advice", "feedback"),
        "tz": "Europe/Berlin",
        "hours": parse_hours("Mon-Fri 09:00-17:00"),
        "email": f"{name.split()[0].lower()}@example.org",
        "channel": "email",
    }
    defaults.update(fields)
    return services.add_person(store, Person(name=name, **defaults))  # type: ignore[arg-type]


def add_need(store: Store, summary: str = "Review my CV before Friday", **fields: object) -> Need:
    """Store a need with sensible defaults."""
    defaults: dict[str, object] = {
        "details": "Two pages, applying for a data role.",
        "support_type": "feedback",
        "topics": ("careers",),
        "barriers": {"burden": 2},
        "expect": 40,
    }
    defaults.update(fields)
    return services.add_need(store, Need(summary=summary, **defaults))  # type: ignore[arg-type]
