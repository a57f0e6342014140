"""Insights use-cases: load a slim history with column selects, compute figures, charts, report."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
from askwell.core.model import Answer, Ask, HelpGiven, History, Need, Person, Thanks
from askwell.core.practice import Suggestion, suggest
from askwell.services import _rows
from askwell.storage.store import Store
from askwell.storage.tables import (
    AskRow,
    BoundaryRow,
    HelpGivenRow,
    JournalRow,
    NeedRow,
    PersonRow,
    ThanksRow,
)


def _stamp(value: Any) -> datetime | None:
    """Read a stored time (SQLite text or a driver datetime) as an aware UTC datetime."""
    if value is None or isinstance(value, datetime):
        return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)
    try:
        return datetime.fromisoformat(value + "+00:00")  # SQLite text, stored as UTC
    except ValueError:
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


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


def _raw(*columns: Any) -> Any:
    """Select columns as stored (no per-value type conversion); `_stamp` and JSON read later."""
    return select(*(type_coerce(c, String()) for c in columns))


def _sqlite_stamp(value: str | None) -> datetime | None:
    """Read SQLite's stored UTC text quickly (falls back to the general reader)."""
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value + "+00:00")
    except ValueError:
        return _stamp(value)


def _ask(
    stamp: Callable[[Any], datetime | None],
    aid: int,
    need_id: int,
    person_id: int,
    status: str,
    kind: str | None,
    urgency: str | None,
    *stamps: Any,
) -> Ask:
    answered, sent, thanked, followed = (stamp(v) for v in stamps[:4])
    created = stamp(stamps[4]) if sent is None else None  # only drafts need it (for `since`)
    return Ask(
        need_id=need_id,
        person_id=person_id,
        status=status,
        answer=Answer(kind=kind, at=answered) if kind else None,
        sent_at=sent,
        thanked_at=thanked,
        followed_up_at=followed,
        urgency_at_ask=urgency,
        id=aid,
        created_at=created,
    )


def load_insight_history(store: Store) -> History:
    """Load only the columns the insights read, as a read-only slim History.

    Texts are left out, JSON values are shared between rows, a sent ask's created_at is
    not read, and journal entries are not loaded (`journal_count` counts them in SQL).
    """
    o = store.owner_id
    read_barriers, read_topics = _json_readers()

    def _need(
        nid: int,
        summary: str,
        kind: str,
        urgency: str,
        deadline: Any,
        barriers: Any,
        expect: int | None,
        status: str,
        topics: Any,
        created: Any,
    ) -> Need:
        return Need(
            summary=summary,
            support_type=kind,
            urgency=urgency,
            deadline=date.fromisoformat(deadline) if isinstance(deadline, str) else deadline,
            barriers=read_barriers(barriers),
            expect=expect,
            status=status,
            topics=read_topics(topics),
            id=nid,
            created_at=stamp(created),
        )

    stamp = _sqlite_stamp if store.engine.dialect.name == "sqlite" else _stamp
    with store.session() as s:
        run = s.connection().execute
        people = [
            Person(name=name, id=pid, stretched=bool(stretched))
            for pid, name, stretched in run(
                select(PersonRow.id, PersonRow.name, PersonRow.stretched).where(
                    PersonRow.owner_id == o
                )
            )
        ]
        needs = [
            _need(*r)
            for r in run(
                _raw(
                    NeedRow.id,
                    NeedRow.summary,
                    NeedRow.support_type,
                    NeedRow.urgency,
                    NeedRow.deadline,
                    NeedRow.barriers,
                    NeedRow.expect,
                    NeedRow.status,
                    NeedRow.topics,
                    NeedRow.created_at,
                ).where(NeedRow.owner_id == o)
            )
        ]
        asks = [
            _ask(stamp, *r)
            for r in run(
                _raw(
                    AskRow.id,
                    AskRow.need_id,
                    AskRow.person_id,
                    AskRow.status,
                    AskRow.answer_kind,
                    AskRow.urgency_at_ask,
                    AskRow.answered_at,
                    AskRow.sent_at,
                    AskRow.thanked_at,
                    AskRow.followed_up_at,
                    AskRow.created_at,
                ).where(AskRow.owner_id == o)
            )
        ]

        def rows(table: Any, *columns: Any) -> Any:
            return run(_raw(*columns).where(table.owner_id == o))

        thanks = [
            Thanks(ask_id=ask_id, id=tid, created_at=stamp(at))
            for tid, ask_id, at in rows(
                ThanksRow, ThanksRow.id, ThanksRow.ask_id, ThanksRow.created_at
            )
        ]
        given = [
            HelpGiven(person_id=pid, summary="", id=hid, created_at=stamp(at))
            for hid, pid, at in rows(
                HelpGivenRow, HelpGivenRow.id, HelpGivenRow.person_id, HelpGivenRow.created_at
            )
        ]
        boundaries = [
            _rows.boundary(r)
            for r in s.scalars(select(BoundaryRow).where(BoundaryRow.owner_id == o))
        ]
    return History(people, needs, asks, boundaries, thanks, given, [])


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
    """Read stored times as naive UTC: SQLite's text at C speed, anything else one by one."""
    read = datetime.fromisoformat
    try:
        out = [None if v is None else read(v) for v in values]
    except (TypeError, ValueError):
        return [utc_naive(_stamp(v)) for v in values]
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
    return suggest(load_insight_history(store), now or datetime.now(UTC))


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
