"""Writers wait their turn: an import and a writer at once, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from askwell.services import transfer
from askwell.services.journal import add_entry
from askwell.storage.store import Store, open_store
from askwell.storage.tables import JournalRow, PersonRow


def big_export(people: int, entries: int) -> dict[str, Any]:
    """Return an export document with `people` people and `entries` journal entries."""
    stamp = "2026-01-01T00:00:00Z"
    return {
        "format": "askwell-export",
        "version": 1,
        "exported_at": stamp,
        "people": [
            {
                "uid": str(uuid.uuid4()),
                "created_at": stamp,
                "name": f"Person {i}",
                "relationship": "colleague",
            }
            for i in range(people)
        ],
        "journal": [
            {"uid": str(uuid.uuid4()), "created_at": stamp, "text": f"entry {i}"}
            for i in range(entries)
        ],
    }


def count(store: Store, table: Any) -> int:
    """Return the number of rows in `table`."""
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(table)) or 0)


@pytest.fixture
def two_stores(any_url: str) -> Iterator[tuple[Store, Store]]:
    """Two independent handles on one database (two processes, as far as locks go)."""
    first, second = open_store(any_url), open_store(any_url)
    yield first, second
    first.close()
    second.close()


def test_import_and_writer_at_once_both_land(
    two_stores: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    importer, writer = two_stores
    writing = threading.Event()
    original = transfer._Writer._insert

    def slow_insert(self: Any, table: Any, rows: list[dict[str, Any]]) -> None:
        original(self, table, rows)
        if not writing.is_set():  # the import holds its write transaction from here on
            writing.set()
            time.sleep(6)  # longer than the old 5 s busy timeout that made writers fail

    monkeypatch.setattr(transfer._Writer, "_insert", slow_insert)
    doc = big_export(people=50, entries=3000)
    outcome: dict[str, Any] = {}

    def run_import() -> None:
        try:
            outcome["report"] = transfer.import_data(importer, doc)
        except Exception as exc:  # reported below, with the writer's outcome
            outcome["error"] = exc

    thread = threading.Thread(target=run_import)
    thread.start()
    assert writing.wait(60), outcome
    entry = add_entry(writer, "written while the import runs")  # waits its turn on SQLite
    thread.join(120)
    assert "error" not in outcome, outcome
    assert outcome["report"].added["journal"] == 3000
    assert entry.id is not None
    assert count(writer, JournalRow) == 3001
    assert count(writer, PersonRow) == 50


def test_import_is_all_or_nothing_across_batches(any_url: str) -> None:
    store = open_store(any_url)
    try:
        doc = big_export(people=10, entries=2 * transfer.BATCH + 7)
        doc["journal"][-1]["person_uid"] = str(uuid.uuid4())  # dangling: found in the last batch
        with pytest.raises(transfer.AskwellError, match="missing"):
            transfer.import_data(store, doc)
        assert count(store, JournalRow) == 0
        assert count(store, PersonRow) == 0
    finally:
        store.close()


def _hold_write_lock(url: str) -> tuple[Any, Any]:
    """Open another connection that holds the journal's write lock; return (engine, conn)."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    conn = engine.connect()
    if url.startswith("sqlite"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")
        conn.execute(text("LOCK TABLE journal IN EXCLUSIVE MODE"))
    return engine, conn


def test_cli_writer_past_the_busy_timeout_says_busy(
    cli, any_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    open_store(any_url).close()  # migrated before the lock is taken
    engine, conn = _hold_write_lock(any_url)
    try:
        result = cli(
            "journal",
            "add",
            "felt nervous",
            env={"ASKWELL_DATABASE_URL": any_url, "ASKWELL_BUSY_TIMEOUT": "0.3"},
            expect=1,
        )
    finally:
        conn.exec_driver_sql("ROLLBACK")
        conn.close()
        engine.dispose()
    assert result.code == 1, result.err
    assert "askwell is busy with an import; try again" in result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    store = open_store(any_url)
    try:
        assert count(store, JournalRow) == 0
    finally:
        store.close()
