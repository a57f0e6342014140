"""Errors a user can cause and fix; every front door turns them into a message, not a traceback."""

from __future__ import annotations

from askwell.core.model import DomainError


class AskwellError(Exception):
    """A problem the user can fix; `str(err)` is a one-line message safe to show."""

    status_code = 400


class NotFound(AskwellError):
    """An id that does not exist (or is not yours)."""

    status_code = 404


class Conflict(AskwellError):
    """A request that clashes with the current state (a cooldown, an illegal transition)."""

    status_code = 409


USER_ERRORS: tuple[type[Exception], ...] = (AskwellError, DomainError)

__all__ = ["USER_ERRORS", "AskwellError", "Conflict", "DomainError", "NotFound"]
