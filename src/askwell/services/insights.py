"""Insights use-cases: load the columns insights read, compute figures, barriers, report."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Connection, String, case, func, select, type_coerce
from sqlalchemy.sql.expression import ClauseElement

from askwell.core.insights import Insights, compute_tables
from askwell.core.insights._common import zone
from askwell.core.insights._table import (
    Asks,
    Events,
    Needs,
    People,
    Stamps,
    Tables,
    utc_naive,
)
from askwell.core.insights.sentences import Sentence, sentences
from askwell.core.practice import Suggestion, suggest
from askwell.services.history import load_history
from askwell.storage.store import Store
from askwell.storage.tables import (
    AskRow,
    HelpGivenRow,
    JournalRow,
    NeedRow,
    PersonRow,
    ThanksRow,
)


def _shared(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Return a reader of stored JSON that converts each distinct text once (values shared)."""
    cache: dict[str, Any] = {}

    def read(value: Any) -> Any:
        if not isinstance(value, str):
            return convert(value)
        if value not in cache:
            cache[value] = convert(json.loads(value))
        return cache[value]

    return read


def _fetch(conn: Connection, stmt: ClauseElement) -> list[tuple[Any, ...]]:
    """Run a Core select on the driver's own cursor: plain tuples, no per-row Row objects."""
    compiled: Any = stmt.compile(dialect=conn.dialect)
    params: Any = compiled.params
    if compiled.positional:
        params = tuple(params[name] for name in compiled.positiontup or ())
    cursor = conn.connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _columns(rows: list[tuple[Any, ...]], width: int) -> list[list[Any]]:
    """Turn rows into `width` columns."""
    return [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]


def _times(values: list[Any]) -> list[datetime | None]:
    """Read a column of stored times as naive UTC: SQLite's UTC text at C speed, or datetimes.

    The one reader of stored times in the insights: SQLite keeps them as UTC text (naive),
    PostgreSQL's driver returns aware datetimes, which are turned to naive UTC.
    """
    read = datetime.fromisoformat
    try:
        out = [None if v is None else read(v) for v in values]
    except TypeError:  # driver datetimes (PostgreSQL), perhaps mixed with text
        out = [v if v is None or isinstance(v, datetime) else read(v) for v in values]
    if any(v is not None and v.tzinfo is not None for v in out):
        return [utc_naive(v) for v in out]
    return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many short-lived, cycle-free objects are made.

    Loading and computing over 100,000 entries makes about half a million rows, strings and
    times that reference counting frees; left running, the collector re-scans them several
    times (about a quarter of the run). It is switched back on afterwards if it was on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _json_readers() -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """Return readers of a need's stored barriers (a dict) and topics (a tuple)."""
    return _shared(lambda v: v or {}), _shared(lambda v: tuple(v or ()))


def load_insight_tables(store: Store) -> Tables:
    """Load the columns the insights read, column by column (see `core.insights._table`).

    Rows come from the driver's cursor in one `fetchall` per table; only the times the
    insights compare are parsed (a sent ask's created_at is not read), each distinct JSON
    value is parsed once, and journal entries are left to `journal_count`.
    """
    o = store.owner_id
    barriers, topics = _json_readers()
    with store.session() as s:
        conn = s.connection()
        people = _fetch(conn, select(PersonRow.id, PersonRow.name).where(PersonRow.owner_id == o))
        n_id, n_type, n_urgency, n_deadline, n_barriers, n_expect, n_topics, n_created = _columns(
            _fetch(
                conn,
                select(
                    NeedRow.id,
                    NeedRow.support_type,
                    NeedRow.urgency,
                    type_coerce(NeedRow.deadline, String()),
                    type_coerce(NeedRow.barriers, String()),
                    NeedRow.expect,
                    type_coerce(NeedRow.topics, String()),
                    type_coerce(NeedRow.created_at, String()),
                ).where(NeedRow.owner_id == o),
            ),
            8,
        )
        a_cols = _columns(
            _fetch(
                conn,
                select(
                    AskRow.id,
                    AskRow.need_id,
                    AskRow.person_id,
                    AskRow.status,
                    func.nullif(AskRow.answer_kind, ""),
                    AskRow.urgency_at_ask,
                    AskRow.sent_at,
                    AskRow.thanked_at.is_not(None),
                    AskRow.followed_up_at.is_not(None),
                    case((AskRow.sent_at.is_(None), AskRow.created_at)),  # drafts: for `since`
                ).where(AskRow.owner_id == o),
            ),
            10,
        )
        thanks = _columns(
            _fetch(
                conn, select(ThanksRow.ask_id, ThanksRow.created_at).where(ThanksRow.owner_id == o)
            ),
            2,
        )
        given = _columns(
            _fetch(
                conn,
                select(HelpGivenRow.person_id, HelpGivenRow.created_at).where(
                    HelpGivenRow.owner_id == o
                ),
            ),
            2,
        )
    return Tables(
        people=People([r[0] for r in people], [r[1] for r in people]),
        needs=Needs(
            id=n_id,
            support_type=n_type,
            urgency=n_urgency,
            deadline=[date.fromisoformat(d) if isinstance(d, str) else d for d in n_deadline],
            barriers=list(map(barriers, n_barriers)),
            expect=n_expect,
            topics=list(map(topics, n_topics)),
            created=_times(n_created),
        ),
        asks=Asks(
            id=a_cols[0],
            need_id=a_cols[1],
            person_id=a_cols[2],
            status=a_cols[3],
            kind=a_cols[4],
            urgency=a_cols[5],
            sent=_times(a_cols[6]),
            thanked=list(map(bool, a_cols[7])),
            followed=list(map(bool, a_cols[8])),
            created=_times(a_cols[9]),
        ),
        thanks=Events(thanks[0], _times(thanks[1])),
        help_given=Events(given[0], _times(given[1])),
        journal=Stamps([]),
    )


