"""Checking many requests: the same reports, in the file's order, in one process or several."""

from __future__ import annotations

import pytest

from askwell.core.coach import check
from askwell.core.coach.engine import MAX_CHARS
from askwell.core.model import DomainError
from askwell.services.checking import PARALLEL_FROM, check_many, workers_for

TEXTS = [
    "Could you look at slides 4 and 5 before Thursday? About 15 minutes. No worries if not!",
    "I need this done ASAP.",
    "Can you help?",
    "x" * (MAX_CHARS + 1),
    "Thanks so much for the notes yesterday, they saved my afternoon.",
]


def test_check_many_in_workers_gives_the_same_reports_in_order() -> None:
    alone = list(check_many(TEXTS))
    spread = list(check_many(TEXTS, workers=2))
    assert spread == alone
    assert alone[0] == check(TEXTS[0]).to_dict()
    assert "too long" in alone[3]["error"]
    assert [r.get("score") for r in alone[:3]] == [check(t).score for t in TEXTS[:3]]


def test_check_many_counts_progress() -> None:
    seen: list[int] = []
    list(check_many(TEXTS[:3], progress=seen.append))
    assert sum(seen) == 3


def test_check_many_rejects_an_unknown_channel() -> None:
    with pytest.raises(DomainError):
        list(check_many(["Could you look at my CV?"], channel="pigeon"))


def test_small_files_stay_in_one_process() -> None:
    assert workers_for(PARALLEL_FROM - 1, cores=8) == 1
    assert workers_for(PARALLEL_FROM, cores=1) == 1
    assert workers_for(PARALLEL_FROM, cores=2) == 2
    assert workers_for(10 * PARALLEL_FROM, cores=64) == 8
