"""How fast `askwell team worker` empties the outbox: 1 and 2 worker processes, with a baseline.

Seeds a fresh PostgreSQL database with N outbox rows (half emails, half webhooks), runs an
in-process SMTP sink (aiosmtpd) and an HTTP receiver on 127.0.0.1, starts W workers and times
until every row is sent. The baseline is the same N sends done directly in one loop (SMTP
messages and HTTP POSTs, no queue, no database), so the queue's own cost shows.

    ASKWELL_BENCH_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/team_notify.py --rows 1000
"""

from __future__ import annotations

import argparse
import os
import smtplib
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ADMIN_URL = os.environ.get(
    "ASKWELL_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


class Sink(BaseHTTPRequestHandler):
    """Answer every POST with 200 at once."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", "0")))
        self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextmanager
def receivers() -> Iterator[tuple[int, str]]:
    """Run an SMTP sink and an HTTP receiver; yield the SMTP port and the webhook URL."""
    from aiosmtpd.controller import Controller

    class Drop:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            return "250 OK"

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    smtp = Controller(Drop(), hostname="127.0.0.1", port=port)
    smtp.start()
    http = ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    try:
        yield port, f"http://127.0.0.1:{http.server_port}/h"
    finally:
        http.shutdown()
        smtp.stop()


@contextmanager
def database() -> Iterator[str]:
    """Create a migrated database of our own; drop it at the end."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from askwell.storage.store import open_store

    name = f"askwell_bench_notify_{uuid.uuid4().hex[:8]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        open_store(url).close()
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def seed(url: str, rows: int, hook_url: str) -> None:
    """Write `rows` pending outbox rows: emails and webhooks, alternating."""
    from sqlalchemy import delete, insert

    from askwell.storage.store import Store, make_engine
    from askwell.storage.tables import User
    from askwell.team import notify
    from askwell.team.notify_tables import OutboxRow, Webhook

    store = Store(make_engine(url))
    now = datetime.now(UTC)
    data = {
        "kind": "ask", "ask_id": 1, "need_id": 1, "team_id": 1,
        "summary": "Review my conference slides", "text": "Could you look at two slides?",
        "asker": {"id": 1, "name": "Ben"}, "helper": {"id": 2, "name": "Cleo"},
        "answer": None, "answer_note": "", "offered": "", "thanks_note": "", "follow_up_note": "",
    }  # fmt: skip
    with store.session() as s:
        s.execute(delete(OutboxRow))
        user = s.get(User, 1)
        assert user is not None
        user.email = "cleo@example.org"
        notify.prefs(s, 1)
        hook = Webhook(user_id=1, url=hook_url, secret="whsec_bench", created_at=now)
        s.add(hook)
        s.flush()
        base = {"kind": "ask", "user_id": 1, "payload": data, "status": "pending", "attempts": 0}
        base |= {"next_at": now, "last_error": "", "created_at": now}
        batch = [
            {**base, "channel": "email", "webhook_id": None}
            if i % 2 == 0
            else {**base, "channel": "webhook", "webhook_id": hook.id}
            for i in range(rows)
        ]
        s.execute(insert(OutboxRow), batch)
    store.close()


def sent(url: str) -> int:
    """Return how many outbox rows are sent."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM team_outbox WHERE status = 'sent'"))
        value = int(count.scalar_one())
    engine.dispose()
    return value


def run_workers(url: str, rows: int, workers: int, smtp_port: int) -> tuple[float, float]:
    """Start `workers` worker processes; return the seconds until all rows are sent, and the
    deliveries per second from the first one sent (start-up left out)."""
    askwell = str(Path(sys.executable).with_name("askwell"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASKWELL_TEAM_")}
    env |= {
        "ASKWELL_TEAM_SMTP_HOST": "127.0.0.1",
        "ASKWELL_TEAM_SMTP_PORT": str(smtp_port),
        "ASKWELL_TEAM_WEBHOOK_PRIVATE_OK": "yes",
    }
    command = [askwell, "team", "worker", "--db", url, "--poll", "0.05"]
    started = time.perf_counter()
    procs = [subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL) for _ in range(workers)]
    try:
        first, done = 0, 0
        while (done := sent(url)) == 0:
            time.sleep(0.05)
        first, since = done, time.perf_counter()
        while (done := sent(url)) < rows:
            time.sleep(0.1)
        ended = time.perf_counter()
        return ended - started, (rows - first) / (ended - since)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


def baseline(rows: int, smtp_port: int, hook_url: str) -> float:
    """Send the same emails and POSTs directly in one loop; return the seconds."""
    started = time.perf_counter()
    for i in range(rows):
        if i % 2 == 0:
            msg = EmailMessage()
            msg["From"], msg["To"], msg["Subject"] = "a@localhost", "c@example.org", "Hello"
            msg.set_content("Ben asked you about: Review my conference slides")
            with smtplib.SMTP("127.0.0.1", smtp_port, timeout=15) as smtp:
                smtp.send_message(msg)
        else:
            req = urllib.request.Request(hook_url, data=b'{"kind": "ask"}', method="POST")
            with urllib.request.urlopen(req, timeout=15) as answer:
                answer.read()
    return time.perf_counter() - started


def main() -> None:
    """Print deliveries per second for the baseline, 1 worker and 2 workers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(
        f"{args.rows} deliveries (half emails, half webhooks); "
        f"{os.cpu_count()} cores, load {load:.1f}"
    )
    with receivers() as (smtp_port, hook_url), database() as url:
        took = baseline(args.rows, smtp_port, hook_url)
        print(f"baseline, direct sends in one loop: {took:.1f} s, {args.rows / took:.0f}/s")
        for workers in (1, 2):
            seed(url, args.rows, hook_url)
            took, rate = run_workers(url, args.rows, workers, smtp_port)
            print(f"{workers} worker(s): {took:.1f} s in all, {rate:.0f} deliveries/s once started")


if __name__ == "__main__":
    main()
