"""Dates as people say them."""

from __future__ import annotations

from datetime import date

import pytest

from askwell.core.dates import parse_day
from askwell.core.model import DomainError

TODAY = date(2026, 11, 26)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", TODAY),
        ("yesterday", date(2026, 11, 25)),
        ("Yesterday", date(2026, 11, 25)),
        ("last friday", date(2026, 11, 20)),
        ("friday", date(2026, 11, 20)),
        ("last thursday", date(2026, 11, 19)),
        ("thursday", TODAY),
        ("mon", date(2026, 11, 23)),
        ("3 days ago", date(2026, 11, 23)),
        ("a week ago", date(2026, 11, 19)),
        ("last week", date(2026, 11, 19)),
        ("2026-11-20", date(2026, 11, 20)),
        ("20 nov", date(2026, 11, 20)),
        ("Nov 20", date(2026, 11, 20)),
        ("20 December", date(2025, 12, 20)),
        ("5 march 2025", date(2025, 3, 5)),
    ],
)
def test_dates_parse_day_reads_what_people_say(text: str, expected: date) -> None:
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize("text", ["someday", "31 feb", "next blursday", "2026-13-01", ""])
def test_dates_parse_day_refuses_with_examples(text: str) -> None:
    with pytest.raises(DomainError, match="last friday"):
        parse_day(text, TODAY)
