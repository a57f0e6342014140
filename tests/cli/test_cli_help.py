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
