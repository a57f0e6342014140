"""The coach keeps its measured quality on our own held-out requests (requests_extra3).

training/data/requests_extra3.jsonl was written by hand by a third writer, aimed at the
hardest labels (over-justified e-mails, blame, comparison, assumed knowledge, with hard
negatives), and is never trained on (training/data/README.md). It lives in the repository, so
this guard runs everywhere, with or without ../shared/data. Floors sit a little under what
`bench/coach_quality.py --file training/data/requests_extra3.jsonl` measured at stop 20
(docs/benchmarks.md). It has no crisis messages, so crisis counts only its false alarms.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from askwell.core.coach.evaluate import evaluate

HELD_OUT = Path(__file__).resolve().parents[3] / "training" / "data" / "requests_extra3.jsonl"

# label -> F1 floor (measured at stop 20 minus a small margin)
FLOORS = {
    "specific_ask": 0.92,
    "vague_ask": 0.6,
    "has_context": 0.89,
    "assumes_knowledge": 0.7,
    "over_justified": 0.88,
    "demands_immediacy": 0.55,
    "time_boxed": 0.76,
    "reason_for_them": 0.64,
    "comparison": 0.52,
    "pressure_guilt": 0.45,
    "blaming_you": 0.48,
    "i_statement": 0.86,
    "easy_out": 0.71,
    "gratitude": 0.95,
}
MACRO_FLOOR = 0.72  # over the 14 labels above; measured 0.756


@cache
def figures() -> dict[str, Any]:
    lines = HELD_OUT.read_text(encoding="utf-8").splitlines()
    return evaluate([json.loads(line) for line in lines if line])


@pytest.mark.parametrize("label", sorted(FLOORS))
def test_quality_held_out_f1_stays_above_floor(label: str) -> None:
    assert figures()["labels"][label]["f1"] >= FLOORS[label]


def test_quality_held_out_macro_f1_stays_above_floor() -> None:
    labels = figures()["labels"]
    assert sum(labels[n]["f1"] for n in FLOORS) / len(FLOORS) >= MACRO_FLOOR


def test_quality_held_out_has_few_crisis_false_alarms() -> None:
    crisis = figures()["crisis"]
    assert crisis["tp"] == crisis["fn"] == 0  # no crisis messages in this set
    assert crisis["fp"] <= 0.02 * crisis["negatives"]  # measured 4 of 305
