"""Insights from a real SQLite store: the column loader agrees with the full history."""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert

from askwell.core.insights import compute
from askwell.core.model import History, JournalEntry
from askwell.services import _rows, load_history
from askwell.services.demo import build_demo
from askwell.services.insights import (
    insights,
    insights_payload,
    load_insight_tables,
    practice,
)
from askwell.storage.store import Store, open_store
from askwell.storage.tables import AskRow, HelpGivenRow, JournalRow, NeedRow, PersonRow, ThanksRow
from factories_insights import Builder, rich_history

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


def test_barrier_lines_agree_with_the_insights(demo_store):
    from askwell.services.insights import barrier_lines

    lines = barrier_lines(demo_store)
    stats = insights(demo_store, tz="UTC", now=NOW).barriers
    assert [(b.barrier, b.needs) for b in lines] == [(s.barrier, s.needs) for s in stats.stats]
    assert len(lines) == 5 and all(b.of_needs == stats.needs for b in lines)


def test_report_html_is_one_page_with_charts_and_practice(demo_store):
    from askwell.services.insights import report_html

    page = report_html(demo_store, tz="UTC", now=NOW)
    assert page.startswith("<!doctype html>") and "data:image/svg+xml;base64," in page
    from html import escape

    tips = practice(demo_store, now=NOW)
    assert tips and all(escape(tip.text) in page for tip in tips)


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


def _save(store: Store, history: History) -> None:
    """Write a built history's rows as they are (ids and times kept)."""

    def base(item: object) -> dict[str, object]:
        return {
            "id": item.id,  # type: ignore[attr-defined]
            "uid": f"{type(item).__name__}-{item.id}",  # type: ignore[attr-defined]
            "owner_id": store.owner_id,
            "created_at": item.created_at or NOW,  # type: ignore[attr-defined]
        }

    h = history
    with store.engine.begin() as conn:
        for table, rows in (
            (PersonRow, [{**base(p), **_rows.person_fields(p)} for p in h.people]),
            (NeedRow, [{**base(n), **_rows.need_fields(n)} for n in h.needs]),
            (AskRow, [{**base(a), **_rows.ask_fields(a)} for a in h.asks]),
            (ThanksRow, [{**base(t), "ask_id": t.ask_id} for t in h.thanks]),
            (
                HelpGivenRow,
                [{**base(g), "person_id": g.person_id, "summary": g.summary} for g in h.help_given],
            ),
            (JournalRow, [{**base(j), "text": j.text} for j in h.journal]),
        ):
            if rows:
                conn.execute(insert(table), rows)


@pytest.fixture(scope="module")
def varied_store(tmp_path_factory):
    """A store with drafts, deadlines, urgency at ask, help given and journal entries."""
    history = rich_history(weeks=30)
    b = Builder()
    b.h, b._ids = history, 10_000
    anna, ben = history.people[:2]
    for i in range(12):
        day = NOW - timedelta(days=3 * i, hours=i)
        need = b.need(day - timedelta(days=2), deadline=(day + timedelta(days=i - 4)).date())
        b.ask(need, anna, day, "yes" if i % 2 else None, urgency_at_ask="high" if i % 3 else None)
        b.ask(need, ben, None)  # a draft
        b.help(ben, day)
        history.journal.append(JournalEntry(text="noted", id=10_000 + i, created_at=day))
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('varied') / 'varied.db'}")
    _save(store, history)
    yield store
    store.close()


@pytest.mark.parametrize("tz", ["Europe/Paris", "Australia/Lord_Howe", "America/Los_Angeles"])
@pytest.mark.parametrize("since", [None, date(2026, 1, 20)])
def test_tables_loader_gives_exactly_the_full_history_insights(varied_store, tz, since):
    full = compute(load_history(varied_store), NOW, tz, since)
    assert full.counts["asks"] > full.activity.total_asks  # drafts are there
    assert insights(varied_store, tz=tz, now=NOW, since=since) == full


def test_tables_loader_reads_times_as_naive_utc_and_skips_the_journal(varied_store):
    data = load_insight_tables(varied_store)
    times = [t for t in data.asks.sent + data.needs.created if t is not None]
    assert times and all(t.tzinfo is None for t in times)
    assert data.counts()["journal"] == 0 and data.counts()["asks"] > 0


def test_insights_switch_the_garbage_collector_back_on(demo_store):
    assert gc.isenabled()
    insights(demo_store, tz="UTC", now=NOW)
    assert gc.isenabled()
    gc.disable()
    try:
        insights(demo_store, tz="UTC", now=NOW)
        assert not gc.isenabled()
    finally:
        gc.enable()
