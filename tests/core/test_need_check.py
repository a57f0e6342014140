"""Pause and assess: vague needs are flagged and a support type is suggested."""

import pytest

from askwell.core.need_check import assess, suggest_type


@pytest.mark.parametrize(
    "summary", ["help with work", "Need help", "some support", "advice?", "help"]
)
def test_need_check_flags_vague_needs(summary: str) -> None:
    result = assess(summary)
    assert result.vague and result.reasons


@pytest.mark.parametrize(
    "summary",
    [
        "Review my conference slides before Friday",
        "Help carrying 20 boxes to the third floor on Saturday",
        "Introduction to someone hiring analytics engineers",
    ],
)
def test_need_check_passes_specific_needs(summary: str) -> None:
    assert not assess(summary).vague


def test_need_check_details_can_make_a_short_summary_specific() -> None:
    assert not assess(
        "Help with work", "Plan the Q3 migration of billing exports to Postgres"
    ).vague


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Feedback on my CV and portfolio", "feedback"),
        ("I feel overwhelmed and anxious after the breakup", "emotional"),
        ("Could someone introduce me to a contact at Acme", "introduction"),
        ("Borrow a laptop for a week", "resources"),
        ("How do I configure pytest fixtures", "information"),
        ("Should I take the job offer? career decision", "advice"),
        ("Pick up the kids and drive them to school", "task"),
        ("xyzzy", "advice"),
    ],
)
def test_need_check_suggests_support_type(text: str, kind: str) -> None:
    assert suggest_type(text)[0] == kind


def test_need_check_offers_self_serve_for_information() -> None:
    result = assess("How do I set up pytest fixtures for our database tests")
    assert result.suggested_type == "information" and result.self_serve
