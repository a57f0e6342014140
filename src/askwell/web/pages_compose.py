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
    return _compose(request, store, need_id, person, at, template)


def _compose(
    request: Request,
    store: StoreDep,
    need_id: int,
    person: int,
    at: str,
    template: str,
    *,
    text: str | None = None,
    channel: str | None = None,
) -> HTMLResponse:
    """Render the compose step: the draft (or `text`) and the coach's panel on it."""
    need = services.get_need(store, need_id)
    who = services.get_person(store, person)
    channel = channel or who.channel or "chat"
    from askwell.core.compose_templates import TEMPLATES

    if text is None:
        text = services.first_draft(store, need_id, person, channel=channel, template=template).text
    fix_to = {"need": need_id, "person": person, "at": at, "template": template, "channel": channel}
    return wizard(
        request,
        "compose",
        "ask/compose.html",
        need=need,
        person=who,
        at=at,
        when=_when(at),
        channel=channel,
        draft=text,
        templates=[t for t in TEMPLATES.values() if t.kind == "request"],
        frame=template,
        **_panel(text.strip(), channel, fix_to),
    )


def _label(before: str, after: str) -> str:
    """Return the apply button's words for one rewrite."""

    def short(words: str, most: int) -> str:
        words = " ".join(words.split())
        return words if len(words) <= most else words[: most - 1].rstrip() + "…"

    if not after:
        return f"Apply: take out “{short(before, 60)}”"
    if len(before) <= 40:
        return f"Apply: “{short(before, 40)}” → “{after}”"
    return f"Apply: rewrite as “{short(after, 80)}”"


def _panel(text: str, channel: str | None, fix_to: dict[str, Any] | None) -> dict[str, Any]:
    """Return the coach panel's context for `text`: the report, its highlights, its rewrites."""
    report = coach_report(text, channel) if text.strip() else None
    context: dict[str, Any] = {"report": report, "text": text, "parts": PART_LABELS}
    if report and not report["crisis"]:
        context["segments"] = segments(text, report["findings"])
        offered = sorted(
            (
                f
                for f in report["findings"]
                if f["kind"] == "problem" and f["replacement"] is not None
            ),
            key=lambda f: tuple(f["spans"][0]),
        )
        context["fixes"], seen = {}, set()
        for i, f in enumerate(offered):  # the same rewrite for two findings: one button
            (start, end), after = f["spans"][0], f["replacement"]
            if (start, end, after) not in seen:
                seen.add((start, end, after))
                context["fixes"][f"{f['rule']}:{start}"] = {
                    "index": i,
                    "label": _label(text[start:end], after),
                }
        context["fix_to"] = fix_to
    return context


@router.post("/coach", response_class=HTMLResponse)
async def coach_partial(request: Request) -> HTMLResponse:
    """Return the coach panel for the text being typed: score, highlights, suggestions.

    From the compose step (the form names the need and the person) each rewrite the coach
    offers comes with an apply button.
    """
    form = await forms.read_form(request)
    text = _one_text(forms.text(form, "text"))[:CHECK_MAX]
    channel = forms.optional(form, "channel")
    need, person = forms.text(form, "need"), forms.text(form, "person")
    fix_to = None
    if need.isdigit() and person.isdigit():
        fix_to = {
            "need": int(need),
            "person": int(person),
            "at": forms.text(form, "at"),
            "template": forms.text(form, "template"),
            "channel": channel or "",
        }
    return render(request, "partials/coach.html", **_panel(text, channel, fix_to))


def _one_text(text: str) -> str:
    """Return the text with the line ends a form post adds (CRLF) as plain newlines."""
    return text.replace("\r\n", "\n")


@router.post("/{need_id}/compose/fix", response_class=HTMLResponse)
async def apply_fix(request: Request, store: StoreDep, need_id: PathId) -> HTMLResponse:
    """Apply one of the coach's rewrites to the request: the new text box (htmx) or the page."""
    from askwell.core.coach.fix import apply_one

    form = await forms.read_form(request)
    person, index = forms.text(form, "person"), forms.text(form, "index")
    if not person.isdigit() or not index.isdigit():
        raise AskwellError("that fix no longer matches the text; check it again")
    channel = forms.optional(form, "channel")
    text = apply_one(_one_text(forms.text(form, "text"))[:CHECK_MAX], int(index), channel=channel)
    if request.headers.get("HX-Request"):
        return render(request, "ask/_request_text.html", draft=text)
    at, template = forms.text(form, "at"), forms.text(form, "template")
    return _compose(request, store, need_id, int(person), at, template, text=text, channel=channel)


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
