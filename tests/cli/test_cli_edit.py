"""`askwell edit KIND ID`: every record's typo can be fixed from the command line."""

from __future__ import annotations

from datetime import timedelta

from askwell.cli._common import ExitStatus


def _world(cli) -> None:  # type: ignore[no-untyped-def]
    cli("people", "add", "Sam Lee")
    cli("people", "add", "Kim")
    cli("need", "add", "Typo in my nede", "--type", "advice")
    cli("ask", "1", "--to", "Sam", "--text", "Culd you look?", "--date", "3 days ago")


def test_cli_edit_ask_text_channel_day_answer_and_thanks(cli) -> None:  # type: ignore[no-untyped-def]
    _world(cli)
    fixed = cli(
        "edit",
        "ask",
        "1",
        "--text",
        "Could you look?",
        "--channel",
        "email",
        "--date",
        "4 days ago",
        "--json",
    ).json()
    assert (fixed["text"], fixed["channel"]) == ("Could you look?", "email")
    early = cli("edit", "ask", "1", "--note", "sure", expect=1)
    assert "ask 1 has no answer yet, so there is no note to change" in early.err
    cli("answer", "1", "alternative", "--offered", "Ask Km", "--note", "busy")
    cli("thank", "1", "--note", "Thnks")
    r = cli("edit", "ask", "1", "--offered", "Ask Kim", "--thanks-note", "Thanks!", "--json")
    assert r.json()["answer"]["offered"] == "Ask Kim"
    assert "Updated ask #1." in cli("edit", "ask", "1", "--note", "busy this week").out
    later = cli("edit", "ask", "1", "--date", "tomorrow", expect=1)
    assert "is still to come" in later.err


def test_cli_edit_ask_with_nothing_to_change_says_so(cli) -> None:  # type: ignore[no-untyped-def]
    _world(cli)
    r = cli("edit", "ask", "1", expect=1)
    assert r.err.strip() == "error: nothing to change: give at least one option (see --help)"


def test_cli_edit_journal_text_tags_and_day(cli) -> None:  # type: ignore[no-untyped-def]
    _world(cli)
    entry = cli("journal", "add", "Askd Sam @wrk", "--json").json()
    r = cli("edit", "journal", str(entry["id"]), "Asked Sam @work", "--date", "yesterday")
    assert f"Saved journal entry #{entry['id']}" in r.out
    listed = cli("journal", "list", "--tag", "work").out
    assert "Asked Sam @work" in listed
    assert cli("journal", "edit", str(entry["id"]), "--date", "2 days ago").code == 0


def test_cli_edit_help_given_and_boundary(cli) -> None:  # type: ignore[no-untyped-def]
    _world(cli)
    given = cli("gave", "Sam", "Lnt a ladder", "--json").json()
    r = cli(
        "edit", "help", str(given["id"]), "--summary", "Lent a ladder", "--person", "Kim", "--json"
    ).json()
    assert (r["summary"], r["person_id"]) == ("Lent a ladder", 2)
    cli("people", "boundary", "Sam", "--until", "2099-01-01", "--topic", "mony")
    shown = cli("people", "show", "Sam").out
    assert "boundary #1:" in shown and "askwell edit boundary 1" in shown
    b = cli("edit", "boundary", "1", "--topic", "money", "--until", "2099-02-01", "--json").json()
    assert (b["topic"], b["until"]) == ("money", "2099-02-01")
    past = cli("edit", "boundary", "1", "--until", "2000-01-01", expect=1)
    assert "has passed" in past.err


def test_cli_edit_person_and_need_are_the_same_commands(cli) -> None:  # type: ignore[no-untyped-def]
    _world(cli)
    p = cli("edit", "person", "Sam", "--name", "Sam Leigh", "--json").json()
    assert p["name"] == "Sam Leigh"
    n = cli(
        "edit", "need", "1", "--summary", "Typo in my need", "--size", "two slides", "--json"
    ).json()
    assert (n["summary"], n["size"]) == ("Typo in my need", "two slides")


def test_cli_edit_ask_answer_recorded_by_mistake(cli) -> None:  # type: ignore[no-untyped-def]
    _world(cli)
    cli("answer", "1", "no")
    assert "boundary #1" in cli("people", "show", "Sam").out
    fixed = cli("edit", "ask", "1", "--answer", "yes", "--json").json()
    assert fixed["answer"]["kind"] == "yes"
    assert "boundary" not in cli("people", "show", "Sam").out
    bad = cli("edit", "ask", "1", "--answer", "maybe", expect=1)
    assert "unknown answer 'maybe'; choose one of" in bad.err