def journal_count(store: Store, since: date | None = None, tz: str = "UTC") -> int:
    """Count journal entries in SQL (on or after the local date `since`, when given)."""
    query = (
        select(func.count())
        .select_from(JournalRow)
        .where(JournalRow.owner_id == store.owner_id, JournalRow.kind != "change")
    )
    if since is not None:
        start = datetime.combine(since, time(), tzinfo=zone(tz)).astimezone(UTC)
        query = query.where(JournalRow.created_at >= start)
    with store.session() as s:
        return int(s.execute(query).scalar_one())


def insights(
    store: Store,
    *,
    tz: str | None = None,
    since: date | None = None,
    now: datetime | None = None,
) -> Insights:
    """Compute every insight for the store's owner, with weeks in the zone `tz`."""
    tz = tz or "UTC"
    with _collector_paused():
        ins = compute_tables(load_insight_tables(store), now or datetime.now(UTC), tz, since)
    ins.counts["journal"] = journal_count(store, since, tz)
    return ins


def insight_sentences(ins: Insights) -> list[Sentence]:
    """Return the plain sentences for computed insights."""
    return sentences(ins)


def practice(store: Store, *, now: datetime | None = None) -> list[Suggestion]:
    """Return practice suggestions drawn from the owner's history."""
    return suggest(load_history(store), now or datetime.now(UTC))


@dataclass(frozen=True)
class BarrierLine:
    """One of the five barriers: its reframe and how often it came up lately."""

    barrier: str
    label: str
    reframe: str
    needs: int
    of_needs: int
    recent: int
    recent_of: int
    trend: str | None


def barrier_lines(store: Store) -> list[BarrierLine]:
    """Return the five barriers, most frequent first, each with a reframe and its recent count."""
    from askwell.core.barriers import REFRAMES
    from askwell.core.insights import barrier_stats
    from askwell.core.insights._common import prepare

    stats = barrier_stats.of_prepared(prepare(load_insight_tables(store), UTC))
    return [
        BarrierLine(
            barrier=s.barrier,
            label=s.label,
            reframe=REFRAMES[s.barrier],
            needs=s.needs,
            of_needs=stats.needs,
            recent=s.trend.recent if s.trend else 0,
            recent_of=s.trend.recent_of if s.trend else 0,
            trend=s.trend.direction if s.trend else None,
        )
        for s in stats.stats
    ]


def report_html(
    store: Store,
    *,
    tz: str | None = None,
    since: date | None = None,
    now: datetime | None = None,
) -> str:
    """Return the self-contained HTML report: insights, practice and charts in one page."""
    from askwell.report import render_html

    ins = insights(store, tz=tz, since=since, now=now)
    return render_html(ins, practice(store, now=ins.now))


def insights_payload(ins: Insights) -> dict[str, Any]:
    """Return insights plus their sentences as one JSON-ready dict (the CLI's and API's shape)."""
    data = ins.to_dict()
    data["sentences"] = [{"key": s.key, "text": s.text, "enough": s.enough} for s in sentences(ins)]
    return data


def local_zone_name() -> str:
    """Return this machine's IANA time zone name ($ASKWELL_TZ, $TZ, /etc/localtime), else UTC."""
    import os
    from pathlib import Path
    from zoneinfo import available_timezones

    for name in (os.environ.get("ASKWELL_TZ"), os.environ.get("TZ")):
        if name and name.lstrip(":") in available_timezones():
            return name.lstrip(":")
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return "UTC"
    marker = "zoneinfo/"
    if marker in target:
        name = target.split(marker, 1)[1]
        if name in available_timezones():
            return name
    return "UTC"
