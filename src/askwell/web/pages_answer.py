"""The ask wizard, steps 6-7: send it (copy, mailto, .ics), then record the answer and thank."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from askwell import services
from askwell.core.model import Ask
from askwell.services import matching
from askwell.web import forms
from askwell.web.deps import PathId, StoreDep
from askwell.web.pages_ask import wizard

router = APIRouter(prefix="/ask/a", include_in_schema=False)

ANSWERS = (
    ("yes", "Yes"),
    ("no", "No"),
    ("alternative", "They offered something else"),
    ("no-reply", "No reply yet"),
)


def _at(ask: Ask) -> str | None:
    return ask.scheduled_for.isoformat() if ask.scheduled_for else None


@router.get("/{ask_id}/send", response_class=HTMLResponse)
def send_page(request: Request, store: StoreDep, ask_id: PathId) -> HTMLResponse:
    """Step 6: copy the text, open it in your mail app, or add the moment to your calendar."""
    ask = services.get_ask(store, ask_id)
    at = _at(ask)
    slot = matching.resolve_slot(store, ask.person_id, at, need_id=ask.need_id) if at else None
    handoff = matching.handoff_for_ask(store, ask_id, slot=slot)
    return wizard(
        request,
        "send",
        "ask/send.html",
        ask=ask,
        person=services.get_person(store, ask.person_id),
        need=services.get_need(store, ask.need_id),
        handoff=handoff,
        ics_at=at,
    )


@router.post("/{ask_id}/send")
def mark_sent(store: StoreDep, ask_id: PathId) -> RedirectResponse:
    """Record that the ask went out."""
    if services.get_ask(store, ask_id).status == "draft":
        services.send_ask(store, ask_id)
    return forms.see_other(f"/ask/a/{ask_id}/answer")


@router.get("/{ask_id}/answer", response_class=HTMLResponse)
def answer_page(request: Request, store: StoreDep, ask_id: PathId) -> HTMLResponse:
    """Step 7: record how they answered, then thank them (or follow up once, gently)."""
    ask = services.get_ask(store, ask_id)
    kind = ask.answer.kind if ask.answer else None
    offered = services.next_reply(store, ask_id)
    return wizard(
        request,
        "answer",
        "ask/answer.html",
        ask=ask,
        person=services.get_person(store, ask.person_id),
        need=services.get_need(store, ask.need_id),
        answers=ANSWERS,
        kind=kind,
        needs_thanks=offered is not None and offered.action == "thank",
        can_follow_up=offered is not None and offered.action == "follow-up",
        reply=offered.text if offered else None,
    )


@router.post("/{ask_id}/answer")
async def record_answer(request: Request, store: StoreDep, ask_id: PathId) -> RedirectResponse:
    """Save the answer (a no also starts a cooldown for this need)."""
    form = await forms.read_form(request)
    services.record_answer(
        store,
        ask_id,
        forms.text(form, "kind"),
        note=forms.text(form, "note"),
        offered=forms.text(form, "offered"),
    )
    return forms.see_other(f"/ask/a/{ask_id}/answer")


@router.post("/{ask_id}/thank")
async def thank(request: Request, store: StoreDep, ask_id: PathId) -> RedirectResponse:
    """Record the thank-you."""
    form = await forms.read_form(request)
    services.thank(store, ask_id, note=forms.text(form, "note"))
    return forms.see_other(f"/ask/a/{ask_id}/answer")


@router.post("/{ask_id}/follow-up")
async def follow_up(request: Request, store: StoreDep, ask_id: PathId) -> RedirectResponse:
    """Record the one gentle follow-up."""
    form = await forms.read_form(request)
    services.follow_up(store, ask_id, note=forms.text(form, "note"))
    return forms.see_other(f"/ask/a/{ask_id}/answer")