def test_cli_edit_need_barriers_replace_the_old_ones(cli) -> None:  # type: ignore[no-untyped-def]
    cli("need", "add", "Review my CV", "--type", "feedback", "--barrier", "burden=3")
    n = cli("edit", "need", "1", "--barrier", "burden=1", "--barrier", "shame=2", "--json").json()
    assert n["barriers"] == {"burden": 1, "shame": 2}
    bad = cli("need", "edit", "1", "--barrier", "burden=9", expect=1)
    assert "intensity from 0 to 3" in bad.err


def test_cli_edit_ask_answer_day_and_follow_up_note(cli) -> None:  # type: ignore[no-untyped-def]
    _world(cli)
    cli("answer", "1", "no-reply")
    cli("followup", "1", "--note", "Any nws?")
    fixed = cli("edit", "ask", "1", "--followup-note", "Any news?", "--answered-date",
                "2 days ago", "--json").json()  # fmt: skip
    assert fixed["answer"]["kind"] == "no-reply"
    assert "Followed up once with Sam Lee: Any news?" in cli("journal", "list").out
    early = cli("edit", "ask", "1", "--answered-date", "5 days ago", expect=1)
    assert "its answer must be dated that day or later" in early.err


def test_cli_journal_list_names_the_id_each_line_is_fixed_by(cli) -> None:  # type: ignore[no-untyped-def]
    _world(cli)
    entry = cli("journal", "add", "Askd Sam @wrk", "--json").json()
    out = cli("journal", "list").out
    assert f"Askd Sam @wrk  journal #{entry['id']}" in out
    assert "Asked Sam Lee about “Typo in my nede” (chat)  ask #1" in out
    assert "Need: Typo in my nede  need #1" in out
    assert "askwell edit journal|ask|need|help ID" in out
    cli("gave", "Sam", "Lent a ladder")
    assert "Helped Sam Lee: Lent a ladder  help #1" in cli("journal", "list").out


def test_cli_edit_an_unknown_kind_lists_the_kinds(cli) -> None:  # type: ignore[no-untyped-def]
    """A kind that does not exist is a usage mistake: one line naming the kinds, exit 2."""
    r = cli("edit", "cat", "1", expect=ExitStatus.USAGE)
    assert r.err == (
        "error: unknown kind of record 'cat'; choose one of: "
        "person, need, ask, journal, help, boundary\n"
    )
    assert r.out == ""
    assert cli("edit", "cat", expect=ExitStatus.USAGE).err == r.err
    assert cli("edit", "cat", "1", "--help", expect=ExitStatus.USAGE).err == r.err
    assert cli("delete", "cat", "1", expect=ExitStatus.USAGE).err == r.err  # as delete says it
    _world(cli)
    fixed = cli("edit", "Need", "1", "--summary", "Typo in my need", "--json").json()
    assert fixed["summary"] == "Typo in my need"


def _day(stamp: str) -> str:
    from datetime import datetime

    from askwell.services.dates import local_day

    return f"{local_day(datetime.fromisoformat(stamp))}"


def _ago(days: int) -> str:
    from askwell.services.dates import local_today

    return f"{local_today() - timedelta(days=days)}"


def test_cli_thank_and_follow_up_days_recorded_then_fixed(cli) -> None:  # type: ignore[no-untyped-def]
    _world(cli)  # ask 1 to Sam, sent 3 days ago
    cli("answer", "1", "yes", "--date", "2 days ago")
    early = cli("thank", "1", "--date", "3 days ago", expect=1)
    assert "its thank-you must be dated that day or later" in early.err
    thanked = cli("thank", "1", "--date", "yesterday", "--json").json()
    assert _day(thanked["thanked_at"]) == _ago(1)
    moved = cli("edit", "ask", "1", "--thanked-date", "2 days ago", "--json").json()
    assert _day(moved["thanked_at"]) == _ago(2)
    before = cli("edit", "ask", "1", "--thanked-date", "3 days ago", expect=1)
    assert "was answered on" in before.err and "its thank-you must be dated" in before.err
    later = cli("edit", "ask", "1", "--thanked-date", "tomorrow", expect=1)
    assert "is still to come" in later.err
    cli("ask", "1", "--to", "Kim", "--date", "6 days ago")
    followed = cli("followup", "2", "--date", "yesterday", "--json").json()
    assert _day(followed["followed_up_at"]) == _ago(1)
    fixed = cli("edit", "ask", "2", "--followup-date", "2026-01-01", expect=1)
    assert "its follow-up must be dated that day or later" in fixed.err
    moved = cli("edit", "ask", "2", "--followup-date", "3 days ago", "--json").json()
    assert _day(moved["followed_up_at"]) == _ago(3)
    bad = cli("edit", "ask", "2", "--followup-date", "blurgh", expect=1)
    assert "blurgh" in bad.err
