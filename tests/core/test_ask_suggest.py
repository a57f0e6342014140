"""What a need's one-line summary already says of its ask, size and date."""

from __future__ import annotations

from datetime import date

import pytest

from askwell.core.ask_suggest import AskSuggestion, suggest

FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        (
            "a colleague to take over the weekly reporting for 6 weeks",
            AskSuggestion("take over the weekly reporting for 6 weeks"),
        ),
        ("Review my CV by Friday", AskSuggestion("review my CV", by=date(2026, 12, 4))),
        ("Review my CV by tomorrow", AskSuggestion("review my CV", by=date(2026, 11, 28))),
        (
            "Feedback on my CV before 3 March",
            AskSuggestion("give me feedback on my CV", by=date(2027, 3, 3)),
        ),
        ("fix the bike by Dec 2", AskSuggestion("fix the bike", by=date(2026, 12, 2))),
        (
            "Review my slides before Monday's talk",
            AskSuggestion("review my slides before Monday's talk"),
        ),
        (
            "Help moving my couch before Saturday\u2019s party",
            AskSuggestion("lend me a hand with moving my couch before Saturday\u2019s party"),
        ),
        (
            "someone to pair on the deploy script for 20 minutes",
            AskSuggestion("pair on the deploy script", "about 20 minutes"),
        ),
        ("Read two slides in half an hour", AskSuggestion("read two slides", "about half an hour")),
        ("lend me a hand for 1 hour", AskSuggestion("lend me a hand", "about an hour")),
        (
            "How do I negotiate a raise?",
            AskSuggestion("share your thoughts on how to negotiate a raise"),
        ),
        ("Is it worth it?", AskSuggestion()),
        ("", AskSuggestion()),
    ],
)
def test_suggest_reads_the_summary(summary: str, expected: AskSuggestion) -> None:
    assert suggest(summary, today=FRIDAY) == expected


def test_a_date_that_does_not_exist_stays_in_the_ask() -> None:
    assert suggest("Fix the bike by 31 Feb", today=FRIDAY) == AskSuggestion(
        "fix the bike by 31 Feb"
    )
