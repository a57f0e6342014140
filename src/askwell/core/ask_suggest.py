"""Read a need's structured ask from its one-line summary: what they would do, its size, by when.

"A colleague to take over the weekly reporting for 6 weeks" already says what the person
would do ("take over the weekly reporting for 6 weeks"); "Review my CV by Friday, 20 minutes"
also says by when and how long. These are suggestions for the Define step and `need add`:
the person sees them and may change every word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from askwell.core.compose_parts import THINK_IT_THROUGH, clean, verb_phrase

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*"
_BY = re.compile(
    r",?\s+(?:by|before)\s+(?:(?:this|next)\s+)?"
    rf"(?P<when>tomorrow|{_DAY}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}"
    # not "before Monday's talk": that names an event, so the phrase stays in the ask whole
    r"(?:st|nd|rd|th)?)\b(?!['\u2019]s\b)",
    re.I,
)
_NUMBER = r"(?:\d{1,3}|a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|half\s+an?)"
_SIZE = re.compile(
    r",?\s+(?:(?:for|in|taking|that takes)\s+)?(?P<about>(?:about|around|roughly|under)\s+)?"
    rf"(?P<amount>{_NUMBER})[\s-]+(?P<unit>min(?:ute)?s?|hours?|hrs?)\b",
    re.I,
)
_UNITS = {"min": "minutes", "mins": "minutes", "minute": "minutes", "hr": "hour", "hrs": "hours"}


@dataclass(frozen=True)
class AskSuggestion:
    """What the summary already says: the ask as a verb phrase, its size, and by when."""

    ask: str = ""
    size: str = ""
    by: date | None = None


def _next_day(when: str, today: date) -> date | None:
    """Return the next date named by "friday", "tomorrow", "3 march" or "march 3" (None if none)."""
    word = when.lower().split()
    if word[0] == "tomorrow":
        return today + timedelta(days=1)
    for i, name in enumerate(_DAYS):
        if len(word) == 1 and name.startswith(word[0][:3]):
            return today + timedelta(days=(i - today.weekday() - 1) % 7 + 1)
    day_word, month_word = (word[0], word[1]) if word[0][0].isdigit() else (word[1], word[0])
    month = _MONTHS.index(month_word[:3]) + 1
    day = int(re.sub(r"\D", "", day_word))
    for year in (today.year, today.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found >= today:
            return found
    return None


def _size(m: re.Match[str]) -> str:
    amount = " ".join(m["amount"].lower().split())
    unit = m["unit"].lower()
    unit = _UNITS.get(unit, unit)
    if amount in ("1", "one", "a", "an") or amount.startswith("half"):
        unit = unit.rstrip("s") if unit != "minutes" else "minute"
        amount = "half an" if amount.startswith("half") else "an" if unit == "hour" else "a"
    return f"about {amount} {unit}"


def suggest(summary: str, support: str = "advice", *, today: date) -> AskSuggestion:
    """Return the ask, size and date the summary already names (empty parts where it names none).

    The ask is what drafts would ask for when no ask is given (an open question has none);
    a "by Friday" or "for about 20 minutes" in the summary moves to the date and the size.
    """
    text = clean(summary)
    by = None
    found = _BY.search(text)
    if found:
        by = _next_day(found["when"], today)
        if by is not None:
            text = (text[: found.start()] + text[found.end() :]).strip()
    size = ""
    sized = _SIZE.search(text)
    if sized:
        size = _size(sized)
        text = (text[: sized.start()] + text[sized.end() :]).strip()
    ask = verb_phrase(text, support) if text else ""
    return AskSuggestion("" if ask == THINK_IT_THROUGH else ask, size, by)
