"""Crisis first: every crisis signal gets the pointer, never a score; hard negatives are coached.

The sets in tests/data/crisis/ were written by the team (indirect phrasings, self-harm, a plan
or means, goodbyes, danger from another person; and burnout, grief, hyperbole, neutral uses of
the same words). The target: 100 % recall, at most 2 % false alarms.
"""

from __future__ import annotations

import pytest
from coach_data import CRISIS_SETS, DATA, jsonl

from askwell.core.coach import check
from askwell.core.coach.crisis import listed
from askwell.core.coach.crisis_lines import lines_for

ISSUE = (
    "I can't go on anymore.",
    "I just want it all to stop.",
    "I keep thinking about ending it",
    "I've got the pills out on the counter",
    "I've been cutting again",
    "he choked me and said next time he won't stop",
    "Everyone would be better off without me.",
    "I won't be a problem much longer.",
)
HARD_NEGATIVES = (
    "This deadline is killing me. Could you take the Friday report?",
    "My mom will kill me if I'm late. Could you give me a lift at 7?",
    "I've been feeling really down lately. Could we get coffee this week?",
    "I'm dead tired after the launch, could we push our 1:1 to Monday?",
    "I'm organising a suicide prevention walk. Could you share the poster?",
    "I'm exhausted and sad after the breakup. Would you call me tonight?",
)


@pytest.mark.parametrize("text", ISSUE)
def test_crisis_issue_examples_get_the_pointer_not_a_score(text: str) -> None:
    report = check(text)
    assert report.crisis is True
    assert report.score is None and report.findings == ()
    assert report.crisis_message
    assert report.to_dict()["crisis"] is True


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_crisis_hard_negatives_are_coached(text: str) -> None:
    report = check(text)
    assert report.crisis is False
    assert report.score is not None


def test_crisis_pointer_names_the_country_lines() -> None:
    gb = check("I can't go on anymore.", country="GB").crisis_message or ""
    assert "999" in gb and "116 123" in gb
    fallback = check("I can't go on anymore.").crisis_message or ""
    assert lines_for(None).source.split("//")[1].rstrip("/") in fallback


def test_crisis_every_positive_in_our_set_is_caught() -> None:
    rows = jsonl(CRISIS_SETS / "positives.jsonl")
    missed = [r["text"] for r in rows if not check(r["text"]).crisis]
    assert not missed, missed[:10]


def test_crisis_false_alarms_on_hard_negatives_stay_under_two_percent() -> None:
    rows = jsonl(CRISIS_SETS / "hard_negatives.jsonl")
    alarms = [r["text"] for r in rows if check(r["text"]).crisis]
    assert len(alarms) <= 0.02 * len(rows), alarms


def test_crisis_every_dev_crisis_is_caught() -> None:
    rows = [r for r in jsonl(DATA / "requests" / "dev.jsonl") if r["labels"]["crisis"]]
    assert rows
    assert all(check(r["text"]).crisis for r in rows)


def test_crisis_thinking_about_how_to_do_something_ordinary_is_coached() -> None:
    assert not check("I've been thinking about how to negotiate a raise. Could we talk?").crisis


def test_crisis_false_alarms_on_dev_stay_within_two_percent() -> None:
    rows = [r for r in jsonl(DATA / "requests" / "dev.jsonl") if not r["labels"]["crisis"]]
    alarms = [r["text"][:80] for r in rows if check(r["text"]).crisis]
    assert len(alarms) <= 0.02 * len(rows), alarms


@pytest.mark.parametrize(
    "text",
    (
        "I can't take it anymore, the wifi drops every ten minutes. Could you restart the router?",
        "Could you show me where I'm going wrong in this proof? Just the second step.",
        "I want it all to stop: the pings, the emails. I'm muting my phone until Monday.",
    ),
)
def test_crisis_soft_phrases_alone_are_coached(text: str) -> None:
    assert not check(text).crisis


@pytest.mark.parametrize(
    "text",
    (
        "I can't do this anymore. I'm so tired of being alive.",
        "i just want it all to stop. for good. nobody would even notice",
        "Won't need any of my things where I'm going. Could you give the books to Mia?",
    ),
)
def test_crisis_soft_phrases_with_a_warning_sign_get_the_pointer(text: str) -> None:
    assert check(text).crisis


def test_crisis_hard_list_stays_out_of_everyday_senses() -> None:
    """The hard list counts alone, so it keeps no phrase with an everyday sense (SOFT has those)."""
    rows = jsonl(CRISIS_SETS.parent / "crisis_everyday" / "messages.jsonl")
    everyday = [r["text"] for r in rows if not r["crisis"]]
    assert len(everyday) >= 60
    assert [t for t in everyday if listed(t)] == []
    assert listed("I worked out how to fix the sink, thanks for the tip!") == ()


def test_crisis_contrast_positives_with_everyday_words_are_caught() -> None:
    rows = jsonl(CRISIS_SETS.parent / "crisis_everyday" / "messages.jsonl")
    missed = [r["text"] for r in rows if r["crisis"] and not check(r["text"]).crisis]
    assert not missed, missed
