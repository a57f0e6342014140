"""Local times: gaps refused with the nearest real times, repeats need a fold, exact lengths."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from askwell.core import localtime, moment
from askwell.core.model import Window
from zones import all_transitions, zone_names

NY = ZoneInfo("America/New_York")
MINUTES = timedelta(minutes=1)


def test_localtime_spring_gap_is_refused_with_the_nearest_times() -> None:
    with pytest.raises(localtime.NonexistentTime) as caught:
        localtime.resolve(datetime(2027, 3, 14, 2, 30), NY)
    err = caught.value
    assert (f"{err.before:%H:%M %z}", f"{err.after:%H:%M %z}") == ("01:45 -0500", "03:00 -0400")
    assert str(err) == (
        "2027-03-14 02:30 does not exist in America/New_York (the clocks jump forward); "
        "the nearest times are 01:45 and 03:00"
    )


def test_localtime_autumn_repeat_needs_a_fold() -> None:
    wall = datetime(2026, 11, 1, 1, 30)
    with pytest.raises(localtime.AmbiguousTime) as caught:
        localtime.resolve(wall, NY)
    assert "the first is 01:30 (UTC-04:00), the second 01:30 (UTC-05:00)" in str(caught.value)
    first, second = localtime.resolve(wall, NY, 0), localtime.resolve(wall, NY, 1)
    assert first.astimezone(UTC).hour == 5 and second.astimezone(UTC).hour == 6


def test_localtime_later_adds_real_time_across_both_changes() -> None:
    spring = localtime.resolve(datetime(2027, 3, 14, 1, 45), NY)
    end = localtime.later(spring, timedelta(minutes=30))
    assert end.isoformat() == "2027-03-14T03:15:00-04:00"
    autumn = localtime.resolve(datetime(2026, 11, 1, 1, 30), NY, 0)
    end = localtime.later(autumn, timedelta(minutes=30))
    assert end.isoformat() == "2026-11-01T01:00:00-05:00"
    assert localtime.length(autumn, end) == timedelta(minutes=30)
    # the wall-clock sum Python gives for `aware + timedelta` is 90 real minutes here
    assert localtime.length(autumn, autumn + timedelta(minutes=30)) == timedelta(minutes=90)


def test_localtime_past_is_refused_unless_allowed() -> None:
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    with pytest.raises(localtime.PastTime, match="has already passed"):
        localtime.not_past(now - MINUTES, now)
    assert localtime.not_past(now - MINUTES, now, allow_past=True) == now - MINUTES
    assert localtime.not_past(now, now) == now


near_change = st.builds(
    lambda pick, minutes: (pick[0], pick[1] + timedelta(minutes=minutes)),
    st.sampled_from(all_transitions()),
    st.integers(-24 * 60, 24 * 60),
)
lengths = st.integers(1, 8 * 60).map(lambda m: timedelta(minutes=m))


@settings(max_examples=1500, deadline=None)
@given(near_change, lengths)
def test_localtime_slot_length_is_exact_around_every_change(
    pick: tuple[str, datetime], length: timedelta
) -> None:
    name, instant = pick
    start = localtime.canonical(instant, ZoneInfo(name))
    end = localtime.later(start, length)
    assert end.astimezone(UTC) > start.astimezone(UTC)
    assert localtime.length(start, end) == length
    assert end.tzinfo is start.tzinfo


@settings(max_examples=1500, deadline=None)
@given(near_change, st.sampled_from([0, 1]))
def test_localtime_resolve_is_exact_or_offers_real_choices(
    pick: tuple[str, datetime], fold: int
) -> None:
    name, instant = pick
    zone = ZoneInfo(name)
    wall = instant.astimezone(zone).replace(tzinfo=None, fold=0)
    wall = wall + timedelta(minutes=instant.minute % 7)  # also wall times the scan never visits
    try:
        got = localtime.resolve(wall, zone)
    except localtime.AmbiguousTime as err:
        assert err.first.astimezone(UTC) < err.second.astimezone(UTC)
        for choice, reading in ((0, err.first), (1, err.second)):
            assert reading.replace(tzinfo=None) == wall
            assert localtime.resolve(wall, zone, choice) == reading
        chosen = localtime.resolve(wall, zone, fold)
        assert chosen.replace(tzinfo=None) == wall
    except localtime.NonexistentTime as err:
        assert err.before.replace(tzinfo=None) < wall < err.after.replace(tzinfo=None)
        assert localtime.length(err.before, err.after) == localtime.STEP
        for real in (err.before, err.after):
            naive = real.replace(tzinfo=None)
            assert localtime.resolve(naive, zone, real.fold).astimezone(UTC) == real.astimezone(UTC)
    else:
        assert got.replace(tzinfo=None) == wall
        assert localtime.canonical(got, zone) == got


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(zone_names()),
    st.datetimes(datetime(2000, 1, 1), datetime(2040, 12, 1)),
    st.integers(1, 16).map(lambda q: timedelta(minutes=15 * q)),
)
def test_moment_slots_have_exact_lengths_in_every_zone(
    name: str, now: datetime, length: timedelta
) -> None:
    every_day = (Window(frozenset(range(7)), moment.EARLIEST, moment.LATEST),)
    now = now.replace(tzinfo=UTC)
    for slot in moment.slots(name, every_day, now, n=3, length=length):
        assert slot.end.astimezone(UTC) > slot.start.astimezone(UTC)
        assert localtime.length(slot.start, slot.end) == length
        assert slot.start.astimezone(UTC) >= now + moment.LEAD
