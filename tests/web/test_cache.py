"""The home page cache: fast repeats, never stale after a write (in-app or from another process)."""

from __future__ import annotations

import httpx
import pytest

from askwell.storage.store import Store, open_store
from askwell.web.cache import PageCache

from .conftest import add_need

pytestmark = pytest.mark.anyio

HTML = {"Accept": "text/html"}


async def test_cache_home_shows_need_added_through_the_api(client: httpx.AsyncClient) -> None:
    await client.get("/", headers=HTML)
    await client.post("/api/needs", json={"summary": "Advice on a job offer by Monday"})
    assert "Advice on a job offer by Monday" in (await client.get("/", headers=HTML)).text


async def test_cache_home_shows_write_from_another_connection(
    client: httpx.AsyncClient, store: Store
) -> None:
    await client.get("/", headers=HTML)
    other = open_store(store.url)  # like the CLI writing while the browser is open
    add_need(other, summary="Someone to water the plants in August")
    other.close()
    assert "water the plants" in (await client.get("/", headers=HTML)).text


async def test_cache_reuses_page_while_data_is_unchanged(store: Store) -> None:
    cache = PageCache(store)
    calls: list[int] = []

    def render() -> str:
        calls.append(1)
        return "page"

    assert await cache.get("home", render) == await cache.get("home", render) == "page"
    assert len(calls) == 1
    cache.bump()
    await cache.get("home", render)
    assert len(calls) == 2


def test_cache_is_off_for_in_memory_databases() -> None:
    store = open_store("sqlite:///:memory:")
    assert PageCache(store).stamp() is None
    store.close()
