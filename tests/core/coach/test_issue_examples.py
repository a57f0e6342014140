"""The examples from issue 9, as a new user met them: each now comes out right."""

from __future__ import annotations

from askwell.core.coach import check
from askwell.core.compose import DEFAULT_EASY_OUT


def rules(text: str, kind: str) -> set[str]:
    return {f.rule for f in check(text).findings if f.kind == kind}


def test_issue_demand_is_pressure_not_an_i_statement() -> None:
    text = (
        "I need you to take over the reporting starting Monday. This is not optional. Reply ASAP."
    )
    report = check(text)
    assert {"pressure", "demands-immediacy"} & rules(text, "problem")
    assert "i-statement" not in rules(text, "strength")
    assert report.score is not None and report.score <= 60


def test_issue_comparison_and_blame_are_flagged() -> None:
    text = "Frank always helps his team, why can't you?"
    assert "comparison" in rules(text, "problem")
    assert "specific-ask" not in rules(text, "strength")


def test_issue_blame_is_not_an_i_statement() -> None:
    text = "You always flake when I need you"
    assert "blaming-you" in rules(text, "problem")
    assert "i-statement" not in rules(text, "strength")


def test_issue_busy_is_not_a_reason_for_them() -> None:
    assert "reason-for-them" not in rules(
        "I know you're super busy, could you look at my CV?", "strength"
    )


def test_issue_easy_outs_in_other_words_are_seen() -> None:
    for text in (
        "Could you look at my slides on Friday? Totally fine if this week is too packed.",
        "Could you look at my slides on Friday, if that's okay?",
        f"Could you look at my slides on Friday? {DEFAULT_EASY_OUT}",
    ):
        assert "easy-out" in rules(text, "strength"), text


def test_issue_hedge_pile_up_lowers_the_score() -> None:
    plain = "Could you check the formula in cell B4 of my budget sheet?"
    hedged = (
        "This might be a stupid question, and I'm no expert, and I may be wrong, but could "
        "you check the formula in cell B4 of my budget sheet?"
    )
    assert "hedge-pile-up" in rules(hedged, "problem")
    assert (check(hedged).score or 0) < (check(plain).score or 0)


def test_issue_placeholder_caps_the_score() -> None:
    text = (
        "Hi Sam, I'm preparing the quarterly report. Could you review the summary section by "
        "Thursday? It should take about [15 minutes]. No worries if not. Thanks!"
    )
    report = check(text)
    assert "placeholder" in rules(text, "problem")
    assert report.score is not None and report.score <= 50
