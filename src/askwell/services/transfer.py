"""Export everything a user owns as one versioned JSON document, and import it back (merging)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from askwell import __version__
from askwell.core import validate
from askwell.errors import AskwellError
from askwell.services import _rows
from askwell.services._files import read_user_file, write_private
from askwell.services.history import load_history
from askwell.services.transfer_doc import (
    FORMAT,
    VERSION,
    AnswerDoc,
    AskDoc,
    BoundaryDoc,
    ExportDoc,
    HelpDoc,
    JournalDoc,
    JournalKind,
    NeedDoc,
    PersonDoc,
    ThanksDoc,
    TrashDoc,
    need_of,
    parse_document,
    person_of,
)
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
)

MAX_BYTES = 200_000_000

BATCH = 500  # rows per INSERT statement while writing an import


@dataclass
class ImportReport:
    """How many records an import added and skipped (already present), per kind."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)


def _stamp(value: datetime | None) -> datetime:
    if value is None:  # every stored row has created_at; this keeps the types honest
        raise AskwellError("a record without a creation time cannot be exported")
    return value


def export_data(store: Store, *, now: datetime | None = None) -> dict[str, Any]:
    """Return the owner's whole store as an export document (plain JSON-ready data)."""
    h = load_history(store)
    people = {p.id: p.uid for p in h.people}
    needs = {n.id: n.uid for n in h.needs}
    asks = {a.id: a.uid for a in h.asks}
    doc = ExportDoc(
        format=FORMAT,
        version=VERSION,
        exported_at=now or _rows.now_utc(),
        app_version=__version__,
        people=[
            PersonDoc(
                uid=str(p.uid),
                created_at=_stamp(p.created_at),
                **{**_rows.person_fields(p), "topics": list(p.topics)},
            )
            for p in h.people
        ],
        needs=[
            NeedDoc(uid=str(n.uid), created_at=_stamp(n.created_at), **_rows.need_fields(n))
            for n in h.needs
        ],
        asks=[
            AskDoc(
                uid=str(a.uid),
                created_at=_stamp(a.created_at),
                need_uid=str(needs[a.need_id]),
                person_uid=str(people[a.person_id]),
                parent_uid=asks.get(a.parent_id) if a.parent_id else None,
                text=a.text,
                channel=a.channel,  # type: ignore[arg-type]
                status=a.status,  # type: ignore[arg-type]
                answer=AnswerDoc(**vars(a.answer)) if a.answer else None,
                sent_at=a.sent_at,
                thanked_at=a.thanked_at,
                followed_up_at=a.followed_up_at,
                closed_at=a.closed_at,
                scheduled_for=a.scheduled_for,
                overridden=a.overridden,
                urgency_at_ask=a.urgency_at_ask,  # type: ignore[arg-type]
            )
            for a in h.asks
        ],
        boundaries=[
            BoundaryDoc(
                uid=str(b.uid),
                created_at=_stamp(b.created_at),
                person_uid=str(people[b.person_id]),
                need_uid=needs.get(b.need_id) if b.need_id else None,
                topic=b.topic,
                until=b.until,
                reason=b.reason,
            )
            for b in h.boundaries
        ],
        thanks=[
            ThanksDoc(
                uid=str(t.uid),
                created_at=_stamp(t.created_at),
                ask_uid=str(asks[t.ask_id]),
                note=t.note,
            )
            for t in h.thanks
        ],
        help_given=[
            HelpDoc(
                uid=str(g.uid),
                created_at=_stamp(g.created_at),
                person_uid=str(people[g.person_id]),
                summary=g.summary,
            )
            for g in h.help_given
        ],
        journal=[
            JournalDoc(
                uid=str(j.uid),
                created_at=_stamp(j.created_at),
                text=j.text,
                kind=cast(JournalKind, j.kind),
                need_uid=needs.get(j.need_id) if j.need_id else None,
                person_uid=people.get(j.person_id) if j.person_id else None,
                ask_uid=asks.get(j.ask_id) if j.ask_id else None,
            )
            for j in h.journal
        ],
        trash=_trash_docs(store),
    )
    return doc.model_dump(mode="json")


