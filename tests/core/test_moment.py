"""Moments: windows in the person's zone, DST, late nights, weekends, stretched weeks, pre-ask."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from askwell.core import moment
from askwell.core.model import Need, Person, parse_hours

DAILY_9 = parse_hours("Mon-Sun 09:00-10:00")


def friend(tz: str, hours: str = "Mon-Sun 09:00-10:00", **kw: object) -> Person:
    return Person("Sam Lee", relationship="friend", tz=tz, hours=parse_hours(hours), **kw)  # type: ignore[arg-type]


CHAT = Need("Talk something through", support_type="emotional")


def test_moment_berlin_spring_forward_keeps_wall_time() -> None:
    now = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)  # Fri; clocks go forward Sun 29 Mar
    found = moment.suggest(friend("Europe/Berlin"), CHAT, now, n=3)
    assert [(s.start.date().day, s.start.time()) for s in found] == [
        (28, time(9, 0)),
        (29, time(9, 0)),
        (30, time(9, 0)),
    ]
    assert [s.start.astimezone(UTC).hour for s in found] == [8, 7, 7]


def test_moment_new_york_fall_back_keeps_wall_time() -> None:
    now = datetime(2026, 10, 30, 16, 0, tzinfo=UTC)  # Fri; clocks go back Sun 1 Nov
    found = moment.suggest(friend("America/New_York"), CHAT, now, n=2)
    assert [s.start.isoformat() for s in found] == [
        "2026-10-31T09:00:00-04:00",
        "2026-11-01T09:00:00-05:00",
    ]
    assert [s.start.astimezone(UTC).hour for s in found] == [13, 14]


def test_moment_new_york_spring_forward_and_berlin_fall_back() -> None:
    ny = moment.suggest(friend("America/New_York"), CHAT, datetime(2026, 3, 7, 10, tzinfo=UTC), 2)
    assert [s.start.utcoffset() for s in ny] == [timedelta(hours=-5), timedelta(hours=-4)]
    be = moment.suggest(friend("Europe/Berlin"), CHAT, datetime(2026, 10, 24, 5, tzinfo=UTC), 2)
    assert [s.start.utcoffset() for s in be] == [timedelta(hours=2), timedelta(hours=1)]
    assert all(s.end - s.start == timedelta(minutes=30) for s in ny + be)


@pytest.mark.parametrize(
    ("zone", "day"), [("Europe/Berlin", date(2026, 3, 29)), ("America/New_York", date(2026, 3, 8))]
)
def test_moment_wall_time_in_a_dst_gap_is_none(zone: str, day: date) -> None:
    assert moment.wall_time(day, time(2, 30), ZoneInfo(zone)) is None
    assert moment.wall_time(day, time(9, 0), ZoneInfo(zone)) is not None


def test_moment_wall_time_ambiguous_hour_takes_the_first() -> None:
    aware = moment.wall_time(date(2026, 11, 1), time(1, 30), ZoneInfo("America/New_York"))
    assert aware is not None and aware.utcoffset() == timedelta(hours=-4)


def test_moment_avoids_late_night() -> None:
    now = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
    night = moment.slots("UTC", parse_hours("Mon-Sun 21:00-23:59"), now, n=2)
    assert all(s.end.time() <= time(22, 0) for s in night)
    assert [s.start.time() for s in night] == [time(21, 0), time(21, 0)]
    assert moment.slots("UTC", parse_hours("Mon-Sun 05:00-08:00"), now) == []


def test_moment_skips_weekends_for_work_asks_only() -> None:
    now = datetime(2026, 3, 6, 17, 0, tzinfo=UTC)  # Friday evening
    colleague = Person("Kim", relationship="colleague", tz="UTC", hours=DAILY_9)
    assert moment.suggest(colleague, CHAT, now, 1)[0].start.date() == date(2026, 3, 9)
    review = Need("Review my draft", support_type="feedback")
    assert moment.suggest(friend("UTC"), review, now, 1)[0].start.date() == date(2026, 3, 9)
    assert moment.suggest(friend("UTC"), CHAT, now, 1)[0].start.date() == date(2026, 3, 7)


def test_moment_is_work_ask_rule() -> None:
    pal = Person("Pal", relationship="friend")
    assert moment.is_work_ask(Need("x", support_type="task"), pal)
    assert moment.is_work_ask(None, Person("Boss", relationship="manager"))
    assert not moment.is_work_ask(Need("x", support_type="emotional"), pal)
    assert not moment.is_work_ask(None, pal)


def test_moment_stretched_person_is_asked_from_next_week() -> None:
    now = datetime(2026, 3, 3, 6, 0, tzinfo=UTC)  # Tuesday
    found = moment.suggest(friend("UTC", stretched=True), CHAT, now, 1)
    assert found[0].start.date() == date(2026, 3, 9)
    assert "after the week they are stretched thin" in found[0].reason


def test_moment_lead_time_and_quarter_hours() -> None:
    now = datetime(2026, 3, 2, 9, 10, tzinfo=UTC)
    found = moment.slots("UTC", parse_hours("Mon-Fri 09:00-17:00"), now, n=2)
    assert found[0].start == datetime(2026, 3, 2, 9, 45, tzinfo=ZoneInfo("UTC"))
    assert found[1].start.date() == date(2026, 3, 3)


def test_moment_default_windows_when_none_are_set() -> None:
    now = datetime(2026, 3, 7, 6, 0, tzinfo=UTC)  # Saturday
    found = moment.suggest(Person("Noa", tz="UTC"), CHAT, now, 2)
    assert [s.start.time() for s in found] == [time(10, 0), time(10, 0)]
    assert found[0].reason.startswith("daytime (no usual hours set)")


def test_moment_deadline_reasons_before_and_after() -> None:
    now = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
    n = Need("x", support_type="emotional", deadline=date(2026, 3, 3))
    found = moment.suggest(friend("UTC"), n, now, 3)
    assert [("before" in s.reason, "after your deadline" in s.reason) for s in found] == [
        (True, False),
        (True, False),
        (False, True),
    ]


def test_moment_slot_local_shows_the_users_zone() -> None:
    found = moment.suggest(friend("Asia/Tokyo"), CHAT, datetime(2026, 3, 2, 0, tzinfo=UTC), 1)
    mine = found[0].local(ZoneInfo("Europe/London"))
    assert found[0].start.hour == 9 and mine.hour == 0 and mine == found[0].start


def test_moment_unknown_zone_falls_back_to_utc() -> None:
    assert moment.zone_of("Mars/Olympus") == ZoneInfo("UTC")


def test_moment_pre_ask_is_light_named_and_easy_to_decline() -> None:
    ana = Person("Ana Ruiz", relationship="mentor")
    text = moment.pre_ask(ana, Need("Career move", topics=("career",)))
    assert text.startswith("Hi Ana, do you have 10 minutes in the next few days")
    assert "on career" in text and text.endswith("no worries at all.")
    urgent = moment.pre_ask(ana, Need("Talk", support_type="emotional", urgency="high"))
    assert "later today" not in urgent and "share something" in urgent
    assert moment.pre_ask(ana, None).startswith("Hi Ana,")


@pytest.mark.parametrize(
    ("start", "words"),
    [
        (datetime(2026, 11, 26, 15, 0), "this afternoon"),
        (datetime(2026, 11, 26, 19, 0), "tonight"),
        (datetime(2026, 11, 27, 9, 30), "tomorrow morning"),
        (datetime(2026, 12, 1, 10, 0), "on Tuesday"),
        (datetime(2026, 12, 9, 10, 0), "on Wed 9 Dec"),
    ],
)
def test_moment_pre_ask_names_the_real_slot(start: datetime, words: str) -> None:
    zone = ZoneInfo("Europe/Berlin")
    now = datetime(2026, 11, 26, 11, 0, tzinfo=zone)  # a Thursday morning
    slot = moment.Slot(start.replace(tzinfo=zone), start.replace(tzinfo=zone), "Europe/Berlin", "")
    text = moment.pre_ask(Person("Ana"), Need("Talk", urgency="high"), slot, now)
    assert f" {words} " in text.replace("?", " ") and "later today" not in text


def test_moment_first_name_keeps_a_title_with_the_surname() -> None:
    from askwell.core.model import Person
    from askwell.core.moment import first_name

    assert first_name(Person(name="Dr. Anika Patel")) == "Dr. Patel"
    assert first_name(Person(name="Ana Lima")) == "Ana"
    assert first_name(Person(name="Prince")) == "Prince"


def test_moment_night_shift_runs_past_midnight_in_their_zone() -> None:
    nurse = friend("Asia/Manila", "Mon-Fri 22:00-07:00")
    now = datetime(2026, 3, 3, 19, 0, tzinfo=UTC)  # Wed 03:00 in Manila, mid-shift
    found = moment.suggest(nurse, CHAT, now, n=3)
    assert [s.start.isoformat() for s in found] == [
        "2026-03-04T03:30:00+08:00",  # still Tuesday's shift
        "2026-03-04T22:00:00+08:00",
        "2026-03-05T22:00:00+08:00",
    ]


def test_moment_night_shift_keeps_wall_time_across_the_clock_change() -> None:
    nights = friend("Europe/London", "Sat-Sun 23:00-06:00")
    now = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)  # Sat; clocks go forward 01:00 Sun 29 Mar
    long = moment.slots(nights.tz, nights.hours, now, n=2, length=timedelta(hours=6, minutes=30))
    assert [s.start.isoformat() for s in long] == [  # the short night has only 6 real hours
        "2026-03-29T23:00:00+01:00",
        "2026-04-04T23:00:00+01:00",
    ]
    short = moment.slots(nights.tz, nights.hours, now, n=2)
    assert [s.start.isoformat() for s in short] == [
        "2026-03-28T23:00:00+00:00",  # opens in winter time, closes at 06:00 summer time
        "2026-03-29T23:00:00+01:00",
    ]


def test_moment_split_shift_uses_the_evening_when_the_morning_is_gone() -> None:
    cook = friend("UTC", "Mon-Sun 07:00-11:00, 17:00-21:00")
    found = moment.suggest(cook, CHAT, datetime(2026, 3, 2, 12, 0, tzinfo=UTC), n=2)
    assert [s.start.isoformat() for s in found] == [
        "2026-03-02T17:00:00+00:00",
        "2026-03-03T08:00:00+00:00",  # a daytime window still starts no earlier than 08:00
    ]


def test_moment_rotating_weeks_follow_the_iso_week() -> None:
    rota = friend("UTC", "odd weeks Mon-Fri 09:00-17:00; even weeks Sat-Sun 10:00-12:00")
    found = moment.suggest(rota, CHAT, datetime(2026, 3, 5, 18, 0, tzinfo=UTC), n=4)  # week 10
    assert [s.start.date().isoformat() for s in found] == [
        "2026-03-07",
        "2026-03-08",
        "2026-03-09",  # week 11: odd, weekdays again
        "2026-03-10",
    ]
