"""JSON API: whom to ask (ranked, with reasons), when (good moments), and the hand-off."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from askwell.core.match import Candidate
from askwell.core.moment import Slot
from askwell.services import matching
from askwell.storage.store import Store
from askwell.web.deps import PathId, StoreDep
from askwell.web.schemas import ERRORS, Id

router = APIRouter(prefix="/api", tags=["matching"], responses=ERRORS)

At = Annotated[
    str | None,
    Query(
        max_length=40,
        description='A suggested slot number ("1".."20") or a time like 2026-03-02T10:00.',
    ),
]


class FactorPublic(BaseModel):
    """One factor of a rank: 0-1 score, its weight, and why."""

    score: float
    weight: float
    reason: str


class CandidatePublic(BaseModel):
    """A person ranked for a need."""

    person_id: int
    name: str
    total: float
    excluded: bool
    flags: list[str]
    factors: dict[str, FactorPublic]
    summary: str = Field("", description="For the first person only: why they come first.")

    @classmethod
    def of(cls, c: Candidate) -> CandidatePublic:
        """Return the public shape of a candidate."""
        factors = {
            k: FactorPublic(score=f.score, weight=f.weight, reason=f.reason)
            for k, f in c.factors.items()
        }
        assert c.person.id is not None
        return cls(
            person_id=c.person.id,
            name=c.person.name,
            total=c.total,
            excluded=c.excluded,
            flags=c.flags,
            factors=factors,
            summary=c.summary,
        )


class SlotPublic(BaseModel):
    """A good moment to ask, in the person's time zone."""

    start: datetime
    end: datetime
    tz: str
    reason: str

    @classmethod
    def of(cls, slot: Slot) -> SlotPublic:
        """Return the public shape of a slot."""
        return cls(start=slot.start, end=slot.end, tz=slot.tz, reason=slot.reason)


class MomentsPublic(BaseModel):
    """Good moments to ask a person, and a lighter first message (the pre-ask)."""

    person_id: int
    need_id: int | None
    slots: list[SlotPublic]
    pre_ask: str


class HandoffPublic(BaseModel):
    """Ways to send an ask."""

    mailto: str
    text: str
    slot: SlotPublic | None
    ics_url: str | None


def slot_for(store: Store, ask_id: int, at: str | None) -> Slot | None:
    """Resolve `at` for an ask's person and need (None when not given)."""
    if not at:
        return None
    from askwell import services

    ask = services.get_ask(store, ask_id)
    return matching.resolve_slot(store, ask.person_id, at, need_id=ask.need_id)


@router.get("/needs/{need_id}/suggest")
def suggest(store: StoreDep, need_id: PathId) -> list[CandidatePublic]:
    """Rank everyone for a need; people excluded by a cooldown come last, with the reason."""
    return [CandidatePublic.of(c) for c in matching.suggest(store, need_id)]


@router.get("/people/{person_id}/moments")
def moments(
    store: StoreDep,
    person_id: PathId,
    need_id: Id | None = None,
    count: Annotated[int, Query(ge=1, le=matching.MAX_SLOTS)] = 3,
) -> MomentsPublic:
    """Suggest the next good moments to ask a person, in their time zone."""
    found = matching.when(store, person_id, need_id=need_id, count=count)
    return MomentsPublic(
        person_id=person_id,
        need_id=need_id,
        slots=[SlotPublic.of(s) for s in found.slots],
        pre_ask=found.pre_ask,
    )


@router.get("/asks/{ask_id}/handoff")
def handoff(store: StoreDep, ask_id: PathId, at: At = None) -> HandoffPublic:
    """Return a mailto: link and copy-ready text (and an .ics link when `at` is given)."""
    slot = slot_for(store, ask_id, at)
    result = matching.handoff_for_ask(store, ask_id, slot=slot)
    return HandoffPublic(
        mailto=result.mailto,
        text=result.text,
        slot=SlotPublic.of(slot) if slot else None,
        ics_url=f"/api/asks/{ask_id}/ics?{urlencode({'at': at or ''})}" if slot else None,
    )


@router.get(
    "/asks/{ask_id}/ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "An .ics event."}},
)
def ics(store: StoreDep, ask_id: PathId, at: At = "1") -> Response:
    """Download the ask's moment as an .ics calendar event."""
    slot = slot_for(store, ask_id, at or "1")
    data = matching.handoff_for_ask(store, ask_id, slot=slot).ics or b""
    headers = {"Content-Disposition": f'attachment; filename="askwell-ask-{ask_id}.ics"'}
    return Response(data, media_type="text/calendar", headers=headers)
