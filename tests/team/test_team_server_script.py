"""`scripts/team-server`, the README's one command: a team server with PostgreSQL, end to end.

It runs the real script (as root, as on a fresh machine; CI is root) with this checkout's
virtual environment, so it skips the package installs: it makes a role and a database of its
own (uniquely named through ASKWELL_TEAM_DB_ROLE / _DB_NAME, both dropped afterwards, so the
shared cluster keeps no `askwell` role), the first admin and team, and serves with two workers
plus the notification worker.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from support import PG_URL
from team.conftest import _require_postgres

pytestmark = pytest.mark.postgres
REPO = Path(__file__).resolve().parents[2]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """Return a folder laid out like a checkout: the script, and this environment as .venv."""
    if os.geteuid() != 0 or shutil.which("pg_ctlcluster") is None:
        pytest.skip("the script runs as root on a Debian PostgreSQL (as CI and a fresh machine)")
    _require_postgres()
    if sys.prefix == sys.base_prefix or not Path(sys.executable).with_name("askwell").exists():
        pytest.skip("the tests run outside a virtual environment with askwell installed")
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "team-server", tmp_path / "scripts" / "team-server")
    (tmp_path / ".venv").symlink_to(Path(sys.prefix))
    return tmp_path


def _roles_and_databases() -> set[str]:
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_URL)
    with admin.connect() as conn:
        found = conn.execute(
            text(
                "SELECT 'role ' || rolname FROM pg_roles"
                " UNION SELECT 'db ' || datname FROM pg_database"
            )
        )
        names = set(found.scalars())
    admin.dispose()
    return names


def _drop(db_name: str, role: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)'))
        conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


def test_team_server_script_starts_a_server_in_one_command(checkout: Path) -> None:
    before = _roles_and_databases()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    suffix = uuid.uuid4().hex[:10]
    db_name, role = f"askwell_script_{suffix}", f"askwell_script_{suffix}_role"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASKWELL_")}
    env |= {"ASKWELL_TEAM_DB_NAME": db_name, "ASKWELL_TEAM_DB_ROLE": role}
    env |= {"ASKWELL_TEAM_PORT": str(port)}
    env |= {"ASKWELL_TEAM_BASE_URL": base, "ASKWELL_TEAM_WORKERS": "2"}
    command = [str(checkout / "scripts" / "team-server"), "lee@example.org", "Lee", "Platform"]
    server = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, stopped below as Ctrl+C would
    )
    try:
        assert server.stdout is not None
        said = []
        for line in server.stdout:
            said.append(line)
            if "Uvicorn running" in line:
                break
        out = "".join(said)
        link = re.search(rf"{re.escape(base)}/signin/\S+", out)
        assert link and "you are the admin of 'Platform'" in out, out
        for _ in range(300):
            if _get(base + "/readyz")[0] == 200:
                break
            time.sleep(0.1)
        assert _get(base + "/healthz") == (200, '{"status":"ok"}')
        assert [_get(base + "/readyz") for _ in range(4)] == [(200, '{"status":"ready"}')] * 4
        assert _get(link.group(0))[0] == 200  # the one-time sign-in page
        assert (checkout / ".askwell-team.env").stat().st_mode & 0o777 == 0o600
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=60)
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGKILL)
    assert _get(base + "/healthz")[0] == 0  # stopped, the workers too
    again = subprocess.run(
        command,
        env={**env, "ASKWELL_TEAM_NO_SERVE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        assert again.returncode == 0, again.stdout + again.stderr
        assert "already has its first admin" in again.stdout
        assert {f"role {role}", f"db {db_name}"} <= _roles_and_databases()
        assert f"== database {db_name} (role {role})" in again.stdout
    finally:
        _drop(db_name, role)
    after = _roles_and_databases()  # nothing left behind, and no `askwell` role or database
    assert not {f"role {role}", f"db {db_name}", "role askwell", "db askwell"} - before & after


@pytest.mark.parametrize("setting", ["ASKWELL_TEAM_DB_NAME", "ASKWELL_TEAM_DB_ROLE"])
@pytest.mark.parametrize("value", ["Ask well", "x'; DROP ROLE postgres; --", "1abc"])
def test_team_server_script_refuses_a_name_postgres_would_not_take_as_is(
    setting: str, value: str
) -> None:
    if shutil.which("bash") is None:
        pytest.skip("the script is a bash script")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASKWELL_")} | {setting: value}
    script = REPO / "scripts" / "team-server"
    done = subprocess.run(
        ["bash", str(script), "lee@example.org", "Lee"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (f"{setting} must be lower-case letters, digits and _ (got '{value}')\n")
