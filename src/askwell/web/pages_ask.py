"""The ask wizard, steps 1-4: pause and check in, define the need, choose the person, the moment."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.datastructures import FormData

from askwell import services
from askwell.core import barriers, need_check
from askwell.core.model import BARRIERS, parse_list
from askwell.web import forms
from askwell.web.deps import PathId, StoreDep
from askwell.web.render import render
from askwell.web.schemas import NeedCreate

router = APIRouter(prefix="/ask", include_in_schema=False)

STEPS = (
    ("pause", "Pause"),
    ("need", "Define"),
    ("person", "Person"),
    ("moment", "Moment"),
    ("compose", "Compose"),
    ("send", "Send"),
    ("answer", "Answer & thank"),
)
Level = Annotated[int, Query(ge=0, le=3)]
Percent = Annotated[int | None, Query(ge=0, le=100)]


def wizard(request: Request, step: str, template: str, **context: Any) -> HTMLResponse:
    """Render one wizard step with the step indicator."""
    index = [key for key, _ in STEPS].index(step)
    return render(
        request, template, section="ask", steps=STEPS, step_index=index, title="Ask", **context
    )


def _levels(form: FormData | dict[str, Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    for b in BARRIERS:
        raw = form.get(b)
        if isinstance(raw, str | int) and str(raw).isdigit() and int(raw) > 0:
            out[b] = min(3, int(raw))
    return out


@router.get("", response_class=HTMLResponse)
def pause(request: Request) -> HTMLResponse:
    """Step 1: pause, notice what holds you back (0-3 each), guess the chance of a yes."""
    items = [
        {"key": b, "label": barriers.LABELS[b], "reframe": barriers.REFRAMES[b]} for b in BARRIERS
    ]
    return wizard(
        request, "pause", "ask/pause.html", barriers=items, words=barriers.INTENSITY_WORDS
    )


@router.get("/need", response_class=HTMLResponse)
def define(
    request: Request,
    burden: Level = 0,
    incompetence: Level = 0,
    perfectionism: Level = 0,
    distrust: Level = 0,
    shame: Level = 0,
    expect: Percent = None,
) -> HTMLResponse:
    """Step 2: define the need, with the reframes for what you said you feel."""
    levels = _levels(
        {
            "burden": burden,
            "incompetence": incompetence,
            "perfectionism": perfectionism,
            "distrust": distrust,
            "shame": shame,
        }
    )
    return wizard(
        request,
        "need",
        "ask/need.html",
        levels=levels,
        felt=barriers.check_in(levels),
        expect=expect,
    )


@router.post("/need/check", response_class=HTMLResponse)
async def check_need(request: Request) -> HTMLResponse:
    """Live check of the need as it is typed: vague? which support type? self-serve option?"""
    form = await forms.read_form(request)
    summary = forms.text(form, "summary")[:200]
    result = need_check.assess(summary, forms.text(form, "details")[:2000]) if summary else None
    return render(request, "partials/need_check.html", check=asdict(result) if result else None)


@router.post("/need")
async def create_need(request: Request, store: StoreDep) -> RedirectResponse:
    """Save the need and go on to choosing a person."""
    form = await forms.read_form(request)
    expect = forms.text(form, "expect")
    data = {
        "summary": forms.text(form, "summary"),
        "details": forms.text(form, "details"),
        "support_type": forms.text(form, "support_type", "advice"),
        "urgency": forms.text(form, "urgency", "medium"),
        "deadline": forms.optional(form, "deadline"),
        "barriers": _levels(form),
        "expect": int(expect) if expect.isdigit() else None,
        "topics": list(parse_list(forms.text(form, "topics"))),
    }
    need = services.add_need(store, forms.validate(NeedCreate, data).to_domain())
    return forms.see_other(f"/ask/{need.id}/people")


@router.get("/{need_id}/people", response_class=HTMLResponse)
def choose_person(request: Request, store: StoreDep, need_id: PathId) -> HTMLResponse:
    """Step 3: everyone ranked for this need, with a reason for every factor."""
    from askwell.services import matching

    need = services.get_need(store, need_id)
    candidates = matching.suggest(store, need_id)
    return wizard(
        request, "person", "ask/people.html", need=need, need_id=need_id, candidates=candidates
    )


@router.get("/{need_id}/moment", response_class=HTMLResponse)
def choose_moment(
    request: Request, store: StoreDep, need_id: PathId, person: Annotated[int, Query(ge=1)]
) -> HTMLResponse:
    """Step 4: the next good moments in their time zone, and a lighter pre-ask."""
    from askwell.services import matching

    found = matching.when(store, person, need_id=need_id, count=4)
    return wizard(
        request,
        "moment",
        "ask/moment.html",
        need=found.need,
        need_id=need_id,
        person=found.person,
        slots=found.slots,
        pre_ask=found.pre_ask,
    )
