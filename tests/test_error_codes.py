"""Every error code in the catalogue is reached through a front door (the CLI or the JSON API).

Each code has a trigger below: a real command or request on a real store. The API trigger reads
the code from the error body; the CLI trigger reads it where the CLI words the error (its one
error boundary). A code added to the catalogue without a trigger here fails the first test.
"""

from __future__ import annotations

import errno
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from askwell import services
from askwell.core.messages import MESSAGES
from askwell.core.model import Need, Person, parse_hours
from askwell.storage.store import Store, open_store
from askwell.storage.tables import AskRow


@dataclass
class World:
    """A store with three people and a need, reachable through the CLI and the API."""

    store: Store
    run_cli: Callable[..., Any]
    client: Any
    monkeypatch: pytest.MonkeyPatch
    ana: int
    ben: int
    need: int

    def api(self, method: str, path: str, body: dict[str, Any] | None = None) -> str:
        """Send a request that must fail; return the catalogue code of its error.

        A person's mistake is a 4xx; a store that cannot take the change is a 503 or 507.
        """
        r = self.client.request(method, path, json=body)
        assert 400 <= r.status_code < 500 or r.status_code in (503, 507), r.text
        return str(r.json().get("code"))

    def cli(self, *args: str) -> str:
        """Run a command that must fail; return the code the CLI's error boundary worded."""
        import askwell.cli._words as words

        seen: list[str] = []
        real = words.word

        def spy(exc: BaseException) -> str:
            seen.append(str(getattr(exc, "code", "")))
            return real(exc)

        self.monkeypatch.setattr(words, "word", spy)
        self.run_cli(*args, expect=1)
        self.monkeypatch.setattr(words, "word", real)
        return seen[-1] if seen else ""

    def ask(self, person: int | None = None, **kw: Any) -> int:
        """Record a sent ask (or a draft) about the need; return its id."""
        made = services.create_ask(self.store, self.need, person or self.ana, "Could you?", **kw)
        return made.ask.id or 0

    def sent_days_ago(self, ask_id: int, days: int) -> None:
        """Move an ask's sending back `days` days."""
        when = datetime.now(UTC) - timedelta(days=days)
        with self.store.session() as s:
            s.execute(update(AskRow).where(AskRow.id == ask_id).values(sent_at=when))


