"""Durability: a writer killed with SIGKILL mid-stream loses no acknowledged record."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from askwell.core.model import Need
from askwell.services import add_need, list_needs
from askwell.storage.store import open_store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

WRITER = """
import sys
from askwell.core.model import Need
from askwell.services import add_need
from askwell.storage.store import open_store

store = open_store(sys.argv[1])
round_ = sys.argv[2]
print("ready", flush=True)
i = 0
while True:
    need = add_need(store, Need(summary=f"round {round_} need {i}", details="x" * 3000))
    print(need.id, need.uid, flush=True)  # acknowledged: the commit has returned
    i += 1
"""


def _write_then_kill(url: str, round_: int, acks: int, rng: random.Random) -> dict[int, str]:
    """Run the writer, SIGKILL it after about `acks` commits; return the acknowledged id -> uid."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, url, str(round_)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    acknowledged: dict[int, str] = {}
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        deadline = time.monotonic() + 60
        while len(acknowledged) < acks and time.monotonic() < deadline:
            line = proc.stdout.readline()
            assert line, f"the writer stopped early: {proc.stderr.read() if proc.stderr else ''}"
            id_, uid = line.split()
            acknowledged[int(id_)] = uid
        time.sleep(rng.uniform(0, 0.02))  # land somewhere inside a later transaction
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        rest, _ = proc.communicate(timeout=30)
    for line in rest.splitlines():  # printed before the kill: acknowledged too
        parts = line.split()
        if len(parts) == 2:
            acknowledged[int(parts[0])] = parts[1]
    assert proc.returncode == -signal.SIGKILL
    return acknowledged


def test_durability_sigkill_mid_stream_keeps_every_acknowledged_need(tmp_path: Path):
    path = tmp_path / "askwell.db"
    url = f"sqlite:///{path}"
    open_store(url).close()  # migrate first, so the kills land in need writes
    rng = random.Random(20250303)
    acknowledged: dict[int, str] = {}
    for round_ in range(3):
        acknowledged |= _write_then_kill(url, round_, acks=40 + rng.randrange(40), rng=rng)
        with sqlite3.connect(path) as conn:  # recovers the WAL like any later open would
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            stored = dict(conn.execute("SELECT id, uid FROM needs").fetchall())
        missing = {i: u for i, u in acknowledged.items() if stored.get(i) != u}
        assert missing == {}, f"round {round_}: acknowledged but lost: {sorted(missing)}"
    store = open_store(url)
    try:
        after = add_need(store, Need(summary="written after the crashes"))
        assert after.id is not None and after.id > max(acknowledged)
        assert len(list_needs(store)) >= len(acknowledged) + 1
    finally:
        store.close()
