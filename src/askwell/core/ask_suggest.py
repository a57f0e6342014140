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
    r"(?:st|nd|rd|th)?)(?:,?\s+(?P<year>20\d\d))?\b",
    re.I,
)
_NUMBER = r"(?:\d{1,3}|a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|half\s+an?)"
_SIZE = re.compile(
    r",?\s+(?:(?:for|in|taking|that takes)\s+)?(?P<about>(?:about|around|roughly|under)\s+)?"
    rf"(?P<amount>{_NUMBER})[\s-]+(?P<unit>min(?:ute)?s?|hours?|hrs?)\b",
    re.I,
)
# A date or a size comes out of the ask only where the words left still read: at the end, or
# before a phrase that goes on from the verb ("review the deck [by Friday] for the board").
# Cut from anywhere else, "before Monday's talk" left "review my slides's talk" and "by
# Friday morning" left "review my CV morning"; there the phrase stays in the ask whole.
_END = re.compile(r"[\s.!?]*$")
_AFTER_SIZE = re.compile(
    r"\s+(?:for|with|to|from|in|on|about|via|without|by|before|after|until|this|next|tomorrow|"
    r"today|so|because|as|since|if|when|while|unless|and|or|then|please)\b|[,;:)]",
    re.I,
)
# A deadline that stays whole still names its day when what follows only says more of when
# ("by Friday morning", "at 5pm", "please") or starts a clause of its own ("so I can practise").
_MORE_OF_WHEN = re.compile(
    r",|\s+(?:(?:in|on)\s+the\s+)?(?:morning|afternoon|evening|night|lunch(?:time)?|noon|midday|"
    r"end\s+of\s+(?:the\s+)?day|eod|at|please|latest|if\s+possible|so|because|as|since|if|"
    r"when|while|unless|and|or|then)\b",
    re.I,
)
_AFTER_DATE = re.compile(r"\s+(?:for|with|to|from|in|on|about|via|without)\s", re.I)
_UNITS = {"min": "minutes", "mins": "minutes", "minute": "minutes", "hr": "hour", "hrs": "hours"}


@dataclass(frozen=True)
class AskSuggestion:
    """What the summary already says: the ask as a verb phrase, its size, and by when."""

    ask: str = ""
    size: str = ""
    by: date | None = None


def _next_day(when: str, year: str | None, today: date) -> date | None:
    """Return the next date named by "friday", "tomorrow", "3 march" or "march 3 2027" (or None)."""
    word = when.lower().split()
    if len(word) == 1:  # "tomorrow" or a day of the week
        if year:
            return None
        if word[0] == "tomorrow":
            return today + timedelta(days=1)
        i = next(i for i, name in enumerate(_DAYS) if name.startswith(word[0][:3]))
        return today + timedelta(days=(i - today.weekday() - 1) % 7 + 1)
    day_word, month_word = (word[0], word[1]) if word[0][0].isdigit() else (word[1], word[0])
    month = _MONTHS.index(month_word[:3]) + 1
    day = int(re.sub(r"\D", "", day_word))
    for each in (int(year),) if year else (today.year, today.year + 1):
        try:
            found = date(each, month, day)
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


def _deadline(text: str, today: date) -> tuple[str, date | None]:
    """Return the text without its "by Friday" (when the rest still reads) and that date."""
    for found in _BY.finditer(text):
        by = _next_day(found["when"], found["year"], today)
        rest = text[found.end() :]
        if by is None:
            continue
        if _END.match(rest) or _AFTER_DATE.match(rest):
            return (text[: found.start()] + rest).strip(), by
        if _MORE_OF_WHEN.match(rest):
            return text, by
    return text, None


def _sized(text: str) -> tuple[str, str]:
    """Return the text without its "for 20 minutes" (when the rest still reads) and that size."""
    for found in _SIZE.finditer(text):
        rest = text[found.end() :]
        if _END.match(rest) or _AFTER_SIZE.match(rest):
            return (text[: found.start()] + rest).strip(), _size(found)
    return text, ""


def suggest(summary: str, support: str = "advice", *, today: date) -> AskSuggestion:
    """Return the ask, size and date the summary already names (empty parts where it names none).

    The ask is what drafts would ask for when no ask is given (an open question has none);
    a "by Friday" or "for about 20 minutes" in the summary moves to the date and the size
    where the ask still reads without it, and stays in the ask where it does not.
    """
    text, size = _sized(clean(summary))
    text, by = _deadline(text, today)
    ask = verb_phrase(text, support) if text else ""
    return AskSuggestion("" if ask == THINK_IT_THROUGH else ask, size, by)
