"""Choose the moment: good time slots in the supporter's own time zone, and a lighter pre-ask.

Rules (documented in docs/matching.md):
- slots fall inside the person's availability windows, read in *their* zone (zoneinfo, so
  daylight-saving switches keep the wall-clock time); without windows we assume 09:00-18:00
  on weekdays and 10:00-20:00 at weekends;
- never late at night: a window within one day is kept to 08:00-22:00 their time; a window
  that runs past midnight ("Mon-Fri 22:00-07:00") is a night schedule and is taken as written;
- split shifts give several windows a day; "odd weeks" / "even weeks" windows open only in
  those ISO weeks (a rota that alternates weekly);
- lengths are real time, so a window that spans a clock change is as long as it really is, and
  a window opening in a skipped hour opens when the clocks resume;
- no weekends for work asks: a support type of task, feedback, information or introduction,
  or a manager or colleague as the person;
- a person flagged as stretched thin is not asked this week: slots start next Monday;
- at most one slot per opening day, at least 30 minutes from now, on a quarter hour;
- with a deadline, slots before it come first (they are chronological); later ones say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from itertools import islice
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from askwell.core.localtime import later
from askwell.core.model import Need, Person, Window

WORK_SUPPORTS = frozenset({"task", "feedback", "information", "introduction"})
WORK_RELATIONSHIPS = frozenset({"manager", "colleague"})
EARLIEST = time(8, 0)
LATEST = time(22, 0)
LEAD = timedelta(minutes=30)
STEP_MINUTES = 15
HORIZON_DAYS = 28
DEFAULT_LENGTH = timedelta(minutes=30)
DEFAULT_WINDOWS = (
    Window(frozenset(range(5)), time(9, 0), time(18, 0)),
    Window(frozenset({5, 6}), time(10, 0), time(20, 0)),
)


@dataclass(frozen=True)
class Slot:
    """A suggested moment: aware start and end in the person's zone, and why it was picked."""

    start: datetime
    end: datetime
    tz: str
    reason: str

    def local(self, zone: tzinfo) -> datetime:
        """Return the start as wall-clock time in another zone (e.g. the user's own)."""
        return self.start.astimezone(zone)


@lru_cache(maxsize=512)
def zone_of(name: str) -> ZoneInfo:
    """Return the ZoneInfo for an IANA name, UTC when the name is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def is_work_ask(need: Need | None, person: Person) -> bool:
    """Return True when weekends are off limits: a work support type or a work relationship."""
    by_type = need is not None and need.support_type in WORK_SUPPORTS
    return by_type or person.relationship in WORK_RELATIONSHIPS


def wall_time(day: date, at: time, zone: ZoneInfo) -> datetime | None:
    """Return `day at` as an aware time in `zone`, or None if a DST gap skips that wall time."""
    naive = datetime.combine(day, at)
    aware = naive.replace(tzinfo=zone)
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        return None
    return aware


def _ceil_step(moment: datetime) -> datetime:
    extra = timedelta(minutes=1) if (moment.second or moment.microsecond) else timedelta(0)
    moment = later(moment.replace(second=0, microsecond=0), extra)
    return later(moment, timedelta(minutes=(-moment.minute) % STEP_MINUTES))


def instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """Return `day at` in `zone` as a UTC instant; a time skipped by a clock change lands after
    the gap (02:30 on a spring-forward night is 03:30), a repeated one is its first reading."""
    return datetime.combine(day, at).replace(tzinfo=zone).astimezone(UTC)


def _spans(
    windows: tuple[Window, ...], day: date, zone: ZoneInfo
) -> Iterator[tuple[datetime, datetime]]:
    """Yield (opening, closing) in UTC of the windows that open on `day` (windows sorted).

    A window within one day is kept to 08:00-22:00; one that runs past midnight is a night
    schedule the person lives by, so it is taken as written, closing the next day.
    """
    for window in windows:
        if not window.opens_on(day):
            continue
        if window.overnight:
            start, end, end_day = window.start, window.end, day + timedelta(days=1)
        else:
            start, end, end_day = max(window.start, EARLIEST), min(window.end, LATEST), day
            if start >= end:
                continue
        yield instant(day, start, zone), instant(end_day, end, zone)


def starts(
    tz: str,
    windows: tuple[Window, ...],
    now: datetime,
    *,
    work: bool = False,
    stretched: bool = False,
    length: timedelta = DEFAULT_LENGTH,
) -> Iterator[datetime]:
    """Yield good start times, one per day, following the rules in the module docstring."""
    zone = zone_of(tz)
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    local_now = now.astimezone(zone)
    # every zone's offset is a whole number of quarter hours, so rounding up in UTC is the same
    earliest = _ceil_step((now + LEAD).astimezone(UTC))
    first_day = local_now.date()
    if stretched:
        first_day += timedelta(days=7 - local_now.weekday())
        earliest = max(earliest, instant(first_day, time(0, 0), zone))
    spans_for = tuple(sorted(windows or DEFAULT_WINDOWS, key=lambda w: w.start))
    # from the day before: a window opened yesterday may run past midnight into today
    for offset in range(-1, HORIZON_DAYS + (7 if stretched else 0)):
        day = first_day + timedelta(days=offset)
        if work and day.weekday() >= 5:
            continue
        for opening, closing in _spans(spans_for, day, zone):
            begin = max(opening, earliest)  # UTC, so lengths are real time across clock changes
            if begin + length <= closing:
                yield begin.astimezone(zone)
                break


def slots(
    tz: str,
    windows: tuple[Window, ...],
    now: datetime,
    *,
    work: bool = False,
    stretched: bool = False,
    deadline: date | None = None,
    n: int = 3,
    length: timedelta = DEFAULT_LENGTH,
) -> list[Slot]:
    """Return up to `n` slots (one per day), each with the reason it was picked."""
    found = starts(tz, windows, now, work=work, stretched=stretched, length=length)
    return [
        Slot(begin, later(begin, length), tz, _why(begin, deadline, windows, stretched))
        for begin in islice(found, n)
    ]


def _why(
    begin: datetime, deadline: date | None, windows: tuple[Window, ...], stretched: bool
) -> str:
    parts = ["inside their usual hours" if windows else "daytime (no usual hours set)"]
    if stretched:
        parts.append("after the week they are stretched thin")
    if deadline is not None:
        parts.append(
            f"before your deadline ({deadline:%a %d %b})"
            if begin.date() <= deadline
            else f"after your deadline ({deadline:%a %d %b})"
        )
    return ", ".join(parts)


def suggest(person: Person, need: Need | None, now: datetime, n: int = 3) -> list[Slot]:
    """Return the next `n` good moments to ask `person` about `need`, in their zone."""
    return slots(
        person.tz,
        person.hours,
        now,
        work=is_work_ask(need, person),
        stretched=person.stretched,
        deadline=need.deadline if need is not None else None,
        n=n,
    )


_TITLES = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx."}


def first_name(person: Person) -> str:
    """Return how to greet the person: the first word of the name, keeping a title's surname."""
    words = person.name.split()
    if not words:
        return person.name
    if words[0].lower() in _TITLES and len(words) > 1:
        return f"{words[0]} {words[-1]}"
    return words[0]


