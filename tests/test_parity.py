"""One scenario through the library, the CLI and the JSON API: the same rows, the same insights.

The scenario has people, needs with and without a support type, asks, every answer kind, a
boundary, thanks, a follow-up, help given and the journal. Each front door writes into its own
store; the stored rows (ids kept, times reduced to "set" or "unset") and `insights --json` must
be identical. Runs on SQLite, and on PostgreSQL under the postgres marker (three databases made
beside the test database).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

import pytest
from sqlalchemy import select, update

from askwell import services
from askwell.core.model import Need, Person, parse_hours
from askwell.storage.store import Store, open_store
from askwell.storage.tables import AskRow, Base
from support import PG_URL, postgres_or_skip

UNTIL = date.today() + timedelta(days=90)
EMOTIONAL = "I feel overwhelmed since the move and could use someone to talk to"


class Door(Protocol):
    """What the scenario needs from a front door; each call returns the new record's id."""

    def person(self, name: str, **fields: Any) -> int: ...
    def need(self, summary: str, support_type: str | None, **fields: Any) -> int: ...
    def ask(self, need_id: int, person_id: int, text: str, channel: str) -> int: ...
    def answer(self, ask_id: int, kind: str, note: str = "", offered: str = "") -> None: ...
    def thank(self, ask_id: int, note: str) -> None: ...
    def follow_up(self, ask_id: int, note: str) -> None: ...
    def boundary(self, person_id: int, until: date, topic: str, reason: str) -> None: ...
    def gave(self, person_id: int, summary: str) -> None: ...
    def journal(self, text: str) -> None: ...
    def insights(self) -> dict[str, Any]: ...


