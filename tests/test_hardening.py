"""Every hostile example of issue 12: one line and exit 1, never a traceback, store unchanged."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from askwell.core.model import Need
from askwell.services import add_need, list_needs
from askwell.storage.store import open_store

BIG_IDS = ("9223372036854775808", "99999999999999999999", "3000000000", "-9223372036854775809")


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the error log of these tests in a temporary state folder."""
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


def one_line_error(result: Any, *needles: str) -> None:
    """Assert a clean failure: exit 1, one line on stderr naming the problem, no traceback."""
    assert result.code == 1, (result.code, result.out, result.err)
    assert "Traceback" not in result.err and "Traceback" not in result.out
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def export_doc(**kinds: list[dict[str, Any]]) -> dict[str, Any]:
    """Return a minimal valid export document holding `kinds`."""
    return {
        "format": "askwell-export",
        "version": 1,
        "exported_at": "2026-01-01T00:00:00Z",
        **kinds,
    }


PERSON = {
    "uid": "6f0b0c8e-7a43-4a38-9d0e-6e8f0f0f0f01",
    "created_at": "2026-01-01T00:00:00Z",
    "name": "Bea Lima",
    "relationship": "mentor",
}


def journal_entry(text: str, uid_tail: str = "01") -> dict[str, Any]:
    """Return one exported journal entry."""
    return {
        "uid": f"6f0b0c8e-7a43-4a38-9d0e-6e8f0f0f00{uid_tail}",
        "created_at": "2026-01-01T00:00:00Z",
        "text": text,
    }


