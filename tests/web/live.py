"""A real askwell server on a loopback port, in a background thread (for browser tests, bench)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from askwell.storage.store import Store
from askwell.web import WebSettings, create_app


@contextmanager
def serving(store: Store, token: str = "browser-test-token") -> Iterator[WebSettings]:
    """Serve the app for `store` on a free loopback port until the block ends."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    settings = WebSettings(token=token, port=sock.getsockname()[1])
    config = uvicorn.Config(
        create_app(settings, store=store), log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield settings
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()
