"""docs/web.md lists every API operation."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

DOC = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def test_docs_web_lists_every_api_operation(app: FastAPI) -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [
        f"{method.upper()} {path}"
        for path, ops in app.openapi()["paths"].items()
        for method in ops
        if f"`{method.upper()} {path}`" not in text
    ]
    assert not missing, f"add these to docs/web.md: {missing}"