class Library:
    """The services, called as a library user would."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def person(self, name: str, **fields: Any) -> int:
        fields["hours"] = parse_hours(fields["hours"])
        fields["topics"] = tuple(fields["topics"])
        return services.add_person(self.store, Person(name=name, **fields)).id or 0

    def need(self, summary: str, support_type: str | None, **fields: Any) -> int:
        typed = {"support_type": support_type} if support_type else {}
        need = Need(summary=summary, **typed, **{**fields, "topics": tuple(fields["topics"])})
        return services.add_need(self.store, need).id or 0

    def ask(self, need_id: int, person_id: int, text: str, channel: str) -> int:
        return services.create_ask(self.store, need_id, person_id, text, channel).ask.id or 0

    def answer(self, ask_id: int, kind: str, note: str = "", offered: str = "") -> None:
        services.record_answer(self.store, ask_id, kind, note=note, offered=offered)

    def thank(self, ask_id: int, note: str) -> None:
        services.thank(self.store, ask_id, note=note)

    def follow_up(self, ask_id: int, note: str) -> None:
        services.follow_up(self.store, ask_id, note=note)

    def boundary(self, person_id: int, until: date, topic: str, reason: str) -> None:
        services.add_boundary(self.store, person_id, until, topic=topic, reason=reason)

    def gave(self, person_id: int, summary: str) -> None:
        services.give_help(self.store, person_id, summary)

    def journal(self, text: str) -> None:
        services.add_entry(self.store, text)

    def insights(self) -> dict[str, Any]:
        from askwell.services.insights import insights, insights_payload

        return insights_payload(insights(self.store, tz="UTC"))


class Cli:
    """The `askwell` commands, run in-process with --json."""

    def __init__(self, url: str) -> None:
        from typer.testing import CliRunner

        self.url, self.runner = url, CliRunner()

    def run(self, *args: str) -> Any:
        from askwell.cli import main

        env = {"ASKWELL_DATABASE_URL": self.url, "COLUMNS": "200"}
        with self.runner.isolation(env=env) as (out, err, *_):
            try:
                main([*args, "--json"])
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0
            sys.stdout.flush()
            sys.stderr.flush()
            text = out.getvalue().decode()
        assert code == 0, f"askwell {' '.join(args)} exited {code}: {err.getvalue().decode()}"
        return json.loads(text) if text.strip() else None

    def person(self, name: str, **f: Any) -> int:
        args = ["--relationship", f["relationship"], "--topics", ", ".join(f["topics"])]
        args += ["--tz", f["tz"], "--hours", f["hours"], "--email", f["email"]]
        return int(self.run("people", "add", name, *args)["id"])

    def need(self, summary: str, support_type: str | None, **f: Any) -> int:
        args = ["--type", support_type] if support_type else []
        args += ["--urgency", f["urgency"], "--topics", ", ".join(f["topics"])]
        args += [arg for k, v in f["barriers"].items() for arg in ("--barrier", f"{k}={v}")]
        args += ["--expect", str(f["expect"])] if f.get("expect") is not None else []
        return int(self.run("need", "add", summary, *args)["id"])

    def ask(self, need_id: int, person_id: int, text: str, channel: str) -> int:
        args = ["ask", str(need_id), "--to", str(person_id), "--text", text, "--channel", channel]
        return int(self.run(*args)["id"])

    def answer(self, ask_id: int, kind: str, note: str = "", offered: str = "") -> None:
        self.run("answer", str(ask_id), kind, "--note", note, "--offered", offered)

    def thank(self, ask_id: int, note: str) -> None:
        self.run("thank", str(ask_id), "--note", note)

    def follow_up(self, ask_id: int, note: str) -> None:
        self.run("followup", str(ask_id), "--note", note)

    def boundary(self, person_id: int, until: date, topic: str, reason: str) -> None:
        args = ["--until", until.isoformat(), "--topic", topic, "--reason", reason]
        self.run("people", "boundary", str(person_id), *args)

    def gave(self, person_id: int, summary: str) -> None:
        self.run("gave", str(person_id), summary)

    def journal(self, text: str) -> None:
        self.run("journal", "add", text)

    def insights(self) -> dict[str, Any]:
        return dict(self.run("insights", "--tz", "UTC"))


class Api:
    """The JSON API through FastAPI's TestClient."""

    def __init__(self, store: Store) -> None:
        from fastapi.testclient import TestClient

        from askwell.web import WebSettings, create_app

        settings = WebSettings(token="parity-token", port=8765)
        self.client = TestClient(
            create_app(settings, store=store),
            base_url="http://127.0.0.1:8765",
            cookies={"askwell_token": "parity-token"},
            headers={"X-CSRF-Token": settings.csrf_token},
        )

    def call(self, method: str, url: str, body: dict[str, Any] | None = None) -> Any:
        r = self.client.request(method, url, json=body)
        assert r.status_code < 300, f"{method} {url}: {r.status_code} {r.text}"
        return r.json()

    def person(self, name: str, **fields: Any) -> int:
        return int(self.call("POST", "/api/people", {"name": name, **fields})["id"])

    def need(self, summary: str, support_type: str | None, **fields: Any) -> int:
        typed = {"support_type": support_type} if support_type else {}
        return int(self.call("POST", "/api/needs", {"summary": summary, **typed, **fields})["id"])

    def ask(self, need_id: int, person_id: int, text: str, channel: str) -> int:
        body = {"need_id": need_id, "person_id": person_id, "text": text, "channel": channel}
        return int(self.call("POST", "/api/asks", body)["ask"]["id"])

    def answer(self, ask_id: int, kind: str, note: str = "", offered: str = "") -> None:
        self.call(
            "POST", f"/api/asks/{ask_id}/answer", {"kind": kind, "note": note, "offered": offered}
        )

    def thank(self, ask_id: int, note: str) -> None:
        self.call("POST", f"/api/asks/{ask_id}/thank", {"note": note})

    def follow_up(self, ask_id: int, note: str) -> None:
        self.call("POST", f"/api/asks/{ask_id}/follow-up", {"note": note})

    def boundary(self, person_id: int, until: date, topic: str, reason: str) -> None:
        body = {"until": until.isoformat(), "topic": topic, "reason": reason}
        self.call("POST", f"/api/people/{person_id}/boundaries", body)

    def gave(self, person_id: int, summary: str) -> None:
        self.call("POST", "/api/help-given", {"person_id": person_id, "summary": summary})

    def journal(self, text: str) -> None:
        self.call("POST", "/api/journal", {"text": text})

    def insights(self) -> dict[str, Any]:
        return dict(self.call("GET", "/api/insights"))


PEOPLE = {
    "Ana Ruiz": {"relationship": "mentor", "topics": ["careers", "python"], "tz": "Europe/Berlin"},
    "Ben Okoro": {"relationship": "colleague", "topics": ["data"], "tz": "Africa/Lagos"},
    "Cleo Park": {"relationship": "friend", "topics": [], "tz": "Asia/Tokyo"},
}


def _backdate(store: Store, ask_id: int, days: int) -> None:
    """Let time pass for one ask (the same in every store): it was sent `days` earlier."""
    with store.session() as s:
        row = s.get(AskRow, ask_id)
        assert row is not None and row.sent_at is not None
        s.execute(
            update(AskRow)
            .where(AskRow.id == ask_id)
            .values(sent_at=row.sent_at - timedelta(days=days))
        )


