"""Reference docs from the live command tree, so nothing is written twice by hand.

`python -m askwell.cli._docs` rewrites, from the commands as they are registered:
- the usage line and the table of options of every command in docs/cli.md (the block between
  the generated markers at the end of its section; the prose around it is kept, and a command
  with no section yet gets one at the end), and
- the pre-rendered `askwell --help` in askwell/cli/_help_text.py.
A test checks that both files are current.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DOC = Path(__file__).resolve().parents[3] / "docs" / "cli.md"
START = "<!-- generated from the live commands: {path} -->"
END = "<!-- end of generated reference -->"
BLOCK = re.compile(
    r"\n*<!-- generated from the live commands: [^>]*-->\n.*?" + re.escape(END) + "\n?", re.S
)
MORE = "## More commands"


def commands() -> Iterator[tuple[str, Any]]:
    """Yield ("askwell need add", click command) for every command that runs (not groups)."""
    import typer.main

    from askwell.cli.application import app

    def walk(command: Any, path: list[str]) -> Iterator[tuple[str, Any]]:
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                yield from walk(sub, [*path, name])
        else:
            yield " ".join(path), command

    yield from walk(typer.main.get_command(app), ["askwell"])


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def reference(path: str, command: Any) -> str:
    """Return the generated block of one command: its usage and a table of its options."""
    args = [
        (p.metavar or p.name.upper()) + ("..." if p.nargs == -1 else "")
        for p in command.params
        if p.param_type_name == "argument"
    ]
    ctx = command.make_context(path, [], resilient_parsing=True)
    records = [
        p.get_help_record(ctx)
        for p in command.params
        if p.param_type_name == "option" and p.name != "help" and not p.hidden
    ]
    lines = [START.format(path=path), f"Usage: `{' '.join([path, '[OPTIONS]', *args])}`", ""]
    if records:
        lines += ["| Option | What it does |", "| --- | --- |"]
        lines += [f"| `{shown}` | {_cell(what)} |" for shown, what in records if shown]
        lines.append("")
    lines.append(END)
    return "\n".join(lines) + "\n"


def _command_of(heading: str) -> str:
    """Return "askwell need add" for a heading like "askwell need add SUMMARY`"."""
    words = []
    for word in heading.split("`")[0].split():
        if not re.fullmatch(r"[a-z]+", word):
            break
        words.append(word)
    return " ".join(words)


def render(doc: str) -> str:
    """Return docs/cli.md with every command's generated block rewritten from the live tree."""
    live = dict(commands())
    head, *chunks = BLOCK.sub("\n", doc).split("\n### `")
    out, seen = [head.rstrip("\n") + "\n"], set()
    for chunk in chunks:
        heading, _, body = chunk.partition("\n")
        path = _command_of(heading)
        prose, sep, after = body.partition("\n## ")
        prose = prose.rstrip("\n")
        if path in live:
            seen.add(path)
            prose += "\n\n" + reference(path, live[path]).rstrip("\n")
        group = f"\n## {after.rstrip()}\n" if sep else ""
        out.append(f"\n### `{heading}\n{prose}\n{group}")
    missing = [p for p in live if p not in seen]
    if missing:
        out.append(f"\n{MORE}\n")
        for path in missing:
            summary = (live[path].help or "").strip().splitlines()[0]
            out.append(f"\n### `{path}`\n{summary}\n\n{reference(path, live[path])}")
    return "".join(out).rstrip("\n") + "\n"


def write() -> list[Path]:
    """Rewrite docs/cli.md and askwell/cli/_help_text.py from the live commands."""
    from askwell.cli import _help

    DOC.write_text(render(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    return [DOC, _help.write()]


if __name__ == "__main__":
    for path in write():
        sys.stdout.write(f"wrote {path}\n")
