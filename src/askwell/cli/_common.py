"""Shared pieces of the CLI: options, the store handle, JSON and table output, failure."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, cast

import typer

from askwell.core.chars import printable
from askwell.errors import USER_ERRORS

if TYPE_CHECKING:
    from rich.console import Console, ConsoleRenderable, RenderableType, RenderHook

    from askwell.storage.store import Store

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
FoldOpt = Annotated[
    int | None,
    typer.Option(
        "--fold", min=0, max=1, help="For a time the clocks repeat: 0 the first, 1 the second."
    ),
]
AllowPastOpt = Annotated[
    bool, typer.Option("--allow-past", help="Accept an --at time that has already passed.")
]


@dataclass
class _State:
    db_url: str | None = None
    store: Store | None = None
    debug: bool = False


STATE = _State()


def handled_errors() -> tuple[type[Exception], ...]:
    """Return the exception types that become a one-line message and exit code 1."""
    return USER_ERRORS


UNEXPECTED = "sorry, something went wrong that askwell did not expect"


def run_guarded(command: Callable[[], object]) -> None:
    """Run `command` behind the CLI's one error boundary: every failure is one line and exit 1.

    User errors and known store/disk failures print their own message; anything else prints
    a short apology and where the traceback was logged (`--debug` prints it here too).
    """
    os.umask(0o077)  # everything askwell creates (db, exports, .ics, charts) is private
    try:
        command()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        fail("stopped", 130)
    except BrokenPipeError:  # `askwell ... | head`: the reader left, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
    except Exception as exc:
        from askwell.services._files import log_traceback
        from askwell.storage.failures import explain

        known = exc if isinstance(exc, handled_errors()) else explain(exc)
        log = log_traceback(exc, "in the command line") if known is None else None
        if STATE.debug:
            import traceback

            traceback.print_exception(exc, file=sys.stderr)
        if known is not None:
            from askwell.cli._words import word

            fail(word(known))
        where = f"; the details are in {log}" if log else ""
        fail(f"{UNEXPECTED}{where} (run with --debug to see them here)")


def store() -> Store:
    """Open (once per process) the store selected by --db / ASKWELL_DATABASE_URL."""
    if STATE.store is None:
        from askwell.storage.store import open_store

        STATE.store = open_store(STATE.db_url)
    return STATE.store


def console() -> Console:
    """Return a Rich console on stdout that shows control characters in text as escapes."""
    from rich.console import Console

    out = Console(highlight=False, soft_wrap=True)
    out.push_render_hook(cast("RenderHook", _Escaper()))
    return out


def err_console() -> Console:
    """Return a Rich console on stderr that shows control characters in text as escapes."""
    from rich.console import Console

    out = Console(stderr=True, highlight=False, soft_wrap=True)
    out.push_render_hook(cast("RenderHook", _Escaper()))
    return out


class _Escaped:
    """A renderable whose text segments have control characters made visible (\\x1b ...)."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, con: Any, options: Any) -> Any:
        from rich.segment import Segment

        for segment in con.render(self.inner, options):
            if segment.control:  # Rich's own cursor codes, never data
                yield segment
            else:
                yield Segment(printable(segment.text), segment.style)


class _Escaper:
    """A Rich render hook: stored text can never move the cursor or clear the screen."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[Any]:
        """Wrap every renderable so its text is escaped as it is drawn."""
        return [_Escaped(r) for r in renderables]


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(value)
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def to_json(obj: Any) -> str:
    """Encode dataclasses, pydantic models, dates and sets as JSON (C1 controls escaped too)."""
    return printable(json.dumps(obj, default=_default, ensure_ascii=False, indent=2), json=True)


def emit_json(obj: Any) -> None:
    """Print `obj` as JSON on stdout."""
    sys.stdout.write(to_json(obj) + "\n")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error on stderr and exit with `code`."""
    from rich.text import Text

    line = " ".join(message.split("\n"))
    err_console().print(Text.assemble(("error:", "bold red"), " ", line))
    raise SystemExit(code)


def warn(message: str) -> None:
    """Print a warning line on stderr."""
    from rich.text import Text

    err_console().print(Text.assemble(("warning:", "yellow"), " ", message))


def read_text_arg(text: str | None, text_file: str | None) -> str | None:
    """Return text from --text, or from --text-file (`-` for stdin)."""
    if text is not None and text_file is not None:
        from askwell.errors import AskwellError

        raise AskwellError("give either --text or --text-file, not both")
    if text_file is None:
        return text
    if text_file == "-":
        return sys.stdin.read()
    from pathlib import Path

    from askwell.errors import AskwellError

    path = Path(text_file)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AskwellError(f"file not found: {text_file}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AskwellError(f"cannot read {text_file}: {exc}") from None
