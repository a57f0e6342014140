"""`askwell --help` answers fast from a pre-rendered text that matches the live commands."""

import subprocess
import sys

from askwell.cli import _help, _help_text


def test_cli_help_text_matches_the_live_commands() -> None:
    assert _help.render() == _help_text.TEXT, "run: python -m askwell.cli._docs"


def test_cli_help_and_bare_command_print_the_help(cli) -> None:  # type: ignore[no-untyped-def]
    for args in ((), ("--help",)):
        result = cli(*args)
        assert result.code == 0
        assert result.out == _help_text.TEXT
        assert "need" in result.out and "suggest" in result.out


def test_cli_help_does_not_import_typer_or_rich() -> None:
    code = (
        "import sys\nfrom askwell.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('typer', 'rich', 'click')\n"
        "print('MODULES:' + ','.join(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "MODULES:"


def test_cli_subcommand_help_still_comes_from_typer(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("need", "add", "--help")
    assert result.code == 0 and "--barrier" in result.out


def test_cli_help_with_a_server_lists_what_runs_there(cli) -> None:  # type: ignore[no-untyped-def]
    server = "https://team.example"
    shown = [
        cli("--server", server, "--help").out,
        cli("--server", server).out,  # no command: the same help, not "Missing command"
        cli(f"--server={server}", "--team", "Platform", "--help").out,
        cli("--help", env={"ASKWELL_SERVER": server}).out,
        cli(env={"ASKWELL_SERVER": server}).out,
    ]
    assert shown == [_help.render(remote=True)] * 5
    out = shown[0]
    assert out.startswith("Usage: askwell --server URL [OPTIONS] COMMAND")
    assert "works on your own askwell only" in out
    listed = {
        line.split()[0]
        for line in out.split("Commands:")[1].splitlines()
        if line[2:3] != " " and line.strip()
    }
    assert {"login", "logout", "inbox", "sent", "need", "webhook", "thank"} <= listed
    assert not {"check", "draft", "export", "journal", "team"} & listed  # local only
    assert "Run `askwell --server URL COMMAND --help`" in out
    options = out.split("Options:")[1].split("Commands:")[0]
    assert "--db" not in options and "ASKWELL_DATABASE_URL" not in options  # a server's own
    assert {"--server", "--team", "--debug", "--help"} <= {w for w in options.split() if "--" in w}


def test_cli_help_after_a_root_option_is_the_same_help(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("--debug", "--help").out == _help_text.TEXT


def test_cli_help_says_db_is_not_used_with_a_server(cli) -> None:  # type: ignore[no-untyped-def]
    line = next(x for x in cli("--help").out.splitlines() if x.strip().startswith("--db"))
    assert "not with --server" in line
