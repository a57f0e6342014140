"""`askwell team worker`: a worker killed mid-delivery loses nothing; the next one sends it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

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
    }
    askwell = str(Path(sys.executable).with_name("askwell"))
    command = [askwell, "team", "worker", "--db", db_url, "--base-url", BASE, *extra]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def test_a_killed_worker_loses_nothing(  # type: ignore[no-untyped-def]
    world, mailbox, receiver: Receiver, team_db_url: str
) -> None:
    ben, cleo = world.members[0], world.members[1]
    hook = cleo.api("POST", "/api/team/webhooks", json={"url": receiver.url}).json()
    receiver.hang_first = True  # the first POST never gets an answer: the worker is mid-job
    made = ben.api(
        "POST",
        f"/api/team/teams/{world.team_id}/needs",
        json={"summary": "Review my conference slides", "to": cleo.id, "text": "Could you?"},
    )
    assert made.status_code == 201, made.text
    first = _worker(team_db_url, mailbox.port, "--poll", "0.1")
    try:
        assert receiver.arrived.wait(60), "the worker never reached the webhook"
        [email, webhook] = outbox(world.store)
        assert (email.status, webhook.status) == ("sent", "pending")  # locked, not done
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == -signal.SIGKILL
    second = _worker(team_db_url, mailbox.port, "--poll", "0.1")
    try:
        for _ in range(300):
            if outbox(world.store)[1].status == "sent":
                break
            time.sleep(0.1)
        second.send_signal(signal.SIGTERM)  # a gentle stop: it finishes the job in hand
        out, _ = second.communicate(timeout=30)
    finally:
        if second.poll() is None:
            second.kill()
    assert second.returncode == 0, out
    [_, webhook] = outbox(world.store)
    assert webhook.status == "sent" and webhook.attempts == 1
    assert len(receiver.got) == 2  # the same delivery again, after the kill
    again = receiver.got[-1]
    assert again.headers["x-askwell-delivery"] == str(webhook.id)
    assert again.signed_by(hook["secret"])
    asks = [m for m in mailbox.messages if m["Subject"].startswith("Ben asked you")]
    assert len(asks) == 1  # the email went once, before the kill


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
