"""The column tables and fast local dates the insights compute from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from askwell.core.insights import compute, compute_tables, from_history
from askwell.core.insights._common import earliest, local, local_dates, zone
from askwell.core.insights._table import utc_naive
from factories_insights import NOW, Builder, rich_history

ZONES = ["Europe/Paris", "America/Los_Angeles", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]


@pytest.mark.parametrize("name", ZONES)
def test_local_dates_match_astimezone_across_dst_switches(name):
    tz = zone(name)
    start = datetime(2025, 1, 1)
    stamps = [start + timedelta(minutes=17 * i) for i in range(31_000)]  # a year, odd minutes
    expected = [local(s, tz).date() for s in stamps]
    assert local_dates(stamps, tz) == expected


def test_local_dates_read_aware_stamps_in_their_own_zone():
    tz = zone("Asia/Tokyo")
    aware = datetime(2026, 3, 1, 20, tzinfo=zone("America/New_York"))
    assert local_dates([aware], tz) == [local(aware, tz).date()]


def test_utc_naive_converts_aware_times_and_keeps_naive_ones():
    paris = datetime(2026, 7, 1, 12, tzinfo=zone("Europe/Paris"))
    assert utc_naive(paris) == datetime(2026, 7, 1, 10)
    assert utc_naive(datetime(2026, 7, 1, 12)) == datetime(2026, 7, 1, 12)
    assert utc_naive(None) is None


def test_earliest_keeps_the_first_position_on_ties():
    groups = ["a", "b", "a", "a", "b"]
    keys = [3, 1, 2, 2, 1]
    assert earliest(groups, keys) == {"a": 2, "b": 1}


def test_compute_tables_agrees_with_compute_on_a_history():
    history = rich_history()
    assert compute_tables(from_history(history), NOW, "Europe/Paris") == compute(
        history, NOW, "Europe/Paris"
    )


def test_from_history_reads_answers_flags_and_aware_times_as_columns():
    b = Builder()
    anna = b.person("Anna")
    need = b.need(datetime(2026, 3, 1, 9, tzinfo=zone("Europe/Paris")))
    sent = b.ask(need, anna, datetime(2026, 3, 2, tzinfo=UTC), "yes", followed_up=NOW)
    sent.thanked_at = NOW
    b.ask(need, anna, None)
    data = from_history(b.h)
    assert data.needs.created == [datetime(2026, 3, 1, 8)]
    assert data.asks.kind == ["yes", None]
    assert data.asks.thanked == [True, False] and data.asks.followed == [True, False]
    assert data.asks.sent == [datetime(2026, 3, 2), None]
    assert data.counts()["asks"] == 2
