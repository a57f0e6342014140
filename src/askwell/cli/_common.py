"""Shared pieces of the CLI: options, the store handle, JSON and table output, failure."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from askwell.errors import USER_ERRORS

if TYPE_CHECKING:
    from rich.console import Console

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


STATE = _State()


def handled_errors() -> tuple[type[Exception], ...]:
    """Return the exception types that become a one-line message and exit code 1."""
    return USER_ERRORS


def store() -> Store:
    """Open (once per process) the store selected by --db / ASKWELL_DATABASE_URL."""
    if STATE.store is None:
        from askwell.storage.store import open_store

        STATE.store = open_store(STATE.db_url)
    return STATE.store


def console() -> Console:
    """Return a Rich console on stdout."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def err_console() -> Console:
    """Return a Rich console on stderr."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


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
    """Encode dataclasses, pydantic models, dates and sets as JSON."""
    return json.dumps(obj, default=_default, ensure_ascii=False, indent=2)


def emit_json(obj: Any) -> None:
    """Print `obj` as JSON on stdout."""
    sys.stdout.write(to_json(obj) + "\n")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error on stderr and exit with `code`."""
    from rich.markup import escape

    err_console().print(f"[bold red]error:[/] {escape(message)}")
    raise SystemExit(code)


def warn(message: str) -> None:
    """Print a warning line on stderr."""
    from rich.markup import escape

    err_console().print(f"[yellow]warning:[/] {escape(message)}")


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
