"""JSON API: the coach (check a draft request) and the composer (draft from parts or a template)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from askwell.web.schemas import ERRORS, Channel, InBody

router = APIRouter(prefix="/api/coach", tags=["coach"], responses=ERRORS)

CHECK_MAX = 20_000


class CheckRequest(InBody):
    """A draft request to check."""

    text: str = Field(min_length=1, max_length=CHECK_MAX, pattern=r"\S")
    channel: Channel | None = None


def coach_report(text: str, channel: str | None) -> dict[str, Any]:
    """Run the coach and return its JSON-ready report."""
    from askwell.core.coach import check
    from askwell.services.locale import country

    return check(text, channel=channel, country=country()).to_dict()


@router.post("/check")
async def check_text(body: CheckRequest) -> dict[str, Any]:
    """Score a draft 0-100 and explain each finding with its character spans and a suggestion."""
    return coach_report(body.text, body.channel)


@router.post("/fix")
async def fix_text(body: CheckRequest) -> dict[str, Any]:
    """Apply every rewrite the coach offers that brings no new problem (as the CLI's check fix).

    Returns the fixed `text`, each rewrite as `{rule, span, before, after}` on the text sent,
    the score before and after, and the problems left (they need your own words).
    """
    from askwell.core.coach.fix import fix
    from askwell.services.locale import country

    return fix(body.text, channel=body.channel, country=country()).to_dict(body.text)


class DraftRequest(InBody):
    """Parts of a request (or of a reply), a channel, and optionally a template to start from."""

    parts: dict[Annotated[str, Field(max_length=40)], Annotated[str, Field(max_length=2000)]] = (
        Field(default_factory=dict, description="name, situation, challenge, ask, time, ...")
    )
    channel: Channel = "chat"
    template: Annotated[str, Field(max_length=40)] | None = None


class DraftPublic(BaseModel):
    """A drafted text, with the coach's report on it."""

    text: str
    report: dict[str, Any]


class TemplatePublic(BaseModel):
    """A ready frame for a common situation."""

    id: str
    title: str
    description: str
    kind: str
    fields: list[str]
    defaults: dict[str, str]


@router.post("/draft")
async def draft(body: DraftRequest) -> DraftPublic:
    """Build a request from its parts (or a template) for a channel, and check it."""
    from askwell.core import compose

    text = compose.draft(body.parts, body.channel, body.template)
    return DraftPublic(text=text, report=coach_report(text, body.channel))


@router.get("/templates")
async def templates() -> list[TemplatePublic]:
    """List the ready frames: reprioritising workload, feedback, career advice, replies..."""
    from askwell.core.compose_templates import TEMPLATES

    return [
        TemplatePublic(
            id=t.id,
            title=t.title,
            description=t.description,
            kind=t.kind,
            fields=list(t.fields),
            defaults=t.defaults,
        )
        for t in TEMPLATES.values()
    ]