def rows(db_url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every askwell table (to compare before and after a failure)."""
    path = db_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        tables = [
            t
            for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not t.startswith("sqlite_")
        ]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


# ------------------------------------------------------------------ ids and numbers


@pytest.mark.parametrize("big", BIG_IDS)
def test_cli_huge_ids_are_one_line_errors(cli, db_url: str, big: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("people", "add", "Bea Lima").code == 0
    before = rows(db_url)
    for args in (
        ("people", "show", big),
        ("need", "show", big),
        ("need", "resolve", big),
        ("answer", big, "yes"),
        ("thank", big),
        ("ask", big, "--to", "1", "--text", "Could you help?"),
        ("gave", big, "a review"),
        ("journal", "list", "--need", big),
    ):
        result = cli(*args, expect=(1, 2))
        if result.code == 2:  # a usage error from the parser is fine too
            assert "Traceback" not in result.err
            continue
        one_line_error(result)
    assert rows(db_url) == before


# ------------------------------------------------------------------ hostile import files


def write_json(tmp_path: Path, doc: Any, name: str = "export.json") -> Path:
    """Write `doc` as JSON and return the path."""
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


HOSTILE_IMPORTS: dict[str, Any] = {
    "far-future created_at": export_doc(
        people=[{**PERSON, "created_at": "9999-12-31T23:59:59-14:00"}]
    ),
    "year 1 deadline": export_doc(
        needs=[
            {
                "uid": "6f0b0c8e-7a43-4a38-9d0e-6e8f0f0f0f02",
                "created_at": "2026-01-01T00:00:00Z",
                "summary": "review my talk",
                "support_type": "feedback",
                "urgency": "low",
                "deadline": "0001-01-01",
            }
        ]
    ),
    "lone surrogate": export_doc(people=[{**PERSON, "name": "Bea \ud800"}]),
    "NUL in a name": export_doc(people=[{**PERSON, "name": "Bea\x00Lima"}]),
    "escape codes in a name": export_doc(people=[{**PERSON, "name": "Evil\x1b[2J\x1b[31m"}]),
    "5,000,000-character journal text": export_doc(journal=[journal_entry("x" * 5_000_000)]),
    "blank journal text": export_doc(journal=[journal_entry("   ")]),
    "huge expect": export_doc(
        needs=[
            {
                "uid": "6f0b0c8e-7a43-4a38-9d0e-6e8f0f0f0f03",
                "created_at": "2026-01-01T00:00:00Z",
                "summary": "review my talk",
                "support_type": "feedback",
                "urgency": "low",
                "expect": 10**30,
            }
        ]
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_IMPORTS))
def test_import_hostile_document_changes_nothing(
    cli, db_url: str, tmp_path: Path, case: str
) -> None:  # type: ignore[no-untyped-def]
    assert cli("people", "add", "Ada Stone").code == 0
    before = rows(db_url)
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(HOSTILE_IMPORTS[case], ensure_ascii=True), encoding="utf-8")
    one_line_error(cli("import", str(path), expect=1))
    assert rows(db_url) == before


@pytest.mark.parametrize(
    "content",
    [
        "[" * 50_000 + "]" * 50_000,
        '{"format": "askwell-export", "version": ' + "9" * 5000 + "}",
        '{"format": "askwell-export", "version": 1, "exported_at": 1e999999}',
        "\ufeff{}",
        "",
    ],
    ids=["nested 50,000 deep", "5,000-digit integer", "huge float", "BOM", "empty"],
)
def test_import_hostile_json_text_is_one_line(cli, tmp_path: Path, content: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hostile.json"
    path.write_text(content, encoding="utf-8")
    one_line_error(cli("import", str(path), expect=1))


@pytest.mark.parametrize("command", [("import",), ("people", "import")])
def test_import_endless_file_is_capped_by_reading(cli, command: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    one_line_error(cli(*command, "/dev/zero", expect=1), "larger than")


@pytest.mark.parametrize(
    "command",
    [
        ("ask", "1", "--to", "1", "--text-file", "/dev/zero"),
        ("edit", "ask", "1", "--text-file", "/dev/zero"),
        ("check", "-"),
        ("team", "migrate", "--config", "/dev/zero"),
    ],
)
def test_cli_endless_text_file_or_stdin_is_capped_by_reading(
    cli, db_url: str, command: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    """Found by the fuzz: `--text-file /dev/zero` read until the kernel killed it (22 GB)."""
    cli("people", "add", "Bea Lima")
    cli("need", "add", "review my talk")
    cli("ask", "1", "--to", "1", "--text", "Could you review my talk?")
    before = rows(db_url)
    endless = "x" * 1_000_001 if command == ("check", "-") else None
    one_line_error(cli(*command, input=endless, expect=1), "than")
    assert rows(db_url) == before


def test_check_file_with_huge_csv_field_is_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "texts.csv"
    path.write_text('id,text\n1,"' + "x" * 200_000 + '"\n', encoding="utf-8")
    one_line_error(cli("check", "--file", str(path), expect=1), "CSV")


# ------------------------------------------------------------------ the store under faults


def test_cli_newer_schema_says_upgrade(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("people", "list").code == 0
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    one_line_error(cli("people", "list", expect=1), "newer askwell")


def test_cli_damaged_database_is_one_line(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("need", "add", "review my talk").code == 0
    path = Path(db_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[page : 2 * page] = b"\xa5" * page  # one damaged page
    path.write_bytes(bytes(data))
    result = cli("need", "list", expect=1)
    one_line_error(result)
    assert "damaged" in result.err or "cannot open" in result.err


def test_cli_read_only_database_is_one_line(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("need", "add", "review my talk").code == 0
    path = db_url.removeprefix("sqlite:///")
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    result = cli("--db", read_only, "need", "add", "another one", expect=1)
    one_line_error(result)
    assert "read-only" in result.err or "cannot be written" in result.err


def test_store_full_disk_is_one_line(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import event

    from askwell.cli import _common

    store = open_store(db_url)

    def tiny(dbapi_conn: Any, _record: Any) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    event.listen(store.engine, "connect", tiny)
    store.engine.dispose()
    before = len(list_needs(store))
    with pytest.raises(SystemExit) as exited:
        _common.run_guarded(lambda: add_need(store, Need(summary="big", details="x" * 20_000)))
    assert exited.value.code == 1
    assert len(list_needs(store)) == before
    store.close()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """Yield the folder of a real 2 MB file system (tmpfs), mounted for this test only."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root; the full disk is then only simulated")
    folder = tmp_path / "small-disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> None:
    """Write a filler file until the file system is full."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC, exc
    finally:
        os.close(fd)


def test_cli_real_full_disk_is_one_line_and_the_store_stays_intact(cli, small_disk: Path) -> None:  # type: ignore[no-untyped-def]
    path = small_disk / "askwell.db"
    env = {"ASKWELL_DATABASE_URL": f"sqlite:///{path}"}
    assert cli("need", "add", "review my talk", env=env).code == 0
    assert cli("journal", "add", "felt nervous, asked anyway", env=env).code == 0
    before = rows(f"sqlite:///{path}")
    _fill(small_disk)
    for args in (
        ("journal", "add", "a long thought " * 1200),
        ("people", "add", "Bea Lima", "--notes", "met at the conference " * 80),
    ):
        result = cli(*args, env=env, expect=1)
        one_line_error(result)
        assert "the disk is full" in result.err, result.err
    (small_disk / "filler").unlink()  # room again: the store is as it was, and whole
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert rows(f"sqlite:///{path}") == before
    assert cli("journal", "add", "and it works again", env=env).code == 0


def test_cli_export_to_unwritable_place_is_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    one_line_error(cli("export", str(tmp_path / "missing" / "x.json"), expect=1), "cannot write")
    one_line_error(cli("export", str(tmp_path), expect=1), "cannot write")
    one_line_error(cli("export", "/proc/askwell-export.json", expect=1), "cannot write")


def test_cli_demo_path_on_a_file_is_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder")
    result = cli("demo", "--path", str(blocker / "demo.db"), expect=1)
    one_line_error(result)


def test_cli_unexpected_error_is_logged_and_debug_shows_it(
    cli, state_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from askwell import services

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("a bug askwell did not expect")

    monkeypatch.setattr(services, "list_people", broken)
    result = cli("people", "list", expect=1)
    one_line_error(result, "did not expect", "askwell.log")
    log = state_dir / "askwell" / "askwell.log"
    assert "RuntimeError: a bug askwell did not expect" in log.read_text()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    debug = cli("--debug", "people", "list", expect=1)
    assert debug.code == 1
    assert "Traceback" in debug.err and "RuntimeError" in debug.err


# ------------------------------------------------------------------ half-done commands


def test_cli_ask_with_ics_folder_records_nothing(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        cli("people", "add", "Bea Lima", "--tz", "UTC", "--hours", "Mon-Fri 09:00-17:00").code == 0
    )
    assert cli("need", "add", "review my talk").code == 0
    before = rows(db_url)
    result = cli(
        "ask",
        "1",
        "--to",
        "1",
        "--text",
        "Could you review it?",
        "--at",
        "1",
        "--ics",
        str(tmp_path),
        expect=1,
    )
    one_line_error(result, "folder")
    assert rows(db_url) == before


# ------------------------------------------------------------------ safe output, privacy


def test_cli_stored_escape_codes_never_reach_the_terminal(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("people", "add", "Bea Lima").code == 0
    assert cli("need", "add", "review my talk").code == 0
    assert cli("journal", "add", "felt nervous").code == 0
    evil = "Evil\x1b[2J\x1b[31m\x9b31m[red]x[/red]"
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:  # as an old version stored it
        conn.execute("UPDATE people SET name = ?", (evil,))
        conn.execute("UPDATE journal SET text = ?", (evil,))
    for args in (("people", "list"), ("people", "show", "1"), ("journal", "list")):
        for extra in ((), ("--json",)):
            result = cli(*args, *extra)
            assert result.code == 0, result.err
            assert "\x1b" not in result.out and "\x9b" not in result.out, args
            assert "Evil" in result.out
    assert "\\x1b[2J" in cli("people", "list").out
    assert "[red]x[/red]" in cli("people", "show", "1").out


def test_store_database_and_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "askwell.db"
    open_store(f"sqlite:///{path}").close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_cli_export_is_private(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old = os.umask(0o022)
    try:
        target = tmp_path / "export.json"
        assert cli("export", str(target)).code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    finally:
        os.umask(old)


@pytest.mark.parametrize("deadline", [date(1, 1, 4), date(1899, 12, 31), date(2201, 1, 1)])
def test_store_refuses_a_date_out_of_range_on_every_database(store, deadline: date) -> None:  # type: ignore[no-untyped-def]
    """Found by the API fuzz: SQLite's Date type turned the date into text before the guard saw it,
    so a deadline in year 1 was stored there, and the export then failed."""
    from askwell.storage.failures import OutOfRange

    with pytest.raises(OutOfRange, match="between the years 1900 and 2200"):
        add_need(store, Need(summary="review my talk", deadline=deadline))
    assert list_needs(store) == []
    assert add_need(store, Need(summary="review my talk", deadline=date(2026, 3, 1))).id
