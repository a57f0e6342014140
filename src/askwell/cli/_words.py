"""How the CLI words catalogue errors: the plain message, with a hint that names the flag."""

from __future__ import annotations

from askwell.core.messages import word as _word

_RETRY = "Consider someone else, or use --override if things have changed"

CLI_WORDS: dict[str, str] = {
    "cooldown": (
        "{name} said no to this{on}; askwell will not suggest asking again before {until}. "
        + _RETRY
    ),
    "boundary": "{name} asked not to be asked {about} before {until}{why}. " + _RETRY,
    "offer_missing": "say what was offered instead (use --offered or --note)",
    "slot_count": "--count must be between 1 and {limit}",
    "slot_number": "--at {value}: pick a suggested slot from 1 to {limit}",
    "bad_moment": (
        "cannot read --at {value!r}; give a slot number from `askwell when` or a time like "
        "2026-03-02T10:00 (their time zone unless you add an offset)"
    ),
    "bad_cooldown": "--cooldown must be 1 to {limit} days, not {value}",
    "duplicate_person": (
        "{name} may already be in your network (#{id}, same {field}); "
        "add --allow-duplicate if this is someone else"
    ),
    "ambiguous_person": "{value!r} could be {candidates}; give a longer name or the id",
    "nothing_to_change": "nothing to change: give at least one option (see --help)",
    "search_too_long": "--search is too long (limit {limit} characters)",
    "time_repeated": (
        "{when} happens twice in {zone} (the clocks go back): add --fold 0 for the first, "
        "{first}, or --fold 1 for the second, {second}"
    ),
    "time_past": "{when} has already passed; pick a time to come (or add --allow-past)",
    "store_damaged": (
        "the database file is damaged; restore it from a backup or bring back an export "
        "with `askwell import FILE` into a new --db"
    ),
}


def word(exc: BaseException) -> str:
    """Return the one-line message the CLI prints for a user error."""
    code = getattr(exc, "code", None)
    data = getattr(exc, "data", None)
    if not isinstance(code, str) or not isinstance(data, dict):
        return str(exc)
    return _word(code, data, CLI_WORDS)
