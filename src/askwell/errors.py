"""Errors a user can cause and fix; every front door turns them into a message, not a traceback.

Each carries a catalogue code and data (`askwell.core.messages`); `str(err)` is the plain
wording, and the CLI and the API may word the same code for their medium.
"""

from __future__ import annotations

from askwell.core.messages import Coded
from askwell.core.model import DomainError


class AskwellError(Coded):
    """A problem the user can fix: `code`, `data`, and a one-line `str(err)` safe to show."""

    status_code = 400


class NotFound(AskwellError):
    """An id that does not exist (or is not yours)."""

    status_code = 404


class Conflict(AskwellError):
    """A request that clashes with the current state (a cooldown, an illegal transition)."""

    status_code = 409


USER_ERRORS: tuple[type[Exception], ...] = (AskwellError, DomainError)

__all__ = ["USER_ERRORS", "AskwellError", "Conflict", "DomainError", "NotFound"]
