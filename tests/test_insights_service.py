"""Insights from a real SQLite store: the slim column loader agrees with the full history."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from askwell.core.insights import compute
from askwell.services import load_history
from askwell.services.demo import build_demo
from askwell.services.insights import (
    insights,
    insights_payload,
    load_insight_history,
    practice,
)
from askwell.storage.store import open_store

TODAY = date(2026, 3, 18)
NOW = datetime(2026, 3, 18, 18, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    info = build_demo(path, today=TODAY)
    store = open_store(info["url"])
    yield store
    store.close()


@pytest.mark.parametrize("tz", ["UTC", "Asia/Tokyo", "America/Los_Angeles"])
def test_slim_loader_gives_the_same_insights_as_the_full_history(demo_store, tz):
    slim = insights(demo_store, tz=tz, now=NOW).to_dict()
    full = compute(load_history(demo_store), NOW, tz).to_dict()
    assert slim == full
    assert slim["activity"]["total_asks"] > 10


def test_slim_loader_returns_aware_utc_times(demo_store):
    history = load_insight_history(demo_store)
    stamps = [a.sent_at for a in history.asks if a.sent_at] + [n.created_at for n in history.needs]
    assert stamps and all(s is not None and s.utcoffset() is not None for s in stamps)


def test_payload_carries_sentences(demo_store):
    data = insights_payload(insights(demo_store, tz="UTC", now=NOW))
    assert {s["key"] for s in data["sentences"]} >= {"calibration", "spread", "streak"}


def test_since_limits_the_period(demo_store):
    full = insights(demo_store, tz="UTC", now=NOW)
    recent = insights(demo_store, tz="UTC", now=NOW, since=date(2026, 2, 1))
    assert 0 < recent.activity.total_asks < full.activity.total_asks


def test_practice_draws_from_the_store(demo_store):
    items = practice(demo_store, now=NOW)
    assert items and {i.kind for i in items} <= {"small_ask", "offer_help"}


def test_empty_store_gives_insights_without_errors(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'empty.db'}")
    ins = insights(store, tz="UTC", now=NOW)
    assert ins.activity.total_asks == 0 and ins.calibration.actual_rate is None
    store.close()


def test_journal_is_counted_in_sql_with_the_same_since_rule(demo_store):
    since = date(2026, 2, 1)
    slim = insights(demo_store, tz="Asia/Tokyo", now=NOW, since=since)
    full = compute(load_history(demo_store), NOW, "Asia/Tokyo", since)
    assert slim.counts == full.counts
    assert slim.to_dict() == full.to_dict()
