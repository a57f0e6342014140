"""Credentials the team server hands out (links, sessions, API tokens) and argon2id passwords."""

from __future__ import annotations

import hashlib
import secrets
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from askwell.errors import AskwellError

PASSWORD_MIN = 10
PASSWORD_MAX = 1024
TOKEN_PREFIX = "askw_"


def new_secret() -> str:
    """Return a fresh unguessable secret for a link or a session cookie."""
    return secrets.token_urlsafe(32)


def new_api_token() -> str:
    """Return a fresh API token (prefixed, so it is easy to spot in a leaked file)."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """Return the SHA-256 hex digest kept in the database instead of the secret itself."""
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


def same(given: str | None, expected: str) -> bool:
    """Compare two secrets in constant time."""
    return given is not None and secrets.compare_digest(given.encode(), expected.encode())


@lru_cache(maxsize=8)
def hasher(time_cost: int, memory_kib: int) -> PasswordHasher:
    """Return the argon2id hasher for these costs."""
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, type=Type.ID)


def check_password(password: str) -> str:
    """Return the password or raise a friendly error when it is too short or too long."""
    if len(password) < PASSWORD_MIN:
        raise AskwellError(
            f"please choose a password of at least {PASSWORD_MIN} characters "
            "(a few words in a row works well)"
        )
    if len(password) > PASSWORD_MAX:
        raise AskwellError(f"that password is longer than {PASSWORD_MAX} characters")
    return password


def hash_password(ph: PasswordHasher, password: str) -> str:
    """Return the argon2id hash of a (checked) password."""
    return ph.hash(check_password(password))


def verify_password(ph: PasswordHasher, stored: str, password: str) -> bool:
    """Return True when `password` matches; an empty stored hash never matches."""
    if not stored:
        ph.hash(password[:PASSWORD_MAX] or "x")  # same work either way: no timing hint
        return False
    try:
        return ph.verify(stored, password[:PASSWORD_MAX])
    except (VerificationError, InvalidHashError):
        return False
