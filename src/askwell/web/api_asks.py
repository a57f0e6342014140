"""JSON API: the ask lifecycle (create, send, answer, thank, follow up, close) and what is due."""

from __future__ import annotations

from fastapi import APIRouter, status

from askwell import services
from askwell.core.model import AskStatus
from askwell.services import AskResult
from askwell.web.deps import PathId, StoreDep
from askwell.web.schemas import (
    ERRORS,
    AnswerCreate,
    AskCreate,
    AskPublic,
    AskResultPublic,
    BoundaryPublic,
    DuePublic,
    FollowUpCreate,
    Id,
    ThanksCreate,
)

router = APIRouter(prefix="/api", tags=["asks"], responses=ERRORS)


def _result(result: AskResult) -> AskResultPublic:
    boundary = BoundaryPublic.of(result.boundary) if result.boundary else None
    return AskResultPublic(
        ask=AskPublic.of(result.ask), warnings=result.warnings, boundary=boundary
    )


@router.get("/asks")
def list_asks(
    store: StoreDep,
    need_id: Id | None = None,
    person_id: Id | None = None,
    status: AskStatus | None = None,
) -> list[AskPublic]:
    """List asks, oldest first, filtered by need, person or status."""
    asks = services.list_asks(store, need_id=need_id, person_id=person_id, status=status)
    return [AskPublic.of(a) for a in asks]


@router.post("/asks", status_code=status.HTTP_201_CREATED)
def create_ask(store: StoreDep, body: AskCreate) -> AskResultPublic:
    """Record an ask; refused during a cooldown unless `override` (`asked_at`: an earlier day)."""
    data = body.model_dump()
    need, person, on = data.pop("need_id"), data.pop("person_id"), data.pop("asked_at")
    return _result(services.create_ask(store, need, person, on=on, **data))


@router.get("/asks/{ask_id}")
def get_ask(store: StoreDep, ask_id: PathId) -> AskPublic:
    """Show one ask."""
    return AskPublic.of(services.get_ask(store, ask_id))


@router.post("/asks/{ask_id}/send")
def send_ask(store: StoreDep, ask_id: PathId) -> AskPublic:
    """Mark a draft as sent."""
    return AskPublic.of(services.send_ask(store, ask_id))


@router.post("/asks/{ask_id}/answer")
def record_answer(store: StoreDep, ask_id: PathId, body: AnswerCreate) -> AskResultPublic:
    """Record the answer: yes, no (sets a cooldown), alternative, or no reply.

    `answered_at`: an earlier day or time.
    """
    data = body.model_dump()
    on = data.pop("answered_at")
    return _result(services.record_answer(store, ask_id, on=on, **data))


@router.post("/asks/{ask_id}/thank")
def thank(store: StoreDep, ask_id: PathId, body: ThanksCreate) -> AskPublic:
    """Record that you thanked them (`thanked_at`: an earlier day or time)."""
    return AskPublic.of(services.thank(store, ask_id, note=body.note, on=body.thanked_at))


@router.post("/asks/{ask_id}/follow-up")
def follow_up(store: StoreDep, ask_id: PathId, body: FollowUpCreate) -> AskPublic:
    """Record the one gentle follow-up of an unanswered ask (`followed_up_at`: an earlier day)."""
    note, on = body.note, body.followed_up_at
    return AskPublic.of(services.follow_up(store, ask_id, note=note, on=on))


@router.post("/asks/{ask_id}/close")
def close_ask(store: StoreDep, ask_id: PathId) -> AskPublic:
    """Close an ask."""
    return AskPublic.of(services.close_ask(store, ask_id))


@router.get("/due")
def due(store: StoreDep) -> list[DuePublic]:
    """List follow-ups that are due, then answers not yet thanked."""
    return [
        DuePublic(
            ask=AskPublic.of(d.ask),
            person_name=d.person_name,
            need_summary=d.need_summary,
            action=d.action,  # type: ignore[arg-type]
        )
        for d in services.due(store)
    ]
