"""The golden drafts: 30 drafts and replies kept in tests/data for a person to review."""

from __future__ import annotations

import os
from pathlib import Path

from core.compose_cases import GOLDEN_DRAFTS, GOLDEN_REPLIES, faults, golden, golden_items

GOLDEN = Path(__file__).parent.parent / "data" / "compose_golden.md"


def test_compose_golden_file_matches_what_the_composer_writes() -> None:
    text = golden()
    if os.environ.get("ASKWELL_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert len(GOLDEN_DRAFTS) + len(GOLDEN_REPLIES) == 30
    assert GOLDEN.read_text(encoding="utf-8") == text, (
        "the composer's words changed: review them, then rerun with ASKWELL_UPDATE_GOLDEN=1"
    )


def test_compose_golden_drafts_are_sendable() -> None:
    items = golden_items()
    assert len(items) == 30
    for _, _, text, name in items:
        assert faults(text, name) == [], text
