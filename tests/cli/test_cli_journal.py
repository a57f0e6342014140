"""A journal like jrnl: backdating in words, @tags, filters, and $EDITOR."""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

from askwell.cli._common import ExitStatus
from askwell.core.dates import parse_day

ENV = {"ASKWELL_TZ": "UTC"}


def _days(cli, *args: str) -> list[str]:  # type: ignore[no-untyped-def]
    items = json.loads(cli("journal", "list", "--json", *args, env=ENV).out)
    return [i["at"][:10] for i in items]


def test_cli_journal_add_backdated_yesterday_and_last_friday(cli) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    cli("journal", "add", "Asked for help @work", "--date", "yesterday", env=ENV)
    cli("journal", "add", "Felt like a burden @home", "--date", "last friday", env=ENV)
    cli("journal", "add", "Exact day", "--date", "2026-11-20", env=ENV)
    days = sorted(_days(cli), reverse=True)
    expected = {
        str(today - timedelta(days=1)),
        str(parse_day("last friday", today)),
        "2026-11-20",
    }
    assert set(days) == expected


def test_cli_journal_list_filters_by_tag_search_and_days(cli) -> None:  # type: ignore[no-untyped-def]
    cli("journal", "add", "Standup went fine @work", "--date", "2026-11-02", env=ENV)
    cli("journal", "add", "Asked my sister @family", "--date", "2026-11-10", env=ENV)
    cli("journal", "add", "Asked my lead for a day off @Work", "--date", "2026-11-20", env=ENV)
    assert _days(cli, "--tag", "work") == ["2026-11-20", "2026-11-02"]
    assert _days(cli, "--tag", "@work", "--since", "2026-11-05") == ["2026-11-20"]
    assert _days(cli, "--search", "asked", "--until", "2026-11-15") == ["2026-11-10"]
    out = cli("journal", "list", "--tag", "gardening", env=ENV).out
    assert "Nothing matches." in out


def test_cli_journal_refuses_a_future_date_and_nonsense(cli) -> None:  # type: ignore[no-untyped-def]
    err = cli("journal", "add", "x", "--date", "tomorrow", env=ENV, expect=ExitStatus.ERROR).err
    assert "still to come" in err
    err = cli("journal", "add", "x", "--date", "someday", env=ENV, expect=ExitStatus.ERROR).err
    assert "last friday" in err


def test_cli_journal_add_edit_opens_the_editor(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "write.py"
    script.write_text(
        "import sys, pathlib\n"
        "pathlib.Path(sys.argv[1]).write_text('A longer thought\\n\\nover two lines @work')\n"
    )
    env = {**ENV, "EDITOR": f"{sys.executable} {script}", "VISUAL": ""}
    cli("journal", "add", "--edit", env=env)
    (item,) = json.loads(cli("journal", "list", "--json", "--tag", "work", env=ENV).out)
    assert item["text"].startswith("A longer thought")


def test_cli_gave_ask_and_answer_take_a_date(cli) -> None:  # type: ignore[no-untyped-def]
    cli("people", "add", "Ana")
    cli("need", "add", "Review my CV by Friday")
    cli("gave", "Ana", "Lent a ladder", "--date", "2026-11-01", env=ENV)
    ask = json.loads(cli("ask", "1", "--to", "Ana", "--date", "2026-11-02", "--json", env=ENV).out)
    assert ask["sent_at"].startswith("2026-11-02")
    answer = json.loads(cli("answer", "1", "yes", "--date", "2026-11-03", "--json", env=ENV).out)
    assert answer["answer"]["at"].startswith("2026-11-03")
    assert "2026-11-01" in _days(cli, "--kind", "help")
