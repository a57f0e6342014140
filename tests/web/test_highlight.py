"""Highlight segments built from coach spans."""

from __future__ import annotations

from askwell.web.highlight import segments


def test_segments_plain_text_is_one_segment() -> None:
    assert [(s.text, s.kind) for s in segments("hello", [])] == [("hello", None)]


def test_segments_marks_problem_and_strength() -> None:
    text = "Please help ASAP, thanks"
    found = [
        {"kind": "problem", "spans": [[12, 16]]},
        {"kind": "strength", "spans": [[18, 24]]},
    ]
    out = [(s.text, s.kind) for s in segments(text, found)]
    assert out == [
        ("Please help ", None),
        ("ASAP", "problem"),
        (", ", None),
        ("thanks", "strength"),
    ]
    assert "".join(s.text for s in segments(text, found)) == text


def test_segments_overlap_takes_the_problem() -> None:
    found = [{"kind": "strength", "spans": [[0, 6]]}, {"kind": "problem", "spans": [[3, 9]]}]
    out = segments("abcdefghij", found)
    assert [(s.text, s.kind, s.notes) for s in out] == [
        ("abc", "strength", [0]),
        ("def", "problem", [0, 1]),
        ("ghi", "problem", [1]),
        ("j", None, []),
    ]


def test_segments_ignores_out_of_range_and_suggestions() -> None:
    found = [{"kind": "problem", "spans": [[5, 99]]}, {"kind": "suggestion", "spans": [[0, 2]]}]
    assert [(s.text, s.kind) for s in segments("abcdefg", found)] == [
        ("abcde", None),
        ("fg", "problem"),
    ]
