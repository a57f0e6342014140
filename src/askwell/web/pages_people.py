"""Pages: the people in your network (list, add, edit, vCard import, help given)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from askwell import services
from askwell.errors import USER_ERRORS, AskwellError, NotFound
from askwell.web import forms
from askwell.web.api_data import import_upload
from askwell.web.deps import PathId, StoreDep
from askwell.web.render import render
from askwell.web.schemas import PersonCreate, PersonUpdate

router = APIRouter(prefix="/people", include_in_schema=False)


def _person_data(form: FormData) -> dict[str, Any]:
    from askwell.core.model import parse_list

    return {
        "name": forms.text(form, "name"),
        "relationship": forms.text(form, "relationship", "friend"),
        "topics": list(parse_list(forms.text(form, "topics"))),
        "supports": forms.checked(form, "supports"),
        "tz": forms.text(form, "tz") or "UTC",
        "hours": forms.text(form, "hours"),
        "email": forms.optional(form, "email"),
        "phone": forms.optional(form, "phone"),
        "channel": forms.optional(form, "channel"),
        "stretched": forms.text(form, "stretched") == "on",
        "notes": forms.text(form, "notes"),
    }


@router.get("", response_class=HTMLResponse)
def people_page(
    request: Request,
    store: StoreDep,
    imported: int | None = None,
    skipped: int = 0,
) -> HTMLResponse:
    """List everyone, with forms to add a person or import a vCard file."""
    return _people(request, store, imported, skipped)


def _people(
    request: Request,
    store: StoreDep,
    imported: int | None = None,
    skipped: int = 0,
    *,
    typed: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    people = services.list_people(store)
    open_asks: dict[int, int] = {}
    for ask in services.list_asks(store):
        if ask.status in ("sent", "answered"):
            open_asks[ask.person_id] = open_asks.get(ask.person_id, 0) + 1
    return render(
        request,
        "people.html",
        section="people",
        title="People",
        people=people,
        open_asks=open_asks,
        imported=imported,
        skipped=skipped,
        typed=typed or {},
        errors=errors or {},
        status_code=422 if errors else 200,
    )


@router.post("", response_model=None)
async def add_person(request: Request, store: StoreDep) -> Response:
    """Add a person from the form; mistakes come back by their fields, with what was typed."""
    form = await forms.read_form(request)
    again = forms.repeated(request, form)
    if again is not None:
        return again
    data = {**_person_data(form), "allow_duplicate": forms.text(form, "allow_duplicate") == "on"}
    try:
        body = forms.validate(PersonCreate, data)
        person = services.add_person(store, body.to_domain(), allow_duplicate=body.allow_duplicate)
    except USER_ERRORS as exc:
        return _people(request, store, typed=forms.values_of(form), errors=forms.errors_of(exc))
    return forms.done(request, form, f"/people/{person.id}?added=1")


@router.post("/import")
async def import_people(request: Request, store: StoreDep) -> RedirectResponse:
    """Import people from an uploaded vCard file."""
    upload = (await forms.read_form(request)).get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise AskwellError("choose a .vcf file to import")
    result = await import_upload(store, upload)
    if result.errors and not result.imported:
        first = result.errors[0]
        raise AskwellError(f"no one could be imported: line {first.line}: {first.message}")
    return forms.see_other(f"/people?imported={len(result.imported)}&skipped={len(result.skipped)}")


@router.get("/{person_id}", response_class=HTMLResponse)
def person_page(
    request: Request, store: StoreDep, person_id: PathId, added: int = 0, saved: int = 0
) -> HTMLResponse:
    """Show one person: edit form, asks made to them and help you gave them."""
    return _person(request, store, person_id, added=added, saved=saved)


def _person(
    request: Request,
    store: StoreDep,
    person_id: int,
    *,
    added: int = 0,
    saved: int = 0,
    typed: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    from askwell.core.model import render_hours

    view = services.person_view(store, person_id)
    person = view.person
    return render(
        request,
        "person.html",
        section="people",
        title=person.name,
        person=person,
        hours=render_hours(person.hours),
        asks=view.asks,
        needs=view.needs,
        given=view.help_given,
        boundaries=list(zip(view.boundaries, view.boundary_lines, strict=True)),
        added=added,
        saved=saved,
        others=[p for p in services.list_people(store) if p.id != person_id],
        typed=typed or {},
        errors=errors or {},
        status_code=422 if errors else 200,
    )


@router.post("/{person_id}", response_model=None)
async def update_person(request: Request, store: StoreDep, person_id: PathId) -> Response:
    """Save the edit form; mistakes come back by their fields, with what was typed."""
    form = await forms.read_form(request)
    try:
        body = forms.validate(PersonUpdate, _person_data(form))
        services.update_person(store, person_id, **body.changes())
    except USER_ERRORS as exc:
        if isinstance(exc, NotFound):
            raise
        typed, errors = forms.values_of(form), forms.errors_of(exc)
        return _person(request, store, person_id, typed=typed, errors=errors)
    return forms.see_other(f"/people/{person_id}?saved=1")


@router.post("/{person_id}/help")
async def give_help(request: Request, store: StoreDep, person_id: PathId) -> RedirectResponse:
    """Record help you gave this person."""
    summary = forms.text(await forms.read_form(request), "summary")
    services.give_help(store, person_id, summary)
    return forms.see_other(f"/people/{person_id}#given")
