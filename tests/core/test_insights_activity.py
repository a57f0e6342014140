"""Asks per week, avoidance, waiting before the first ask, weeks and time zones."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from askwell.core.insights import compute
from askwell.core.insights._common import iso_week, shift_week, week_label, zone
from askwell.core.insights.sentences import sentences
from askwell.core.model import DomainError, History
from factories_insights import NOW, Builder, days_ago


def test_compute_empty_history_has_no_figures_and_no_errors():
    ins = compute(History(), NOW, "UTC")
    assert ins.activity.weeks == []
    assert ins.activity.asks_per_week is None
    assert ins.activity.never_asked_share is None
    assert ins.calibration.actual_rate is None
    assert ins.spread.herfindahl is None
    assert ins.habits.thanks_share is None
    json.dumps(ins.to_dict())
    said = sentences(ins)
    assert all(not s.enough and "not enough data yet" in s.text for s in said)
    assert len({s.text for s in said}) == len(said)  # each line names its own insight


def test_weekly_asks_counts_each_iso_week_including_empty_ones():
    b = Builder()
    anna = b.person("Anna")
    need = b.need(days_ago(22))  # Tue 2026-02-24, week 9
    for sent in (days_ago(21), days_ago(20), days_ago(7), days_ago(1)):
        b.ask(need, anna, sent)
    act = compute(b.h, NOW, "UTC").activity
    assert [(w.week, w.asks) for w in act.weeks] == [
        ("2026-W09", 2),
        ("2026-W10", 0),
        ("2026-W11", 1),
        ("2026-W12", 1),
    ]
    assert act.total_asks == 4
    assert act.asks_per_week == 1.0
    assert act.recent_asks_per_week == 1.0


def test_weekly_asks_ignore_drafts():
    b = Builder()
    anna = b.person("Anna")
    need = b.need()
    b.ask(need, anna, None)
    assert compute(b.h, NOW, "UTC").activity.total_asks == 0


@pytest.mark.parametrize(
    ("tz", "weeks"),
    [
        ("UTC", ["2026-W11", "2026-W12"]),  # Sun 23:30 and Mon 02:00 UTC
        ("Asia/Tokyo", ["2026-W12", "2026-W12"]),  # both Monday morning in Tokyo
        ("America/New_York", ["2026-W11", "2026-W11"]),  # both Sunday evening in New York
    ],
)
def test_iso_week_follows_the_local_time_zone(tz, weeks):
    stamps = [datetime(2026, 3, 15, 23, 30, tzinfo=UTC), datetime(2026, 3, 16, 2, 0, tzinfo=UTC)]
    assert [week_label(iso_week(s, zone(tz))) for s in stamps] == weeks


def test_weekly_asks_move_between_weeks_with_the_time_zone():
    b = Builder()
    anna = b.person("Anna")
    need = b.need(datetime(2026, 3, 10, tzinfo=UTC))
    b.ask(need, anna, datetime(2026, 3, 15, 23, 30, tzinfo=UTC))
    tokyo = compute(b.h, NOW, "Asia/Tokyo").activity.weeks
    utc = compute(b.h, NOW, "UTC").activity.weeks
    assert {w.week: w.asks for w in utc}["2026-W11"] == 1
    assert {w.week: w.asks for w in tokyo}["2026-W12"] == 1


def test_iso_week_reads_naive_times_as_utc():
    assert iso_week(datetime(2026, 3, 15, 23, 30), zone("Asia/Tokyo")) == (2026, 12)


def test_iso_week_crosses_the_year_boundary():
    assert week_label(iso_week(datetime(2025, 12, 29, 9, tzinfo=UTC), UTC)) == "2026-W01"
    assert shift_week((2026, 1), -1) == (2025, 52)
    assert shift_week((2026, 53), 1) == (2027, 1)


def test_zone_rejects_an_unknown_name():
    with pytest.raises(DomainError, match="unknown time zone"):
        zone("Mars/Olympus")


def test_avoidance_counts_settled_needs_never_asked():
    b = Builder()
    anna = b.person("Anna")
    asked1, asked2 = b.need(days_ago(20)), b.need(days_ago(3))
    b.need(days_ago(10))  # never asked, old enough: avoided
    b.need(days_ago(2))  # never asked but too new to count
    b.ask(asked1, anna, days_ago(15))
    b.ask(asked2, anna, days_ago(1))
    act = compute(b.h, NOW, "UTC").activity
    assert (act.settled_needs, act.never_asked) == (3, 1)
    assert act.never_asked_share == pytest.approx(1 / 3)


def test_wait_is_measured_to_the_first_sent_ask():
    b = Builder()
    anna = b.person("Anna")
    n1, n2, n3 = b.need(days_ago(10)), b.need(days_ago(5)), b.need(days_ago(2))
    b.ask(n1, anna, days_ago(7))  # 3 days
    b.ask(n1, anna, days_ago(1))  # later ask: ignored
    b.ask(n2, anna, days_ago(4))  # 1 day
    b.ask(n3, anna, days_ago(1.5))  # half a day
    act = compute(b.h, NOW, "UTC").activity
    assert act.waits == 3
    assert act.median_wait_days == pytest.approx(1.0)
    assert act.mean_wait_days == pytest.approx(1.5)


def test_activity_groups_by_support_type_topic_and_barrier():
    b = Builder()
    anna = b.person("Anna")
    a = b.need(days_ago(20), support_type="task", topics=("Money",), barriers={"shame": 2})
    b.need(days_ago(20), support_type="task", topics=("money", "home"), barriers={"shame": 1})
    b.need(days_ago(20), support_type="advice")
    b.ask(a, anna, days_ago(18))
    by = compute(b.h, NOW, "UTC").activity.by
    task = next(g for g in by["support_type"] if g.group == "task")
    assert (task.needs, task.never_asked, task.never_asked_share) == (2, 1, 0.5)
    assert task.median_wait_days == pytest.approx(2.0)
    money = next(g for g in by["topic"] if g.group == "money")
    assert (money.needs, money.never_asked) == (2, 1)
    shame = next(g for g in by["barrier"] if g.group == "shame")
    assert shame.needs == 2
    assert {g.group for g in by["barrier"]} == {"shame", "(none)"}


def test_since_keeps_only_recent_records():
    b = Builder()
    anna = b.person("Anna")
    old, new = b.need(days_ago(40)), b.need(days_ago(5))
    b.ask(old, anna, days_ago(39))
    b.ask(new, anna, days_ago(4))
    ins = compute(b.h, NOW, "UTC", since=(NOW - timedelta(days=10)).date())
    assert ins.counts["needs"] == 1
    assert ins.activity.total_asks == 1
    assert ins.activity.weeks[0].week == "2026-W11"