_PRE_ASK = {
    "emotional": "Hi {name}, could we talk {when}? Nothing urgent, I'd just like to share "
    "something that's on my mind.",
    "task": "Hi {name}, could I borrow a little of your time {when}? There's something "
    "hands-on I could use a hand with{about}.",
    "feedback": "Hi {name}, do you have 10 minutes {when}? I'd value your eye on something "
    "I'm working on{about}.",
    "introduction": "Hi {name}, do you have a few minutes {when}? I'm hoping to meet someone "
    "in your circle{about}.",
    "resources": "Hi {name}, do you have a few minutes {when}? I'd like to run a practical "
    "question by you{about}.",
}
_PRE_ASK_DEFAULT = (
    "Hi {name}, do you have 10 minutes {when} to talk about something? I'd value your view{about}."
)
_EASY_NO = " If it's not a good time, no worries at all."


def _part_of_day(hour: int) -> str:
    return "morning" if hour < 12 else "afternoon" if hour < 17 else "evening"


def slot_words(slot: Slot, now: datetime) -> str:
    """Say when a slot is, as a person would, from their side: "this afternoon",
    "tomorrow morning", "on Tuesday", "on Tue 9 Dec"."""
    start = slot.start
    today = now.astimezone(start.tzinfo).date()
    days = (start.date() - today).days
    part = _part_of_day(start.hour)
    if days <= 0:
        return "tonight" if part == "evening" else f"this {part}"
    if days == 1:
        return f"tomorrow {part}"
    if days < 7:
        return f"on {start:%A}"
    return f"on {start:%a} {start.day} {start:%b}"


def pre_ask(
    person: Person, need: Need | None, slot: Slot | None = None, now: datetime | None = None
) -> str:
    """Return the light first message that asks for a moment, not yet for the help itself.

    With the first good `slot` (and `now`), the message names that moment ("tomorrow
    morning", "on Tuesday"); without one it stays open ("in the next few days").
    """
    urgent = need is not None and need.urgency == "high"
    if slot is not None and now is not None:
        when = slot_words(slot, now)
    else:
        when = "today if you can" if urgent else "in the next few days"
    about = f" on {need.topics[0]}" if need is not None and need.topics else ""
    template = _PRE_ASK.get(need.support_type if need else "", _PRE_ASK_DEFAULT)
    return template.format(name=first_name(person), when=when, about=about) + _EASY_NO
