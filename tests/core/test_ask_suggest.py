"""What a need's one-line summary already says of its ask, size and date."""

from __future__ import annotations

from datetime import date

import pytest

from askwell.core import compose
from askwell.core.ask_suggest import AskSuggestion, suggest
from askwell.core.model import Need, Person
from core.compose_cases import faults

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


# Summaries whose date, size or possessive sits inside the ask: the suggested ask must read as
# the person would say it (checked by eye), and a draft made from it must pass the coach.
# On the old code a date or a size was cut from wherever it stood ("review my CV afternoon").
NATURAL = [
    ("Review my slides before Monday morning", "review my slides before Monday morning", "", 30),
    ("Review my CV by Friday afternoon", "review my CV by Friday afternoon", "", 4),
    ("Review my CV by Friday at 5pm", "review my CV by Friday at 5pm", "", 4),
    ("Water Ana's plants by Monday evening", "water Ana's plants by Monday evening", "", 30),
    ("Sign the forms by Friday please", "sign the forms by Friday please", "", 4),
    (
        "Review my slides before Monday so I can practise",
        "review my slides before Monday so I can practise",
        "",
        30,
    ),
    (
        "Review my slides by Monday and send them to Ana",
        "review my slides by Monday and send them to Ana",
        "",
        30,
    ),
    ("Review my slides by Monday the 3rd", "review my slides by Monday the 3rd", "", None),
    ("Fix the bike by March 3, 2027", "fix the bike", "", date(2027, 3, 3)),
    ("Fix the bike by 3 March 2027", "fix the bike", "", date(2027, 3, 3)),
    ("Review the deck by Friday for the board", "review the deck for the board", "", 4),
    ("Review my 10 minute talk by Friday", "review my 10 minute talk", "", 4),
    ("Read 20 minutes' worth of notes", "read 20 minutes' worth of notes", "", None),
    (
        "Read my notes before Thursday's class for 20 minutes",
        "read my notes before Thursday's class",
        "about 20 minutes",
        None,
    ),
    ("Read my notes for 20 minutes before Thursday", "read my notes", "about 20 minutes", 3),
    (
        "Review my slides before Monday's talk, by Sunday",
        "review my slides before Monday's talk",
        "",
        29,
    ),
    ("Walk Bess's dogs before Monday's storm", "walk Bess's dogs before Monday's storm", "", None),
    (
        "Review the Q3 figures by Dec 2nd's board meeting",
        "review the Q3 figures by Dec 2nd's board meeting",
        "",
        None,
    ),
    ("Proofread James's essay by Friday", "proofread James's essay", "", 4),
    ("Proofread Chris's essay before Saturday", "proofread Chris's essay", "", 28),
    ("Look over the Joneses' proposal before Tuesday", "look over the Joneses' proposal", "", 1),
    ("Check my kids' homework by Sunday", "check my kids' homework", "", 29),
    ("Review my slides after Monday's talk", "review my slides after Monday's talk", "", None),
    ("Help me prepare for Friday's interview", "help me prepare for Friday's interview", "", None),
]


def _day(by: int | date | None) -> date | None:
    """Return the date a table row means: a day of the month is the next one from FRIDAY."""
    if not isinstance(by, int):
        return by
    return date(2026, 11, by) if by >= FRIDAY.day else date(2026, 12, by)


@pytest.mark.parametrize(("summary", "ask", "size", "by"), NATURAL)
def test_suggest_leaves_an_ask_that_reads_naturally(
    summary: str, ask: str, size: str, by: int | date | None
) -> None:
    found = suggest(summary, "task", today=FRIDAY)
    assert found == AskSuggestion(ask, size, _day(by))
    need = Need(
        summary=summary, support_type="task", ask=found.ask, size=found.size, deadline=found.by
    )
    text = compose.draft_for(Person(name="Ana Silva"), need, channel="chat")
    assert faults(text, "Ana") == []
    assert f"Could you {ask}" in text
