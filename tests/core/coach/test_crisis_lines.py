"""Crisis data sets (positives and hard negatives) are well formed and kept apart."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "crisis"
MIN_LINES = 100
POSITIVE_KINDS = {
    "direct",
    "indirect",
    "self-harm",
    "plan-or-means",
    "goodbye",
    "danger-from-other",
}
NEGATIVE_KINDS = {"burnout", "grief", "hyperbole", "neutral-context", "ordinary", "low-mood"}
FILES = {"positives.jsonl": POSITIVE_KINDS, "hard_negatives.jsonl": NEGATIVE_KINDS}


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """Return the parsed rows of one crisis data file."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines)


def normalised(text: str) -> str:
    """Return `text` lower-cased with runs of whitespace collapsed, for duplicate checks."""
    return " ".join(text.lower().split())


@pytest.mark.parametrize("name", sorted(FILES))
def test_crisis_data_has_enough_rows_of_known_kinds(name: str) -> None:
    data = rows(name)
    assert len(data) >= MIN_LINES
    for row in data:
        assert set(row) <= {"text", "kind", "note"}
        assert isinstance(row["text"], str) and row["text"].strip() == row["text"] != ""
        assert row["kind"] in FILES[name]


@pytest.mark.parametrize("name", sorted(FILES))
def test_crisis_data_covers_every_kind(name: str) -> None:
    counts = Counter(row["kind"] for row in rows(name))
    assert set(counts) == FILES[name]
    assert min(counts.values()) >= 8


@pytest.mark.parametrize("name", sorted(FILES))
def test_crisis_data_has_no_duplicate_texts(name: str) -> None:
    counts = Counter(normalised(row["text"]) for row in rows(name))
    assert [text for text, n in counts.items() if n > 1] == []


def test_crisis_data_files_do_not_overlap() -> None:
    positives = {normalised(row["text"]) for row in rows("positives.jsonl")}
    negatives = {normalised(row["text"]) for row in rows("hard_negatives.jsonl")}
    assert positives & negatives == set()
