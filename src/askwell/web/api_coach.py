"""JSON API: the coach (check a draft request) and the composer (draft from parts or a template)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import Field

from askwell.web.schemas import ERRORS, Channel, InBody

router = APIRouter(prefix="/api/coach", tags=["coach"], responses=ERRORS)

CHECK_MAX = 20_000


class CheckRequest(InBody):
    """A draft request to check."""

    text: str = Field(max_length=CHECK_MAX)
    channel: Channel | None = None


def coach_report(text: str, channel: str | None) -> dict[str, Any]:
    """Run the coach and return its JSON-ready report."""
    from askwell.core.coach import check

    return check(text, channel=channel).to_dict()


@router.post("/check")
async def check_text(body: CheckRequest) -> dict[str, Any]:
    """Score a draft 0-100 and explain each finding with its character spans and a suggestion."""
    return coach_report(body.text, body.channel)
