"""How the JSON API words catalogue errors: the plain message, naming the request's field."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from askwell.core.messages import word as _word
from askwell.errors import AskwellError

_RETRY = 'Consider someone else, or send "override": true if things have changed'

API_WORDS: dict[str, str] = {
    "cooldown": (
        "{name} said no to this{on}; askwell will not suggest asking again before {until}. "
        + _RETRY
    ),
    "boundary": "{name} asked not to be asked {about} before {until}{why}. " + _RETRY,
    "offer_missing": 'say what was offered instead (in "offered" or "note")',
    "slot_count": '"count" must be between 1 and {limit}',
    "slot_number": '"at": pick a suggested slot from 1 to {limit}, not {value}',
    "bad_moment": (
        'cannot read "at" {value!r}; give a suggested slot number or a time like '
        "2026-03-02T10:00 (their time zone unless you add an offset)"
    ),
    "bad_cooldown": '"cooldown_days" must be 1 to {limit}, not {value}',
    "duplicate_person": (
        '{name} may already be in your network (#{id}, same {field}); send "allow_duplicate": '
        "true if this is someone else"
    ),
    "store_damaged": (
        "the database file is damaged; restore it from a backup, or start askwell on a new "
        "database and send an export to POST /api/import"
    ),
    "store_busy": "askwell is busy with an import; try again in a moment (see Retry-After)",
    "bad_date": 'cannot read the date {value!r} in "{field}"; try {examples}',
}


def word(exc: BaseException, *, api: bool = True) -> str:
    """Return the message for a user error: the API's wording, or the plain one for pages."""
    code = getattr(exc, "code", None)
    data = getattr(exc, "data", None)
    if not isinstance(code, str) or not isinstance(data, dict):
        return str(exc)
    try:
        return _word(code, data, API_WORDS if api else None)
    except KeyError:  # raised without the request's field: the plain wording
        return str(exc)


DATE_PROBLEMS = frozenset(
    {
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
        "datetime_type",
        "datetime_parsing",
        "datetime_object_invalid",
        "datetime_from_date_parsing",
    }
)
"""Pydantic's ways of saying a date or a time in a request cannot be read."""

PLACES = ("body", "query", "path", "header", "cookie")
SHOWN = 40


def _field(loc: Sequence[Any]) -> tuple[str, ...]:
    """Return the field of a problem: no "body" in front, no union member ("date") behind."""
    parts = tuple(str(p) for p in loc)
    if parts and parts[0] in PLACES:
        parts = parts[1:]
    if len(parts) > 1 and parts[-1] in ("date", "datetime"):
        parts = parts[:-1]
    return parts


def bad_date(problems: Sequence[dict[str, Any]]) -> AskwellError | None:
    """Return a `bad_date` error for the first date of a request that cannot be read, if any.

    The error names the field and shows what was sent (cut short); its examples say whether
    the field takes a day ("2026-11-20") or also a time ("2026-11-20T10:00").
    """
    dated = [p for p in problems if p.get("type") in DATE_PROBLEMS]
    if not dated:
        return None
    field = _field(dated[0].get("loc", ()))
    kinds = {str(p["type"]).split("_")[0] for p in dated if _field(p.get("loc", ())) == field}
    raw = dated[0].get("input")
    value = raw if isinstance(raw, str) else json.dumps(raw, default=str)
    value = value if len(value) <= SHOWN else value[:SHOWN] + "..."
    day, time = '"2026-11-20"', '"2026-11-20T10:00"'
    examples = day if kinds == {"date"} else f"{day} or {time}"
    error = AskwellError("bad_date", value=value, examples=examples, field=".".join(field))
    error.status_code = 422
    return error
