"""Export everything a user owns as one versioned JSON document, and import it back (merging)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Final, Literal, cast

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from askwell import __version__
from askwell.core import validate
from askwell.core.model import (
    AnswerKind,
    AskStatus,
    Channel,
    Need,
    NeedStatus,
    Person,
    Relationship,
    SupportType,
    Urgency,
    parse_hours,
)
from askwell.errors import AskwellError
from askwell.services import _rows
from askwell.services._files import read_user_file
from askwell.services.history import load_history
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

FORMAT: Final = "askwell-export"
VERSION: Final = 1
MAX_BYTES = 200_000_000

UUID4Text = Annotated[
    str, StringConstraints(pattern=r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")
]
JournalKind = Literal["reflection", "follow-up"]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")
    uid: UUID4Text
    created_at: datetime


class PersonDoc(_Doc):
    """A person in the export."""

    name: str
    relationship: Relationship
    topics: list[str] = []
    supports: list[SupportType] = []
    tz: str = "UTC"
    hours: str = ""
    email: str | None = None
    phone: str | None = None
    channel: Channel | None = None
    stretched: bool = False
    notes: str = ""


class NeedDoc(_Doc):
    """A need in the export."""

    summary: str
    details: str = ""
    support_type: SupportType
    urgency: Urgency
    deadline: date | None = None
    barriers: dict[str, int] = {}
    expect: int | None = None
    status: NeedStatus = "open"
    topics: list[str] = []


class AnswerDoc(BaseModel):
    """An answer inside an exported ask."""

    model_config = ConfigDict(extra="forbid")
    kind: AnswerKind
    note: str = ""
    offered: str = ""
    at: datetime | None = None


class AskDoc(_Doc):
    """An ask in the export."""

    need_uid: str
    person_uid: str
    parent_uid: str | None = None
    text: str = ""
    channel: Channel
    status: AskStatus
    answer: AnswerDoc | None = None
    sent_at: datetime | None = None
    thanked_at: datetime | None = None
    followed_up_at: datetime | None = None
    closed_at: datetime | None = None
    scheduled_for: datetime | None = None
    overridden: bool = False
    urgency_at_ask: Literal["low", "medium", "high"] | None = None


class BoundaryDoc(_Doc):
    """A boundary in the export."""

    person_uid: str
    need_uid: str | None = None
    topic: Annotated[str, StringConstraints(max_length=200)] = ""
    until: date
    reason: str = ""


class ThanksDoc(_Doc):
    """A thank-you in the export."""

    ask_uid: str
    note: str = ""


class HelpDoc(_Doc):
    """Help given, in the export."""

    person_uid: str
    summary: str


class JournalDoc(_Doc):
    """A journal entry in the export."""

    text: str
    kind: JournalKind = "reflection"
    need_uid: str | None = None
    person_uid: str | None = None
    ask_uid: str | None = None


class ExportDoc(BaseModel):
    """The whole export document (format version 1)."""

    model_config = ConfigDict(extra="forbid")
    format: Literal["askwell-export"]
    version: Literal[1]
    exported_at: datetime
    app_version: str = ""
    people: list[PersonDoc] = []
    needs: list[NeedDoc] = []
    asks: list[AskDoc] = []
    boundaries: list[BoundaryDoc] = []
    thanks: list[ThanksDoc] = []
    help_given: list[HelpDoc] = []
    journal: list[JournalDoc] = []


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
    )
    return doc.model_dump(mode="json")


def export_file(store: Store, path: str | Path) -> dict[str, int]:
    """Write the export document to `path` atomically; return the counts per kind."""
    data = export_data(store)
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise AskwellError(f"cannot write {target}: {exc.strerror or exc}") from None
    return {k: len(v) for k, v in data.items() if isinstance(v, list)}


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}"


def parse_document(data: Any) -> ExportDoc:
    """Check the format and version, then validate the whole document."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AskwellError("this is not an askwell export (its 'format' is not askwell-export)")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise AskwellError("the export has no valid format 'version'")
    if version > VERSION:
        raise AskwellError(
            f"this export uses format version {version}, newer than this askwell reads "
            f"(up to {VERSION}); please upgrade askwell"
        )
    if version < 1:
        raise AskwellError(f"unknown export format version {version}")
    try:
        doc = ExportDoc.model_validate(data)
    except ValidationError as exc:
        raise AskwellError(f"the export is invalid at {_first_error(exc)}") from None
    for p in doc.people:
        _domain(lambda p=p: validate.person(_person(p)), f"person {p.uid}")
    for n in doc.needs:
        _domain(lambda n=n: validate.need(_need(n)), f"need {n.uid}")
    return doc


