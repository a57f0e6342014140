"""Name what went wrong below askwell (a busy, full, read-only or damaged store) in one line."""

from __future__ import annotations

import errno

from askwell.errors import AskwellError


class StoreBusy(AskwellError):
    """Another writer (in practice a long import) held the store past the busy timeout."""

    status_code = 503


class StoreUnavailable(AskwellError):
    """The store or the disk under it cannot take the change (full, read-only, damaged)."""

    status_code = 503


class StoreFull(StoreUnavailable):
    """The disk under the store (or the file being written) is full."""

    status_code = 507


class OutOfRange(AskwellError):
    """A value the database cannot hold slipped past validation (the last line of defence)."""

    status_code = 400


BUSY = "askwell is busy with an import; try again in a moment"
FULL = "the disk is full; free some space and try again (nothing was changed)"
READ_ONLY = "the database cannot be written here (read-only file or folder); nothing was changed"
DAMAGED = (
    "the database file is damaged; restore it from a backup or an export (askwell export / import)"
)
CANNOT_OPEN = "the database file cannot be opened (check that the folder exists and is yours)"
IO = "the disk reported an error while reading or writing the database; nothing was changed"
RANGE = "a number or text is too large for the database"

# (text in the driver's message, error class, message); checked in order, lower-cased
_MESSAGES: tuple[tuple[str, type[AskwellError], str], ...] = (
    ("database is locked", StoreBusy, BUSY),
    ("database table is locked", StoreBusy, BUSY),
    ("lock timeout", StoreBusy, BUSY),
    ("canceling statement due to lock timeout", StoreBusy, BUSY),
    ("database or disk is full", StoreFull, FULL),
    ("no space left", StoreFull, FULL),
    ("could not extend file", StoreFull, FULL),
    ("readonly database", StoreUnavailable, READ_ONLY),
    ("read-only", StoreUnavailable, READ_ONLY),
    ("malformed", StoreUnavailable, DAMAGED),
    ("file is not a database", StoreUnavailable, DAMAGED),
    ("unable to open database file", StoreUnavailable, CANNOT_OPEN),
    ("disk i/o error", StoreUnavailable, IO),
    ("too large to convert", OutOfRange, RANGE),
    ("out of range", OutOfRange, RANGE),
    ("nul (0x00)", OutOfRange, "text with a NUL character cannot be stored"),
)

_ERRNO: dict[int, tuple[type[AskwellError], str]] = {
    errno.ENOSPC: (StoreFull, "the disk is full; free some space and try again"),
    errno.EROFS: (StoreUnavailable, "that place is read-only; choose another"),
    errno.EDQUOT: (StoreFull, "your disk quota is used up; free some space and try again"),
}


def explain(exc: BaseException) -> AskwellError | None:
    """Return the one-line user error for a database or disk failure, or None if unknown."""
    from sqlalchemy.exc import StatementError

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, AskwellError):
            return current
        if isinstance(current, OSError) and current.errno in _ERRNO:
            kind, message = _ERRNO[current.errno]
            return kind(message)
        text = str(current).lower()
        for needle, kind, message in _MESSAGES:
            if needle in text and _from_store(current):
                return kind(message)
        if isinstance(current, StatementError) and current.orig is not None:
            current = current.orig
        else:
            current = current.__cause__ or current.__context__
    return None


def _from_store(exc: BaseException) -> bool:
    """Return True for errors raised by the database layer (not any error with such words)."""
    module = type(exc).__module__.split(".", 1)[0]
    return module in {"sqlalchemy", "sqlite3", "psycopg", "psycopg2", "alembic"} or isinstance(
        exc, OverflowError
    )
