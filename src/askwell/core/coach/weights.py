"""Lazy, cached loader for the coach's shipped model weights (package data, JSON)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_model(name: str) -> dict[str, Any]:
    """Load `askwell/models/coach/<name>.json` once per process."""
    path = resources.files("askwell").joinpath(f"models/coach/{name}.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
