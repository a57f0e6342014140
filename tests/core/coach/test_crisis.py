"""Crisis language is never scored; low mood without risk is coached as usual."""

from __future__ import annotations

import pytest

from askwell.core.coach import check

CRISIS = (
    "I don't want to live anymore. Can you come over?",
    "I've been thinking about killing myself.",
    "I want to end my life and I don't know who to tell.",
    "Everyone would be better off without me.",
    "I keep having suicidal thoughts lately, could we talk?",
    "I've started self-harming again.",
    "I'm planning to take an overdose tonight.",
    "I wish I were dead.",
)
LOW_MOOD = (
    "I've been feeling really down lately. Could we get coffee this week?",
    "I'm exhausted and sad after the breakup. Would you call me tonight?",
    "Work is killing me this week. Could you take the Friday report?",
    "I'd kill for a pizza right now, anyone?",
    "My boss will kill me if this is late. Could you review it by noon?",
    "I'm dying to know how the interview went!",
    "I feel hopeless about my job search. Any advice on my CV?",
    "I'm organising a suicide prevention walk. Could you share the poster?",
)


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_text_is_not_scored_and_points_to_help(text: str) -> None:
    report = check(text)
    assert report.crisis is True
    assert report.score is None and report.findings == ()
    assert report.crisis_message and "emergency" in report.crisis_message
    assert report.to_dict()["crisis"] is True


@pytest.mark.parametrize("text", LOW_MOOD)
def test_crisis_low_mood_without_risk_is_coached(text: str) -> None:
    report = check(text)
    assert report.crisis is False
    assert report.crisis_message is None
    assert report.score is not None