def scenario(door: Door, store: Store) -> dict[str, Any]:
    """Play the scenario through `door`; return its insights."""
    ids = {
        name: door.person(
            name,
            **fields,
            hours="Mon-Fri 09:00-17:00",
            email=f"{name.split()[0].lower()}@example.org",
        )
        for name, fields in PEOPLE.items()
    }
    ana, ben, cleo = ids.values()
    typed = door.need(
        "Review my CV before Friday",
        "feedback",
        urgency="high",
        topics=["careers"],
        barriers={"burden": 2, "shame": 1},
        expect=40,
    )
    untyped = door.need(EMOTIONAL, None, urgency="medium", topics=[], barriers={}, expect=None)
    yes = door.ask(typed, ana, "Could you look over my CV by Thursday?", "email")
    door.answer(yes, "yes", note="Happy to, send it over")
    door.thank(yes, "Thanked her over coffee")
    no = door.ask(typed, ben, "Would you have time to read my CV this week?", "chat")
    door.answer(no, "no", note="Swamped with the release")
    other = door.ask(untyped, cleo, "Could we talk on the phone this weekend?", "call")
    door.answer(other, "alternative", offered="A walk on Sunday instead")
    quiet = door.ask(untyped, ana, "Would you have half an hour to talk this week?", "chat")
    door.answer(quiet, "no-reply")
    _backdate(store, quiet, 5)
    door.follow_up(quiet, "Checked in once, gently")
    door.boundary(ben, UNTIL, "work", "parental leave")
    door.gave(cleo, "Helped her move flat")
    door.journal("Asking Ana was easier than I feared.")
    return door.insights()


SKIP = {"id", "uid", "owner_id"}


def _is_time(column: Any) -> bool:
    """Return True for a column of times (they differ between runs; only set/unset counts)."""
    return column.name.endswith("_at") or column.name in ("scheduled_for",)


def rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Return every stored row of every table, times reduced to set/unset, in id order."""
    out: dict[str, list[dict[str, Any]]] = {}
    with store.session() as s:
        for table in Base.metadata.sorted_tables:
            if "owner_id" not in table.c:
                continue
            shown = []
            for row in s.execute(select(table).order_by(*table.primary_key.columns)).mappings():
                item = {}
                for column in table.c:
                    value = row[column.name]
                    if column.name in SKIP:
                        continue
                    if isinstance(value, datetime) or (value is None and _is_time(column)):
                        value = "unset" if value is None else "set"
                    item[column.name] = value
                shown.append(item)
            out[table.name] = shown
    return out


def _plain(value: Any) -> Any:
    """Round floats (waits measured in days differ by the milliseconds between the runs)."""
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "now"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def three_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[str]]:
    """Yield three fresh database URLs: SQLite files, or three PostgreSQL databases."""
    if request.param == "sqlite":
        yield [f"sqlite:///{tmp_path / f'{door}.db'}" for door in ("lib", "cli", "api")]
        return
    postgres_or_skip()
    from sqlalchemy import create_engine, make_url, text

    base = make_url(PG_URL)
    names = [f"{base.database}_parity_{door}" for door in ("lib", "cli", "api")]
    engine = create_engine(base, isolation_level="AUTOCOMMIT")

    def drop() -> None:
        with engine.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    drop()
    with engine.connect() as conn:
        for name in names:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield [base.set(database=name).render_as_string(hide_password=False) for name in names]
    drop()
    engine.dispose()


def test_parity_library_cli_and_api_store_the_same_and_say_the_same(
    three_urls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASKWELL_TZ", "UTC")  # the API's insights use this machine's zone
    cli_url = three_urls[1]
    stores = [open_store(url) for url in three_urls]
    try:
        said = {
            "library": scenario(Library(stores[0]), stores[0]),
            "cli": scenario(Cli(cli_url), stores[1]),
            "api": scenario(Api(stores[2]), stores[2]),
        }
        stored = dict(zip(said, map(rows, stores), strict=True))
    finally:
        for st in stores:
            st.close()
    assert stored["library"]["needs"][1]["support_type"] == services.suggest_type(EMOTIONAL)
    assert {a["answer_kind"] for a in stored["library"]["asks"]} == {
        "yes",
        "no",
        "alternative",
        "no-reply",
    }
    assert len(stored["library"]["boundaries"]) == 2 and stored["library"]["thanks"]
    for door in ("cli", "api"):
        for table, expected in stored["library"].items():
            assert stored[door][table] == expected, f"{door}: table {table} differs"
    assert said["library"]["activity"]["total_asks"] == 4
    assert _plain(said["cli"]) == _plain(said["library"])
    assert _plain(said["api"]) == _plain(said["library"])
    assert datetime.now(UTC).date() <= UNTIL
