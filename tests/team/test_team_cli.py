"""`askwell team ...` and the settings: TOML file, environment, PostgreSQL only, N workers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.postgres


def test_team_config_reads_toml_then_env_then_flags(tmp_path: Path) -> None:
    from askwell.team.config import load_settings

    toml = tmp_path / "team.toml"
    toml.write_text(
        '[team]\ndb_url = "postgresql+psycopg://a@h/db"\nport = 9000\nworkers = 3\n'
        'base_url = "https://askwell.example.org"\nextra_hosts = ["alias.example.org"]\n',
        encoding="utf-8",
    )
    from_file = load_settings(str(toml), env={})
    assert (from_file.port, from_file.workers) == (9000, 3)
    assert from_file.secure_cookies is True
    assert {"askwell.example.org", "alias.example.org"} <= from_file.allowed_hosts
    env = {"ASKWELL_TEAM_PORT": "9100", "ASKWELL_TEAM_SMTP_STARTTLS": "yes"}
    from_env = load_settings(str(toml), env=env)
    assert from_env.port == 9100 and from_env.smtp_starttls is True
    assert load_settings(str(toml), env=env, port=9200).port == 9200


def test_team_config_refuses_sqlite_and_bad_values(tmp_path: Path) -> None:
    from askwell.errors import AskwellError
    from askwell.team.config import load_settings

    with pytest.raises(AskwellError, match="PostgreSQL only"):
        load_settings(env={}, db_url="sqlite:///x.db")
    with pytest.raises(AskwellError, match="needs a PostgreSQL database"):
        load_settings(env={})
    with pytest.raises(AskwellError, match="not a valid int"):
        load_settings(env={"ASKWELL_TEAM_PORT": "eighty", "ASKWELL_TEAM_DB_URL": "postgresql://x"})
    bad = tmp_path / "bad.toml"
    bad.write_text("[team]\ncolour = 'blue'\n", encoding="utf-8")
    with pytest.raises(AskwellError, match="unknown setting 'colour'"):
        load_settings(str(bad), env={})


def test_team_cli_init_prints_a_one_time_link_once(cli, team_store, team_db_url: str) -> None:  # type: ignore[no-untyped-def]
    args = ["team", "init", "--db", team_db_url, "--email", "ada@example.org", "--name", "Ada"]
    first = cli(*args, "--team", "Platform", "--base-url", "https://askwell.example.org")
    assert first.code == 0, first.err
    assert "https://askwell.example.org/signin/" in first.out
    again = cli(*args, expect=1)
    assert "already has accounts" in again.err
    assert "Traceback" not in again.err


def test_team_cli_refuses_sqlite_with_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("team", "serve", "--db", "sqlite:///x.db", expect=1)
    assert "PostgreSQL only" in result.err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_team_serve_runs_several_workers_behind_one_port(team_store, team_db_url: str) -> None:  # type: ignore[no-untyped-def]
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASKWELL_TEAM_")}
    askwell = str(Path(sys.executable).with_name("askwell"))
    command = [askwell, "team", "serve", "--db", team_db_url]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        ready = None
        for _ in range(120):
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.5)
        assert ready is not None and ready.json() == {"status": "ready"}
        signin = httpx.get(f"http://127.0.0.1:{port}/signin", timeout=5)
        assert signin.status_code == 200 and "Sign in" in signin.text
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert out.count("Started server process") >= 2, out
    assert "not held by row-level security" not in out  # an ordinary owner role


def test_team_serve_warns_when_its_role_passes_row_level_security(team_store, team_db) -> None:  # type: ignore[no-untyped-def]
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASKWELL_TEAM_")}
    askwell = str(Path(sys.executable).with_name("askwell"))
    command = [askwell, "team", "serve", "--db", team_db.superuser_url, "--port", str(port)]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        for _ in range(120):
            try:
                httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.5)
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert "is not held by row-level security (a superuser)" in out, out


def test_team_docs_list_every_setting() -> None:
    from dataclasses import fields

    from askwell.team.config import TeamSettings

    doc = (Path(__file__).resolve().parents[2] / "docs" / "team.md").read_text(encoding="utf-8")
    missing = [f.name for f in fields(TeamSettings) if f"`{f.name}`" not in doc]
    assert missing == []
