"""Open $VISUAL / $EDITOR on a text, the way git and jrnl do, and read back what was saved."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from askwell.errors import AskwellError


def editor_command() -> list[str]:
    """Return the editor to run: $VISUAL, then $EDITOR, then a plain one that exists."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            return shlex.split(value)
    for fallback in ("sensible-editor", "nano", "vi"):
        for folder in os.environ.get("PATH", "").split(os.pathsep):
            if folder and (Path(folder) / fallback).is_file():
                return [fallback]
    raise AskwellError("no editor found: set $EDITOR (for example export EDITOR=nano)")


def edit_text(start: str = "") -> str:
    """Let the person write in their editor, starting from `start`; return the saved text."""
    command = editor_command()
    with tempfile.TemporaryDirectory(prefix="askwell-") as folder:
        path = Path(folder) / "entry.md"
        path.write_text(start, encoding="utf-8")
        try:
            done = subprocess.run([*command, str(path)], check=False)
        except OSError as exc:
            raise AskwellError(f"cannot start the editor {command[0]!r}: {exc.strerror}") from None
        if done.returncode != 0:
            raise AskwellError(f"the editor {command[0]!r} stopped with an error; nothing saved")
        text = path.read_text(encoding="utf-8").strip()
    if not text:
        raise AskwellError("the entry was empty, so nothing was saved")
    return text
