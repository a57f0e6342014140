"""What the team routes return: needs, asks and answers as their viewers may see them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row

from askwell.core.model import Answer, Ask, Need
from askwell.team.tables import TeamAsk, TeamNeed

TEAM_ANSWERS = ("yes", "no", "alternative", "not-now")
CORE_KIND = {"not-now": "no"}  # "not now" is a no with a short cooldown for the lifecycle


@dataclass(frozen=True)
class PersonRef:
    """A member named in a need or an ask."""

    id: int
    name: str


@dataclass(frozen=True)
class NeedView:
    """A need shared in a team (never its author's barriers or yes-guess)."""

    id: int
    team_id: int
    author: PersonRef
    to: PersonRef | None
    summary: str
    details: str
    support_type: str
    urgency: str
    deadline: date | None
    topics: list[str]
    status: str
    created_at: datetime


@dataclass(frozen=True)
class AnswerView:
    """How the helper answered."""

    kind: str
    note: str
    offered: str
    at: datetime | None


@dataclass(frozen=True)
class AskView:
    """An ask as its asker and its helper see it (nobody else sees it)."""

    id: int
    team_id: int
    need_id: int
    summary: str
    asker: PersonRef
    helper: PersonRef
    text: str
    status: str
    answer: AnswerView | None
    sent_at: datetime
    thanked_at: datetime | None
    thanks_note: str
    followed_up_at: datetime | None
    follow_up_note: str


def need_view(row: TeamNeed, names: dict[int, str]) -> NeedView:
    """Return the shared view of a need row."""
    to = PersonRef(row.to_user_id, names[row.to_user_id]) if row.to_user_id else None
    return NeedView(
        row.id,
        row.team_id,
        PersonRef(row.author_id, names[row.author_id]),
        to,
        row.summary,
        row.details,
        row.support_type,
        row.urgency,
        row.deadline,
        list(row.topics),
        row.status,
        row.created_at,
    )


def _when(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def ask_json(v: AskView) -> dict[str, Any]:
    """Return the ask as JSON-ready values (what `asdict` + FastAPI's encoder give, faster).

    An inbox lists up to 200 asks; `asdict` and `jsonable_encoder` cost about 16 ms of CPU for
    that, this about 1 ms (docs/benchmarks.md, team server load).
    """
    answer = v.answer
    return {
        "id": v.id,
        "team_id": v.team_id,
        "need_id": v.need_id,
        "summary": v.summary,
        "asker": {"id": v.asker.id, "name": v.asker.name},
        "helper": {"id": v.helper.id, "name": v.helper.name},
        "text": v.text,
        "status": v.status,
        "answer": None
        if answer is None
        else {
            "kind": answer.kind,
            "note": answer.note,
            "offered": answer.offered,
            "at": _when(answer.at),
        },
        "sent_at": _when(v.sent_at),
        "thanked_at": _when(v.thanked_at),
        "thanks_note": v.thanks_note,
        "followed_up_at": _when(v.followed_up_at),
        "follow_up_note": v.follow_up_note,
    }


AskRow = TeamAsk | Row[*tuple[Any, ...]]  # an ORM row, or a selected row with its column names


def ask_view(row: AskRow, summary: str, names: dict[int, str]) -> AskView:
    """Return the view of an ask."""
    answer = None
    if row.answer_kind:
        answer = AnswerView(row.answer_kind, row.answer_note, row.answer_offered, row.answered_at)
    return AskView(
        row.id,
        row.team_id,
        row.need_id,
        summary,
        PersonRef(row.asker_id, names[row.asker_id]),
        PersonRef(row.helper_id, names[row.helper_id]),
        row.text,
        row.status,
        answer,
        row.sent_at,
        row.thanked_at,
        row.thanks_note,
        row.followed_up_at,
        row.follow_up_note,
    )


def core_need(row: TeamNeed) -> Need:
    """Return the core Need of a team need (what ranking reads)."""
    return Need(
        summary=row.summary,
        details=row.details,
        support_type=row.support_type,
        urgency=row.urgency,
        deadline=row.deadline,
        status=row.status,
        topics=tuple(row.topics),
        id=row.id,
        created_at=row.created_at,
    )


def core_ask(row: TeamAsk) -> Ask:
    """Return the core Ask of a team ask (lifecycle rules and ranking history read it)."""
    answer = None
    if row.answer_kind:
        kind = CORE_KIND.get(row.answer_kind, row.answer_kind)
        answer = Answer(kind, row.answer_note, row.answer_offered, row.answered_at)
    return Ask(
        need_id=row.need_id,
        person_id=row.helper_id,
        text=row.text,
        channel="chat",
        status=row.status,
        answer=answer,
        sent_at=row.sent_at,
        thanked_at=row.thanked_at,
        followed_up_at=row.followed_up_at,
        id=row.id,
        created_at=row.created_at,
    )
