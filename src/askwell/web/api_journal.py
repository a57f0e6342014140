"""JSON API: the journal (reflections, with search) and help you gave others."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from askwell import services
from askwell.web.deps import StoreDep
from askwell.web.schemas import (
    ERRORS,
    HelpGivenCreate,
    HelpGivenPublic,
    Id,
    JournalCreate,
    JournalPublic,
)

router = APIRouter(prefix="/api", tags=["journal"], responses=ERRORS)

Search = Annotated[str | None, Query(max_length=200, description="Words that must all appear.")]


@router.get("/journal")
def list_entries(
    store: StoreDep, search: Search = None, need_id: Id | None = None, person_id: Id | None = None
) -> list[JournalPublic]:
    """List journal entries, newest first."""
    entries = services.list_entries(store, search=search, need_id=need_id, person_id=person_id)
    return [JournalPublic.of(e) for e in entries]


@router.post("/journal", status_code=status.HTTP_201_CREATED)
def add_entry(store: StoreDep, body: JournalCreate) -> JournalPublic:
    """Write a reflection (`created_at`: an earlier day or time)."""
    data = body.model_dump()
    text, on = data.pop("text"), data.pop("created_at")
    return JournalPublic.of(services.add_entry(store, text, on=on, **data))


@router.post("/help-given", status_code=status.HTTP_201_CREATED)
def give_help(store: StoreDep, body: HelpGivenCreate) -> HelpGivenPublic:
    """Record help you gave someone (`created_at`: an earlier day or time)."""
    on = body.created_at
    return HelpGivenPublic.of(services.give_help(store, body.person_id, body.summary, on=on))
