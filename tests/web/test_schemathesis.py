"""Fuzz every operation from /openapi.json with schemathesis; no response may be a 5xx."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from askwell.services.demo import build_demo
from askwell.storage.store import open_store
from askwell.web import WebSettings, create_app

TOKEN = "schemathesis-token"
HEADERS = {"Authorization": f"Bearer {TOKEN}", "Host": "127.0.0.1"}
# Charts render with matplotlib (about half a second each): they get fewer examples of their own.
CHARTS = r"/api/insights/charts/"


def _schema() -> Any:
    """Load the OpenAPI schema of an app on a demo store (so real ids exist)."""
    folder = Path(tempfile.mkdtemp(prefix="askwell-fuzz-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    demo = build_demo(folder / "demo.db")
    app = create_app(WebSettings(token=TOKEN, port=80), store=open_store(demo["url"]))
    return schemathesis.openapi.from_asgi("/openapi.json", app, headers=HEADERS)


schema = _schema()


FUZZ: dict[str, Any] = {
    "deadline": None,
    "suppress_health_check": list(HealthCheck),
    "derandomize": True,
}


def _call(case: Any) -> None:
    response = case.call_and_validate(headers=HEADERS, checks=[not_a_server_error])
    assert response.status_code != 403, "the fuzzer must get past the launch-token guard"


@pytest.mark.slow
@schema.exclude(path_regex=CHARTS).parametrize()
@settings(max_examples=12, **FUZZ)
def test_api_fuzz_never_5xx(case: Any) -> None:
    _call(case)


@pytest.mark.slow
@schema.include(path_regex=CHARTS).parametrize()
@settings(max_examples=6, **FUZZ)
def test_api_fuzz_charts_never_5xx(case: Any) -> None:
    _call(case)