def _domain(check: Any, what: str) -> None:
    from askwell.core.model import DomainError

    try:
        check()
    except DomainError as exc:
        raise AskwellError(f"the export is invalid at {what}: {exc}") from None


def _person(p: PersonDoc) -> Person:
    return Person(
        name=p.name,
        relationship=p.relationship,
        topics=tuple(p.topics),
        supports=tuple(p.supports),
        tz=p.tz,
        hours=parse_hours(p.hours) if p.hours else (),
        email=p.email,
        phone=p.phone,
        channel=p.channel,
        stretched=p.stretched,
        notes=p.notes,
    )


def _need(n: NeedDoc) -> Need:
    return Need(
        summary=n.summary,
        details=n.details,
        support_type=n.support_type,
        urgency=n.urgency,
        deadline=n.deadline,
        barriers=dict(n.barriers),
        expect=n.expect,
        status=n.status,
        topics=tuple(n.topics),
    )


class _Ids:
    """uid -> id for one table: rows already stored plus rows added by this import."""

    def __init__(self, s: Session, store: Store, table: type[Base]) -> None:
        query = select(table.uid, table.id).where(  # type: ignore[attr-defined]
            table.owner_id == store.owner_id  # type: ignore[attr-defined]
        )
        self.existing: dict[str, int] = {uid: id_ for uid, id_ in s.execute(query)}
        self.what = table.__tablename__

    def __call__(self, uid: str | None) -> int | None:
        if uid is None:
            return None
        if uid not in self.existing:
            raise AskwellError(f"the export refers to a missing {self.what} record {uid}")
        return self.existing[uid]


def import_data(store: Store, data: Any) -> ImportReport:
    """Merge an export document into the store in one transaction (nothing changes on error)."""
    doc = parse_document(data)
    report = ImportReport()
    o = store.owner_id
    with store.session() as s:
        ids = {t: _Ids(s, store, t) for t in (PersonRow, NeedRow, AskRow)}

        def add(kind: str, table: type[Base], items: list[Any], build: Any) -> None:
            known = ids[table].existing if table in ids else _Ids(s, store, table).existing
            added = skipped = 0
            for item in items:
                if item.uid in known:
                    skipped += 1
                    continue
                row = build(item)
                row.uid, row.owner_id, row.created_at = item.uid, o, item.created_at
                s.add(row)
                s.flush()
                known[item.uid] = row.id
                added += 1
            report.added[kind], report.skipped[kind] = added, skipped

        pid, nid, aid = ids[PersonRow], ids[NeedRow], ids[AskRow]
        add(
            "people",
            PersonRow,
            doc.people,
            lambda p: PersonRow(**_rows.person_fields(validate.person(_person(p)))),
        )
        add(
            "needs",
            NeedRow,
            doc.needs,
            lambda n: NeedRow(**_rows.need_fields(validate.need(_need(n)))),
        )
        ordered = _parents_first(doc.asks)
        add(
            "asks",
            AskRow,
            ordered,
            lambda a: AskRow(
                need_id=nid(a.need_uid),
                person_id=pid(a.person_uid),
                parent_id=aid(a.parent_uid),
                text=a.text,
                channel=a.channel,
                status=a.status,
                sent_at=a.sent_at,
                thanked_at=a.thanked_at,
                followed_up_at=a.followed_up_at,
                closed_at=a.closed_at,
                scheduled_for=a.scheduled_for,
                overridden=a.overridden,
                urgency_at_ask=a.urgency_at_ask,
                answer_kind=a.answer.kind if a.answer else None,
                answer_note=a.answer.note if a.answer else "",
                answer_offered=a.answer.offered if a.answer else "",
                answered_at=a.answer.at if a.answer else None,
            ),
        )
        add(
            "boundaries",
            BoundaryRow,
            doc.boundaries,
            lambda b: BoundaryRow(
                person_id=pid(b.person_uid),
                need_id=nid(b.need_uid),
                topic=b.topic,
                until=b.until,
                reason=b.reason,
            ),
        )
        add(
            "thanks", ThanksRow, doc.thanks, lambda t: ThanksRow(ask_id=aid(t.ask_uid), note=t.note)
        )
        add(
            "help_given",
            HelpGivenRow,
            doc.help_given,
            lambda g: HelpGivenRow(person_id=pid(g.person_uid), summary=g.summary),
        )
        add(
            "journal",
            JournalRow,
            doc.journal,
            lambda j: JournalRow(
                text=j.text,
                kind=cast(JournalKind, j.kind),
                need_id=nid(j.need_uid),
                person_id=pid(j.person_uid),
                ask_id=aid(j.ask_uid),
            ),
        )
    return report


def _parents_first(asks: list[AskDoc]) -> list[AskDoc]:
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
