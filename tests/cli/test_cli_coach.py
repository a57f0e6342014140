"""`askwell check` and `askwell draft` through the real CLI error boundary."""

from __future__ import annotations

import json
from pathlib import Path

GOOD = (
    "Hi Sam, I'm preparing my first talk. Could you take a quick look at two slides by "
    "Thursday? No worries if you can't. Thank you!"
)


def test_cli_check_text_prints_score_and_findings(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("check", "URGENT!!! You never reply. Help me ASAP.")
    assert r.code == 0
    assert "Score" in r.out and "demands-immediacy" in r.out and "blaming-you" in r.out


def test_cli_check_json_is_the_report(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("check", GOOD, "--json")
    data = r.json()
    assert r.code == 0 and isinstance(data, dict)
    assert data["score"] >= 70 and {"findings", "parts", "politeness"} <= set(data)


def test_cli_check_reads_stdin(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("check", "-", "--json", input="Can you help me?")
    assert [f["rule"] for f in r.json()["findings"] if f["kind"] == "problem"] == [
        "vague-ask",
        "no-context",
    ]


def test_cli_check_crisis_shows_pointer_not_score(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("check", "I want to end my life.")
    assert r.code == 0 and "emergency" in r.out and "Score" not in r.out


def test_cli_check_file_jsonl_one_object_per_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "in.jsonl"
    f.write_text(
        json.dumps({"id": "a", "text": GOOD})
        + "\n"
        + json.dumps({"id": 7, "text": "help!!"})
        + "\n",
        encoding="utf-8",
    )
    r = cli("check", "--file", str(f), "--json")
    lines = [json.loads(x) for x in r.out.splitlines()]
    assert r.code == 0 and [x["id"] for x in lines] == ["a", "7"]
    assert lines[1]["findings"][0]["rule"] == "vague-ask"


def test_cli_check_file_csv_table(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "in.csv"
    f.write_text(f'id,text\nr1,"{GOOD}"\nr2,Can you help me?\n', encoding="utf-8")
    r = cli("check", "--file", str(f))
    assert r.code == 0 and "r1" in r.out and "vague-ask" in r.out


def test_cli_check_bad_input_is_one_line_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "ok"}\nnot json\n', encoding="utf-8")
    for args, message in (
        (("check", "--file", str(tmp_path / "missing.jsonl")), "file not found"),
        (("check", "--file", str(bad)), "line 2: not valid JSON"),
        (("check", "hi", "--channel", "pigeon"), "unknown channel"),
        (("check",), "give the text"),
    ):
        r = cli(*args, expect=1)
        assert r.code == 1, args
        assert message in r.err and len(r.err.strip().splitlines()) == 1
        assert "Traceback" not in r.err


def test_cli_draft_from_parts(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(
        "draft",
        "--to",
        "Priya",
        "--situation",
        "I'm preparing my first talk",
        "--ask",
        "look at two slides",
        "--time",
        "10 minutes",
        "--deadline",
        "by Thursday",
        "--why",
        "you've given talks before",
        "--channel",
        "email",
    )
    assert r.code == 0
    assert (
        r.out.startswith("Hi Priya,\n\n") and "Could you look at two slides by Thursday?" in r.out
    )


def test_cli_draft_template_json_passes_check(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("draft", "--template", "workload", "--json")
    data = r.json()
    assert data["template"] == "workload"
    assert [f for f in data["check"]["findings"] if f["kind"] == "problem"] == []


def test_cli_draft_reply_template(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("draft", "--template", "reply-to-no", "--to", "Sam", "--need", "the review")
    assert r.code == 0 and "no problem at all" in r.out and "Sam" in r.out


def test_cli_draft_list_templates(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("draft", "--list-templates", "--json")
    assert {t["id"] for t in r.json()} >= {"workload", "feedback", "follow-up"}
    assert "mentor-advice" in cli("draft", "--list-templates").out


def test_cli_draft_bad_input_is_one_line_error(cli) -> None:  # type: ignore[no-untyped-def]
    for args, message in (
        (("draft", "--template", "nope"), "unknown template"),
        (("draft", "--ask", "x", "--channel", "pigeon"), "unknown channel"),
        (("draft", "--situation", "I'm stuck"), "needs an ask"),
    ):
        r = cli(*args, expect=1)
        assert r.code == 1 and message in r.err and "Traceback" not in r.err


def test_cli_draft_for_a_need_prints_the_wizard_draft(cli) -> None:  # type: ignore[no-untyped-def]
    cli("people", "add", "Ana Silva", "--topics", "python, weekly reporting", "--json")
    need = cli(
        "need", "add", "A colleague to take over the weekly reporting for 6 weeks",
        "--type", "task", "--deadline", "2026-12-10", "--json",
    ).json()["id"]  # fmt: skip
    data = cli("draft", str(need), "--person", "Ana", "--json").json()
    assert set(data) == {"text", "parts", "template"} and data["template"] is None
    assert data["parts"]["ask"] == "take over the weekly reporting for 6 weeks"
    assert data["parts"]["why"] == "you know a lot about weekly reporting"
    assert (
        "Could you take over the weekly reporting for 6 weeks by Thursday 10 December?"
        in (data["text"])
    )
    plain = cli("draft", str(need), "--person", "1", "--channel", "email").out
    assert plain.startswith("Hi Ana,\n\n") and "[" not in plain
    framed = cli("draft", str(need), "--person", "Ana", "--template", "handover", "--json").json()
    assert framed["template"] == "handover" and "hand over" in framed["text"]


def test_cli_draft_for_a_need_needs_both_ids(cli) -> None:  # type: ignore[no-untyped-def]
    assert "--person" in cli("draft", "1", expect=1).err
    cli("people", "add", "Ana", "--json")
    assert "no need with id 7" in cli("draft", "7", "--person", "Ana", expect=1).err


def test_cli_draft_for_a_need_names_an_earlier_yes_as_the_reason(cli) -> None:  # type: ignore[no-untyped-def]
    cli("people", "add", "Ana Silva", "--json")
    first = cli("need", "add", "Review my conference slides", "--type", "feedback", "--json")
    ask = cli("ask", str(first.json()["id"]), "--to", "Ana", "--text", "Could you?", "--json")
    cli("answer", str(ask.json()["id"]), "yes")
    later = cli("need", "add", "Review my slides for the offsite", "--type", "feedback", "--json")
    text = cli("draft", str(later.json()["id"]), "--person", "Ana").out
    assert "because you were kind enough to review my conference slides before." in text
    other = cli("need", "add", "A lift to the airport", "--type", "task", "--json")
    assert "I thought of you" not in cli("draft", str(other.json()["id"]), "--person", "Ana").out


def test_cli_need_structured_ask_shapes_the_draft(cli) -> None:  # type: ignore[no-untyped-def]
    cli("people", "add", "Ana Silva", "--json")
    need = cli(
        "need", "add", "Weekly reporting cover", "--type", "task",
        "--ask", "take over the weekly reporting for six weeks", "--size", "about an hour a week",
        "--by", "2026-12-10", "--situation", "I'm leading the Q1 launch until February.", "--json",
    ).json()  # fmt: skip
    assert (need["ask"], need["size"], str(need["deadline"])) == (
        "take over the weekly reporting for six weeks",
        "about an hour a week",
        "2026-12-10",
    )
    text = cli("draft", str(need["id"]), "--person", "Ana").out
    assert text.startswith("Hi Ana! I'm leading the Q1 launch until February. Could you take over")
    assert "It should take about an hour a week." in text
    cli("need", "edit", str(need["id"]), "--size", "a one-line sign-off", "--json")
    again = cli("draft", str(need["id"]), "--person", "1").out
    assert "It's a one-line sign-off, no more." in again


def test_cli_need_add_shows_the_ask_drafts_will_use(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("need", "add", "A colleague to take over the weekly reporting", "--type", "task")
    assert "Drafts will ask: Could you take over the weekly reporting?" in r.out
    data = cli("need", "add", "Review my CV", "--type", "feedback", "--json").json()
    assert data["suggested_ask"] == "Could you review my CV?"
    own = cli("need", "add", "CV", "--ask", "read my CV", "--json").json()
    assert own["suggested_ask"] == "" and own["ask"] == "read my CV"
    question = cli("need", "add", "Is it worth moving to Berlin?", "--json").json()
    assert question["suggested_ask"] == ""


def test_cli_check_fix_prints_the_text_with_the_rewrites(cli) -> None:  # type: ignore[no-untyped-def]
    text = (
        "I need you to take over the reporting starting Monday. This is not optional. Reply ASAP."
    )
    r = cli("check", text, "--fix")
    assert r.code == 0
    assert r.out.splitlines()[0] == (
        "I need you to take over the reporting starting Monday. Reply when you have a moment."
    )


def test_cli_check_fix_json_lists_each_rewrite(cli) -> None:  # type: ignore[no-untyped-def]
    text = "I need this done ASAP."
    data = cli("check", text, "--fix", "--json").json()
    assert data["text"] == "I need this done when you have a moment."
    assert data["replacements"] == [
        {
            "rule": "demands-immediacy",
            "span": [17, 21],
            "before": "ASAP",
            "after": "when you have a moment",
        }
    ]
    assert data["score_after"] >= data["score_before"]


def test_cli_check_fix_leaves_what_needs_the_writer(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("check", "Could you review it? It should take about [15 minutes].", "--fix")
    assert r.code == 0
    assert r.out.splitlines()[0] == "Could you review it? It should take about [15 minutes]."


def test_cli_check_fix_refuses_a_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "a", "text": GOOD}) + "\n", encoding="utf-8")
    r = cli("check", "--file", str(f), "--fix", expect=1)
    assert "--fix works on one text" in r.err
