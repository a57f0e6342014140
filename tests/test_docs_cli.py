"""docs/cli.md lists every command and every option of the CLI."""

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands():  # type: ignore[no-untyped-def]
    from askwell.cli._docs import commands

    return commands()


def _sections() -> dict[str, str]:
    """Map "askwell need add" to the text under its `### ` heading."""
    sections: dict[str, str] = {}
    for chunk in DOC.read_text(encoding="utf-8").split("\n### `")[1:]:
        heading, _, body = chunk.partition("\n")
        words = heading.split("`")[0].split()
        command = []
        for word in words:
            if not re.fullmatch(r"[a-z]+", word):
                break
            command.append(word)
        sections[" ".join(command)] = body
    return sections


def test_docs_cli_every_command_has_a_section() -> None:
    sections = _sections()
    missing = [path for path, _ in _commands() if path not in sections]
    assert missing == []


def test_docs_cli_every_option_is_documented_in_its_section() -> None:
    sections = _sections()
    missing = []
    for path, command in _commands():
        body = sections.get(path, "")
        for param in command.params:
            for opt in [*param.opts, *param.secondary_opts]:
                if opt.startswith("--") and opt != "--help" and f"`{opt}" not in body:
                    missing.append(f"{path} {opt}")
    assert missing == []


def test_docs_cli_generated_reference_is_current() -> None:
    from askwell.cli import _docs

    text = DOC.read_text(encoding="utf-8")
    assert _docs.render(text) == text, "run: python -m askwell.cli._docs"
    assert text.count("<!-- generated from the live commands: ") == len(list(_commands()))
