"""check() on arbitrary text returns a Report or raises TextTooLong, never anything else."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from askwell.core.coach import MAX_CHARS, Report, TextTooLong, check

EXAMPLES = int(os.environ.get("ASKWELL_COACH_FUZZ", "10000"))
PIECES = st.sampled_from(
    [
        "Could you help me?",
        "ASAP!!!",
        "sorry ",
        "thank you",
        "🙏🏽",
        "👨‍👩‍👧",
        "مرحبا، هل يمكنك المساعدة؟",
        "שלום",
        "\u202e",
        "\u200b",
        "\x00",
        "\x1b[31m",
        "\r\n",
        "\t",
        "you never",
        "I'm begging",
        "?",
        "!",
        ".",
        "10 minutes",
        "İ",
        "ß",
        "ǅ",
        "\ud7ff",
        "\ud800",
        "\U0010ffff",
        " ",
        "\n\n",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(PIECES, max_size=40).map("".join),
    st.lists(st.one_of(PIECES, st.text(max_size=10)), max_size=30).map(" ".join),
)


def _safe(text: str) -> None:
    try:
        report = check(text)
    except TextTooLong:
        assert len(text) > MAX_CHARS
        return
    assert isinstance(report, Report)
    data = report.to_dict()
    for finding in data["findings"]:
        for start, end in finding["spans"]:
            assert 0 <= start <= end <= len(text)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXTS)
def test_check_never_crashes_on_arbitrary_text(text: str) -> None:
    _safe(text)


def test_check_never_crashes_on_huge_texts() -> None:
    for text in ("x" * 100_000, "🙏" * 100_000, "Could you? " * 10_000, "a" * (MAX_CHARS + 1)):
        _safe(text)