@pytest.fixture
def world(db_url: str, cli: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """Open a store with Ana, Ben and Bea and one need; an API client and the CLI on it."""
    from fastapi.testclient import TestClient

    from askwell.web import WebSettings, create_app

    store = open_store(db_url)
    office = parse_hours("Mon-Fri 09:00-17:00")
    ids = [
        services.add_person(store, Person(name=n, tz="Europe/Berlin", hours=office)).id or 0
        for n in ("Ana Ruiz", "Ben Okoro", "Bea Okafor")
    ]
    need = services.add_need(store, Need("Review my CV before Friday", support_type="feedback"))
    settings = WebSettings(token="codes-token", port=8765)
    client = TestClient(
        create_app(settings, store=store),
        base_url="http://127.0.0.1:8765",
        cookies={"askwell_token": "codes-token"},
        headers={"X-CSRF-Token": settings.csrf_token},
    )
    yield World(store, cli, client, monkeypatch, ids[0], ids[1], need.id or 0)
    store.close()


def _answered(w: World, kind: str = "yes", **kw: Any) -> int:
    ask = w.ask()
    services.record_answer(w.store, ask, kind, **kw)
    return ask


def _thanked(w: World) -> int:
    ask = _answered(w)
    services.thank(w.store, ask)
    return ask


def _restore_missing(w: World) -> str:
    ask = w.ask()
    trashed = w.run_cli("delete", "ask", str(ask), "--json").json()
    w.run_cli("delete", "need", str(w.need))
    return w.cli("undo", str(trashed["id"]))


def _followed_twice(w: World) -> str:
    return w.api("POST", f"/api/asks/{_followed(w)}/follow-up", {"note": ""})


def _followed(w: World) -> int:
    ask = w.ask()
    w.sent_days_ago(ask, 5)
    services.follow_up(w.store, ask)
    return ask


def _bad_followup_days(w: World) -> str:
    w.monkeypatch.setenv("ASKWELL_FOLLOWUP_DAYS", "soon")
    return w.api("GET", "/api/due")


def _few_slots(w: World) -> str:
    soon = datetime.now(UTC).date() + timedelta(days=1)
    need = services.add_need(
        w.store, Need("Sign-off by tomorrow", support_type="task", deadline=soon)
    )
    w.run_cli("people", "edit", "Ana", "--hours", "Mon 09:00-09:30")
    return w.cli("ask", str(need.id), "--to", "Ana", "--at", "20")


def _driver_says(text: str) -> Callable[[World], str]:
    """Return a trigger: the database driver fails with `text` while the API writes."""

    def trigger(w: World) -> str:
        import sqlite3

        from sqlalchemy.exc import OperationalError

        def failing(*_args: Any, **_kwargs: Any) -> Any:
            raise OperationalError("INSERT", {}, sqlite3.OperationalError(text))

        w.monkeypatch.setattr("askwell.web.api_journal.services.add_entry", failing)
        return w.api("POST", "/api/journal", {"text": "felt nervous"})

    return trigger


def _disk_says(number: int) -> Callable[[World], str]:
    """Return a trigger: the operating system fails with errno `number` while the API writes."""

    def trigger(w: World) -> str:
        def failing(*_args: Any, **_kwargs: Any) -> Any:
            raise OSError(number, "simulated")

        w.monkeypatch.setattr("askwell.web.api_journal.services.add_entry", failing)
        return w.api("POST", "/api/journal", {"text": "felt nervous"})

    return trigger


def _store_newer(w: World) -> str:
    from sqlalchemy import text

    with w.store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    return w.cli("people", "list")


def _store_open_failed(w: World) -> str:
    junk = Path(tempfile.mkdtemp()) / "not-a-database.db"
    junk.write_bytes(b"this is not a database file at all, just some words" * 100)
    return w.cli("--db", f"sqlite:///{junk}", "people", "list")


def _answer_moved(w: World, days: int) -> str:
    ago = datetime.now(UTC) - timedelta(days=3)
    ask = w.ask(now=ago)
    services.record_answer(w.store, ask, "yes", now=ago)
    services.thank(w.store, ask, now=ago + timedelta(hours=1))
    day = (datetime.now(UTC) - timedelta(days=days)).date().isoformat()
    return w.api("PATCH", f"/api/asks/{ask}", {"answered_at": day})


TRIGGERS: dict[str, Callable[[World], str]] = {
    "far_date": lambda w: w.cli("people", "boundary", "Ana", "--until", "9000-01-01"),
    "too_early": lambda w: w.cli("journal", "add", "Went well", "--date", "1899-12-31"),
    "no_followup_yet": lambda w: w.api("PATCH", f"/api/asks/{w.ask()}", {"followup_note": "x"}),
    "answer_before_ask": lambda w: _answer_moved(w, 10),
    "answer_after_thanks": lambda w: _answer_moved(w, 1),
    "store_busy": _driver_says("database is locked"),
    "store_full": _driver_says("database or disk is full"),
    "store_read_only": _driver_says("attempt to write a readonly database"),
    "store_damaged": _driver_says("database disk image is malformed"),
    "store_cannot_open": _driver_says("unable to open database file"),
    "store_io": _driver_says("disk I/O error"),
    "store_range": _driver_says("Python int too large to convert to SQLite INTEGER"),
    "store_nul": _driver_says("A string literal cannot contain NUL (0x00) characters."),
    "disk_full": _disk_says(errno.ENOSPC),
    "place_read_only": _disk_says(errno.EROFS),
    "quota_full": _disk_says(errno.EDQUOT),
    "store_newer": _store_newer,
    "store_open_failed": _store_open_failed,
    "empty": lambda w: w.cli("check", ""),
    "too_long": lambda w: w.cli("people", "add", "x" * 300),
    "bad_character": lambda w: w.cli("journal", "add", "hello\x07there"),
    "unknown_choice": lambda w: w.cli("need", "add", "Review my talk", "--urgency", "asap"),
    "bad_tz": lambda w: w.api("POST", "/api/people", {"name": "Zed", "tz": "Mars/Olympus"}),
    "bad_email": lambda w: w.api("POST", "/api/people", {"name": "Zed", "email": "nope"}),
    "bad_percent": lambda w: w.cli("need", "add", "Review my talk", "--expect", "101"),
    "bad_intensity": lambda w: w.cli("need", "add", "Review my talk", "--barrier", "burden=7"),
    "too_many": lambda w: w.cli(
        "need", "add", "Review my talk", "--topics", ", ".join(f"t{i}" for i in range(41))
    ),
    "bad_day": lambda w: w.cli("people", "add", "Zed", "--hours", "Moo 09:00-17:00"),
    "no_days": lambda w: w.cli("people", "add", "Zed", "--hours", ", 09:00-17:00"),
    "bad_time": lambda w: w.cli("people", "add", "Zed", "--hours", "Mon 25:00-26:00"),
    "bad_hours": lambda w: w.cli("people", "add", "Zed", "--hours", "whenever"),
    "hours_order": lambda w: w.cli("people", "add", "Zed", "--hours", "Mon 09:00-09:00"),
    "bad_cooldown": lambda w: w.cli("answer", str(w.ask()), "no", "--cooldown", "0"),
    "past_date": lambda w: w.api(
        "POST", f"/api/people/{w.ana}/boundaries", {"until": "2020-01-01"}
    ),
    "bad_date": lambda w: w.cli("journal", "add", "Went well", "--date", "blurgh"),
    "future_date": lambda w: w.cli("gave", "Ana", "Moved a sofa", "--date", "2099-01-01"),
    "bad_followup_days": _bad_followup_days,
    "search_too_long": lambda w: w.cli("journal", "list", "--search", "x" * 500),
    "nothing_to_change": lambda w: w.cli("people", "edit", "Ana"),
    "not_found": lambda w: w.api("GET", "/api/people/999"),
    "no_such_person": lambda w: w.cli("ask", str(w.need), "--to", "Zoe"),
    "ambiguous_person": lambda w: w.cli("ask", str(w.need), "--to", "B"),
    "duplicate_person": lambda w: w.api("POST", "/api/people", {"name": "Ana Ruiz"}),
    "trash_empty": lambda w: w.api("POST", "/api/trash/undo"),
    "restore_missing": _restore_missing,
    "merge_same": lambda w: w.cli("people", "merge", "Ana", "Ana"),
    "cooldown": lambda w: (
        _answered(w, "no"),
        w.api("POST", "/api/asks", {"need_id": w.need, "person_id": w.ana}),
    )[1],
    "boundary": lambda w: (
        services.add_boundary(
            w.store, w.ben, datetime.now(UTC).date() + timedelta(days=9), reason="leave"
        ),
        w.api("POST", "/api/asks", {"need_id": w.need, "person_id": w.ben}),
    )[1],
    "already_sent": lambda w: w.api("POST", f"/api/asks/{w.ask()}/send"),
    "answer_draft": lambda w: w.api(
        "POST", f"/api/asks/{w.ask(draft=True)}/answer", {"kind": "yes"}
    ),
    "already_answered": lambda w: w.api("POST", f"/api/asks/{_answered(w)}/answer", {"kind": "no"}),
    "answer_final": lambda w: w.api("POST", f"/api/asks/{_thanked(w)}/answer", {"kind": "no"}),
    "offer_missing": lambda w: w.api(
        "POST", f"/api/asks/{w.ask()}/answer", {"kind": "alternative"}
    ),
    "already_thanked": lambda w: w.api("POST", f"/api/asks/{_thanked(w)}/thank", {"note": ""}),
    "thanks_before_answer": lambda w: w.api("POST", f"/api/asks/{w.ask()}/thank", {"note": ""}),
    "thanks_no_reply": lambda w: w.api(
        "POST", f"/api/asks/{_answered(w, 'no-reply')}/thank", {"note": ""}
    ),
    "already_followed_up": _followed_twice,
    "follow_up_answered": lambda w: w.api(
        "POST", f"/api/asks/{_answered(w)}/follow-up", {"note": ""}
    ),
    "follow_up_soon": lambda w: w.api("POST", f"/api/asks/{w.ask()}/follow-up", {"note": ""}),
    "already_closed": lambda w: (
        services.close_ask(w.store, ask := w.ask()),
        w.api("POST", f"/api/asks/{ask}/close"),
    )[1],
    "close_draft": lambda w: w.api("POST", f"/api/asks/{w.ask(draft=True)}/close"),
    "draft_has_no_date": lambda w: w.cli(
        "edit", "ask", str(w.ask(draft=True)), "--date", "yesterday"
    ),
    "no_answer_yet": lambda w: w.api("PATCH", f"/api/asks/{w.ask()}", {"note": "They said yes"}),
    "thanked_no_reply": lambda w: w.api(
        "PATCH", f"/api/asks/{_thanked(w)}", {"answer": "no-reply"}
    ),
    "no_thanks_yet": lambda w: w.api("PATCH", f"/api/asks/{_answered(w)}", {"thanks_note": "x"}),
    "thanks_before_answered": lambda w: w.cli("thank", str(_answered(w)), "--date", "yesterday"),
    "followup_before_ask": lambda w: w.cli(
        "edit", "ask", str(_followed(w)), "--followup-date", "2026-01-01"
    ),
    "ask_after_answer": lambda w: w.api(
        "PATCH",
        f"/api/asks/{_answered(w, now=datetime.now(UTC) - timedelta(days=3))}",
        {"sent_at": (datetime.now(UTC).date() - timedelta(days=1)).isoformat()},
    ),
    "slot_count": lambda w: w.cli("when", "Ana", "--count", "0"),
    "slot_number": lambda w: w.cli("ask", str(w.need), "--to", "Ana", "--at", "99"),
    "few_slots": _few_slots,
    "bad_moment": lambda w: w.cli("ask", str(w.need), "--to", "Ana", "--at", "someday"),
    "time_skipped": lambda w: w.cli("ask", str(w.need), "--to", "Ana", "--at", "2027-03-28T02:30"),
    "time_repeated": lambda w: w.cli("ask", str(w.need), "--to", "Ana", "--at", "2027-10-31T02:30"),
    "time_past": lambda w: w.cli("ask", str(w.need), "--to", "Ana", "--at", "2020-01-06T10:00"),
}


def test_error_codes_every_catalogue_code_has_a_front_door_trigger() -> None:
    assert sorted(set(MESSAGES) - set(TRIGGERS)) == []
    assert sorted(set(TRIGGERS) - set(MESSAGES)) == []


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_error_codes_reach_a_person_through_a_front_door(world: World, code: str) -> None:
    assert TRIGGERS[code](world) == code


def _day(days_ago: int) -> str:
    return (datetime.now(UTC).date() - timedelta(days=days_ago)).isoformat()


def _dated_pair(w: World, door: str, action: str, day: str) -> str:
    """Thank or follow up an ask sent 6 days ago (answered 3 days ago for a thank-you)."""
    now = datetime.now(UTC)
    ask = w.ask(now=now - timedelta(days=6))
    if action == "thank":
        services.record_answer(w.store, ask, "yes", now=now - timedelta(days=3))
    if door == "cli":
        return w.cli("thank" if action == "thank" else "followup", str(ask), "--date", day)
    field = "thanked_at" if action == "thank" else "followed_up_at"
    return w.api("POST", f"/api/asks/{ask}/{action}", {field: day})


@pytest.mark.parametrize(
    ("action", "day", "code"),
    [
        ("thank", _day(5), "thanks_before_answered"),
        ("thank", _day(-2), "future_date"),
        ("thank", "1899-12-31", "too_early"),
        ("thank", "blurgh", "bad_date"),
        ("follow-up", _day(8), "followup_before_ask"),
        ("follow-up", _day(5), "follow_up_soon"),
        ("follow-up", _day(-2), "future_date"),
        ("follow-up", "2026-13-45", "bad_date"),
    ],
)
def test_error_codes_a_dated_thank_you_or_follow_up_is_refused_alike_by_cli_and_api(
    world: World, action: str, day: str, code: str
) -> None:
    world.monkeypatch.setenv("ASKWELL_TZ", "UTC")
    assert _dated_pair(world, "cli", action, day) == code
    assert _dated_pair(world, "api", action, day) == code


@pytest.mark.parametrize("action", ["thank", "follow-up"])
def test_error_codes_a_dated_thank_you_or_follow_up_lands_alike_from_cli_and_api(
    world: World, action: str
) -> None:
    world.monkeypatch.setenv("ASKWELL_TZ", "UTC")
    stamps = []
    for door in ("cli", "api"):
        now = datetime.now(UTC)
        ask = world.ask(person=world.ben if door == "api" else None, now=now - timedelta(days=6))
        if action == "thank":
            services.record_answer(world.store, ask, "yes", now=now - timedelta(days=3))
            field, command = "thanked_at", "thank"
        else:
            field, command = "followed_up_at", "followup"
        if door == "cli":
            world.run_cli(command, str(ask), "--date", _day(2))
        else:
            r = world.client.post(f"/api/asks/{ask}/{action}", json={field: _day(2)})
            assert r.status_code == 200, r.text
        stamps.append(getattr(services.get_ask(world.store, ask), field))
    assert stamps[0] == stamps[1] == datetime.fromisoformat(f"{_day(2)}T12:00+00:00")


def _dated_answer_or_ask(w: World, door: str, action: str, day: str) -> str:
    """Answer an ask sent 6 days ago, or make a new ask, dated `day`."""
    if action == "answer":
        ask = w.ask(now=datetime.now(UTC) - timedelta(days=6))
        if door == "cli":
            return w.cli("answer", str(ask), "yes", "--date", day)
        return w.api("POST", f"/api/asks/{ask}/answer", {"kind": "yes", "answered_at": day})
    if door == "cli":
        return w.cli("ask", str(w.need), "--to", str(w.ana), "--text", "Could you?", "--date", day)
    body = {"need_id": w.need, "person_id": w.ana, "text": "Could you?", "asked_at": day}
    return w.api("POST", "/api/asks", body)


@pytest.mark.parametrize(
    ("action", "day", "code"),
    [
        ("answer", _day(8), "answer_before_ask"),
        ("answer", _day(-2), "future_date"),
        ("answer", "1899-12-31", "too_early"),
        ("answer", "blurgh", "bad_date"),
        ("ask", _day(-2), "future_date"),
        ("ask", "1899-12-31", "too_early"),
        ("ask", "2026-13-45", "bad_date"),
    ],
)
def test_error_codes_a_dated_answer_or_ask_is_refused_alike_by_cli_and_api(
    world: World, action: str, day: str, code: str
) -> None:
    world.monkeypatch.setenv("ASKWELL_TZ", "UTC")
    assert _dated_answer_or_ask(world, "cli", action, day) == code
    assert _dated_answer_or_ask(world, "api", action, day) == code


def test_error_codes_a_dated_no_lands_alike_from_cli_and_api(world: World) -> None:
    world.monkeypatch.setenv("ASKWELL_TZ", "UTC")
    seen = []
    for door, person in (("cli", world.ana), ("api", world.ben)):
        ask = world.ask(person=person, now=datetime.now(UTC) - timedelta(days=6))
        if door == "cli":
            world.run_cli("answer", str(ask), "no", "--note", "Busy", "--date", _day(2))
        else:
            body = {"kind": "no", "note": "Busy", "answered_at": _day(2)}
            r = world.client.post(f"/api/asks/{ask}/answer", json=body)
            assert r.status_code == 200, r.text
        answer = services.get_ask(world.store, ask).answer
        assert answer is not None
        cooldown = next(b for b in services.list_boundaries(world.store) if b.person_id == person)
        seen.append((answer.at, answer.note, cooldown.until, cooldown.reason))
    noon = datetime.fromisoformat(f"{_day(2)}T12:00+00:00")
    assert seen[0] == seen[1] and seen[0][:2] == (noon, "Busy")
    assert seen[0][2] == (noon + timedelta(days=30)).date()


@pytest.mark.parametrize("draft", [False, True])
def test_error_codes_a_dated_ask_lands_alike_from_cli_and_api(world: World, draft: bool) -> None:
    world.monkeypatch.setenv("ASKWELL_TZ", "UTC")
    seen = []
    for door, person in (("cli", world.ana), ("api", world.ben)):
        if door == "cli":
            extra = ["--draft"] if draft else []
            args = ["ask", str(world.need), "--to", str(person), "--text", "Could you?"]
            world.run_cli(*args, *extra, "--date", _day(3))
        else:
            body = {"need_id": world.need, "person_id": person, "text": "Could you?"}
            r = world.client.post("/api/asks", json={**body, "draft": draft, "asked_at": _day(3)})
            assert r.status_code == 201, r.text
        made = services.list_asks(world.store, person_id=person)[-1]
        seen.append((made.created_at, made.sent_at, made.status))
    noon = datetime.fromisoformat(f"{_day(3)}T12:00+00:00")
    assert seen[0] == seen[1] == (noon, None if draft else noon, "draft" if draft else "sent")


def _dated_record(w: World, door: str, kind: str, day: str) -> str:
    """Write a reflection about Ana, or note help given to her, dated `day`."""
    if kind == "journal":
        if door == "cli":
            return w.cli("journal", "add", "Asked Ana", "--person", str(w.ana), "--date", day)
        body = {"text": "Asked Ana", "person_id": w.ana, "created_at": day}
        return w.api("POST", "/api/journal", body)
    if door == "cli":
        return w.cli("gave", str(w.ana), "Lent a ladder", "--date", day)
    return w.api(
        "POST",
        "/api/help-given",
        {"person_id": w.ana, "summary": "Lent a ladder", "created_at": day},
    )


@pytest.mark.parametrize("kind", ["journal", "help"])
@pytest.mark.parametrize(
    ("day", "code"),
    [(_day(-2), "future_date"), ("1899-12-31", "too_early"), ("2026-13-45", "bad_date")],
)
def test_error_codes_a_dated_reflection_or_help_is_refused_alike_by_cli_and_api(
    world: World, kind: str, day: str, code: str
) -> None:
    world.monkeypatch.setenv("ASKWELL_TZ", "UTC")
    assert _dated_record(world, "cli", kind, day) == code
    assert _dated_record(world, "api", kind, day) == code
    assert services.list_entries(world.store) == []
    assert services.load_history(world.store).help_given == []


def test_error_codes_a_dated_reflection_or_help_lands_alike_from_cli_and_api(
    world: World,
) -> None:
    world.monkeypatch.setenv("ASKWELL_TZ", "UTC")
    noon = datetime.fromisoformat(f"{_day(4)}T12:00+00:00")
    world.run_cli("journal", "add", "Asked Ana", "--person", str(world.ana), "--date", _day(4))
    world.run_cli("gave", str(world.ana), "Lent a ladder", "--date", _day(4))
    body = {"text": "Asked Ana", "person_id": world.ana, "created_at": _day(4)}
    assert world.client.post("/api/journal", json=body).status_code == 201
    body = {"person_id": world.ana, "summary": "Lent a ladder", "created_at": _day(4)}
    assert world.client.post("/api/help-given", json=body).status_code == 201
    entries = [(e.text, e.person_id, e.created_at) for e in services.list_entries(world.store)]
    assert entries == [("Asked Ana", world.ana, noon)] * 2
    given = services.load_history(world.store).help_given
    assert [(g.summary, g.person_id, g.created_at) for g in given] == [
        ("Lent a ladder", world.ana, noon)
    ] * 2
