"""Plain sentences: one per insight, with its number, only above its minimum count."""

from __future__ import annotations

import re

from askwell.core.insights import compute
from askwell.core.insights.sentences import BUILDERS, MINIMUMS, sentences
from factories_insights import NOW, Builder, days_ago, rich_history

UNKIND = ("should have", "failed", "lazy", "bad at", "too afraid", "only ")


def test_sentences_cover_every_insight_once():
    out = sentences(compute(rich_history(), NOW, "UTC"))
    assert [s.key for s in out] == list(BUILDERS) == list(MINIMUMS)


def test_sentences_on_a_rich_history_are_all_enough_and_carry_a_number():
    for s in sentences(compute(rich_history(), NOW, "Europe/Paris")):
        assert s.enough, s
        assert re.search(r"\d", s.text), s
        assert s.text.endswith("."), s
        assert s.text.count(". ") == 0, s  # one sentence
        assert not any(w in s.text.lower() for w in UNKIND), s


def test_sentences_say_not_enough_data_below_the_minimum():
    b = Builder()
    anna = b.person("Anna")
    for _ in range(4):
        b.ask(b.need(days_ago(20)), anna, days_ago(19), "yes")
    by_key = {s.key: s for s in sentences(compute(b.h, NOW, "UTC"))}
    assert not by_key["urgency"].enough  # 4 asks, minimum 5
    assert by_key["urgency"].text == (
        "Asking early or in a crisis: not enough data yet; 1 more sent ask needed. "
        "Record the asks you send, with how urgent the need felt."
    )
    assert (by_key["urgency"].have, by_key["urgency"].need, by_key["urgency"].missing) == (4, 5, 1)
    assert by_key["thanks"].enough  # 4 answered asks, minimum 3
    assert by_key["thanks"].text == "You thanked people after 0 of 4 answers (0 %)."


def test_avoidance_sentence_is_warm_when_nothing_was_avoided():
    b = Builder()
    anna = b.person("Anna")
    for _ in range(5):
        b.ask(b.need(days_ago(20)), anna, days_ago(19))
    by_key = {s.key: s.text for s in sentences(compute(b.h, NOW, "UTC"))}
    assert by_key["avoidance"] == "You asked someone about all 5 of your needs."


def test_streak_sentence_invites_a_new_start_when_the_run_ended():
    b = Builder()
    anna = b.person("Anna")
    b.ask(b.need(days_ago(60)), anna, days_ago(50))
    by_key = {s.key: s.text for s in sentences(compute(b.h, NOW, "UTC"))}
    assert by_key["streak"] == (
        "Your longest run of weeks with an ask is 1; one small ask this week starts a new one."
    )


def test_docs_list_every_insight_with_its_minimum():
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs" / "insights.md"
    text = docs.read_text(encoding="utf-8")
    for key, (minimum, what) in MINIMUMS.items():
        row = next((line for line in text.splitlines() if line.startswith(f"| `{key}` |")), None)
        assert row is not None, f"{key} missing from docs/insights.md"
        assert row.rstrip(" |").endswith(f"{minimum} {what}"), row
