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


# (text in the driver's message, error class, catalogue code); checked in order, lower-cased.
# The words are in core/messages.py ("store_*"); the CLI and the API may word them their way.
_MESSAGES: tuple[tuple[str, type[AskwellError], str], ...] = (
    ("database is locked", StoreBusy, "store_busy"),
    ("database table is locked", StoreBusy, "store_busy"),
    ("lock timeout", StoreBusy, "store_busy"),
    ("canceling statement due to lock timeout", StoreBusy, "store_busy"),
    ("database or disk is full", StoreFull, "store_full"),
    ("no space left", StoreFull, "store_full"),
    ("could not extend file", StoreFull, "store_full"),
    ("readonly database", StoreUnavailable, "store_read_only"),
    ("read-only", StoreUnavailable, "store_read_only"),
    ("malformed", StoreUnavailable, "store_damaged"),
    ("file is not a database", StoreUnavailable, "store_damaged"),
    ("unable to open database file", StoreUnavailable, "store_cannot_open"),
    ("disk i/o error", StoreUnavailable, "store_io"),
    ("too large to convert", OutOfRange, "store_range"),
    ("out of range", OutOfRange, "store_range"),
    ("nul (0x00)", OutOfRange, "store_nul"),
)

_ERRNO: dict[int, tuple[type[AskwellError], str]] = {
    errno.ENOSPC: (StoreFull, "disk_full"),
    errno.EROFS: (StoreUnavailable, "place_read_only"),
    errno.EDQUOT: (StoreFull, "quota_full"),
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
            kind, code = _ERRNO[current.errno]
            return kind(code)
        text = str(current).lower()
        for needle, kind, code in _MESSAGES:
            if needle in text and _from_store(current):
                return kind(code)
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
