"""The one catalogue of messages: errors carry a code and data; each front door words them.

Core and services raise `DomainError(code, **data)` / `AskwellError(code, **data)`; `str(err)`
is the plain wording below (no CLI flag, no API field). The CLI (`cli/_words.py`) and the JSON
API (`web/words.py`) may word a code for their medium: a CLI hint names a flag, the API a field.
"""

from __future__ import annotations

from typing import Any, Final

FREE_TEXT: Final = "message"
"""The code of an error raised with a ready sentence instead of a catalogue code."""

MESSAGES: Final[dict[str, str]] = {
    # values and texts
    "empty": "{what} cannot be empty",
    "too_long": "{what} is too long ({length} characters; the limit is {limit})",
    "bad_character": "{what} contains {char}; please remove it",
    "unknown_choice": "unknown {what} {value!r}; choose one of: {allowed}",
    "bad_tz": "unknown time zone {value!r}; use an IANA name like Europe/Berlin or UTC",
    "bad_email": "{value!r} does not look like an e-mail address",
    "bad_percent": "{what} must be between 0 and 100, not {value}",
    "bad_intensity": "barrier {barrier} needs an intensity from 0 to 3, not {value!r}",
    "too_many": "too many {what} ({count}; the limit is {limit})",
    "bad_day": "unknown day {value!r}; use Mon, Tue, Wed, Thu, Fri, Sat, Sun",
    "no_days": "an availability window needs at least one day",
    "bad_time": "{value!r} is not a time of day (use HH:MM, 00:00-24:00)",
    "bad_hours": (
        "cannot read availability {value!r}; write it like 'Mon-Fri 09:00-17:00' (also "
        "'Mon-Fri 22:00-06:00', 'Mon-Fri 07:00-11:00, 17:00-21:00' or 'odd weeks Sat 09:00-17:00')"
    ),
    "hours_order": "in {value!r} the start and end are the same time; a window needs some length",
    "bad_cooldown": "the cooldown must be 1 to {limit} days, not {value}",
    "past_date": "the date {value} has passed; give a date in the future",
    "bad_date": "cannot read the date {value!r}; try {examples}",
    "far_date": "{value} is too far off; give a date up to the year {year}",
    "too_early": "{value} is too long ago; {what} can be dated from {year} on",
    "future_date": "{value} is still to come; {what} can only be dated today or earlier",
    "bad_followup_days": "{setting} must be a number of days from 1 to 60, not {value!r}",
    "search_too_long": "the search is too long (limit {limit} characters)",
    "nothing_to_change": "nothing to change: say what to change (see the options)",
    # records and people
    "not_found": "no {what} with id {id}",
    "no_such_person": "no one in your network is called {value!r}",
    "ambiguous_person": "{value!r} could be {candidates}; say which (a longer name or the id)",
    "duplicate_person": (
        "{name} may already be in your network (#{id}, same {field}); "
        "add them anyway only if this is someone else"
    ),
    "trash_empty": "nothing to undo: the trash is empty (deleted records stay there {days} days)",
    "restore_missing": (
        "cannot bring back {label}: the {what} it belongs to is gone; restore that first"
    ),
    "merge_same": "that is the same person; choose two different people to merge",
    # asks
    "cooldown": (
        "{name} said no to this{on}; askwell will not suggest asking again before "
        "{until}. Consider someone else, or ask anyway if things have changed"
    ),
    "boundary": (
        "{name} asked not to be asked {about} before {until}{why}. Consider someone else, "
        "or ask anyway if things have changed"
    ),
    "already_sent": "ask {id} was already sent (it is {status})",
    "answer_draft": "ask {id} is still a draft; send it before recording an answer",
    "already_answered": "ask {id} already has the answer {kind!r}",
    "answer_final": "ask {id} is already {status}; its answer is recorded",
    "offer_missing": "say what was offered instead",
    "already_thanked": "ask {id} was already thanked",
    "thanks_before_answer": (
        "ask {id} is {status}; a thank-you follows an answer (record one first)"
    ),
    "thanks_no_reply": (
        "ask {id} has no reply yet; send a gentle follow-up instead of a thank-you"
    ),
    "already_followed_up": (
        "ask {id} already had its follow-up on {on}; one is enough, so let it rest"
    ),
    "follow_up_answered": "ask {id} is {status}; only an unanswered ask gets a follow-up",
    "follow_up_soon": "ask {id} was sent less than {days} days ago; give it a little more time",
    "already_closed": "ask {id} is already closed",
    "close_draft": "ask {id} is a draft; delete it or send it instead",
    "draft_has_no_date": "ask {id} is still a draft; it gets its date when you send it",
    "no_answer_yet": "ask {id} has no answer yet, so there is no {what} to change",
    "thanked_no_reply": ("ask {id} was thanked, so they did answer; choose yes, no or alternative"),
    "no_followup_yet": "ask {id} has had no follow-up yet, so there is no {what} to change",
    "answer_before_ask": "ask {id} was sent on {on}; its answer must be dated that day or later",
    "answer_after_thanks": (
        "ask {id} was thanked on {on}; its answer must be dated that day or earlier"
    ),
    "no_thanks_yet": "ask {id} has no thank-you yet, so there is no {what} to change",
    "thanks_before_answered": (
        "ask {id} was answered on {on}; its thank-you must be dated that day or later"
    ),
    "followup_before_ask": (
        "ask {id} was sent on {on}; its follow-up must be dated that day or later"
    ),
    "ask_after_answer": (
        "ask {id} was answered on {on}; the ask itself must be dated that day or earlier"
    ),
    # moments
    "slot_count": "the number of moments must be between 1 and {limit}",
    "slot_number": "pick a suggested moment from 1 to {limit}, not {value}",
    "few_slots": "only {found} good moments were found for {name}",
    "bad_moment": (
        "cannot read the moment {value!r}; give a suggested moment's number or a time like "
        "2026-03-02T10:00 (their time zone unless you add an offset)"
    ),
    "time_skipped": (
        "{when} does not exist in {zone} (the clocks jump forward); the nearest times are "
        "{before} and {after}"
    ),
    "time_repeated": (
        "{when} happens twice in {zone} (the clocks go back): the first is {first}, the "
        "second {second}; say which"
    ),
    "time_past": "{when} has already passed; pick a time to come",
    # the store and the disk (storage/failures.py)
    "store_busy": "askwell is busy with an import; try again in a moment",
    "store_full": (
        "the disk is full; once there is some free space, it will work (nothing was changed)"
    ),
    "store_read_only": (
        "the database cannot be written here (read-only file or folder); nothing was changed"
    ),
    "store_damaged": "the database file is damaged; restore it from a backup or an export",
    "store_cannot_open": (
        "the database file cannot be opened (check that the folder exists and is yours)"
    ),
    "store_io": (
        "the disk reported an error while reading or writing the database; nothing was changed"
    ),
    "store_range": "a number or text is too large for the database",
    "store_nul": "text with a NUL character cannot be stored",
    "store_newer": (
        "this database was last used by a newer askwell (schema {schema}); "
        "please upgrade askwell to open it"
    ),
    "store_open_failed": "cannot open the database {url}: {reason}",
    "disk_full": "the disk is full; once there is some free space, it will work",
    "place_read_only": "that place is read-only; choose another",
    "quota_full": "the disk quota is used up; once there is some free space, it will work",
}


def word(code: str, data: dict[str, Any], catalogue: dict[str, str] | None = None) -> str:
    """Return the message for `code` from `catalogue` (the plain one when it has no entry)."""
    if code == FREE_TEXT:
        return str(data.get("text", ""))
    template = (catalogue or {}).get(code) or MESSAGES[code]
    return template.format(**data)


class Coded(Exception):
    """An error with a catalogue code and the data to word it; `str()` is the plain wording."""

    code: str
    data: dict[str, Any]

    def __init__(self, code: str, /, **data: Any) -> None:
        if code in MESSAGES:
            self.code, self.data = code, data
        else:  # a ready sentence (front-door or legacy code): kept as it is
            self.code, self.data = FREE_TEXT, {"text": code, **data}
        super().__init__(word(self.code, self.data))


def listing(values: tuple[str, ...] | list[str]) -> str:
    """Return "a, b, c" for a message."""
    return ", ".join(values)
