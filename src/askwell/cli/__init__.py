"""The `askwell` command line: parse, call services, render. Heavy imports stay inside commands.

This module stays light: `askwell` and `askwell --help` are answered from a pre-rendered help
text (kept in step with the live commands by a test), so they start without importing Typer.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_HELP_ARGS: tuple[list[str], ...] = ([], ["--help"])


def main(argv: list[str] | None = None) -> None:
    """Run the CLI with the one error boundary: any failure -> one-line message + exit 1."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args in _HELP_ARGS and not os.environ.get("ASKWELL_SERVER"):
        from askwell.cli._help_text import TEXT

        sys.stdout.write(TEXT)
        raise SystemExit(0)
    from askwell.cli import _common
    from askwell.cli.application import command

    context = _common.Context()
    token = _common.enter(context)
    try:
        _common.run_guarded(lambda: command()(args=args, prog_name="askwell", obj=context))
    finally:
        context.close()
        _common.leave(token)


def __getattr__(name: str) -> Any:
    """Build the Typer `app` only when someone asks for it (tests, embedding)."""
    if name == "app":
        from askwell.cli.application import app

        return app
    raise AttributeError(f"module 'askwell.cli' has no attribute {name!r}")
