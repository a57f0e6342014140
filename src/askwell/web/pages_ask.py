"""The ask wizard, steps 1-4: pause and check in, define the need, choose the person, the moment."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from askwell import services
from askwell.core import barriers, need_check
from askwell.core.model import BARRIERS, parse_list
from askwell.services.dates import suggest_ask
from askwell.web import forms
from askwell.web.deps import PathId, StoreDep
from askwell.web.render import render
from askwell.web.schemas import NeedCreate

ASK_KEYS = ("ask", "size", "deadline", "situation")

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


def _levels(form: FormData | dict[str, Any]) -> dict[str, Any]:
    """Return the barrier levels as sent (0 and blanks left out); the schema refuses bad ones."""
    out: dict[str, Any] = {}
    for b in BARRIERS:
        raw = form.get(b)
        if not isinstance(raw, str | int) or str(raw).strip() in ("", "0"):
            continue
        out[b] = int(raw) if str(raw).isdigit() else raw
    return out


def _shown(levels: dict[str, Any]) -> dict[str, int]:
    """Return the levels that can be shown again (the valid ones, 1 to 3)."""
    return {k: v for k, v in levels.items() if isinstance(v, int) and 1 <= v <= 3}


BAD_LEVEL = "How much a feeling holds you back is a number from 0 to 3. Go back and choose again."


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
    return _need_page(request, levels, expect)


def _need_page(
    request: Request,
    levels: dict[str, int],
    expect: int | None,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    check: need_check.NeedAssessment | None = None,
    auto: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """Render the Define step, keeping what was typed and showing every problem by its field."""
    index = [key for key, _ in STEPS].index("need")
    return render(
        request,
        "ask/need.html",
        status_code=status_code,
        section="ask",
        steps=STEPS,
        step_index=index,
        title="Ask",
        levels=levels,
        felt=barriers.check_in(levels),
        expect=expect,
        values=values or {},
        errors=errors or {},
        check=asdict(check) if check else None,
        auto=auto or {},
        placeholders={},
    )


def suggested(form: FormData, summary: str, support: str) -> tuple[dict[str, str], dict[str, str]]:
    """Return the ask fields to show and what of them was read from the summary.

    A field still empty, or still holding what an earlier check read from the summary,
    takes what the summary says now; what the person typed stays as they typed it.
    """
    found = suggest_ask(summary, support or "advice") if summary else None
    read = {
        "ask": found.ask if found else "",
        "size": found.size if found else "",
        "deadline": f"{found.by:%Y-%m-%d}" if found and found.by else "",
    }
    values = {key: forms.text(form, key) for key in ASK_KEYS}
    auto: dict[str, str] = {}
    for key, value in read.items():
        if not values[key] or values[key] == forms.text(form, f"{key}_auto"):
            values[key] = auto[key] = value
    return values, auto


@router.post("/need/check", response_class=HTMLResponse)
async def check_need(request: Request) -> HTMLResponse:
    """Live check of the need as it is typed: vague? which support type? self-serve option?

    The ask fields come back too (swapped in out of band) with what the summary says of them.
    """
    form = await forms.read_form(request)
    summary = forms.text(form, "summary")[:200]
    result = need_check.assess(summary, forms.text(form, "details")[:2000]) if summary else None
    support = forms.text(form, "support_type") or (result.suggested_type if result else "")
    values, auto = suggested(form, summary, support)
    return render(
        request,
        "partials/need_live.html",
        check=asdict(result) if result else None,
        values=values,
        auto=auto,
        errors={},
        placeholders={},
    )


@router.post("/need", response_model=None)
async def create_need(request: Request, store: StoreDep) -> Response:
    """Save the need and go on to choosing a person: the same need check as the CLI first.

    A form with mistakes comes back with what was typed and every problem by its field. A
    vague need comes back once with the check and a "continue anyway" choice; no support type
    takes the one suggested from the words. A second post of the same form goes where the
    first went instead of saving the need twice.
    """
    form = await forms.read_form(request)
    again = forms.repeated(request, form)
    if again is not None:
        return again
    expect_text = forms.text(form, "expect")
    expect = int(expect_text) if expect_text.isdigit() else None
    levels = _levels(form)
    summary, details = forms.text(form, "summary"), forms.text(form, "details")
    check = need_check.assess(summary, details) if summary else None
    chosen = forms.text(form, "support_type")
    data = {
        "summary": summary,
        "details": details,
        "support_type": chosen or None,
        "urgency": forms.text(form, "urgency", "medium"),
        "deadline": forms.optional(form, "deadline"),
        "barriers": levels,
        "expect": expect,
        "topics": list(parse_list(forms.text(form, "topics"))),
        "ask": forms.text(form, "ask"),
        "size": forms.text(form, "size"),
        "situation": forms.text(form, "situation"),
    }
    values = {**data, "support_type": chosen, "topics": forms.text(form, "topics")}
    errors = forms.problems(NeedCreate, data)
    if "barriers" in errors:
        errors["barriers"] = BAD_LEVEL
    if errors or (check is not None and check.vague and forms.text(form, "anyway") != "1"):
        support = chosen or (check.suggested_type if check else "")
        shown, auto = suggested(form, summary, support)
        return _need_page(
            request,
            _shown(levels),
            expect,
            values={**values, **shown},
            errors=errors,
            check=None if errors else check,
            auto=auto,
            status_code=422 if errors else 200,
        )
    need = services.add_need(store, forms.validate(NeedCreate, data).to_domain())
    return forms.done(request, form, f"/ask/{need.id}/people")


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
