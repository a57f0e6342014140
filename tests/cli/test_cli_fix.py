"""Fixing mistakes from the CLI: edit, delete, undo, the trash and merging people."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from askwell.cli._common import ExitStatus


def test_cli_fix_delete_then_undo_brings_the_need_back(cli) -> None:  # type: ignore[no-untyped-def]
    cli("need", "add", "Typo in my nede")
    out = cli("delete", "need", "1").out
    assert "Moved the need “Typo in my nede” to the trash" in out and "askwell undo" in out
    assert "No needs yet" in cli("need", "list").out
    assert "Typo in my nede" in cli("trash").out
    assert "Brought back the need" in cli("undo").out
    assert "Typo in my nede" in cli("need", "list").out
    journal = cli("journal", "list", "--kind", "change").out
    assert "Deleted the need" in journal and "Restored the need" in journal


def test_cli_fix_need_edit_fixes_a_typo(cli) -> None:  # type: ignore[no-untyped-def]
    cli("need", "add", "Typo in my nede")
    assert (
        "Updated need #1: Typo in my need"
        in cli("need", "edit", "1", "--summary", "Typo in my need").out
    )
    data = json.loads(cli("need", "edit", "1", "--deadline", "2027-01-05", "--json").out)
    assert data["summary"] == "Typo in my need" and data["deadline"] == "2027-01-05"
    assert (
        json.loads(cli("need", "edit", "1", "--deadline", "none", "--json").out)["deadline"] is None
    )


def test_cli_fix_merge_people_and_undo_splits_them(cli) -> None:  # type: ignore[no-untyped-def]
    cli("people", "add", "Sam Lee", "--topics", "python")
    cli("people", "add", "Sammy", "--email", "sam@example.org", "--allow-duplicate")
    cli("need", "add", "Review my CV")
    cli("ask", "1", "--to", "Sammy", "--text", "Could you look at my CV?")
    out = cli("people", "merge", "Sam Lee", "Sammy").out
    assert "Merged “Sammy” into #1 Sam Lee" in out
    person = json.loads(cli("people", "show", "1", "--json").out)
    assert person["email"] == "sam@example.org"
    assert json.loads(cli("need", "show", "1", "--json").out)["asks"][0]["person_id"] == 1
    assert "Split “Sammy” off again" in cli("undo").out
    assert json.loads(cli("need", "show", "1", "--json").out)["asks"][0]["person_id"] == 2


def test_cli_fix_undo_with_an_empty_trash_says_so(cli) -> None:  # type: ignore[no-untyped-def]
    err = cli("undo", expect=ExitStatus.ERROR).err
    assert "nothing to undo" in err


def test_cli_fix_delete_unknown_kind_lists_choices(cli) -> None:  # type: ignore[no-untyped-def]
    err = cli("delete", "cat", "1", expect=ExitStatus.USAGE).err
    assert "person, need, ask, journal, help, boundary" in err


def test_cli_fix_journal_edit_in_the_editor(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("journal", "add", "Frist try")
    script = tmp_path / "fix.py"
    script.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('Frist', 'First'))\n"
    )
    editor = f"{sys.executable} {script}"
    cli("journal", "edit", "1", "--edit", env={"EDITOR": editor})
    assert "First try" in cli("journal", "list").out


def test_cli_fix_no_reply_right_after_asking_is_not_due_yet(cli) -> None:  # type: ignore[no-untyped-def]
    cli("people", "add", "Ana")
    cli("need", "add", "Review my CV by Friday")
    cli("ask", "1", "--to", "Ana")
    cli("answer", "1", "no-reply")
    assert "Nothing due" in cli("due").out
    err = cli("followup", "1", expect=ExitStatus.ERROR).err
    assert "less than 3 days" in err


def test_cli_fix_follow_up_delay_is_configurable(cli) -> None:  # type: ignore[no-untyped-def]
    cli("people", "add", "Ana")
    cli("need", "add", "Review my CV by Friday")
    cli("ask", "1", "--to", "Ana", "--date", "2 days ago")
    assert "Nothing due" in cli("due").out
    assert "gentle follow-up" in cli("due", env={"ASKWELL_FOLLOWUP_DAYS": "1"}).out
    err = cli("due", env={"ASKWELL_FOLLOWUP_DAYS": "soon"}, expect=ExitStatus.ERROR).err
    assert "ASKWELL_FOLLOWUP_DAYS must be a number of days" in err
