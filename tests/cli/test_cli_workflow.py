"""The whole ask in the CLI, from a need to a thank-you, and its error messages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest


def _setup(cli) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    person = cli(
        "people", "add", "Ana Lima", "--relationship", "mentor", "--topics", "career, python",
        "--supports", "advice,feedback", "--tz", "Europe/Lisbon", "--hours",
        "Mon-Fri 09:00-17:00", "--email", "ana@example.org", "--json",
    )  # fmt: skip
    assert person.code == 0, person.err
    need = cli(
        "need", "add", "Career advice on moving into data engineering", "--type", "advice",
        "--urgency", "low", "--deadline", "2026-12-20", "--barrier", "burden=2",
        "--barrier", "shame", "--expect", "40", "--json",
    )  # fmt: skip
    assert need.code == 0, need.err
    return person.json()["id"], need.json()["id"]


def test_cli_workflow_need_to_thank_you(cli) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    need = cli("need", "show", str(nid), "--json").json()
    assert need["barriers"] == {"burden": 2, "shame": 1} and need["expect"] == 40
    assert need["deadline"] == "2026-12-20"
    ask = cli(
        "ask", str(nid), "--to", str(pid), "--text", "Could we talk for 20 minutes?", "--json"
    )
    assert ask.code == 0, ask.err
    aid = ask.json()["id"]
    assert ask.json()["status"] == "sent"
    answered = cli("answer", str(aid), "yes", "--note", "Thursday works", "--json")
    assert answered.json()["answer"]["kind"] == "yes"
    due = cli("due", "--json").json()
    assert [(d["ask_id"], d["action"]) for d in due] == [(aid, "thank")]
    thanked = cli("thank", str(aid), "--note", "Sent a card", "--json")
    assert thanked.json()["status"] == "thanked"
    assert cli("due", "--json").json() == []
    closed = cli("close", str(aid), "--json")
    assert closed.json()["status"] == "closed"
    shown = cli("need", "show", str(nid))
    assert f"ask #{aid} to Ana Lima: closed (yes)" in shown.out


def test_cli_no_sets_cooldown_and_refuses_repeat_ask(cli) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    aid = cli("ask", str(nid), "--to", str(pid), "--json").json()["id"]
    no = cli("answer", str(aid), "no", "--cooldown", "10", "--json")
    until = (datetime.now(UTC).date() + timedelta(days=10)).isoformat()
    assert no.json()["boundary"]["until"] == until
    again = cli("ask", str(nid), "--to", str(pid), expect=1)
    assert again.code == 1
    assert f"not suggest asking again before {until}" in again.err
    assert "Traceback" not in again.err
    forced = cli("ask", str(nid), "--to", str(pid), "--override", "--json")
    assert forced.code == 0
    assert forced.json()["overridden"] is True
    assert "overridden" in forced.err


def test_cli_alternative_answer_spawns_new_ask(cli) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    other = cli("people", "add", "Bo", "--json").json()["id"]
    aid = cli("ask", str(nid), "--to", str(pid), "--json").json()["id"]
    alt = cli("answer", str(aid), "alternative", "--offered", "ask Bo, he knows more", "--json")
    assert alt.json()["answer"]["offered"] == "ask Bo, he knows more"
    child = cli("ask", str(nid), "--to", str(other), "--from", str(aid), "--json").json()
    assert child["parent_id"] == aid


def test_cli_draft_then_send(cli) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    draft = cli("ask", str(nid), "--to", str(pid), "--draft", "--json").json()
    assert draft["status"] == "draft" and draft["sent_at"] is None
    early = cli("answer", str(draft["id"]), "yes", expect=1)
    assert early.code == 1 and "still a draft" in early.err
    sent = cli("send", str(draft["id"]), "--json").json()
    assert sent["status"] == "sent"


def test_cli_followup_once_for_no_reply(cli) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    aid = cli("ask", str(nid), "--to", str(pid), "--date", "3 days ago", "--json").json()["id"]
    fresh = cli("ask", str(nid), "--to", str(pid), "--override", "--json").json()["id"]
    cli("answer", str(fresh), "no-reply")
    too_soon = cli("followup", str(fresh), expect=1)
    assert too_soon.code == 1 and "give it a little more time" in too_soon.err
    cli("answer", str(aid), "no-reply")
    assert [d["action"] for d in cli("due", "--json").json()] == ["follow-up"]
    ok = cli("followup", str(aid), "--note", "Just checking in, no pressure", "--json")
    assert ok.code == 0 and ok.json()["followed_up_at"]
    twice = cli("followup", str(aid), expect=1)
    assert twice.code == 1 and "one is enough" in twice.err
    assert cli("due", "--json").json() == []
    notes = cli("journal", "list", "--json").json()
    assert notes[0]["kind"] == "follow-up"
    assert notes[0]["text"] == "Followed up once with Ana Lima: Just checking in, no pressure"


def test_cli_text_file_and_stdin(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    f = tmp_path / "ask.txt"
    f.write_text("Hi Ana, could you spare 15 minutes?", encoding="utf-8")
    a = cli("ask", str(nid), "--to", str(pid), "--text-file", str(f), "--json").json()
    assert a["text"] == "Hi Ana, could you spare 15 minutes?"
    b = cli("ask", str(nid), "--to", str(pid), "--text-file", "-", "--json", input="From stdin")
    assert b.json()["text"] == "From stdin"
    both = cli("ask", str(nid), "--to", str(pid), "--text", "x", "--text-file", str(f), expect=1)
    assert both.code == 1 and "not both" in both.err
    nope = str(tmp_path / "nope")
    missing = cli("ask", str(nid), "--to", str(pid), "--text-file", nope, expect=1)
    assert missing.code == 1 and "file not found" in missing.err


def test_cli_people_list_show_edit(cli) -> None:  # type: ignore[no-untyped-def]
    pid, _ = _setup(cli)
    listed = cli("people", "list", "--json").json()
    assert [p["name"] for p in listed] == ["Ana Lima"]
    assert listed[0]["hours"] == "Mon-Fri 09:00-17:00"
    edited = cli("people", "edit", str(pid), "--stretched", "--topics", "sql", "--json").json()
    assert edited["stretched"] is True and edited["topics"] == ["sql"]
    assert "stretched thin" in cli("people", "list").out
    assert "Europe/Lisbon" in cli("people", "show", str(pid)).out
    nothing = cli("people", "edit", str(pid), expect=1)
    assert nothing.code == 1 and "nothing to change" in nothing.err


def test_cli_need_list_and_vague_flag(cli) -> None:  # type: ignore[no-untyped-def]
    vague = cli("need", "add", "help with work")
    assert vague.code == 0 and "still vague" in vague.out
    data = cli("need", "add", "help with work", "--json").json()
    assert data["assessment"]["vague"] is True
    listed = cli("need", "list", "--json").json()
    assert len(listed) == 2
    assert cli("need", "resolve", str(data["id"])).code == 0
    assert [n["id"] for n in cli("need", "list", "--status", "resolved", "--json").json()] == [
        data["id"]
    ]
    dropped = cli("need", "drop", str(data["id"]), "--json")
    assert dropped.code == 0 and dropped.json()["status"] == "dropped"


def test_cli_gave_and_journal(cli) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    gave = cli("gave", str(pid), "Reviewed her talk abstract", "--json")
    assert gave.code == 0 and gave.json()["summary"] == "Reviewed her talk abstract"
    cli("journal", "add", "Nervous before asking, but it went well", "--need", str(nid))
    cli("journal", "add", "100% sure_this is a literal search", "--json")
    found = cli("journal", "list", "--search", "NERVOUS", "--json").json()
    assert [e["text"] for e in found] == ["Nervous before asking, but it went well"]
    literal = cli("journal", "list", "--search", "100%", "--json").json()
    assert len(literal) == 1
    assert cli("journal", "list", "--search", "_", "--json").json()[0]["text"].startswith("100%")
    assert "Nothing matches" in cli("journal", "list", "--search", "zebra").out


def test_cli_journal_is_one_timeline_of_every_event(cli) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    aid = cli("ask", str(nid), "--to", str(pid), "--json").json()["id"]
    cli("answer", str(aid), "alternative", "--offered", "a call next month")
    cli("thank", str(aid))
    cli("gave", str(pid), "Proofread her newsletter")
    cli("journal", "add", "Asking was easier than I feared")
    items = cli("journal", "list", "--json").json()
    kinds = {item["kind"] for item in items}
    assert kinds == {"need", "ask", "answer", "thanks", "help", "reflection"}
    answer = next(i for i in items if i["kind"] == "answer")
    assert answer["text"].endswith(
        "offered something else about “Career advice on moving "
        "into data engineering”: a call next month"
    )
    assert answer["ask_id"] == aid and answer["person_id"] == pid
    only = cli("journal", "list", "--kind", "help", "--kind", "thanks", "--json").json()
    assert [i["kind"] for i in only] == ["help", "thanks"]
    bad = cli("journal", "list", "--kind", "gossip", expect=1)
    assert bad.code == 1 and "unknown journal kind 'gossip'" in bad.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("people", "show", "99"), "no person with id 99"),
        (("need", "show", "42"), "no need with id 42"),
        (("answer", "5", "yes"), "no ask with id 5"),
        (("thank", "5"), "no ask with id 5"),
        (("people", "add", "A", "--tz", "Nowhere/City"), "unknown time zone"),
        (("people", "add", "A", "--hours", "weekdays"), "cannot read availability"),
        (("need", "add", "x", "--deadline", "tomorrow"), "bad deadline 'tomorrow'"),
        (("need", "add", "x", "--urgency", "asap"), "unknown urgency 'asap'"),
        (("need", "add", "x", "--barrier", "fear=2"), "unknown barrier 'fear'"),
        (("need", "add", "x", "--barrier", "shame=lots"), "must be a number 0-3"),
        (("need", "add", "x", "--expect", "140"), "between 0 and 100"),
        (("need", "add", "   "), "the summary cannot be empty"),
        (("need", "add", "x" * 201), "the summary is too long"),
        (("journal", "add", ""), "the journal entry cannot be empty"),
        (("gave", "3", "helped"), "no person with id 3"),
        (("import", "/nonexistent/file.json"), "file not found"),
    ],
)
def test_cli_bad_input_is_one_line_error_exit_1(cli, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    result = cli(*args, expect=1)
    assert result.code == 1, result
    assert message in result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1


def test_cli_bad_input_changes_nothing(cli) -> None:  # type: ignore[no-untyped-def]
    _setup(cli)
    before = cli("need", "list", "--json").json()
    cli("need", "add", "x", "--urgency", "asap", expect=1)
    cli("ask", "1", "--to", "1", "--text", "", expect=1)
    assert cli("need", "list", "--json").json() == before
    assert cli("need", "show", "1", "--json").json()["asks"] == []


def test_cli_usage_error_exits_2(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("people", "add", expect=2).code == 2
    assert cli("answer", "abc", "yes", expect=2).code == 2
    assert cli("no-such-command", expect=2).code == 2


def test_cli_bad_database_url_is_a_clear_error(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--db", "nosuchdb://x", "people", "list", expect=1)
    assert result.code == 1 and "cannot use database URL" in result.err


def test_cli_demo_builds_separate_store(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.db"
    info = cli("demo", "--path", str(path), "--json").json()
    assert 8 <= info["people"] <= 12 and info["asks"] >= 15
    url = info["url"]
    asks = cli("--db", url, "need", "list", "--json").json()
    assert len(asks) == info["needs"]
    assert cli("people", "list", "--json").json() == []  # the user's own store is untouched
    answers = set()
    for need in asks:
        for ask in cli("--db", url, "need", "show", str(need["id"]), "--json").json()["asks"]:
            if ask["answer"]:
                answers.add(ask["answer"]["kind"])
    assert answers == {"yes", "no", "alternative", "no-reply"}
    assert cli("--db", url, "journal", "list", "--json").json()


def test_cli_ask_at_slot_writes_ics_and_mailto(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    ics = tmp_path / "ask.ics"
    text = "Hi Ana & co: could we talk for 20 minutes? No worries if not. Thanks!"
    result = cli(
        "ask", str(nid), "--to", str(pid), "--text", text, "--at", "1", "--ics", str(ics),
        "--mailto", "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    data = result.json()
    assert data["scheduled_for"] and data["ics"] == str(ics)
    assert data["mailto"].startswith("mailto:ana@example.org?subject=")
    assert "%26" in data["mailto"] and " " not in data["mailto"]
    body = ics.read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in body and "BEGIN:VALARM" in body


def test_cli_ask_at_bad_input_records_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    no_at = cli("ask", str(nid), "--to", str(pid), "--ics", str(tmp_path / "x.ics"), expect=1)
    assert no_at.code == 1 and "--ics needs a time" in no_at.err
    bad_at = cli("ask", str(nid), "--to", str(pid), "--at", "next tuesday-ish", expect=1)
    assert bad_at.code == 1 and "cannot read --at" in bad_at.err
    ics = "/nonexistent/x.ics"
    bad_dir = cli("ask", str(nid), "--to", str(pid), "--at", "1", "--ics", ics, expect=1)
    assert bad_dir.code == 1 and "folder does not exist" in bad_dir.err
    assert cli("need", "show", str(nid), "--json").json()["asks"] == []


def test_cli_answers_come_with_a_reply_draft(cli) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    first = cli("ask", str(nid), "--to", str(pid), "--json").json()["id"]
    no = cli("answer", str(first), "no")
    assert "A reply you could send" in no.out and "thanks for letting me know" in no.out
    assert f"askwell thank {first}" in no.out
    other = cli("people", "add", "Bo", "--json").json()["id"]
    second = cli("ask", str(nid), "--to", str(other), "--json").json()["id"]
    yes = cli("answer", str(second), "yes", "--json").json()
    assert yes["reply_draft"].startswith("Hi Bo") and "thank you" in yes["reply_draft"].lower()
    third = cli("ask", str(nid), "--to", str(other), "--date", "3 days ago", "--json").json()["id"]
    fresh = cli("ask", str(nid), "--to", str(pid), "--override", "--json").json()["id"]
    waiting = cli("answer", str(fresh), "no-reply")
    assert "No reply yet" in waiting.out and "could send" not in waiting.out
    silent = cli("answer", str(third), "no-reply")  # sent 3 days ago: its follow-up is due
    assert "A gentle follow-up you could send" in silent.out and "check in once" in silent.out
    assert f"askwell followup {third}" in silent.out
    nudge = cli("followup", str(third))
    assert "gentle follow-up you could send" in nudge.out and "No worries" in nudge.out


def test_cli_people_boundary_blocks_asks_until_the_date(cli) -> None:  # type: ignore[no-untyped-def]
    pid, nid = _setup(cli)
    until = (datetime.now(UTC).date() + timedelta(days=20)).isoformat()
    b = cli("people", "boundary", str(pid), "--until", until, "--topic", "career", "--json")
    assert b.code == 0 and b.json()["until"] == until and b.json()["topic"] == "career"
    assert cli("people", "show", str(pid), "--json").json()["boundaries"][0]["until"] == until
    assert f"no asks about career before {until}" in cli("people", "show", str(pid)).out
    refused = cli("ask", str(nid), "--to", str(pid), expect=1)
    assert refused.code == 1
    assert f"Ana Lima asked not to be asked about career before {until}" in refused.err
    assert "said no" not in refused.err and "--override" in refused.err
    ranked = cli("suggest", str(nid), "--json").json()
    assert until in str(ranked)
    other = cli("need", "add", "Lend me a ladder", "--json").json()["id"]
    assert cli("ask", str(other), "--to", str(pid)).code == 0  # a different topic is fine


def test_cli_people_boundary_rejects_past_dates_and_unknown_people(cli) -> None:  # type: ignore[no-untyped-def]
    pid, _ = _setup(cli)
    past = cli("people", "boundary", str(pid), "--until", "2020-01-01", expect=1)
    assert past.code == 1 and "has passed" in past.err
    assert cli("people", "boundary", "99", "--until", "2099-01-01", expect=1).code == 1
    bad = cli("people", "boundary", str(pid), "--until", "soon", expect=1)
    assert bad.code == 1 and "bad date 'soon'" in bad.err
