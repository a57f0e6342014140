"""Helpers for tests: a real `askwell` process, PostgreSQL, the labelled data beside the repo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_askwell(
    *args: str, db_url: str, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed `askwell` console script in a subprocess."""
    exe = Path(sys.executable).with_name("askwell")
    return subprocess.run(
        [str(exe), *args],
        input=input,
        capture_output=True,
        text=True,
        env={**os.environ, "ASKWELL_DATABASE_URL": db_url},
        timeout=120,
    )


PG_URL = os.environ.get(
    "ASKWELL_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def postgres_reason() -> str | None:
    """Return why PostgreSQL tests cannot run here (None when they can)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install askwell[postgres])"
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 2})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any connection failure means: skip
        return f"no PostgreSQL reachable at {PG_URL} ({type(exc).__name__})"
    return None


def postgres_or_skip() -> None:
    """Skip where no PostgreSQL is reachable (fail instead under ASKWELL_REQUIRE_POSTGRES)."""
    import pytest

    reason = postgres_reason()
    if reason:
        if os.environ.get("ASKWELL_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required here but {reason}")
        pytest.skip(reason)


SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
REQUIRE_DATA = "ASKWELL_REQUIRE_DATA"


def data_required() -> bool:
    """Return True where a missing ../shared/data must fail, not skip (CI sets the switch)."""
    return any(
        os.environ.get(name, "") not in ("", "0")
        for name in (REQUIRE_DATA, "ASKWELL_REQUIRE_SHARED_DATA")
    )


def need_shared_data(path: Path, what: str) -> None:
    """Skip the test when `path` is missing, or fail with a clear message when data is required."""
    if path.exists():
        return
    import pytest

    reason = f"{what} is missing ({path})"
    if data_required():
        pytest.fail(
            f"{reason}; {REQUIRE_DATA}=1 says this run must have ../shared/data beside the "
            "checkout",
            pytrace=False,
        )
    pytest.skip(reason)
