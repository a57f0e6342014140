"""Shared fixtures: a real SQLite store per test, PostgreSQL behind a marker, a CLI runner."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from support import PG_URL, postgres_or_skip

# Hypothesis profiles: HYPOTHESIS_PROFILE=ci (set by .ci/run) runs many more examples, with no
# deadline (a shared CI machine is slow at times) and reproducible (derandomized) draws.
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parents[1]


def _reset_postgres() -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """Return the URL of a fresh SQLite file in a temp folder."""
    return f"sqlite:///{tmp_path / 'askwell.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Yield a fresh database URL: SQLite always, PostgreSQL when reachable (marker postgres)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'askwell.db'}"
        return
    postgres_or_skip()
    _reset_postgres()
    yield PG_URL


@pytest.fixture
def store(any_url: str) -> Iterator[object]:
    """Yield an open, migrated store on SQLite (and PostgreSQL when marked and reachable)."""
    from askwell.storage.store import open_store

    st = open_store(any_url)
    yield st
    st.close()


@pytest.fixture
def sqlite_store(db_url: str) -> Iterator[object]:
    """Yield an open, migrated SQLite store."""
    from askwell.storage.store import open_store

    st = open_store(db_url)
    yield st
    st.close()


@dataclass
class Result:
    """What a CLI run returned."""

    code: int
    out: str
    err: str

    def json(self) -> object:
        """Parse stdout as JSON."""
        import json

        return json.loads(self.out)


@pytest.fixture
def cli(db_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Return run(*args, input=None, env=None, expect=0) running the real CLI in-process.

    The run fails the test at once when `askwell` exits with any status but `expect`
    (an ExitStatus: 0 by default), showing what it printed.
    """
    from typer.testing import CliRunner

    from askwell.cli import main
    from askwell.cli._common import ExitStatus

    runner = CliRunner()

    def run(
        *args: str,
        input: str | None = None,
        env: dict[str, str] | None = None,
        expect: int | tuple[int, ...] = ExitStatus.OK,
    ) -> Result:
        full_env = {"ASKWELL_DATABASE_URL": db_url, "COLUMNS": "200", **(env or {})}

        def invoke() -> int:
            try:
                main(list(args))  # the same error boundary as the console script
            except SystemExit as exc:
                return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            return 0

        with runner.isolation(input=input, env=full_env) as outstreams:
            code = invoke()
            sys.stdout.flush()
            sys.stderr.flush()
            out, err = outstreams[0].getvalue().decode(), outstreams[1].getvalue().decode()
        result = Result(code, out, err)
        allowed = expect if isinstance(expect, tuple) else (expect,)
        if code not in allowed:
            wanted = " or ".join(map(str, allowed))
            pytest.fail(
                f"askwell {' '.join(args)} exited {code}, expected {wanted}\n"
                f"stdout: {out}\nstderr: {err}",
                pytrace=False,
            )
        return result

    return run
