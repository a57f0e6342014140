"""Dates as people say them: "yesterday", "last friday", "3 days ago", "20 nov", "2026-11-20"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from askwell.core.model import DomainError

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_UNITS = {"day": 1, "week": 7}
_AGO = re.compile(r"^(\d{1,3}|a|an|one|two|three)\s+(day|week)s?\s+ago$")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
EXAMPLES = '"today", "yesterday", "last friday", "3 days ago", "20 nov" or "2026-11-20"'


def _weekday(word: str) -> int | None:
    word = word.rstrip(".")
    if len(word) < 3:
        return None
    for i, name in enumerate(_DAYS):
        if name.startswith(word):
            return i
    return None


def _month(word: str) -> int | None:
    word = word.rstrip(".")
    if len(word) < 3:
        return None
    for i, name in enumerate(_MONTHS):
        if name.startswith(word):
            return i + 1
    return None


def _day_month(words: list[str], today: date) -> date | None:
    """Read "20 nov", "nov 20", "20 november 2026", "november 20, 2026"."""
    words = [w.rstrip(",") for w in words]
    if len(words) not in (2, 3):
        return None
    first, second = words[0], words[1]
    if first.isdigit() and _month(second):
        day, month = int(first), _month(second)
    elif second.isdigit() and _month(first):
        day, month = int(second), _month(first)
    else:
        return None
    assert month is not None
    year = int(words[2]) if len(words) == 3 and words[2].isdigit() else None
    try:
        found = date(year or today.year, month, day)
        if year is None and found > today:  # "20 dec" in November means last December
            found = date(today.year - 1, month, day)
    except ValueError:
        return None
    return found


def parse_day(text: str, today: date) -> date:
    """Return the date `text` names, counting from `today`; unreadable text is a DomainError."""
    words = text.strip().lower().split()
    phrase = " ".join(words)
    found: date | None = None
    if phrase in ("today", "now", "tonight", "this morning", "this evening"):
        found = today
    elif phrase in ("yesterday", "last night"):
        found = today - timedelta(days=1)
    elif phrase in ("day before yesterday", "the day before yesterday"):
        found = today - timedelta(days=2)
    elif phrase in ("last week", "a week back"):  # jrnl's -from "last week": seven days back
        found = today - timedelta(days=7)
    elif phrase in ("tomorrow",):
        found = today + timedelta(days=1)
    elif match := _AGO.match(phrase):
        count = _NUMBERS.get(match[1]) or int(match[1])
        found = today - timedelta(days=count * _UNITS[match[2]])
    elif len(words) in (1, 2) and _weekday(words[-1]) is not None:
        if len(words) == 2 and words[0] not in ("last", "on", "this", "past"):
            raise DomainError("bad_date", value=text, examples=EXAMPLES)
        back = (today.weekday() - (_weekday(words[-1]) or 0)) % 7
        if words[0] == "last" and len(words) == 2 and back == 0:
            back = 7
        found = today - timedelta(days=back)
    else:
        try:
            found = date.fromisoformat(phrase)
        except ValueError:
            found = _day_month(words, today)
    if found is None:
        raise DomainError("bad_date", value=text, examples=EXAMPLES)
    return found
