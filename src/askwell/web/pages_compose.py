"""The ask wizard, step 5: compose the request with live coaching as you type."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from askwell import services
from askwell.errors import AskwellError
from askwell.web import forms
from askwell.web.api_coach import CHECK_MAX, coach_report
from askwell.web.deps import PathId, StoreDep
from askwell.web.highlight import segments
from askwell.web.pages_ask import wizard
from askwell.web.render import render

router = APIRouter(prefix="/ask", include_in_schema=False)

PART_LABELS = {
    "context": "Context",
    "challenge": "The challenge",
    "ask": "One specific ask",
    "time_box": "How long it takes",
    "reason": "Why them",
    "easy_out": "An easy no",
    "thanks": "Thanks",
}


def _when(at: str | None) -> datetime | None:
    if not at:
        return None
    try:
        return datetime.fromisoformat(at)
    except ValueError:
        raise AskwellError(
            f"cannot read the moment {at!r}; pick one of the suggested times"
        ) from None


@router.get("/{need_id}/compose", response_class=HTMLResponse)
def compose_page(
    request: Request,
    store: StoreDep,
    need_id: PathId,
    person: Annotated[int, Query(ge=1)],
    at: Annotated[str, Query(max_length=40)] = "",
    template: Annotated[str, Query(max_length=40)] = "",
) -> HTMLResponse:
    """Step 5: a first draft from the parts of a good request, checked live as you edit."""
    need = services.get_need(store, need_id)
    who = services.get_person(store, person)
    channel = who.channel or "chat"
    from askwell.core.compose_templates import TEMPLATES

    return wizard(
        request,
        "compose",
        "ask/compose.html",
        need=need,
        person=who,
        at=at,
        when=_when(at),
        channel=channel,
        draft=services.first_draft(store, need_id, person, channel=channel, template=template).text,
        parts=PART_LABELS,
        templates=[t for t in TEMPLATES.values() if t.kind == "request"],
        frame=template,
    )


@router.post("/coach", response_class=HTMLResponse)
async def coach_partial(request: Request) -> HTMLResponse:
    """Return the coach panel for the text being typed: score, highlights, suggestions."""
    form = await forms.read_form(request)
    text = forms.text(form, "text")[:CHECK_MAX]
    channel = forms.optional(form, "channel")
    report = coach_report(text, channel) if text else None
    context: dict[str, Any] = {"report": report, "text": text, "parts": PART_LABELS}
    if report and not report["crisis"]:
        context["segments"] = segments(text, report["findings"])
    return render(request, "partials/coach.html", **context)


@router.post("/{need_id}/compose")
async def save_ask(request: Request, store: StoreDep, need_id: PathId) -> RedirectResponse:
    """Save the ask as a draft and go on to sending it."""
    form = await forms.read_form(request)
    person = forms.text(form, "person")
    if not person.isdigit():
        raise AskwellError("choose a person first")
    at = forms.text(form, "at")
    result = services.create_ask(
        store,
        need_id,
        int(person),
        forms.text(form, "text"),
        forms.text(form, "channel", "chat"),
        draft=True,
        scheduled_for=_when(at),
    )
    return forms.see_other(f"/ask/a/{result.ask.id}/send")
