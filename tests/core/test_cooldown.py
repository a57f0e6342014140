"""Boundaries: a no blocks the same need or topic until the cooldown ends."""

from datetime import date

import pytest

from askwell.core import cooldown
from askwell.core.model import Boundary, DomainError, Need

NEED = Need(summary="Review my conference slides", details="twelve slides", id=4, topics=("talks",))


def test_cooldown_same_need_blocks_until_end_date() -> None:
    b = Boundary(person_id=1, need_id=4, until=date(2026, 4, 1))
    assert cooldown.blocking([b], 1, NEED, date(2026, 3, 31)) is b
    assert cooldown.blocking([b], 1, NEED, date(2026, 4, 1)) is None


def test_cooldown_other_person_or_other_need_is_free() -> None:
    b = Boundary(person_id=1, need_id=9, until=date(2026, 4, 1))
    assert cooldown.blocking([b], 1, NEED, date(2026, 3, 1)) is None
    b2 = Boundary(person_id=2, need_id=4, until=date(2026, 4, 1))
    assert cooldown.blocking([b2], 1, NEED, date(2026, 3, 1)) is None


def test_cooldown_topic_boundary_matches_need_text_and_topics() -> None:
    slides = Boundary(person_id=1, topic="slides", until=date(2026, 4, 1))
    talks = Boundary(person_id=1, topic="Talks", until=date(2026, 4, 1))
    money = Boundary(person_id=1, topic="money", until=date(2026, 4, 1))
    today = date(2026, 3, 1)
    assert cooldown.blocking([slides], 1, NEED, today) is slides
    assert cooldown.blocking([talks], 1, NEED, today) is talks
    assert cooldown.blocking([money], 1, NEED, today) is None


def test_cooldown_blank_topic_means_do_not_ask_about_anything() -> None:
    b = Boundary(person_id=1, until=date(2026, 4, 1))
    assert cooldown.blocking([b], 1, NEED, date(2026, 3, 1)) is b


def test_cooldown_returns_the_latest_ending_boundary() -> None:
    early = Boundary(person_id=1, need_id=4, until=date(2026, 4, 1))
    late = Boundary(person_id=1, need_id=4, until=date(2026, 6, 1))
    assert cooldown.blocking([early, late], 1, NEED, date(2026, 3, 1)) is late


def test_cooldown_end_bounds_are_checked() -> None:
    assert cooldown.cooldown_end(date(2026, 1, 31), 30) == date(2026, 3, 2)
    for bad in (0, -1, 4000):
        with pytest.raises(DomainError, match="cooldown must be 1 to 3650 days"):
            cooldown.cooldown_end(date(2026, 1, 1), bad)
