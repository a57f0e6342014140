"""Time all insights over a real SQLite store with 100,000 entries, against plain counts.

Run: .venv/bin/python bench/insights.py [--entries 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from askwell.core.model import BARRIERS, SUPPORT_TYPES, URGENCIES
from askwell.services.insights import _collector_paused, insights, load_insight_tables
from askwell.storage.store import Store, open_store
from askwell.storage.tables import (
    AskRow,
    HelpGivenRow,
    JournalRow,
    NeedRow,
    PersonRow,
    ThanksRow,
)

NOW = datetime(2026, 3, 18, 12, tzinfo=UTC)
TABLES = (PersonRow, NeedRow, AskRow, ThanksRow, HelpGivenRow, JournalRow)
# Share of the entries per table: needs, asks (with their answers), thanks, help given, journal.
MIX = {"needs": 0.25, "asks": 0.35, "thanks": 0.15, "help": 0.10, "journal": 0.15}


def _base(i: int, created: datetime) -> dict[str, object]:
    return {"id": i, "uid": str(uuid.UUID(int=i)), "owner_id": 1, "created_at": created}


def build(store: Store, entries: int, seed: int = 1) -> dict[str, int]:
    """Fill `store` with about `entries` rows spread over two years; return the counts."""
    rnd = random.Random(seed)
    n = {k: int(entries * v) for k, v in MIX.items()}
    people = 200
    start = NOW - timedelta(days=730)

    def when() -> datetime:
        return start + timedelta(seconds=rnd.randrange(730 * 86400))

    rows_people = [
        {
            **_base(i, start),
            "name": f"Person {i}",
            "relationship": "friend",
            "stretched": i % 17 == 0,
        }
        for i in range(1, people + 1)
    ]
    rows_needs: list[dict[str, Any]] = []
    for i in range(1, n["needs"] + 1):
        rows_needs.append(
            {
                **_base(i, when()),
                "summary": f"need {i}",
                "support_type": rnd.choice(SUPPORT_TYPES),
                "urgency": rnd.choice(URGENCIES),
                "barriers": {b: rnd.randint(0, 3) for b in rnd.sample(BARRIERS, 2)},
                "expect": rnd.randrange(0, 101, 10),
                "status": rnd.choice(("open", "resolved", "dropped")),
                "topics": [rnd.choice(("money", "work", "health", "home", "study"))],
            }
        )
    rows_asks: list[dict[str, Any]] = []
    for i in range(1, n["asks"] + 1):
        need = rnd.choice(rows_needs)
        sent = need["created_at"] + timedelta(hours=rnd.randrange(1, 24 * 14))
        kind = rnd.choice(("yes", "yes", "alternative", "no", "no-reply", None))
        rows_asks.append(
            {
                **_base(i, sent),
                "need_id": need["id"],
                "person_id": rnd.randint(1, people),
                "channel": "chat",
                "status": "answered" if kind else "sent",
                "sent_at": sent,
                "answer_kind": kind,
                "answered_at": sent + timedelta(hours=5) if kind else None,
                "followed_up_at": sent + timedelta(days=4) if kind == "no-reply" else None,
            }
        )
    rows_thanks = [
        {**_base(i, rows_asks[i - 1]["sent_at"]), "ask_id": rows_asks[i - 1]["id"]}
        for i in range(1, n["thanks"] + 1)
    ]
    rows_help = [
        {**_base(i, when()), "person_id": rnd.randint(1, people), "summary": "helped"}
        for i in range(1, n["help"] + 1)
    ]
    rows_journal = [
        {**_base(i, when()), "text": f"reflection {i}", "kind": "reflection"}
        for i in range(1, n["journal"] + 1)
    ]
    with store.engine.begin() as conn:
        for table, rows in (
            (PersonRow, rows_people),
            (NeedRow, rows_needs),
            (AskRow, rows_asks),
            (ThanksRow, rows_thanks),
            (HelpGivenRow, rows_help),
            (JournalRow, rows_journal),
        ):
            conn.execute(insert(table), rows)
    return {t.__tablename__: c for t, c in zip(TABLES, _counts(store), strict=True)}


def _counts(store: Store) -> list[int]:
    with store.engine.connect() as conn:
        return [conn.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES]


def _timed(fn: object, repeat: int) -> tuple[float, float, float]:
    """Return (best wall, median wall, best CPU) seconds; CPU time ignores other processes."""
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()  # type: ignore[operator]
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(walls), statistics.median(walls), min(cpus)


def main() -> None:
    """Build the store, then time the insights against plain counts in the same run."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        counts = build(store, args.entries)
        print(f"rows: {counts} (entries besides people: {sum(counts.values()) - counts['people']})")
        base = _timed(lambda: _counts(store), args.repeat)

        def load() -> None:
            with _collector_paused():  # as `insights` runs it
                load_insight_tables(store)

        loaded = _timed(load, args.repeat)
        total = _timed(lambda: insights(store, tz="Europe/Paris", now=NOW), args.repeat)
        head = f"(of {args.repeat} runs)"
        print(f"{head:36s} {'best wall':>9s} {'median':>9s} {'best CPU':>9s}")
        for label, (best, med, cpu) in (
            (f"SELECT count(*) over the {len(TABLES)} tables", base),
            ("load insight tables", loaded),
            ("all insights (load + compute)", total),
        ):
            print(f"{label:36s} {best * 1000:6.1f} ms {med * 1000:6.1f} ms {cpu * 1000:6.1f} ms")
        ratio = total[0] / base[0]
        print(f"ratio insights / count(*) (best):    {ratio:8.0f}x")
        print(f"target 500 ms (best run): {'met' if total[0] <= 0.5 else 'NOT met'}")
        store.close()


if __name__ == "__main__":
    main()