def _trash_docs(store: Store) -> list[TrashDoc]:
    """Return what is in the trash, flagged, so an export hides nothing the store still holds."""
    from askwell.services.trash import list_trash, payload_of

    return [
        TrashDoc(
            uid=uid,
            kind=item.kind,
            label=item.label,
            deleted_at=item.deleted_at,
            records=payload.get("rows", {}),
        )
        for item in list_trash(store)
        for uid, payload in [payload_of(store, item.id)]
    ]


def export_file(store: Store, path: str | Path) -> dict[str, int]:
    """Write the export document to `path` atomically; return the counts per kind."""
    data = export_data(store)
    write_private(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return {k: len(v) for k, v in data.items() if isinstance(v, list)}


def import_data(store: Store, data: Any) -> ImportReport:
    """Merge an export document into the store, all or nothing, holding the write lock briefly.

    Records flagged as trashed stay behind: their ids belong to the store they came from.

    How an import shares the store with other writers: everything slow (parsing, validating
    every record, building the rows) happens before any write. The write itself is one
    transaction in which the new rows go in as multi-row INSERTs of BATCH rows (RETURNING
    their ids, so later kinds can point at them); nothing else is computed while it is open.
    One transaction keeps the import all or nothing (an error or a SIGKILL leaves the store
    as it was: no half import to find and undo, which committed batches or a staging table
    flushed in parts would need), and because it only inserts prepared rows it holds the
    write lock for a fraction of the import (80,000 records: 6.6 s of 11.3 s on the shared
    2-core test machine; see docs/reliability.md). Other writers wait for it (store busy
    timeout, default 30 s) instead of failing.
    """
    doc = parse_document(data)
    report = ImportReport()
    with store.session() as s:
        writer = _Writer(s, store, report)
        writer.add(PersonRow, "people", doc.people, lambda p: _rows.person_fields(_valid(p)))
        writer.add(NeedRow, "needs", doc.needs, lambda n: _rows.need_fields(_valid(n)))
        writer.add_asks(doc.asks)
        writer.add(
            BoundaryRow,
            "boundaries",
            doc.boundaries,
            lambda b: {
                "person_id": writer.id(PersonRow, b.person_uid),
                "need_id": writer.id(NeedRow, b.need_uid),
                "topic": b.topic,
                "until": b.until,
                "reason": b.reason,
            },
        )
        writer.add(
            ThanksRow,
            "thanks",
            doc.thanks,
            lambda t: {"ask_id": writer.id(AskRow, t.ask_uid), "note": t.note},
        )
        writer.add(
            HelpGivenRow,
            "help_given",
            doc.help_given,
            lambda g: {"person_id": writer.id(PersonRow, g.person_uid), "summary": g.summary},
        )
        writer.add(
            JournalRow,
            "journal",
            doc.journal,
            lambda j: {
                "text": j.text,
                "kind": j.kind,
                "need_id": writer.id(NeedRow, j.need_uid),
                "person_id": writer.id(PersonRow, j.person_uid),
                "ask_id": writer.id(AskRow, j.ask_uid),
            },
        )
    return report


def _valid(doc: PersonDoc | NeedDoc) -> Any:
    if isinstance(doc, PersonDoc):
        return validate.person(person_of(doc))
    return validate.need(need_of(doc))


class _Writer:
    """Insert an import's new rows in batches; remember uid -> id for every table touched."""

    def __init__(self, session: Session, store: Store, report: ImportReport) -> None:
        self.s, self.owner, self.report = session, store.owner_id, report
        self.ids: dict[type[Base], dict[str, int]] = {}

    def known(self, table: type[Base]) -> dict[str, int]:
        """Return uid -> id of the owner's rows in `table` (read once, then kept up to date)."""
        if table not in self.ids:
            t: Any = table
            query = select(t.uid, t.id).where(t.owner_id == self.owner)
            self.ids[table] = {uid: id_ for uid, id_ in self.s.execute(query)}
        return self.ids[table]

    def id(self, table: type[Base], uid: str | None) -> int | None:
        """Return the id of the row with `uid` (None for None), or refuse a dangling reference."""
        if uid is None:
            return None
        found = self.known(table).get(uid)
        if found is None:
            raise AskwellError(f"the export refers to a missing {table.__tablename__} record {uid}")
        return found

    def add(self, table: type[Base], kind: str, items: list[Any], build: Any) -> None:
        """Insert the items whose uid is new; count added and skipped under `kind`."""
        known = self.known(table)
        new = [item for item in items if item.uid not in known]
        self._insert(table, [self._row(item, build(item)) for item in new])
        self.report.added[kind] = self.report.added.get(kind, 0) + len(new)
        self.report.skipped[kind] = self.report.skipped.get(kind, 0) + len(items) - len(new)

    def add_asks(self, asks: list[AskDoc]) -> None:
        """Insert new asks in document order, parents first (a batch ends before a child)."""
        known = self.known(AskRow)
        new = [a for a in _parents_first(asks) if a.uid not in known]
        batch: list[AskDoc] = []
        in_batch: set[str] = set()
        for a in [*new, None]:
            if a is None or (a.parent_uid in in_batch) or len(batch) == BATCH:
                self._insert(AskRow, [self._row(b, self._ask(b)) for b in batch])
                batch, in_batch = [], set()
            if a is not None:
                batch.append(a)
                in_batch.add(a.uid)
        self.report.added["asks"] = len(new)
        self.report.skipped["asks"] = len(asks) - len(new)

    def _ask(self, a: AskDoc) -> dict[str, Any]:
        return {
            "need_id": self.id(NeedRow, a.need_uid),
            "person_id": self.id(PersonRow, a.person_uid),
            "parent_id": self.id(AskRow, a.parent_uid),
            "text": a.text,
            "channel": a.channel,
            "status": a.status,
            "sent_at": a.sent_at,
            "thanked_at": a.thanked_at,
            "followed_up_at": a.followed_up_at,
            "closed_at": a.closed_at,
            "scheduled_for": a.scheduled_for,
            "overridden": a.overridden,
            "urgency_at_ask": a.urgency_at_ask,
            **_rows.answer_fields(a.answer),
        }

    def _row(self, item: Any, fields: dict[str, Any]) -> dict[str, Any]:
        return {**fields, "uid": item.uid, "owner_id": self.owner, "created_at": item.created_at}

    def _insert(self, table: type[Base], rows: list[dict[str, Any]]) -> None:
        core: Any = table.__table__  # Core, not the ORM bulk path: same types, less overhead
        known = self.known(table)
        statement = insert(core).returning(core.c.uid, core.c.id)
        for start in range(0, len(rows), BATCH):
            for uid, id_ in self.s.execute(statement, rows[start : start + BATCH]):
                known[uid] = id_


def _parents_first(asks: list[AskDoc]) -> list[AskDoc]:
    """Return the asks in document order, each parent moved before its follow-ups."""
    by_uid = {a.uid: a for a in asks}
    done: dict[str, AskDoc] = {}

    def visit(a: AskDoc, depth: int = 0) -> None:
        if a.uid in done or depth > len(asks):
            return
        if a.parent_uid and a.parent_uid in by_uid:
            visit(by_uid[a.parent_uid], depth + 1)
        done[a.uid] = a

    for a in asks:
        visit(a)
    return list(done.values())


def import_file(store: Store, path: str | Path) -> ImportReport:
    """Read an export file and merge it into the store."""
    file = Path(path)
    raw = read_user_file(file, max_bytes=MAX_BYTES, what="an askwell export")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise AskwellError(f"{file} is not UTF-8 text; is it an askwell export?") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AskwellError(f"{file} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return import_data(store, data)
