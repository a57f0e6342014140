"""How the JSON API words catalogue errors: the plain message, naming the request's field."""

from __future__ import annotations

from askwell.core.messages import word as _word

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
}


def word(exc: BaseException, *, api: bool = True) -> str:
    """Return the message for a user error: the API's wording, or the plain one for pages."""
    code = getattr(exc, "code", None)
    data = getattr(exc, "data", None)
    if not isinstance(code, str) or not isinstance(data, dict):
        return str(exc)
    return _word(code, data, API_WORDS if api else None)
