"""Terminal output that fits: tables wrap or drop columns, pipes get whole columns, clean help."""

from __future__ import annotations

from rich.console import Console

from askwell.cli._table import keep_columns, plain, table

HEADERS = ["id", "name", "relationship", "topics", "supports", "tz", "load"]
ROWS = [["8", "Dr. Anika Patel", "professional", "health, sleep", "advice", "Europe/Berlin", ""]]


def _draw(width: int) -> str:
    out = Console(width=width, record=True, color_system=None)
    out.print(table(HEADERS, ROWS, drop=["supports", "tz", "topics"], width=width))
    return out.export_text()


def test_cli_table_narrow_terminal_drops_columns_but_never_cuts_a_header() -> None:
    text = _draw(60)
    assert "relationship" in text and "…" not in text and "Europe/Berlin" not in text
    assert all(len(line) <= 60 for line in text.splitlines())


def test_cli_table_wide_terminal_keeps_every_column() -> None:
    text = _draw(120)
    assert all(h in text for h in HEADERS) and "Europe/Berlin" in text


def test_cli_table_keep_columns_drops_in_the_order_given() -> None:
    keep = keep_columns(HEADERS, ROWS, 45, ["supports", "tz", "topics"])
    assert [HEADERS[i] for i in keep] == ["id", "name", "relationship", "load"]


def test_cli_table_piped_output_is_plain_and_whole() -> None:
    text = plain(HEADERS, ROWS)
    assert "Dr. Anika Patel  professional  health, sleep  advice" in text.splitlines()[1]


def test_cli_table_people_list_piped_has_every_column(cli) -> None:  # type: ignore[no-untyped-def]
    cli("people", "add", "Dr. Anika Patel", "-r", "professional", "--topics", "health, sleep")
    out = cli("people", "list").out
    assert out.splitlines()[0].split() == HEADERS and "relation…" not in out


def test_cli_table_sub_command_help_is_clean(cli) -> None:  # type: ignore[no-untyped-def]
    for args in (("people", "add", "--help"), ("journal", "list", "--help"), ("undo", "--help")):
        out = cli(*args).out
        assert "<bool>" not in out and "<str>" not in out and "{" not in out
    assert "Usage: askwell people add [OPTIONS] NAME" in cli("people", "add", "--help").out
