"""What the team client expects of each server answer, checked before a command reads it.

A shape is plain data: a type (`str`, `int`), `ANY`, a dict (an object with at least those
keys), a one-item list (a list whose items all have that shape), `Many(shape)` (an object whose
values all have that shape) or `Maybe(shape)` (the key may be absent or null). `problem()` says
in words where an answer first differs, so a server of another version, or something that is
not askwell at all, gets one clear line naming the request instead of a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ANY: Any = object()  # anything at all (what a command only passes on or does not read)


@dataclass(frozen=True)
class Maybe:
    """A value that may be absent or null, else has `shape`."""

    shape: Any


@dataclass(frozen=True)
class Many:
    """An object whose values (under any keys) all have `shape`."""

    shape: Any


@dataclass(frozen=True)
class Expect:
    """What one request should answer: `what` in plain words, and its shape."""

    what: str
    shape: Any


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


_WANTED = {str: "text", int: "a whole number"}


def problem(value: object, shape: Any, where: str = "") -> str | None:
    """Return where `value` first differs from `shape`, in words (None when it fits)."""
    named = f"{where!r}" if where else "the answer"
    if shape is ANY or (isinstance(shape, Maybe) and value is None):
        return None
    if isinstance(shape, Maybe):
        return problem(value, shape.shape, where)
    if isinstance(shape, dict | Many):
        if not isinstance(value, dict):
            return f"{named} is {_kind(value)}, not an object"
        pairs = shape.items() if isinstance(shape, dict) else ((k, shape.shape) for k in value)
        for key, inner in pairs:
            if key not in value and not isinstance(inner, Maybe):
                return f"{(where + '.' if where else '') + key!r} is missing"
            found = problem(value.get(key), inner, f"{where}.{key}" if where else key)
            if found:
                return found
        return None
    if isinstance(shape, list):
        if not isinstance(value, list):
            return f"{named} is {_kind(value)}, not a list"
        for i, item in enumerate(value):
            found = problem(item, shape[0], f"{where}[{i}]")
            if found:
                return found
        return None
    fits = isinstance(value, shape) and not (shape is int and isinstance(value, bool))
    return None if fits else f"{named} is {_kind(value)}, not {_WANTED.get(shape, shape)}"


PERSON = {"id": int, "name": str}
NAMED = {"name": str}
NEED = {
    "id": int,
    "team_id": int,
    "status": str,
    "summary": str,
    "details": Maybe(str),
    "author": NAMED,
    "to": Maybe(NAMED),
}
ASK = {
    "id": int,
    "summary": str,
    "status": str,
    "asker": NAMED,
    "helper": NAMED,
    "answer": Maybe({"kind": str}),
    "thanked_at": Maybe(str),
}
PROFILE = {
    "user_id": int,
    "name": str,
    "topics": [str],
    "away_until": Maybe(str),
    "stretched": Maybe(ANY),
}

TEAMS = Expect("a list of your teams", [PERSON])
MEMBERS = Expect("a list of the team's members", [{"role": str, "profile": PROFILE}])
SIGNED_IN = Expect("a signed-in session", {"csrf_token": Maybe(str)})
TOKEN = Expect("a new API token", {"id": int, "token": str})
ME = Expect("your account and teams", {"user": {"name": str, "email": str}, "teams": [NAMED]})
SHARED = Expect("the need you shared", {"need": NEED, "ask": Maybe({"id": int, "helper": NAMED})})
NEEDS = Expect("a list of needs", [NEED])
ONE_NEED = Expect("a need", NEED)
ROUTE = Expect(
    "whom to ask",
    {
        "suggested": [{"person": PERSON, "factors": Many({"reason": Maybe(str)})}],
        "unavailable": [{"person": NAMED, "flags": [str]}],
    },
)
ONE_ASK = Expect("an ask", ASK)
ASKS = Expect("a list of asks", [ASK])
SETTINGS = Expect(
    "your notification settings",
    {"muted": [str], "kinds": Many(str), "webhooks": [{"id": int, "url": str}]},
)
WEBHOOK = Expect("the new webhook", {"id": int, "secret": str})
