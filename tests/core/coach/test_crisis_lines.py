"""Crisis lines by country and the crisis pointer; the crisis data sets are well formed.

tests/data/crisis/ holds messages written by hand for askwell (2026-11-26), none copied from
elsewhere: positives.jsonl, which a careful reader would answer with a pointer to help, and
hard_negatives.jsonl, which look alike (burnout, grief, hyperbole, neutral uses of the same
words) but are not a crisis. Each line is {"text", "kind", "note"?}.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from askwell.core.coach.crisis_lines import FALLBACK, LINES, crisis_pointer, lines_for

DATA = Path(__file__).resolve().parents[2] / "data" / "crisis"
MIN_LINES = 220
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


def test_crisis_lines_cover_at_least_25_countries_with_every_field() -> None:
    assert len(LINES) >= 25
    for code, entry in LINES.items():
        assert re.fullmatch(r"[A-Z]{2}", code) and entry.code == code
        assert entry.country and entry.line
        assert re.fullmatch(r"\d{3}", entry.emergency), code
        assert entry.phone or entry.text, code
        for number in (entry.phone, entry.text):
            if number is not None:
                assert re.fullmatch(r"\d[\d -]{1,14}\d", number), (code, number)
                assert 3 <= len(re.sub(r"\D", "", number)) <= 12, (code, number)
        assert entry.source.startswith("https://"), code
        assert entry.checked and all(
            url.startswith(("https://", "http://")) for url in entry.checked
        )


@pytest.mark.parametrize("country", [None, "", "  ", "ZZ", "xx", "United Kingdom"])
def test_lines_for_unknown_or_missing_country_falls_back(country: str | None) -> None:
    assert lines_for(country) is FALLBACK


@pytest.mark.parametrize("country", ["gb", "GB", " Gb "])
def test_lines_for_ignores_case_and_spaces(country: str) -> None:
    assert lines_for(country) is LINES["GB"]


@pytest.mark.parametrize("code", sorted(LINES))
def test_crisis_pointer_names_the_emergency_number_and_the_line(code: str) -> None:
    entry = LINES[code]
    pointer = crisis_pointer(code.lower())
    assert entry.emergency in pointer and entry.line in pointer
    assert all(number in pointer for number in (entry.phone, entry.text) if number)
    assert "someone else is hurting or threatening you" in pointer
    assert 2 <= pointer.count(". ") + 1 <= 3


def test_crisis_pointer_without_a_country_points_to_the_international_directory() -> None:
    pointer = crisis_pointer(None)
    assert "local emergency number" in pointer and "findahelpline.com" in pointer
    assert "someone else is hurting or threatening you" in pointer
    assert pointer == crisis_pointer("ZZ")
