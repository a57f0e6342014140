"""`askwell config`, `ask --at/--ics`, `invite`, `close --ics` and `calendar --out`."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from ical_check import accepted_everywhere


def _setup(cli) -> None:  # type: ignore[no-untyped-def]
    assert (
        cli("people", "add", "Dee Park", "--tz", "America/New_York", "--email", "dee@ex.org").code
        == 0
    )
    assert cli("need", "add", "Review my CV", "--type", "feedback").code == 0


def test_cli_calendar_clock_change_and_past_times_are_refused_with_choices(cli) -> None:  # type: ignore[no-untyped-def]
    _setup(cli)
    skipped = cli("ask", "1", "--to", "1", "--at", "2099-03-08T02:30", expect=1)
    assert skipped.code == 1
    assert "does not exist in America/New_York" in skipped.err and "01:45 and 03:00" in skipped.err
    twice = cli("ask", "1", "--to", "1", "--at", "2099-11-01T01:30", expect=1)
    assert twice.code == 1 and "--fold 0" in twice.err and "--fold 1" in twice.err
    past = cli("ask", "1", "--to", "1", "--at", "2020-01-01T10:00", expect=1)
    assert past.code == 1 and "--allow-past" in past.err
    assert cli("ask", "1", "--to", "1", "--at", "2099-11-01T01:30", "--fold", "1").code == 0
    assert cli("ask", "1", "--to", "1", "--at", "2020-01-01T10:00", "--allow-past").code == 0
    assert "Traceback" not in skipped.err + twice.err + past.err


def test_cli_calendar_invitation_moves_and_cancels_as_one_event(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _setup(cli)
    shown = cli("config", "--name", "Sam Me", "--email", "sam@example.net", "--json").json()
    assert shown == {"name": "Sam Me", "email": "sam@example.net"}
    files = [tmp_path / f"{n}.ics" for n in ("sent", "moved", "cancel")]
    assert (
        cli("ask", "1", "--to", "1", "--at", "2099-03-10T10:00", "--ics", str(files[0])).code == 0
    )
    moved = cli("invite", "1", "--at", "2099-03-12T15:00", "--ics", str(files[1]))
    assert moved.code == 0, moved.err
    closed = cli("close", "1", "--ics", str(files[2]))
    assert closed.code == 0, closed.err
    events = [accepted_everywhere(f.read_bytes())[0] for f in files]
    assert [(e["method"], e["sequence"]) for e in events] == [
        ("REQUEST", 0),
        ("REQUEST", 1),
        ("CANCEL", 2),
    ]
    assert len({e["uid"] for e in events}) == 1
    assert events[1]["start"].isoformat() == "2099-03-12T19:00:00+00:00"
    assert events[2]["start"] == events[1]["start"]


def test_cli_calendar_out_lists_what_due_lists(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _setup(cli)
    sent = cli("ask", "1", "--to", "1", "--text", "Could you look?", "--date", "3 days ago")
    assert sent.code == 0
    assert cli("answer", "1", "no-reply").code == 0
    soon = f"{date.today() + timedelta(days=10)}T10:00"
    assert cli("ask", "1", "--to", "1", "--draft", "--at", soon).code == 0
    due = cli("due", "--json").json()
    out = tmp_path / "reminders.ics"
    r = cli("calendar", "--out", str(out))
    assert r.code == 0, r.err
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    summaries = [str(e["summary"]) for e in events]
    assert len(due) == 1 and due[0]["action"] == "follow-up"
    assert summaries == ["Gentle follow-up: Dee Park (Review my CV)", "Ask Dee Park: Review my CV"]
    accepted_everywhere(out.read_bytes())
