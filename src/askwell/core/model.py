"""Domain objects and vocabularies: plain dataclasses, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from typing import Final, Literal, get_args

from askwell.core.chars import bad_character
from askwell.core.messages import Coded, listing

# The value lists, declared once: the Literal types (API schemas, export) and the tuples (checks,
# CLI help, web forms) are the same declaration; labels are what the web forms show.
SupportType = Literal[
    "advice", "emotional", "task", "feedback", "information", "introduction", "resources"
]
Relationship = Literal[
    "mentor", "manager", "colleague", "friend", "family", "partner", "professional", "community"
]
Barrier = Literal["burden", "incompetence", "perfectionism", "distrust", "shame"]
Urgency = Literal["low", "medium", "high"]
Channel = Literal["chat", "email", "call", "in-person"]
AnswerKind = Literal["yes", "no", "alternative", "no-reply"]
AskStatus = Literal["draft", "sent", "answered", "thanked", "closed"]
NeedStatus = Literal["open", "resolved", "dropped"]

SUPPORT_TYPES: Final[tuple[str, ...]] = get_args(SupportType)
RELATIONSHIPS: Final[tuple[str, ...]] = get_args(Relationship)
BARRIERS: Final[tuple[str, ...]] = get_args(Barrier)
URGENCIES: Final[tuple[str, ...]] = get_args(Urgency)
CHANNELS: Final[tuple[str, ...]] = get_args(Channel)
ANSWER_KINDS: Final[tuple[str, ...]] = get_args(AnswerKind)
ASK_STATES: Final[tuple[str, ...]] = get_args(AskStatus)
NEED_STATES: Final[tuple[str, ...]] = get_args(NeedStatus)
ANSWERED: Final = frozenset({"yes", "no", "alternative"})
"""Answer kinds that are a real answer (an alternative counts: they replied and offered)."""
HELPED: Final = frozenset({"yes", "alternative"})
"""Answer kinds in which the person offered help (a yes, or something else instead)."""

SUPPORT_LABELS: Final[dict[str, str]] = {
    "advice": "Advice",
    "emotional": "Emotional support",
    "task": "Hands-on help",
    "feedback": "Feedback or a review",
    "information": "Information or know-how",
    "introduction": "An introduction",
    "resources": "Resources (money, equipment, time)",
}
URGENCY_LABELS: Final[dict[str, str]] = {
    "low": "Low: it can wait",
    "medium": "Medium: in the next days",
    "high": "High: soon",
}
CHANNEL_LABELS: Final[dict[str, str]] = {
    "chat": "Chat",
    "email": "E-mail",
    "call": "Call",
    "in-person": "In person",
}


def choices(values: tuple[str, ...]) -> str:
    """Return "a, b or c" for help texts."""
    return ", ".join(values[:-1]) + f" or {values[-1]}" if len(values) > 1 else "".join(values)


DAY_NAMES: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

SUMMARY_MAX: Final = 200
TEXT_MAX: Final = 20_000
NAME_MAX: Final = 120


class DomainError(Coded, ValueError):
    """A value broke a rule of the domain: a catalogue code and data (see core/messages.py)."""


def check_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    """Return the normalised value or raise DomainError naming the allowed words."""
    norm = value.strip().lower()
    if norm not in allowed:
        raise DomainError("unknown_choice", what=what, value=value, allowed=listing(allowed))
    return norm


def check_text(value: str, what: str, limit: int, *, required: bool = True) -> str:
    """Return the stripped text or raise DomainError when empty (if required) or too long."""
    text = value.strip()
    if required and not text:
        raise DomainError("empty", what=what)
    if len(text) > limit:
        raise DomainError("too_long", what=what, length=len(text), limit=limit)
    bad = bad_character(text)
    if bad:
        raise DomainError("bad_character", what=what, char=bad)
    return text


WEEK_PARITIES: Final = ("odd", "even")


@dataclass(frozen=True)
class Window:
    """A weekly availability window in the person's own zone (days: 0=Monday, the start day).

    An end at or before the start runs past midnight into the next day ("22:00-07:00"), and
    `weeks` ("odd" or "even", by ISO week number) keeps it to alternate weeks of a rota.
    """

    days: frozenset[int]
    start: time
    end: time
    weeks: str = ""

    @property
    def overnight(self) -> bool:
        """Return True when the window runs past midnight into the next day."""
        return self.end <= self.start

    def opens_on(self, day: date) -> bool:
        """Return True when the window starts on this calendar day (weekday and week)."""
        if day.weekday() not in self.days:
            return False
        return not self.weeks or (day.isocalendar().week % 2 == 1) == (self.weeks == "odd")

    def render(self) -> str:
        """Return the window in the same syntax `parse_hours` reads."""
        return f"{_weeks_prefix(self.weeks)}{_render_days(self.days)} {_render_span(self)}"


def _weeks_prefix(weeks: str) -> str:
    return f"{weeks} weeks " if weeks else ""


def _render_span(window: Window) -> str:
    return f"{window.start:%H:%M}-{window.end:%H:%M}"


_SPAN = r"\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}"
_WINDOW_RE = re.compile(
    r"^\s*(?:(?P<weeks>odd|even)\s+weeks?\s*:?\s*)?(?P<days>[A-Za-z,\- ]+?)\s+"
    rf"(?P<spans>{_SPAN}(?:\s*,\s*{_SPAN})*)\s*$",
    re.IGNORECASE,
)
_SPAN_RE = re.compile(r"(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})")


def _parse_day(token: str) -> int:
    key = token.strip().lower()[:3]
    if key not in DAY_NAMES:
        raise DomainError("bad_day", value=token.strip())
    return DAY_NAMES.index(key)


def _parse_days(spec: str) -> frozenset[int]:
    days: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            first, last = (_parse_day(p) for p in part.split("-", 1))
            day = first
            while True:
                days.add(day)
                if day == last:
                    break
                day = (day + 1) % 7
        else:
            days.add(_parse_day(part))
    if not days:
        raise DomainError("no_days")
    return frozenset(days)


def _render_days(days: frozenset[int]) -> str:
    ordered = sorted(days)
    runs: list[list[int]] = []
    for d in ordered:
        if runs and runs[-1][-1] == d - 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    parts = []
    for run in runs:
        first, last = DAY_NAMES[run[0]].title(), DAY_NAMES[run[-1]].title()
        parts.append(first if len(run) == 1 else f"{first}-{last}")
    return ",".join(parts)


def _parse_time(value: str) -> time:
    hours, minutes = value.split(":")
    h, m = int(hours), int(minutes)
    if h == 24 and m == 0:
        return time(23, 59)
    if not (0 <= h < 24 and 0 <= m < 60):
        raise DomainError("bad_time", value=value)
    return time(h, m)


@lru_cache(maxsize=1024)  # pure, and read for every member on every team routing
def parse_hours(spec: str) -> tuple[Window, ...]:
    """Parse "Mon-Fri 07:00-11:00, 17:00-21:00; Sat 22:00-06:00; odd weeks Sun 10:00-14:00"."""
    windows = []
    for chunk in re.split(r"[;\n]", spec):
        if not chunk.strip():
            continue
        match = _WINDOW_RE.match(chunk)
        if not match:
            raise DomainError("bad_hours", value=chunk.strip())
        days = _parse_days(match["days"])
        weeks = (match["weeks"] or "").lower()
        for first, last in _SPAN_RE.findall(match["spans"]):
            start, end = _parse_time(first), _parse_time(last)
            if end == start:
                raise DomainError("hours_order", value=chunk.strip())
            windows.append(Window(days, start, end, weeks))
    return tuple(windows)


_HOURS_NOTE_RE = re.compile(
    r"(?:^|[\n;.])\s*(?:hours|availability|available|shifts?)\s*[:=-]\s*(?P<spec>[^\n]+)",
    re.IGNORECASE,
)


def hours_in_text(text: str) -> tuple[Window, ...]:
    """Return the hours written in free text as "Hours: Mon-Fri 22:00-07:00" (none: empty).

    Reads vCard notes and the like: the part after "Hours:", "Availability:" or "Shifts:",
    up to the end of its line; a line that does not read as hours is ignored, not an error.
    """
    for match in _HOURS_NOTE_RE.finditer(text):
        spec = re.split(r"\.(?:\s|$)", match["spec"])[0].strip()
        try:
            return parse_hours(spec)
        except DomainError:
            continue
    return ()


def render_hours(windows: tuple[Window, ...]) -> str:
    """Render windows back to the text form (spans on the same days share one entry)."""
    groups: list[tuple[Window, list[str]]] = []
    for w in windows:
        if groups and (groups[-1][0].days, groups[-1][0].weeks) == (w.days, w.weeks):
            groups[-1][1].append(_render_span(w))
        else:
            groups.append((w, [_render_span(w)]))
    return "; ".join(
        f"{_weeks_prefix(w.weeks)}{_render_days(w.days)} {', '.join(spans)}" for w, spans in groups
    )


def parse_list(value: str | None) -> tuple[str, ...]:
    """Split "a, b; c" into a tuple of distinct, stripped, non-empty items (order kept)."""
    if not value:
        return ()
    seen: dict[str, None] = {}
    for item in re.split(r"[,;]", value):
        item = item.strip()
        if item and item.lower() not in (k.lower() for k in seen):
            seen[item] = None
    return tuple(seen)


@dataclass
class Person:
    """Someone in the user's network who might help (a supporter)."""

    name: str
    relationship: str = "friend"
    topics: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    tz: str = "UTC"
    hours: tuple[Window, ...] = ()
    email: str | None = None
    phone: str | None = None
    channel: str | None = None
    stretched: bool = False
    notes: str = ""
    id: int | None = None
    uid: str | None = None
    created_at: datetime | None = None


