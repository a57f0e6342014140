"""JSON API: needs (what you want help with)."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, status
from pydantic import BaseModel

from askwell import services
from askwell.core import need_check
from askwell.web.deps import PathId, StoreDep
from askwell.web.schemas import (
    ERRORS,
    InBody,
    LongText,
    NeedCreate,
    NeedPublic,
    NeedStatus,
    NeedUpdate,
    Summary,
)

router = APIRouter(prefix="/api/needs", tags=["needs"], responses=ERRORS)


@router.get("")
def list_needs(store: StoreDep, status: NeedStatus | None = None) -> list[NeedPublic]:
    """List needs, newest first (optionally only open, resolved or dropped ones)."""
    return [NeedPublic.of(n) for n in services.list_needs(store, status=status)]


@router.post("", status_code=status.HTTP_201_CREATED)
def add_need(store: StoreDep, body: NeedCreate) -> NeedPublic:
    """Record a need."""
    return NeedPublic.of(services.add_need(store, body.to_domain()))


@router.get("/{need_id}")
def get_need(store: StoreDep, need_id: PathId) -> NeedPublic:
    """Show one need."""
    return NeedPublic.of(services.get_need(store, need_id))


@router.patch("/{need_id}")
def update_need(store: StoreDep, need_id: PathId, body: NeedUpdate) -> NeedPublic:
    """Change some fields of a need (to fix a typo), or mark it open, resolved or dropped."""
    need = services.get_need(store, need_id)
    if body.changes():
        need = services.update_need(store, need_id, **body.changes())
    if body.status is not None:
        need = services.set_need_status(store, need_id, body.status)
    return NeedPublic.of(need)


class NeedCheckRequest(InBody):
    """A need to look at before anyone is asked."""

    summary: Summary
    details: LongText = ""


class NeedCheckPublic(BaseModel):
    """What askwell noticed: vagueness, a suggested support type, a self-serve option."""

    vague: bool
    reasons: list[str]
    suggested_type: str
    type_scores: dict[str, int]
    self_serve: str | None
    only_a_person: str


@router.post("/check")
def check_need(body: NeedCheckRequest) -> NeedCheckPublic:
    """Flag a vague need and suggest a support type (nothing is stored)."""
    return NeedCheckPublic.model_validate(asdict(need_check.assess(body.summary, body.details)))
