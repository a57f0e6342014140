"""Pages for fixing mistakes: delete with an Undo link, the trash, merging people, a favicon."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from askwell import services
from askwell.core import barriers
from askwell.core.model import BARRIERS
from askwell.errors import USER_ERRORS, NotFound
from askwell.services import trash
from askwell.services.dates import suggest_ask
from askwell.web import forms
from askwell.web.deps import PathId, StoreDep
from askwell.web.render import render
from askwell.web.schemas import NeedUpdate

router = APIRouter(include_in_schema=False)

_HOME = {
    "person": "/people",
    "need": "/",
    "ask": "/",
    "journal": "/journal",
    "help": "/people",
    "boundary": "/people",
}


def _local(path: str, default: str) -> str:
    """Return `path` when it is a path on this site (never another host), else `default`."""
    ok = path.startswith("/") and not path.startswith("//") and "\\" not in path
    return path.split("?")[0].split("#")[0] if ok else default


def _with(path: str, key: str, value: int) -> str:
    return f"{path}?{key}={value}"


@router.post("/delete/{kind}/{record_id}")
async def delete(
    request: Request, store: StoreDep, kind: str, record_id: PathId
) -> RedirectResponse:
    """Move a record to the trash and go back with an Undo link."""
    form = await forms.read_form(request)
    item = trash.delete_record(store, kind, record_id)
    back = _local(forms.text(form, "next"), _HOME.get(item.kind, "/"))
    if back.rstrip("/").endswith(f"/{record_id}"):  # the page of what was deleted is gone
        back = _HOME[item.kind]
    return forms.see_other(_with(back, "undo", item.id))


@router.post("/undo/{trash_id}")
async def undo(request: Request, store: StoreDep, trash_id: PathId) -> RedirectResponse:
    """Bring a trash entry back and go where it lives."""
    form = await forms.read_form(request)
    item = trash.undo(store, trash_id)
    default = f"/people/{item.record_id}" if item.kind == "person" else _HOME[item.kind]
    return forms.see_other(_with(_local(forms.text(form, "next"), default), "restored", 1))


@router.get("/trash", response_class=HTMLResponse)
def trash_page(request: Request, store: StoreDep) -> HTMLResponse:
    """What was deleted or merged in the last 30 days, each with a button to bring it back."""
    return render(
        request,
        "trash.html",
        title="Trash",
        items=trash.list_trash(store),
        words=trash.WORDS,
        days=trash.TRASH_DAYS,
    )


@router.post("/people/{person_id}/merge")
async def merge(request: Request, store: StoreDep, person_id: PathId) -> RedirectResponse:
    """Fold the chosen duplicate into this person."""
    form = await forms.read_form(request)
    other = forms.text(form, "other")
    if not other.isdigit():
        from askwell.errors import AskwellError

        raise AskwellError("choose the duplicate to merge")
    item = trash.merge_people(store, person_id, int(other))
    return forms.see_other(_with(f"/people/{person_id}", "undo", item.id))


def _need_values(form: FormData) -> dict[str, Any]:
    return {
        "summary": forms.text(form, "summary"),
        "details": forms.text(form, "details"),
        "support_type": forms.text(form, "support_type", "advice"),
        "urgency": forms.text(form, "urgency", "medium"),
        "deadline": forms.optional(form, "deadline"),
        "expect": forms.optional(form, "expect"),
        "topics": forms.text(form, "topics"),
        **{f"barrier_{b}": forms.text(form, f"barrier_{b}", "0") for b in BARRIERS},
        "ask": forms.text(form, "ask"),
        "size": forms.text(form, "size"),
        "situation": forms.text(form, "situation"),
    }


def _need_data(typed: dict[str, Any]) -> dict[str, Any]:
    values = dict(typed)
    from askwell.core.model import parse_list

    levels = {b: values.pop(f"barrier_{b}") for b in BARRIERS}
    levels = {b: level for b, level in levels.items() if level != "0"}  # 0: it is not there
    return {**values, "topics": list(parse_list(values["topics"])), "barriers": levels}


def _need_page(
    request: Request,
    store: StoreDep,
    need_id: int,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    saved: int = 0,
) -> HTMLResponse:
    need = services.get_need(store, need_id)
    shown = values or {
        "summary": need.summary,
        "details": need.details,
        "support_type": need.support_type,
        "urgency": need.urgency,
        "deadline": f"{need.deadline:%Y-%m-%d}" if need.deadline else "",
        "expect": "" if need.expect is None else str(need.expect),
        "topics": ", ".join(need.topics),
        **{f"barrier_{b}": str(need.barriers.get(b, 0)) for b in BARRIERS},
        "ask": need.ask,
        "size": need.size,
        "situation": need.situation,
    }
    found = suggest_ask(need.summary, need.support_type)
    return render(
        request,
        "need_edit.html",
        barriers=[(b, barriers.LABELS[b].capitalize()) for b in BARRIERS],
        levels=[(str(i), word) for i, word in enumerate(barriers.INTENSITY_WORDS)],
        title=need.summary,
        need=need,
        values=shown,
        errors=errors or {},
        saved=saved,
        auto={},
        placeholders={"ask": found.ask, "size": found.size},
        status_code=422 if errors else 200,
    )


@router.get("/needs/{need_id}", response_class=HTMLResponse)
def need_page(request: Request, store: StoreDep, need_id: PathId, saved: int = 0) -> HTMLResponse:
    """Edit a need: fix a typo, sharpen it, or delete it."""
    return _need_page(request, store, need_id, saved=saved)


@router.post("/needs/{need_id}", response_model=None)
async def save_need(request: Request, store: StoreDep, need_id: PathId) -> Response:
    """Save the need's new details; mistakes come back by their fields."""
    form = await forms.read_form(request)
    values = _need_values(form)
    try:
        body = forms.validate(NeedUpdate, _need_data(values))
        services.update_need(store, need_id, **body.changes())
    except USER_ERRORS as exc:
        if isinstance(exc, NotFound):
            raise
        return _need_page(request, store, need_id, values=values, errors=forms.errors_of(exc))
    return forms.see_other(f"/needs/{need_id}?saved=1")


@router.get("/favicon.ico")
def favicon() -> Response:
    """Answer the browser's own favicon request with the app's icon."""
    icon = files("askwell.web").joinpath("static/favicon.svg").read_bytes()
    return Response(icon, media_type="image/svg+xml", headers={"cache-control": "max-age=86400"})
