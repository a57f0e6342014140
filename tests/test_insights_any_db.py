"""The fast insights loader agrees with the full history on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from askwell.core.insights import compute
from askwell.services import load_history
from askwell.services.demo import build_demo
from askwell.services.insights import insights
from askwell.services.transfer import export_data, import_data
from askwell.storage.store import Store, open_store

NOW = datetime(2026, 3, 18, 18, tzinfo=UTC)


@pytest.mark.parametrize("tz", ["UTC", "Europe/Berlin", "America/Los_Angeles"])
def test_insights_fast_loader_matches_full_history(store: Store, tmp_path: Path, tz: str) -> None:
    info = build_demo(tmp_path / "demo.db", today=date(2026, 3, 18))
    demo = open_store(info["url"])
    try:
        import_data(store, export_data(demo))
    finally:
        demo.close()
    fast = insights(store, tz=tz, now=NOW).to_dict()
    full = compute(load_history(store), NOW, tz).to_dict()
    assert fast == full
    assert fast["activity"]["total_asks"] == info["asks"] and fast["calibration"]["n"] >= 5
