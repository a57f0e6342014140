"""`askwell --server URL login`, then the everyday commands against a real team server."""

from __future__ import annotations

import json
import socket
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from team.conftest import PASSWORD

pytestmark = pytest.mark.postgres


@pytest.fixture
def settings(settings: Any) -> Any:
    """The team settings, with webhooks to 127.0.0.1 allowed."""
    from dataclasses import replace

    return replace(settings, webhook_private_ok=True)


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def live(app: Any) -> Iterator[str]:
    """Serve the team app over real HTTP on 127.0.0.1 (uvicorn in a thread); yield its address."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def as_person(cli: Any, live: str, home: Path) -> Any:
    """Return run(*args, ...) for one person: their own config folder, --server set."""

    def run(*args: str, **kwargs: Any) -> Any:
        env = {"XDG_CONFIG_HOME": str(home), **kwargs.pop("env", {})}
        return cli("--server", live, *args, env=env, **kwargs)

    return run


def test_login_then_ask_answer_thank_through_the_cli(  # type: ignore[no-untyped-def]
    cli, live: str, world: Any, tmp_path: Path
) -> None:
    ben_home, cleo_home = tmp_path / "ben", tmp_path / "cleo"
    ben, cleo = as_person(cli, live, ben_home), as_person(cli, live, cleo_home)

    logged = ben("login", "--email", "ben@example.org", input=f"{PASSWORD}\n")
    assert "Logged in" in logged.out and "as Ben (Platform)" in logged.out
    stored = ben_home / "askwell" / "servers.json"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert json.loads(stored.read_text())[live]["token"].startswith("askw_")
    cleo_token = world.members[1].token
    assert "as Cleo" in cleo("login", "--token", cleo_token).out

    people = ben("people", "list").out
    assert "Ada" in people and "Cleo" in people and "Dan" in people

    made = json.loads(
        ben("need", "add", "Review my conference slides", "--topics", "slides", "--json").out
    )
    need_id = made["need"]["id"]
    assert f"#{need_id}" in ben("need", "list").out
    route = json.loads(ben("suggest", str(need_id), "--json").out)
    assert {c["person"]["name"] for c in route["suggested"]} >= {"Cleo"}

    asked = json.loads(
        ben("ask", str(need_id), "--to", "cle", "--text", "Could you?", "--json").out
    )
    assert asked["helper"]["name"] == "Cleo" and asked["status"] == "sent"
    again = ben("ask", str(need_id), "--to", "Cleo", expect=1)
    assert "already asked them" in again.err and len(again.err.strip().splitlines()) == 1

    inbox = cleo("inbox", "--waiting").out
    assert f"#{asked['id']} Ben asked Cleo: Review my conference slides" in inbox
    answered = cleo("answer", str(asked["id"]), "yes", "--note", "Happy to, send them over")
    assert "Answered 'yes'" in answered.out
    assert "Thank-you sent to Cleo" in ben("thank", str(asked["id"]), "--note", "Thank you!").out
    mine = json.loads(ben("sent", "--json").out)
    assert mine[0]["answer"]["kind"] == "yes" and mine[0]["thanked_at"]
    assert cleo("inbox", "--waiting").out.strip() == "Nothing in your inbox."


def test_server_errors_are_one_line(  # type: ignore[no-untyped-def]
    cli, live: str, world: Any, tmp_path: Path
) -> None:
    ben = as_person(cli, live, tmp_path)
    wrong = ben("login", "--email", "ben@example.org", input="not the password\n", expect=1)
    assert wrong.err.count("\n") == 1 and "Traceback" not in wrong.err
    assert "error:" in wrong.err and not (tmp_path / "askwell" / "servers.json").exists()
    before = ben("people", "list", expect=1)
    assert "not logged in to" in before.err and "login" in before.err
    bad = ben("login", "--token", "askw_nonsense", expect=1)
    assert "please sign in first" in bad.err
    ben("login", "--token", world.members[0].token)
    local_only = ben("journal", "list", expect=1)
    assert "works on your own askwell only" in local_only.err
    missing = ben("answer", "999999", "yes", expect=1)
    assert "there is no ask 999999 of yours" in missing.err
    dead = f"http://127.0.0.1:{free_port()}"
    (tmp_path / "dead" / "askwell").mkdir(parents=True)
    (tmp_path / "dead" / "askwell" / "servers.json").write_text(json.dumps({dead: {"token": "t"}}))
    env = {"XDG_CONFIG_HOME": str(tmp_path / "dead")}
    unreachable = cli("--server", dead, "people", "list", expect=1, env=env)
    assert f"cannot reach {dead}" in unreachable.err
    plain = cli("--server", "http://askwell.example.org", "login", "--token", "x", expect=1)
    assert "use its https:// address" in plain.err


def test_logout_revokes_the_token_on_the_server(  # type: ignore[no-untyped-def]
    cli, live: str, world: Any, tmp_path: Path
) -> None:
    import httpx

    dan = as_person(cli, live, tmp_path)
    dan("login", "--email", "dan@example.org", input=f"{PASSWORD}\n")
    token = json.loads((tmp_path / "askwell" / "servers.json").read_text())[live]["token"]
    ok = httpx.get(f"{live}/api/team/me", headers={"authorization": f"Bearer {token}"})
    assert ok.status_code == 200
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert "Logged out of" in cli("logout", env=env).out  # the one server it knows
    gone = httpx.get(f"{live}/api/team/me", headers={"authorization": f"Bearer {token}"})
    assert gone.status_code == 401
    assert json.loads((tmp_path / "askwell" / "servers.json").read_text()) == {}
    assert "not logged in" in dan("inbox", expect=1).err


def test_notifications_and_webhooks_from_the_cli(  # type: ignore[no-untyped-def]
    cli, live: str, world: Any, tmp_path: Path
) -> None:
    cleo = as_person(cli, live, tmp_path)
    cleo("login", "--token", world.members[1].token)
    listed = cleo("notifications", "--off", "ask", "--off", "thanks").out
    assert "ask            off" in listed and "answer         on" in listed
    back = json.loads(cleo("notifications", "--on", "thanks", "--json").out)
    assert back["muted"] == ["ask"]
    added = cleo("webhook", "add", "http://127.0.0.1:9/hook").out
    assert "Webhook #" in added and "whsec_" in added
    assert "http://127.0.0.1:9/hook" in cleo("webhook", "list").out
    hook_id = json.loads(cleo("webhook", "list", "--json").out)[0]["id"]
    assert f"Webhook #{hook_id} removed." in cleo("webhook", "remove", str(hook_id)).out
    assert "No webhooks yet." in cleo("webhook", "list").out
    wrong = cleo("notifications", "--off", "everything", expect=1)
    assert "the server did not accept that" in wrong.err and wrong.err.count("\n") == 1


def test_every_answer_the_cli_reads_fits_its_expected_shape(  # type: ignore[no-untyped-def]
    cli, live: str, world: Any, tmp_path: Path
) -> None:
    """The commands the walk above leaves out, against the real server (shapes checked)."""
    ben = as_person(cli, live, tmp_path)
    ben("login", "--token", world.members[0].token)
    made = json.loads(ben("need", "add", "Pair on a bug", "--to", "Cleo", "--json").out)
    assert made["ask"]["helper"]["name"] == "Cleo"
    need_id = made["need"]["id"]
    assert f"#{need_id} [open] Pair on a bug" in ben("need", "show", str(need_id)).out
    assert f"Need #{need_id} is resolved." in ben("need", "resolve", str(need_id)).out
    soon = ben("followup", str(made["ask"]["id"]), expect=1)  # refused by the server, in words
    assert "cannot use" not in soon.err and soon.err.count("\n") == 1
