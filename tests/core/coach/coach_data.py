"""Where the coach tests find ../shared/data, and what happens when it is absent."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data"
CRISIS_SETS = Path(__file__).resolve().parents[2] / "data" / "crisis"


def need_shared(path: Path) -> None:
    """Skip when a shared data file is absent, or fail in CI (ASKWELL_REQUIRE_DATA or CI set)."""
    if path.exists():
        return
    message = f"{path} is missing: ../shared/data must be beside the checkout"
    if os.environ.get("ASKWELL_REQUIRE_DATA") or os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def jsonl(path: Path) -> list[dict[str, Any]]:
    """Return the records of a JSONL file (shared data: skip or fail when absent)."""
    need_shared(path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
