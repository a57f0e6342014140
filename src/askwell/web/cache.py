"""A tiny cache for read-heavy pages, invalidated by any write (this app's or another process's).

The key combines: a counter bumped by every state-changing request through this app, the size
and modification time of the SQLite database and its WAL file (so `askwell` CLI writes from
another process count too), and the current minute (time-based items such as follow-ups that
become due). Other databases (PostgreSQL) are not cached.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from starlette.concurrency import run_in_threadpool

from askwell.storage.store import Store
from askwell.web.security import SAFE_METHODS, ASGIApp, Receive, Scope, Send

Stamp = tuple[Any, ...]


class PageCache:
    """Remember one rendered page per name while the data has not changed."""

    def __init__(self, store: Store) -> None:
        url = store.engine.url
        path = url.database if url.get_backend_name() == "sqlite" else None
        self.files = [path, f"{path}-wal"] if path and path != ":memory:" else []
        self.generation = 0
        self.pages: dict[str, tuple[Stamp, str]] = {}
        self.lock = threading.Lock()

    def bump(self) -> None:
        """Forget everything: the data changed."""
        with self.lock:
            self.generation += 1

    def stamp(self) -> Stamp | None:
        """Return the current data stamp, or None when this database cannot be stamped."""
        if not self.files:
            return None
        parts: list[Any] = [self.generation, datetime.now(UTC).strftime("%Y%m%d%H%M")]
        for file in self.files:
            try:
                st = os.stat(file)
                parts += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                parts += [None, None]
        return tuple(parts)

    async def get(self, name: str, render: Callable[[], str]) -> str:
        """Return the cached page `name`; on a miss, render it again in a worker thread."""
        before = self.stamp()
        hit = self.pages.get(name)
        if before is not None and hit is not None and hit[0] == before:
            return hit[1]
        html = await run_in_threadpool(render)
        if before is not None and before == self.stamp():
            self.pages[name] = (before, html)
        return html


class BumpOnWrite:
    """ASGI middleware: every state-changing request invalidates the page cache."""

    def __init__(self, app: ASGIApp, cache: PageCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; bump the cache before and after a write."""
        write = scope["type"] == "http" and scope["method"] not in SAFE_METHODS
        if write:
            self.cache.bump()
        try:
            await self.app(scope, receive, send)
        finally:
            if write:
                self.cache.bump()
