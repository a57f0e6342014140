"""The five barriers: reframes, check-in, trends, and barrier insights."""

from __future__ import annotations

import pytest

from askwell.core.barriers import LABELS, REFRAMES, check_in, reframe, trend
from askwell.core.insights import compute
from askwell.core.insights.sentences import sentences
from askwell.core.model import BARRIERS, DomainError
from factories_insights import NOW, Builder, days_ago

SHAMING = ("should", "just ", "weak", "lazy", "stupid", "silly", "pathetic", "fault")


def test_reframes_cover_every_barrier_briefly_and_kindly():
    assert set(REFRAMES) == set(BARRIERS) == set(LABELS)
    for text in REFRAMES.values():
        assert 40 < len(text) < 260
        assert not any(word in text.lower() for word in SHAMING)


def test_reframe_rejects_an_unknown_barrier():
    assert reframe(" Shame ") == REFRAMES["shame"]
    with pytest.raises(DomainError, match="unknown barrier"):
        reframe("fear")


def test_check_in_lists_only_barriers_felt_with_their_reframe():
    lines = check_in({"burden": 2, "shame": 0, "distrust": 9})
    assert [(x["barrier"], x["level"]) for x in lines] == [("burden", 2), ("distrust", 3)]
    assert lines[0]["level_words"] == "quite a bit"
    assert lines[0]["reframe"] == REFRAMES["burden"]


def test_trend_rising_falling_steady_and_too_little_data():
    assert trend([True] * 2 + [False] * 8 + [True] * 6 + [False] * 4).direction == "rising"
    assert trend([True] * 8 + [False] * 2 + [True] * 2 + [False] * 8).direction == "falling"
    assert trend([True, False] * 10).direction == "steady"
    short = trend([True] * 12)
    assert (short.recent, short.recent_of, short.earlier_of, short.direction) == (10, 10, 2, None)
    assert trend([]).recent_share is None


def _barrier_history():
    b = Builder()
    anna, ben = b.person("Anna"), b.person("Ben")
    for i in range(12):  # 12 money needs, oldest first; shame in 2 of the first, 6 of the last 10
        felt = i in (0, 1) if i < 2 else i in (2, 3, 4, 5, 6, 7)
        need = b.need(days_ago(60 - i), topics=("money",), barriers={"shame": 2 if felt else 0})
        b.ask(need, anna if i % 2 else ben, days_ago(59 - i))
    for i in range(3):
        b.need(days_ago(40 - i), topics=("work",), barriers={"burden": 1, "shame": 3})
    return b


def test_barrier_stats_count_topics_people_and_intensity():
    stats = {s.barrier: s for s in compute(_barrier_history().h, NOW, "UTC").barriers.stats}
    shame = stats["shame"]
    assert (shame.needs, shame.share) == (11, pytest.approx(11 / 15))
    assert shame.mean_intensity == pytest.approx((8 * 2 + 3 * 3) / 11)
    assert shame.top_topics == [("money", 8), ("work", 3)]
    assert shame.top_people == [("Anna", 4), ("Ben", 4)]
    assert stats["burden"].needs == 3
    assert stats["perfectionism"].needs == 0
    assert stats["perfectionism"].mean_intensity is None


def test_barrier_sentences_name_the_topic_and_the_count():
    ins = compute(_barrier_history().h, NOW, "UTC")
    by_key = {s.key: s.text for s in sentences(ins)}
    assert (
        by_key["barriers"] == "Shame about the problem came up most often: in 11 of your 15 needs."
    )
    assert by_key["barrier_topic"] == (
        "Shame about the problem came up in 6 of your last 10 needs about money."
    )
