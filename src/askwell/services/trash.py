"""Delete to the trash (kept 30 days), undo, and merge two people: for every kind of record.

A delete moves the record and whatever cannot live without it (a person's asks, an ask's
thank-you and follow-up note) out of the tables into one trash entry, so every reader of the
tables stays as it is. Links that can be empty (a reflection about the person) are cleared
and remembered. Undo puts it all back; the journal keeps a line for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from askwell.errors import AskwellError, Conflict, NotFound
from askwell.services import _rows
from askwell.storage.store import Store
from askwell.storage.tables import (
    AskRow,
    Base,
    BoundaryRow,
    HelpGivenRow,
    JournalRow,
    NeedRow,
    PersonRow,
    ThanksRow,
    TrashRow,
    UTCDateTime,
)

TRASH_DAYS = 30
CHANGE = "change"
"""The journal kind of the lines that say a record was deleted, merged or restored."""

TABLES: dict[str, type[Base]] = {
    "person": PersonRow,
    "need": NeedRow,
    "ask": AskRow,
    "journal": JournalRow,
    "help": HelpGivenRow,
    "boundary": BoundaryRow,
}
"""The kinds of record a person can delete, and their tables."""

KINDS = tuple(TABLES)
_ORDER: tuple[type[Base], ...] = (
    PersonRow,
    NeedRow,
    AskRow,
    BoundaryRow,
    ThanksRow,
    HelpGivenRow,
    JournalRow,
)
_BY_NAME = {t.__tablename__: t for t in _ORDER}
WORDS = {  # how each kind is named in a sentence
    "person": "person",
    "need": "need",
    "ask": "ask",
    "journal": "journal entry",
    "help": "help record",
    "boundary": "boundary",
}
# Links that may be empty, but whose record means nothing without the other side.
_ALSO_CASCADE = {("boundaries", "need_id"), ("journal", "ask_id")}


@dataclass(frozen=True)
class TrashItem:
    """One delete or merge that can still be undone."""

    id: int
    kind: str
    record_id: int
    label: str
    deleted_at: datetime
    until: date
    merged_into: int | None = None


def _refs() -> list[tuple[Any, Any, str, bool]]:
    """Return (table, column, target table name, cascades) for every link between records."""
    out = []
    for table in _ORDER:
        for column in table.__table__.columns:
            for fk in column.foreign_keys:
                target = fk.column.table.name
                if target in _BY_NAME:
                    key = (table.__tablename__, column.name)
                    out.append((table, column, target, not column.nullable or key in _ALSO_CASCADE))
    return out


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


def _decode(column: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        return datetime.fromisoformat(value)
    if column.type.python_type is date:
        return date.fromisoformat(value)
    return value


def _dump(row: Base) -> dict[str, Any]:
    return {c.name: _encode(getattr(row, c.key)) for c in row.__table__.columns}


def _label(kind: str, row: Any) -> str:
    words = {
        "person": lambda r: r.name,
        "need": lambda r: r.summary,
        "ask": lambda r: r.text or f"ask #{r.id}",
        "journal": lambda r: r.text,
        "help": lambda r: r.summary,
        "boundary": lambda r: r.topic or f"until {r.until:%Y-%m-%d}",
    }
    text = " ".join(str(words[kind](row)).split())
    return text if len(text) <= 60 else text[:59] + "…"


def _collect(s: Session, owner: int, first: Any) -> tuple[dict[str, dict[int, Any]], list[Any]]:
    """Return the rows that go with `first` (by table) and the links to clear (and their values)."""
    found: dict[str, dict[int, Any]] = {name: {} for name in _BY_NAME}
    found[first.__tablename__][first.id] = first
    refs = _refs()
    grew = True
    while grew:
        grew = False
        for table, column, target, cascades in refs:
            ids = list(found[target])
            if not cascades or not ids:
                continue
            query = select(table).where(table.owner_id == owner, column.in_(ids))
            if table is JournalRow and column.name == "ask_id":
                query = query.where(JournalRow.kind == "follow-up")
            for row in s.scalars(query):
                if row.id not in found[table.__tablename__]:
                    found[table.__tablename__][row.id] = row
                    grew = True
    unlinks = []
    for table, column, target, _cascades in refs:
        ids = list(found[target])
        if not ids:
            continue
        query = select(table).where(table.owner_id == owner, column.in_(ids))
        for row in s.scalars(query):
            if row.id not in found[table.__tablename__]:
                unlinks.append([table.__tablename__, row.id, column.name, getattr(row, column.key)])
    return found, unlinks


def _note(s: Session, store: Store, text: str, now: datetime) -> None:
    s.add(
        JournalRow(
            uid=_rows.new_uid(),
            owner_id=store.owner_id,
            created_at=now,
            text=text,
            kind=CHANGE,
        )
    )


def _table(kind: str) -> type[Base]:
    from askwell.core.model import check_choice

    return TABLES[check_choice(kind, KINDS, "kind of record")]


def _take(s: Session, found: dict[str, dict[int, Any]], unlinks: list[Any]) -> dict[str, Any]:
    """Clear the links and delete the rows; return them as a payload for the trash."""
    for name, row_id, column, _old in unlinks:
        table = _BY_NAME[name]
        s.execute(update(table).where(table.id == row_id).values({column: None}))  # type: ignore[attr-defined]
    rows = {name: [_dump(r) for r in found[name].values()] for name in _BY_NAME if found[name]}
    s.flush()
    for table in reversed(_ORDER):
        ids = list(found[table.__tablename__])
        if ids:
            for row in found[table.__tablename__].values():
                s.expunge(row)
            s.execute(delete(table).where(table.id.in_(ids)))  # type: ignore[attr-defined]
    return {"rows": rows, "unlinks": unlinks}


def purge(store: Store, *, now: datetime | None = None) -> int:
    """Remove for good what has been in the trash longer than 30 days; return how many."""
    cutoff = (now or _rows.now_utc()) - timedelta(days=TRASH_DAYS)
    with store.session() as s:
        result = s.execute(
            delete(TrashRow).where(
                TrashRow.owner_id == store.owner_id, TrashRow.created_at < cutoff
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)


def delete_record(
    store: Store, kind: str, record_id: int, *, now: datetime | None = None
) -> TrashItem:
    """Move a record (and what belongs to it) to the trash; `undo` brings it back for 30 days."""
    table = _table(kind)
    stamp = now or _rows.now_utc()
    purge(store, now=stamp)
    with store.session() as s:
        row = _rows.owned(s, store, table, record_id)
        label = _label(kind, row)
        found, unlinks = _collect(s, store.owner_id, row)
        payload = _take(s, found, unlinks)
        item = _trash(s, store, kind, record_id, label, payload, stamp)
        _note(
            s,
            store,
            f"Deleted the {WORDS[kind]} “{label}” (in the trash until {item.until:%Y-%m-%d})",
            stamp,
        )
        return item


def _trash(
    s: Session,
    store: Store,
    kind: str,
    record_id: int,
    label: str,
    payload: dict[str, Any],
    stamp: datetime,
) -> TrashItem:
    trash = TrashRow(
        uid=_rows.new_uid(),
        owner_id=store.owner_id,
        created_at=stamp,
        kind=kind,
        record_id=record_id,
        label=label,
        payload=payload,
    )
    s.add(trash)
    s.flush()
    return _item(trash)


def _item(row: TrashRow) -> TrashItem:
    return TrashItem(
        id=row.id,
        kind=row.kind,
        record_id=row.record_id,
        label=row.label,
        deleted_at=row.created_at,
        until=(row.created_at + timedelta(days=TRASH_DAYS)).date(),
        merged_into=(row.payload or {}).get("merged_into"),
    )


def list_trash(store: Store, *, now: datetime | None = None) -> list[TrashItem]:
    """Return what can still be undone, newest first."""
    purge(store, now=now)
    with store.session() as s:
        rows = s.scalars(
            select(TrashRow)
            .where(TrashRow.owner_id == store.owner_id)
            .order_by(TrashRow.created_at.desc(), TrashRow.id.desc())
        )
        return [_item(r) for r in rows]


def payload_of(store: Store, trash_id: int) -> tuple[str, dict[str, Any]]:
    """Return the uid and the stored records of one trash entry."""
    with store.session() as s:
        row = s.get(TrashRow, trash_id)
        if row is None or row.owner_id != store.owner_id:
            raise NotFound("not_found", what="trash entry", id=trash_id)
        return row.uid, dict(row.payload or {})


def _exists(s: Session, store: Store, name: str, row_id: int) -> bool:
    row = s.get(_BY_NAME[name], row_id)
    return row is not None and getattr(row, "owner_id", None) == store.owner_id


def _put_back(
    s: Session, store: Store, rows: dict[str, list[dict[str, Any]]]
) -> dict[str, dict[int, int]]:
    """Insert the trashed rows again, parents first; return old id -> new id per table."""
    moved: dict[str, dict[int, int]] = {name: {} for name in _BY_NAME}
    refs = [(t.__tablename__, c, target) for t, c, target, _ in _refs()]
    for table in _ORDER:
        name = table.__tablename__
        for data in sorted(rows.get(name, []), key=lambda d: d["id"]):
            values = {c.key: _decode(c, data.get(c.name)) for c in table.__table__.columns}
            for ref_table, column, target in refs:
                value = values.get(column.key)
                if ref_table != name or value is None:
                    continue
                if value in moved[target]:
                    values[column.key] = moved[target][value]
                elif not _exists(s, store, target, value):
                    if not column.nullable:
                        raise Conflict(
                            "restore_missing", label=data.get("name") or name, what=target
                        )
                    values[column.key] = None
            old = values["id"]
            if s.get(table, old) is not None:
                del values["id"]
            new = table(**values)
            s.add(new)
            s.flush()
            moved[name][old] = new.id  # type: ignore[attr-defined]
    return moved


def undo(store: Store, trash_id: int | None = None, *, now: datetime | None = None) -> TrashItem:
    """Bring back the newest trash entry (or `trash_id`): the record, its parts and its links."""
    stamp = now or _rows.now_utc()
    purge(store, now=stamp)
    with store.session() as s:
        query = select(TrashRow).where(TrashRow.owner_id == store.owner_id)
        if trash_id is not None:
            query = query.where(TrashRow.id == trash_id)
        row = s.scalars(query.order_by(TrashRow.created_at.desc(), TrashRow.id.desc())).first()
        if row is None:
            if trash_id is not None:
                raise NotFound("not_found", what="trash entry", id=trash_id)
            raise AskwellError("trash_empty", days=TRASH_DAYS)
        item = _item(row)
        payload = row.payload or {}
        moved = _put_back(s, store, payload.get("rows", {}))

        for name, row_id, column, old in payload.get("unlinks", []):
            if _exists(s, store, name, row_id):
                table = _BY_NAME[name]
                value = _relink(name, column, old, moved)
                s.execute(update(table).where(table.id == row_id).values({column: value}))  # type: ignore[attr-defined]
        for name, row_id, column in payload.get("moves", []):
            if _exists(s, store, name, row_id):
                table = _BY_NAME[name]
                person = moved["people"].get(item.record_id, item.record_id)
                s.execute(update(table).where(table.id == row_id).values({column: person}))  # type: ignore[attr-defined]
        before = payload.get("before")
        if (
            before
            and item.merged_into is not None
            and _exists(s, store, "people", item.merged_into)
        ):
            keep = s.get(PersonRow, item.merged_into)
            for key, value in before.items():
                setattr(keep, key, value)
        s.delete(row)
        what = (
            f"merge of “{item.label}”" if item.merged_into else f"{WORDS[item.kind]} “{item.label}”"
        )
        _note(s, store, f"Restored the {what} from the trash", stamp)
        return item


def _relink(name: str, column: str, old: int, moved: dict[str, dict[int, int]]) -> int:
    for table, col, target, _ in _refs():
        if table.__tablename__ == name and col.name == column:
            return moved.get(target, {}).get(old, old)
    return old


_MERGE_FILL = ("email", "phone", "channel", "hours")


def merge_people(
    store: Store, keep_id: int, other_id: int, *, now: datetime | None = None
) -> TrashItem:
    """Merge `other_id` into `keep_id` (their asks, help and notes move); `undo` splits them."""
    if keep_id == other_id:
        raise AskwellError("merge_same")
    stamp = now or _rows.now_utc()
    purge(store, now=stamp)
    with store.session() as s:
        keep = _rows.owned(s, store, PersonRow, keep_id)
        other = _rows.owned(s, store, PersonRow, other_id)
        before = {
            key: getattr(keep, key)
            for key in ("topics", "supports", "stretched", "notes", "tz", *_MERGE_FILL)
        }
        moves = []
        for table, column, target, _ in _refs():
            if target != "people":
                continue
            query = select(table).where(table.owner_id == store.owner_id, column == other_id)
            for row in s.scalars(query):
                moves.append([table.__tablename__, row.id, column.name])
                setattr(row, column.key, keep_id)
        keep.topics = list(dict.fromkeys([*(keep.topics or []), *(other.topics or [])]))
        keep.supports = list(dict.fromkeys([*(keep.supports or []), *(other.supports or [])]))
        keep.stretched = keep.stretched or other.stretched
        for key in _MERGE_FILL:
            if not getattr(keep, key) and getattr(other, key):
                setattr(keep, key, getattr(other, key))
        if keep.tz == "UTC" and other.tz != "UTC":
            keep.tz = other.tz
        if other.notes and other.notes not in keep.notes:
            keep.notes = f"{keep.notes}\n{other.notes}".strip()
        s.flush()
        label = _label("person", other)
        found: dict[str, dict[int, Any]] = {name: {} for name in _BY_NAME}
        found["people"] = {other.id: other}
        payload = _take(s, found, [])
        payload.update(moves=moves, before=before, merged_into=keep_id)
        item = _trash(s, store, "person", other_id, label, payload, stamp)
        _note(s, store, f"Merged “{label}” into “{keep.name}”", stamp)
        return item
