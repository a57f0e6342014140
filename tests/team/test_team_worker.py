"""`askwell team worker`: a worker killed mid-delivery loses nothing; the next one sends it.

A try is counted when a row is claimed, before it is sent, so a row that kills the worker every
time runs out of tries and is dead-lettered instead of being picked up by every restart. A row
whose worker died is due again after its claim's lease (the send timeout plus a margin), not
the failure backoff; a live worker's row is never taken while it sends, lease or not.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from askwell.team import deliver
from askwell.team.common import now_utc
from askwell.team.deliver import STOPPED
from team.conftest import BASE
from team.notify_support import Receiver, drain, outbox, receiver

pytestmark = pytest.mark.postgres
__all__ = ["receiver"]


@pytest.fixture
def settings(settings: Any) -> Any:
    """The team settings, with webhooks to 127.0.0.1 allowed."""
    return replace(settings, webhook_private_ok=True)


def _worker(db_url: str, smtp_port: int, *extra: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASKWELL_TEAM_")}
    env |= {
        "ASKWELL_TEAM_WEBHOOK_PRIVATE_OK": "yes",
        "ASKWELL_TEAM_SMTP_HOST": "127.0.0.1",
        "ASKWELL_TEAM_SMTP_PORT": str(smtp_port),
        "ASKWELL_TEAM_NOTIFY_BACKOFF_SECONDS": "1",
        "ASKWELL_TEAM_NOTIFY_MAX_ATTEMPTS": "2",
        "ASKWELL_TEAM_WEBHOOK_TIMEOUT_SECONDS": "3",  # a dead worker's row is due after 8 s
    }
    askwell = str(Path(sys.executable).with_name("askwell"))
    command = [askwell, "team", "worker", "--db", db_url, "--base-url", BASE, *extra]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _stop(worker: subprocess.Popen[str], done: Callable[[], bool], sig: int) -> str:
    """Wait until `done()` (up to a minute), send `sig`, and return what the worker printed."""
    try:
        for _ in range(600):
            if done():
                break
            time.sleep(0.1)
        assert done(), "the worker never got there"
        worker.send_signal(sig)  # SIGTERM is a gentle stop: it finishes the job in hand
        out, _ = worker.communicate(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == (0 if sig == signal.SIGTERM else -sig), out
    return out


def test_a_killed_worker_loses_nothing(  # type: ignore[no-untyped-def]
    world, mailbox, receiver: Receiver, team_db_url: str
) -> None:
    ben, cleo = world.members[0], world.members[1]
    hook = cleo.api("POST", "/api/team/webhooks", json={"url": receiver.url}).json()
    receiver.hang = 1  # the first POST never gets an answer: the worker is mid-job
    made = ben.api(
        "POST",
        f"/api/team/teams/{world.team_id}/needs",
        json={"summary": "Review my conference slides", "to": cleo.id, "text": "Could you?"},
    )
    assert made.status_code == 201, made.text
    first = _worker(team_db_url, mailbox.port, "--poll", "0.1")

    def mid_send() -> bool:
        if not receiver.arrived.is_set():
            return False
        [email, webhook] = outbox(world.store)
        assert (email.status, webhook.status) == ("sent", "pending")  # locked, not done
        return True

    _stop(first, mid_send, signal.SIGKILL)
    webhook = outbox(world.store)[1]
    assert (webhook.status, webhook.attempts) == ("pending", 1)  # the cut-short try counts
    assert webhook.last_error == STOPPED
    second = _worker(team_db_url, mailbox.port, "--poll", "0.1")
    _stop(second, lambda: outbox(world.store)[1].status == "sent", signal.SIGTERM)
    [_, webhook] = outbox(world.store)
    assert (webhook.status, webhook.attempts, webhook.last_error) == ("sent", 2, "")
    assert len(receiver.got) == 2  # the same delivery again, after the kill
    again = receiver.got[-1]
    assert again.headers["x-askwell-delivery"] == str(webhook.id)
    assert again.signed_by(hook["secret"])
    asks = [m for m in mailbox.messages if m["Subject"].startswith("Ben asked you")]
    assert len(asks) == 1  # the email went once, before the kill


def test_a_row_that_kills_every_worker_is_dead_lettered(  # type: ignore[no-untyped-def]
    world, mailbox, receiver: Receiver, team_db_url: str
) -> None:
    ben, cleo = world.members[0], world.members[1]
    cleo.api("PUT", "/api/team/notifications", json={"muted": ["ask"]})  # the webhook only
    cleo.api("POST", "/api/team/webhooks", json={"url": receiver.url})
    receiver.hang = 99  # every POST hangs, and each worker is killed while it waits
    made = ben.api(
        "POST",
        f"/api/team/teams/{world.team_id}/needs",
        json={"summary": "Review my conference slides", "to": cleo.id},
    )
    assert made.status_code == 201, made.text
    for tries in (1, 2):  # ASKWELL_TEAM_NOTIFY_MAX_ATTEMPTS=2
        worker = _worker(team_db_url, mailbox.port, "--poll", "0.1")
        _stop(worker, lambda n=tries: len(receiver.got) >= n, signal.SIGKILL)
        [row] = outbox(world.store)
        assert (row.status, row.attempts, row.last_error) == ("pending", tries, STOPPED)
    last = _worker(team_db_url, mailbox.port, "--poll", "0.1")
    _stop(last, lambda: outbox(world.store)[0].status != "pending", signal.SIGTERM)
    [row] = outbox(world.store)
    assert (row.status, row.attempts) == ("dead", 2)
    assert row.last_error == f"{STOPPED}, 2 times; not tried again"
    assert len(receiver.got) == 2  # not sent a third time


def test_worker_once_delivers_what_is_due(  # type: ignore[no-untyped-def]
    world, mailbox, team_db_url: str
) -> None:
    ben, cleo = world.members[0], world.members[1]
    ben.api(
        "POST",
        f"/api/team/teams/{world.team_id}/needs",
        json={"summary": "Pair on the flaky test", "to": cleo.id},
    )
    done = _worker(team_db_url, mailbox.port, "--once")
    out, _ = done.communicate(timeout=60)
    assert done.returncode == 0 and "Delivered or retried 1 notification." in out, out
    assert mailbox.messages[-1]["Subject"] == "Ben asked you about: Pair on the flaky test"
    assert drain(world.store, world.settings) == []


def _one_webhook(world: Any, url: str) -> None:
    """Queue one webhook delivery to `url` (Cleo's email of the ask is turned off)."""
    ben, cleo = world.members[0], world.members[1]
    cleo.api("PUT", "/api/team/notifications", json={"muted": ["ask"]})
    assert cleo.api("POST", "/api/team/webhooks", json={"url": url}).status_code == 201
    made = ben.api(
        "POST",
        f"/api/team/teams/{world.team_id}/needs",
        json={"summary": "Review my conference slides", "to": cleo.id},
    )
    assert made.status_code == 201, made.text
    assert [r.channel for r in outbox(world.store)] == ["webhook"]


def test_a_claim_lease_is_the_send_timeout_plus_a_margin(settings: Any) -> None:
    assert deliver.lease(settings, "webhook") == timedelta(seconds=10 + 5)
    assert deliver.lease(settings, "email") == timedelta(seconds=15 + 5)
    quick = replace(settings, webhook_timeout_seconds=3, notify_backoff_seconds=3600)
    assert deliver.lease(quick, "webhook") == timedelta(seconds=8)


def test_a_dead_workers_row_is_due_again_after_its_lease_not_the_backoff(  # type: ignore[no-untyped-def]
    world, receiver: Receiver
) -> None:
    settings = replace(world.settings, smtp_host="", notify_backoff_seconds=3600)
    _one_webhook(world, receiver.url)
    before = now_utc()
    claimed = deliver._claim(world.store, settings, None)  # then the worker dies: no send
    after = now_utc()
    assert claimed is not None
    [row] = outbox(world.store)
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, STOPPED)
    lease = timedelta(seconds=15)
    assert before + lease <= row.next_at <= after + lease
    assert (
        deliver.deliver_one(world.store, settings, now=before + lease - timedelta(seconds=1))
        is None
    )
    assert receiver.got == []  # its lease still runs: nobody takes it yet
    later = after + lease + timedelta(seconds=1)  # well before the 3600 s backoff
    assert deliver.deliver_one(world.store, settings, now=later) == row.id
    [row] = outbox(world.store)
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, "")
    assert len(receiver.got) == 1


def test_a_live_workers_row_is_not_taken_after_its_lease(  # type: ignore[no-untyped-def]
    world, receiver: Receiver
) -> None:
    settings = replace(world.settings, smtp_host="", webhook_timeout_seconds=30)
    _one_webhook(world, receiver.url)
    receiver.hang = 1  # the receiver holds the first send open: the worker is mid-job
    first = threading.Thread(target=deliver.deliver_one, args=(world.store, settings))
    first.start()
    try:
        assert receiver.arrived.wait(20)
        long_after = now_utc() + timedelta(hours=2)  # far past the lease and any backoff
        assert deliver.deliver_one(world.store, settings, now=long_after) is None
        [row] = outbox(world.store)
        assert (row.status, row.attempts) == ("pending", 1) and len(receiver.got) == 1
    finally:
        receiver.release.set()
        first.join(60)
    assert not first.is_alive() and len(receiver.got) == 1  # sent by one worker only
