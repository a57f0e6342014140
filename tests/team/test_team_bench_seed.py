"""bench/team_seed.py leaves nothing on the shared cluster unless asked: a run drops the database
it seeded (and the bench role once it owns none); --keep keeps it, and a later run reuses it."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from support import PG_URL
from team.conftest import _require_postgres

pytestmark = pytest.mark.postgres
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def bench() -> Any:
    """Return bench/team_seed.py as a module."""
    _require_postgres()
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import team_seed
    finally:
        sys.path.remove(str(REPO / "bench"))
    return team_seed


def _names() -> set[str]:
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_URL)
    with admin.connect() as conn:
        found = set(conn.execute(text("SELECT 'db ' || datname FROM pg_database")).scalars())
        found |= set(conn.execute(text("SELECT 'role ' || rolname FROM pg_roles")).scalars())
    admin.dispose()
    return found


def test_bench_seed_drops_what_it_created_unless_kept(bench: Any) -> None:
    name = f"askwell_bench_{uuid.uuid4().hex[:8]}"  # a role of its own, not the benchmarks'
    size = bench.Size(members=20, teams=2, asks=40)
    database = bench.make_database_name(name, size)
    try:
        with bench.seeded(PG_URL, size, name=name) as url:
            assert {f"db {database}", f"role {name}"} <= _names()
            assert bench._seeded_size(url) == size
        assert not {f"db {database}", f"role {name}"} & _names()  # dropped by default

        with bench.seeded(PG_URL, size, keep=True, name=name):
            pass
        assert {f"db {database}", f"role {name}"} <= _names()  # --keep
        with bench.seeded(PG_URL, size, name=name) as url:  # reused, so left kept
            assert bench._seeded_size(url) == size
        assert f"db {database}" in _names()
        with bench.seeded(PG_URL, size, reseed=True, name=name):  # seeded again: this run's
            pass
        assert not {f"db {database}", f"role {name}"} & _names()
    finally:
        bench.drop(PG_URL, database, name)