@dataclass
class Need:
    """Something the user needs help with."""

    summary: str
    details: str = ""
    support_type: str = ""
    """One of SUPPORT_TYPES; left empty, `services.add_need` suggests it from the words."""
    urgency: str = "medium"
    deadline: date | None = None
    barriers: dict[str, int] = field(default_factory=dict)
    expect: int | None = None
    status: str = "open"
    topics: tuple[str, ...] = ()
    ask: str = ""
    """What they would do, as a verb phrase ("take over the weekly reporting for six weeks")."""
    size: str = ""
    """How big it is ("about 30 minutes", "two slides", "a one-line sign-off")."""
    situation: str = ""
    """The situation in a sentence, for the line before the ask."""
    id: int | None = None
    uid: str | None = None
    created_at: datetime | None = None


@dataclass
class Answer:
    """How a supporter answered an ask."""

    kind: str
    note: str = ""
    offered: str = ""
    at: datetime | None = None


@dataclass
class Ask:
    """A request for help: one need, one person, one text, one channel."""

    need_id: int
    person_id: int
    text: str = ""
    channel: str = "chat"
    status: str = "draft"
    answer: Answer | None = None
    sent_at: datetime | None = None
    thanked_at: datetime | None = None
    followed_up_at: datetime | None = None
    closed_at: datetime | None = None
    scheduled_for: datetime | None = None
    overridden: bool = False
    parent_id: int | None = None
    urgency_at_ask: str | None = None
    id: int | None = None
    uid: str | None = None
    created_at: datetime | None = None


