"""A real HTTP receiver for webhook tests, and helpers to drain and read the outbox."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class Received:
    """One request the receiver got."""

    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        """Return the body decoded."""
        return json.loads(self.body)

    def signed_by(self, secret: str) -> bool:
        """Return True when the signature header matches HMAC-SHA256 over timestamp.body."""
        stamp = self.headers["x-askwell-timestamp"]
        mac = hmac.new(secret.encode(), stamp.encode() + b"." + self.body, hashlib.sha256)
        return hmac.compare_digest(self.headers["x-askwell-signature"], "sha256=" + mac.hexdigest())


@dataclass
class Receiver:
    """An HTTP server on 127.0.0.1 that records POSTs and answers with `statuses` in turn."""

    url: str = ""
    got: list[Received] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    hang: int = 0  # how many of the first requests get no answer (a receiver that hangs)
    arrived: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    def answer(self) -> int:
        """Return the status for the next request (200 once the list is used up)."""
        return self.statuses.pop(0) if self.statuses else 200


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """Run a webhook receiver in a thread; yield it."""
    box = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length)
            box.got.append(Received({k.lower(): v for k, v in self.headers.items()}, body))
            box.arrived.set()
            if len(box.got) <= box.hang:
                box.release.wait(30)  # a slow receiver: the worker is mid-job meanwhile
                return
            status = box.answer()
            self.send_response(status)
            if status in (301, 302, 303, 307, 308):  # somewhere else on this machine
                self.send_header("location", box.url + "/elsewhere")
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    box.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield box
    box.release.set()
    server.shutdown()
    server.server_close()


def drain(store: Any, settings: Any) -> list[int]:
    """Deliver every due outbox row now; return their ids."""
    from askwell.team import deliver

    done = []
    while (row := deliver.deliver_one(store, settings)) is not None:
        done.append(row)
    return done


def outbox(store: Any) -> list[Any]:
    """Return every outbox row, oldest first."""
    from sqlalchemy import select

    from askwell.team.notify_tables import OutboxRow

    with store.session() as s:
        rows = list(s.scalars(select(OutboxRow).order_by(OutboxRow.id)))
        s.expunge_all()
        return rows


def plain(msg: Any) -> str:
    """Return the plain-text part of an email."""
    return str(msg.get_body(preferencelist=("plain",)).get_content())


def html(msg: Any) -> str:
    """Return the HTML part of an email."""
    return str(msg.get_body(preferencelist=("html",)).get_content())
