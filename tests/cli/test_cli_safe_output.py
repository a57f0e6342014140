"""Stored text reaches the terminal literally: Rich markup in a name or an entry is never obeyed."""

from __future__ import annotations

import pytest

EVIL_NAME = "[bold red]Evil[/]"
EVIL_ENTRY = "[link=http://x]y[/link] felt nervous about asking Evil"
ENV = {"ASKWELL_TZ": "UTC"}


@pytest.fixture
def marked_up(cli):  # type: ignore[no-untyped-def]
    """A store whose person, need, ask, answer and journal entry all carry Rich markup."""
    cli("people", "add", EVIL_NAME, "--topics", "python", "--tz", "UTC", env=ENV)
    cli("people", "add", "Bea Lima", "--topics", "python", "--tz", "UTC", env=ENV)
    cli("need", "add", "review my [i]python[/i] talk", "--type", "feedback", env=ENV)
    cli("ask", "1", "--to", "1", "--text", "Could you [b]review[/b] my talk?", env=ENV)
    cli("answer", "1", "yes", "--note", "[blink]sure[/blink]", env=ENV)
    cli("journal", "add", EVIL_ENTRY, env=ENV)
    cli("people", "add", "[red]Gone[/red]", env=ENV)
    cli("delete", "person", "3", env=ENV)
    return cli


@pytest.mark.parametrize(
    ("args", "literal"),
    [
        (("people", "list"), EVIL_NAME),
        (("people", "show", "1"), EVIL_NAME),
        (("need", "show", "1"), "review my [i]python[/i] talk"),
        (("need", "show", "1"), EVIL_NAME),
        (("need", "list"), "review my [i]python[/i] talk"),
        (("journal", "list"), "[link=http://x]y[/link]"),
        (("suggest", "1"), EVIL_NAME),
        (("suggest", "1", "--why", "1"), EVIL_NAME),
        (("due",), EVIL_NAME),
        (("trash",), "[red]Gone[/red]"),
    ],
)
def test_cli_stored_markup_prints_literally(marked_up, args: tuple[str, ...], literal: str) -> None:  # type: ignore[no-untyped-def]
    out = marked_up(*args, env=ENV).out
    assert literal in out, out


def test_cli_check_file_ids_print_literally(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    records = tmp_path / "asks.csv"
    records.write_text('id,text\n"[red]r1[/red]",Could you review my talk by Friday?\n')
    out = cli("check", "--file", str(records)).out
    assert "[red]r1[/red]" in out, out


def test_cli_paths_with_markup_print_literally(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli("people", "add", "Bea Lima", "--tz", "UTC", "--hours", "Mon-Sun 00:00-23:59", env=ENV)
    cli("need", "add", "review my talk", env=ENV)
    cli("ask", "1", "--to", "1", "--text", "Could you review my talk?", env=ENV)
    ics = tmp_path / "[bold]invite.ics"
    out = cli("invite", "1", "--at", "1", "--ics", str(ics), env=ENV).out
    assert f"written to {ics}" in out, out
    demo = tmp_path / "[u]demo.db"
    out = cli("demo", "--path", str(demo)).out
    assert f"askwell --db sqlite:///{demo}" in out, out