@dataclass
class Boundary:
    """Do not ask this person about this need (or topic) again before `until`.

    Two kinds: the cooldown askwell sets after a no (linked to the need they declined), and a
    boundary the person gave you, which you recorded with its topic and reason.
    """

    person_id: int
    until: date
    need_id: int | None = None
    topic: str = ""
    reason: str = ""
    id: int | None = None
    uid: str | None = None
    created_at: datetime | None = None

    def active(self, today: date) -> bool:
        """Return True while the cooldown is still running on `today`."""
        return today < self.until

    @property
    def after_no(self) -> bool:
        """True for the cooldown askwell set after their no; False for a boundary they gave."""
        return self.need_id is not None


@dataclass
class Thanks:
    """A thank-you the user sent after an answer."""

    ask_id: int
    note: str = ""
    id: int | None = None
    uid: str | None = None
    created_at: datetime | None = None


@dataclass
class HelpGiven:
    """Help the user gave someone in their network (reciprocity)."""

    person_id: int
    summary: str
    id: int | None = None
    uid: str | None = None
    created_at: datetime | None = None


@dataclass
class JournalEntry:
    """A free reflection, optionally linked to a need, an ask or a person."""

    text: str
    need_id: int | None = None
    person_id: int | None = None
    ask_id: int | None = None
    kind: str = "reflection"
    id: int | None = None
    uid: str | None = None
    created_at: datetime | None = None


@dataclass
class History:
    """Everything one user owns, as plain data: the input of matching and insights."""

    people: list[Person] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)
    asks: list[Ask] = field(default_factory=list)
    boundaries: list[Boundary] = field(default_factory=list)
    thanks: list[Thanks] = field(default_factory=list)
    help_given: list[HelpGiven] = field(default_factory=list)
    journal: list[JournalEntry] = field(default_factory=list)
