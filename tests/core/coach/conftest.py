"""Fixtures for coach tests: real requests from ../shared/data, read at test time."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

import pytest
from coach_data import need_shared

DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data"


@cache
def real_texts() -> dict[str, str]:
    """Return {"politeness:<id>" | "raop:<id>": text} for the train splits."""
    texts: dict[str, str] = {}
    with (DATA / "politeness" / "train.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            texts["politeness:" + row["id"]] = row["text"]
    with (DATA / "raop" / "train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts["raop:" + row["id"]] = (row["title"] + "\n" + row["text"]).strip()
    return texts


@pytest.fixture(scope="session")
def real() -> dict[str, str]:
    """Real texts by id, or skip when ../shared/data is absent."""
    need_shared(DATA / "politeness" / "train.csv")
    return real_texts()
