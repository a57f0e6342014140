"""Calibration: expected yes % against the first ask's answer."""

from __future__ import annotations

import pytest

from askwell.core.insights import compute
from askwell.core.insights.sentences import sentences
from factories_insights import NOW, Builder, days_ago


def _history(expects_answers):
    b = Builder()
    anna = b.person("Anna")
    for expect, answer in expects_answers:
        need = b.need(expect=expect)
        b.ask(need, anna, days_ago(20), answer)
    return b


def test_calibration_compares_expected_and_actual_yes_rate():
    b = _history([(40, "yes"), (40, "yes"), (40, "yes"), (20, "alternative"), (60, "no")])
    cal = compute(b.h, NOW, "UTC").calibration
    assert (cal.n, cal.yes, cal.alternative, cal.no) == (5, 3, 1, 1)
    assert cal.mean_expected == pytest.approx(0.40)
    assert cal.actual_rate == pytest.approx(0.70)  # an alternative counts as half a yes
    assert cal.underestimate_points == pytest.approx(30.0)
    assert cal.actual_over_expected == pytest.approx(1.75)


def test_calibration_sentence_states_both_numbers():
    b = _history([(40, "yes"), (40, "yes"), (40, "yes"), (20, "alternative"), (60, "no")])
    by_key = {s.key: s for s in sentences(compute(b.h, NOW, "UTC"))}
    assert by_key["calibration"].enough
    assert by_key["calibration"].text == "You expected 40 % of people to say yes; 70 % did."


def test_calibration_leaves_out_no_reply_pending_and_drafts():
    b = _history([(50, "yes"), (50, "no-reply"), (50, None)])
    anna = b.h.people[0]
    b.ask(b.need(expect=50), anna, None)  # a draft: not an ask yet
    b.need(expect=50)  # never asked
    cal = compute(b.h, NOW, "UTC").calibration
    assert (cal.n, cal.no_reply, cal.pending) == (1, 1, 1)
    assert cal.actual_rate == 1.0


def test_calibration_uses_only_the_first_ask_of_a_need():
    b = Builder()
    anna, ben = b.person("Anna"), b.person("Ben")
    need = b.need(expect=30)
    b.ask(need, ben, days_ago(5), "yes")
    b.ask(need, anna, days_ago(10), "no")
    cal = compute(b.h, NOW, "UTC").calibration
    assert (cal.n, cal.no, cal.yes) == (1, 1, 0)


def test_calibration_bins_cover_0_to_100():
    b = _history([(0, "no"), (20, "yes"), (45, "yes"), (55, "no"), (100, "yes")])
    bins = compute(b.h, NOW, "UTC").calibration.bins
    assert [(x.low, x.high, x.n) for x in bins] == [
        (0, 20, 1),
        (20, 40, 1),
        (40, 60, 2),
        (60, 80, 0),
        (80, 100, 1),
    ]
    assert bins[2].actual == 0.5
    assert bins[2].mean_expected == pytest.approx(0.5)
    assert bins[3].actual is None


def test_calibration_needs_five_answers_before_a_sentence():
    b = _history([(40, "yes")] * 4)
    by_key = {s.key: s for s in sentences(compute(b.h, NOW, "UTC"))}
    assert not by_key["calibration"].enough
    assert "1 more first ask with a prediction and an answer needed" in by_key["calibration"].text
