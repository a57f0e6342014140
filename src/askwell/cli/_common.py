"""Shared pieces of the CLI: options, the store handle, JSON and table output, failure."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from contextvars import ContextVar, Token
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, cast

import typer

from askwell.core.chars import printable
from askwell.core.model import SUPPORT_TYPES, URGENCIES, DomainError, check_choice, choices
from askwell.errors import USER_ERRORS

if TYPE_CHECKING:
    from rich.console import Console, ConsoleRenderable, RenderableType, RenderHook

    from askwell.storage.store import Store

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
# The structured ask on a need (need add / need edit), in plain words with examples.
AskPartOpt = Annotated[
    str | None,
    typer.Option(
        "--ask", help='What they would do: "take over the weekly reporting for six weeks".'
    ),
]
SizePartOpt = Annotated[
    str | None,
    typer.Option("--size", help='How big: "about 30 minutes", "two slides", "a quick sign-off".'),
]
ByPartOpt = Annotated[
    str | None, typer.Option("--by", help="By when, YYYY-MM-DD (the same as --deadline).")
]
SituationPartOpt = Annotated[
    str | None,
    typer.Option("--situation", help='The situation in a sentence: "I\'m leading the Q1 launch."'),
]
# The other options of a need, shared by need add and need edit.
NeedDetailsOpt = Annotated[str | None, typer.Option("--details", help="More context.")]
NeedTypeOpt = Annotated[
    str | None,
    typer.Option(
        "--type",
        help=f"{choices(SUPPORT_TYPES)} (need add suggests one from the words when left out).",
    ),
]
NeedUrgencyOpt = Annotated[
    str | None, typer.Option("--urgency", help=f"{choices(URGENCIES)} (new needs: medium).")
]
NeedDeadlineOpt = Annotated[
    str | None,
    typer.Option("--deadline", help="YYYY-MM-DD (on need edit, 'none' clears it)."),
]
NeedExpectOpt = Annotated[
    int | None,
    typer.Option("--expect", help="Your guess (0-100 %) that the first ask is a yes."),
]
NeedBarrierOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--barrier",
        help="What holds you back, 0-3: burden=2 (repeatable; need edit replaces the old ones).",
    ),
]
NeedTopicsOpt = Annotated[str | None, typer.Option("--topics", help='Topics: "career, python".')]
FoldOpt = Annotated[
    int | None,
    typer.Option(
        "--fold", min=0, max=1, help="For a time the clocks repeat: 0 the first, 1 the second."
    ),
]
AllowPastOpt = Annotated[
    bool, typer.Option("--allow-past", help="Accept an --at time that has already passed.")
]

PERSON_HELP = "Who: their id, their name, or the start of it (e.g. Ben)."
PersonArg = Annotated[str, typer.Argument(help=PERSON_HELP, metavar="PERSON")]


def person_id(ref: str) -> int:
    """Return the id of the one person `ref` names (an id, a name or its start)."""
    from askwell import services

    found = services.find_person(store(), ref).id
    assert found is not None
    return found


class ExitStatus(IntEnum):
    """How `askwell` exits: 0 when it did what was asked, 1 for a problem the user can fix."""

    OK = 0
    ERROR = 1
    USAGE = 2  # a command line askwell could not read (unknown option or kind, missing argument)
    INTERRUPTED = 130


@dataclass
class Context:
    """What one run of the CLI shares: the database chosen with --db and its store, once open.

    `main()` makes one per run and hands it to the commands (Click's `obj`); nothing is global.
    """

    db_url: str | None = None
    store: Store | None = None
    debug: bool = False
    server: str | None = None  # --server: the everyday commands run on this team server
    team: str | None = None  # --team: which of your teams there (id or name)

    def open(self) -> Store:
        """Open the store selected by --db / ASKWELL_DATABASE_URL (once per run)."""
        if self.store is None:
            from askwell.storage.store import open_store

            self.store = open_store(self.db_url)
        return self.store

    def close(self) -> None:
        """Close the store if this run opened it."""
        if self.store is not None:
            self.store.close()
            self.store = None


_RUNNING: ContextVar[Context | None] = ContextVar("askwell_cli_context", default=None)


def enter(context: Context) -> Token[Context | None]:
    """Make `context` the one the running command sees (the root callback calls this)."""
    return _RUNNING.set(context)


def leave(token: Token[Context | None]) -> None:
    """Forget the context entered with `token` (at the end of a run)."""
    _RUNNING.reset(token)


def current() -> Context:
    """Return the running command's Context (handed in by `main`, or made by the root)."""
    context = _RUNNING.get()
    if context is None:
        context = Context()
        _RUNNING.set(context)
    return context


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
        fail("stopped", ExitStatus.INTERRUPTED)
    except BrokenPipeError:  # `askwell ... | head`: the reader left, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(ExitStatus.ERROR) from None
    except Exception as exc:
        from askwell.services._files import log_traceback
        from askwell.storage.failures import explain

        known = exc if isinstance(exc, handled_errors()) else explain(exc)
        log = log_traceback(exc, "in the command line") if known is None else None
        if current().debug:
            import traceback

            traceback.print_exception(exc, file=sys.stderr)
        if known is not None:
            from askwell.cli._words import word

            fail(word(known))
        where = f"; the details are in {log}" if log else ""
        fail(f"{UNEXPECTED}{where} (run with --debug to see them here)")


def store() -> Store:
    """Return the running command's store (opened on first use)."""
    return current().open()


def esc(text: object) -> str:
    """Return `text` (stored or typed data) with Rich markup escaped, to print it literally."""
    from rich.markup import escape

    return escape(str(text))


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


def fail(message: str, code: ExitStatus = ExitStatus.ERROR) -> NoReturn:
    """Print a one-line error on stderr and exit with `code`."""
    from rich.text import Text

    line = " ".join(message.split("\n"))
    err_console().print(Text.assemble(("error:", "bold red"), " ", line))
    raise SystemExit(code)


def usage_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    """Return the word `value` picks from `allowed`, or name the words and exit 2 (usage)."""
    from askwell.cli._words import word

    try:
        return check_choice(value, allowed, what)
    except DomainError as err:
        fail(word(err), ExitStatus.USAGE)


def warn(message: str) -> None:
    """Print a warning line on stderr."""
    from rich.text import Text

    err_console().print(Text.assemble(("warning:", "yellow"), " ", message))


# a text read from a file or stdin: generous (validation then applies the text's own limit),
# but capped while reading, so `--text-file /dev/zero` ends with a message, not out of memory
TEXT_FILE_MAX_BYTES = 1_000_000


def read_text_arg(text: str | None, text_file: str | None) -> str | None:
    """Return text from --text, or from --text-file (`-` for stdin), read up to a limit."""
    from askwell.errors import AskwellError

    if text is not None and text_file is not None:
        raise AskwellError("give either --text or --text-file, not both")
    if text_file is None:
        return text
    if text_file == "-":
        return read_stdin()
    from askwell.services._files import read_user_file

    raw = read_user_file(text_file, max_bytes=TEXT_FILE_MAX_BYTES, what="a text file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AskwellError(f"cannot read {text_file}: {exc}") from None


def read_stdin() -> str:
    """Return what stdin holds, refusing more than TEXT_FILE_MAX_BYTES characters."""
    from askwell.errors import AskwellError

    body = sys.stdin.read(TEXT_FILE_MAX_BYTES + 1)
    if len(body) > TEXT_FILE_MAX_BYTES:
        raise AskwellError(f"the text on stdin is longer than {TEXT_FILE_MAX_BYTES:,} characters")
    return body
