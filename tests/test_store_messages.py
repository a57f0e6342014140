"""Store and disk failures are catalogue codes, worded by each front door like every other error."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from askwell.cli._words import CLI_WORDS
from askwell.core.messages import MESSAGES
from askwell.storage import failures
from askwell.web.words import API_WORDS


@pytest.mark.parametrize(("needle", "kind", "code"), failures._MESSAGES)
def test_store_failure_driver_text_becomes_its_catalogue_code(
    needle: str, kind: type[Exception], code: str
) -> None:
    driver = sqlite3.OperationalError(f"something: {needle} here")
    known = failures.explain(OperationalError("INSERT ...", {}, driver))
    assert isinstance(known, kind)
    assert known.code == code and str(known) == MESSAGES[code]


@pytest.mark.parametrize("number", sorted(failures._ERRNO))
def test_store_failure_disk_errno_becomes_its_catalogue_code(number: int) -> None:
    known = failures.explain(OSError(number, "disk trouble"))
    assert known is not None and known.code in MESSAGES
    assert str(known) == MESSAGES[known.code]


def test_store_failure_codes_are_in_the_catalogue_and_worded_by_each_door() -> None:
    codes = {code for _, _, code in failures._MESSAGES} | {c for _, c in failures._ERRNO.values()}
    assert codes <= set(MESSAGES)
    assert "askwell import" in CLI_WORDS["store_damaged"]
    assert "/api/import" in API_WORDS["store_damaged"]
    assert failures.explain(OSError(errno.EACCES, "denied")) is None  # not a store failure


def test_cli_damaged_store_is_worded_for_the_command_line(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    cli("need", "add", "review my talk")
    path = Path(db_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'needs'").fetchone()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page : root * page] = b"\xa5" * page  # the needs table's page, damaged
    path.write_bytes(bytes(data))
    err = cli("need", "list", expect=1).err
    assert err.strip() == f"error: {CLI_WORDS['store_damaged']}", err


def test_cli_newer_schema_is_a_catalogue_message(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    cli("people", "list")
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_later'")
    err = cli("people", "list", expect=1).err
    assert err.strip() == "error: " + MESSAGES["store_newer"].format(schema="9999_later")
