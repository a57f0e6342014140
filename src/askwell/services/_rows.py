"""Convert between ORM rows and core dataclasses; fetch owned rows or raise NotFound."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from askwell.core.model import (
    Answer,
    Ask,
    Boundary,
    HelpGiven,
    JournalEntry,
    Need,
    Person,
    Thanks,
    parse_hours,
    render_hours,
)
from askwell.errors import NotFound
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

R = TypeVar("R", bound=Base)

_WHAT = {
    PersonRow: "person",
    NeedRow: "need",
    AskRow: "ask",
    BoundaryRow: "boundary",
    JournalRow: "journal entry",
    ThanksRow: "thank-you",
    HelpGivenRow: "help record",
}


def now_utc() -> datetime:
    """Return the current time, timezone-aware UTC."""
    return datetime.now(UTC)


def new_uid() -> str:
    """Return a fresh stable identifier for export/import merges."""
    return str(uuid.uuid4())


def owned(session: Session, store: Store, table: type[R], row_id: int) -> R:
    """Return the row with `row_id` owned by the store's owner, or raise NotFound."""
    row = session.get(table, row_id)
    if row is None or getattr(row, "owner_id", None) != store.owner_id:
        raise NotFound("not_found", what=_WHAT.get(table, "record"), id=row_id)
    return row


def person(row: PersonRow) -> Person:
    """Return the core Person for a row."""
    return Person(
        id=row.id,
        uid=row.uid,
        created_at=row.created_at,
        name=row.name,
        relationship=row.relationship,
        topics=tuple(row.topics or ()),
        supports=tuple(row.supports or ()),
        tz=row.tz,
        hours=parse_hours(row.hours) if row.hours else (),
        email=row.email,
        phone=row.phone,
        channel=row.channel,
        stretched=row.stretched,
        notes=row.notes,
    )


def person_fields(p: Person) -> dict[str, Any]:
    """Return the column values of a Person."""
    return {
        "name": p.name,
        "relationship": p.relationship,
        "topics": list(p.topics),
        "supports": list(p.supports),
        "tz": p.tz,
        "hours": render_hours(p.hours),
        "email": p.email,
        "phone": p.phone,
        "channel": p.channel,
        "stretched": p.stretched,
        "notes": p.notes,
    }


def need(row: NeedRow) -> Need:
    """Return the core Need for a row."""
    return Need(
        id=row.id,
        uid=row.uid,
        created_at=row.created_at,
        summary=row.summary,
        details=row.details,
        support_type=row.support_type,
        urgency=row.urgency,
        deadline=row.deadline,
        barriers=dict(row.barriers or {}),
        expect=row.expect,
        status=row.status,
        topics=tuple(row.topics or ()),
        ask=row.ask or "",
        size=row.size or "",
        situation=row.situation or "",
    )


def need_fields(n: Need) -> dict[str, Any]:
    """Return the column values of a Need."""
    return {
        "summary": n.summary,
        "details": n.details,
        "support_type": n.support_type,
        "urgency": n.urgency,
        "deadline": n.deadline,
        "barriers": dict(n.barriers),
        "expect": n.expect,
        "status": n.status,
        "topics": list(n.topics),
        "ask": n.ask,
        "size": n.size,
        "situation": n.situation,
    }


def ask(row: AskRow) -> Ask:
    """Return the core Ask for a row."""
    answer = None
    if row.answer_kind:
        answer = Answer(
            kind=row.answer_kind,
            note=row.answer_note,
            offered=row.answer_offered,
            at=row.answered_at,
        )
    return Ask(
        id=row.id,
        uid=row.uid,
        created_at=row.created_at,
        need_id=row.need_id,
        person_id=row.person_id,
        text=row.text,
        channel=row.channel,
        status=row.status,
        answer=answer,
        sent_at=row.sent_at,
        thanked_at=row.thanked_at,
        followed_up_at=row.followed_up_at,
        closed_at=row.closed_at,
        scheduled_for=row.scheduled_for,
        overridden=row.overridden,
        parent_id=row.parent_id,
        urgency_at_ask=row.urgency_at_ask,
    )


def ask_fields(a: Ask) -> dict[str, Any]:
    """Return the column values of an Ask (answer flattened)."""
    return {
        "need_id": a.need_id,
        "person_id": a.person_id,
        "text": a.text,
        "channel": a.channel,
        "status": a.status,
        "sent_at": a.sent_at,
        "thanked_at": a.thanked_at,
        "followed_up_at": a.followed_up_at,
        "closed_at": a.closed_at,
        "scheduled_for": a.scheduled_for,
        "overridden": a.overridden,
        "parent_id": a.parent_id,
        "urgency_at_ask": a.urgency_at_ask,
        **answer_fields(a.answer),
    }


def answer_fields(answer: Any) -> dict[str, Any]:
    """Return the ask row's answer columns for an answer (core or export), or for none."""
    return {
        "answer_kind": answer.kind if answer else None,
        "answer_note": answer.note if answer else "",
        "answer_offered": answer.offered if answer else "",
        "answered_at": answer.at if answer else None,
    }


def boundary(row: BoundaryRow) -> Boundary:
    """Return the core Boundary for a row."""
    return Boundary(
        id=row.id,
        uid=row.uid,
        created_at=row.created_at,
        person_id=row.person_id,
        need_id=row.need_id,
        topic=row.topic,
        until=row.until,
        reason=row.reason,
    )


def thanks(row: ThanksRow) -> Thanks:
    """Return the core Thanks for a row."""
    return Thanks(
        id=row.id, uid=row.uid, created_at=row.created_at, ask_id=row.ask_id, note=row.note
    )


def help_given(row: HelpGivenRow) -> HelpGiven:
    """Return the core HelpGiven for a row."""
    return HelpGiven(
        id=row.id,
        uid=row.uid,
        created_at=row.created_at,
        person_id=row.person_id,
        summary=row.summary,
    )


def journal(row: JournalRow) -> JournalEntry:
    """Return the core JournalEntry for a row."""
    return JournalEntry(
        id=row.id,
        uid=row.uid,
        created_at=row.created_at,
        text=row.text,
        kind=row.kind,
        need_id=row.need_id,
        person_id=row.person_id,
        ask_id=row.ask_id,
    )
