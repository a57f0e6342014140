"""Urgency at the ask, spread across people, reciprocity, thanks, follow-ups and streaks."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from askwell.core.insights import compute
from askwell.core.insights.habits import streaks
from askwell.core.insights.spread import herfindahl
from askwell.core.insights.urgency import deadline_bucket
from factories_insights import NOW, Builder, days_ago


def test_urgency_splits_early_and_crisis_asks():
    b = Builder()
    anna = b.person("Anna")
    sent = datetime(2026, 3, 10, 10, tzinfo=UTC)
    b.ask(b.need(), anna, sent, urgency_at_ask="high")  # crisis: urgent
    b.ask(b.need(urgency="low", deadline=date(2026, 3, 11)), anna, sent)  # crisis: 1 day left
    b.ask(b.need(urgency="high", deadline=date(2026, 3, 8)), anna, sent, urgency_at_ask="low")
    b.ask(b.need(urgency="medium"), anna, sent)  # early
    b.ask(b.need(urgency="low", deadline=date(2026, 3, 30)), anna, sent)  # early
    u = compute(b.h, NOW, "UTC").urgency
    assert (u.asks, u.early, u.crisis) == (5, 2, 3)
    assert u.early_share == pytest.approx(0.4)
    assert u.by_urgency == {"low": 3, "medium": 1, "high": 1}
    assert u.by_deadline == {
        "no deadline": 2,
        "over 7 days": 1,
        "3-7 days": 0,
        "under 3 days": 1,
        "past deadline": 1,
    }


def test_urgency_deadline_uses_the_local_date():
    b = Builder()
    anna = b.person("Anna")
    need = b.need(deadline=date(2026, 3, 18))
    b.ask(need, anna, datetime(2026, 3, 15, 23, 30, tzinfo=UTC))
    assert compute(b.h, NOW, "UTC").urgency.by_deadline["3-7 days"] == 1
    assert compute(b.h, NOW, "Asia/Tokyo").urgency.by_deadline["under 3 days"] == 1


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (None, "no deadline"),
        (-1, "past deadline"),
        (0, "under 3 days"),
        (3, "3-7 days"),
        (8, "over 7 days"),
    ],
)
def test_deadline_bucket_names_each_range(days, bucket):
    assert deadline_bucket(days) == bucket


def test_spread_reports_top_share_and_herfindahl():
    b = Builder()
    anna, ben, cleo = b.person("Anna"), b.person("Ben"), b.person("Cleo")
    for answer in ("yes", "alternative", "no"):
        b.ask(b.need(), anna, days_ago(10), answer)
    b.ask(b.need(), ben, days_ago(10), "yes")
    b.help(anna, days_ago(3))
    b.help(cleo, days_ago(3))
    s = compute(b.h, NOW, "UTC").spread
    assert (s.asks, s.people_asked, s.top_person) == (4, 2, "Anna")
    assert s.top_share == 0.75
    assert s.herfindahl == pytest.approx(0.625)
    assert s.effective_people == pytest.approx(1.6)
    rows = {p.name: (p.asks, p.received, p.given, p.balance) for p in s.people}
    assert rows == {"Anna": (3, 2, 1, -1), "Ben": (1, 1, 0, -1), "Cleo": (0, 0, 1, 1)}


def test_herfindahl_is_one_over_n_when_even_and_none_when_empty():
    assert herfindahl([2, 2, 2, 2]) == pytest.approx(0.25)
    assert herfindahl([5]) == 1.0
    assert herfindahl([]) is None


def test_habits_count_thanks_and_follow_ups():
    b = Builder()
    anna = b.person("Anna")
    b.ask(b.need(), anna, days_ago(9), "yes", thanked=days_ago(8))
    thanked_by_record = b.ask(b.need(), anna, days_ago(9), "no")
    b.thanks(thanked_by_record, days_ago(8))
    b.ask(b.need(), anna, days_ago(9), "alternative")  # not thanked
    b.ask(b.need(), anna, days_ago(9), "no-reply", followed_up=days_ago(4))
    b.ask(b.need(), anna, days_ago(5))  # waiting long enough: counts as no reply
    b.ask(b.need(), anna, days_ago(1))  # too recent to count
    h = compute(b.h, NOW, "UTC").habits
    assert (h.answered, h.thanked) == (3, 2)
    assert h.thanks_share == pytest.approx(2 / 3)
    assert (h.no_reply, h.followed_up, h.follow_up_share) == (2, 1, 0.5)


def test_streaks_count_consecutive_weeks():
    weeks = {(2026, 12), (2026, 11), (2026, 10), (2026, 8), (2026, 7), (2026, 6), (2026, 5)}
    assert streaks(weeks, (2026, 12)) == (3, 4)


def test_streak_stays_alive_while_this_week_is_not_over():
    assert streaks({(2026, 11), (2026, 10)}, (2026, 12)) == (2, 2)
    assert streaks({(2026, 9)}, (2026, 12)) == (0, 1)
    assert streaks(set(), (2026, 12)) == (0, 0)


def test_streak_crosses_the_year_boundary():
    assert streaks({(2025, 52), (2026, 1), (2026, 2)}, (2026, 2)) == (3, 3)


def test_habits_streak_uses_local_weeks():
    b = Builder()
    anna = b.person("Anna")
    # Sunday 23:30 UTC is Monday in Tokyo: one week earlier or later depending on the zone.
    b.ask(b.need(), anna, datetime(2026, 3, 8, 23, 30, tzinfo=UTC))
    b.ask(b.need(), anna, datetime(2026, 3, 16, 10, tzinfo=UTC))
    assert compute(b.h, NOW, "UTC").habits.current_streak == 1
    assert compute(b.h, NOW, "Asia/Tokyo").habits.current_streak == 2
