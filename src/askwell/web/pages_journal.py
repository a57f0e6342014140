"""Pages: the journal, with search and a box for a new reflection."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from askwell import services
from askwell.errors import USER_ERRORS
from askwell.web import forms
from askwell.web.deps import StoreDep
from askwell.web.render import render

router = APIRouter(prefix="/journal", include_in_schema=False)

PAGE = 40
KIND_LABELS = {
    "reflection": "Reflection",
    "follow-up": "Follow-up",
    "need": "Need",
    "ask": "Ask",
    "answer": "Answer",
    "thanks": "Thank-you",
    "help": "Help given",
    "change": "Change",
}


@router.get("", response_class=HTMLResponse)
def journal_page(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=200)] = "",
    n: Annotated[int, Query(ge=1, le=100_000)] = PAGE,
    tag: Annotated[str, Query(max_length=80)] = "",
    since: Annotated[str, Query(max_length=40)] = "",
    until: Annotated[str, Query(max_length=40)] = "",
    *,
    typed: str = "",
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    """Show the journal (events and reflections), newest first, filtered by search words."""
    from askwell.services.dates import day_bound

    filter_error = ""
    try:
        first, last = day_bound(since), day_bound(until)
    except USER_ERRORS as exc:
        first = last = None
        filter_error = str(exc)
    entries = services.timeline(
        store, search=q.strip() or None, tag=tag.strip() or None, since=first, until=last
    )
    return render(
        request,
        "journal.html",
        section="journal",
        title="Journal",
        entries=entries[:n],
        total=len(entries),
        more=n + PAGE if len(entries) > n else None,
        q=q,
        tag=tag,
        since=since,
        until=until,
        filter_error=filter_error,
        filtered=bool(q or tag or since or until),
        kinds=KIND_LABELS,
        typed=typed,
        errors=errors or {},
        status_code=422 if errors else 200,
    )


@router.post("", response_model=None)
async def add_entry(request: Request, store: StoreDep) -> Response:
    """Save a new reflection (once, however often the form is sent); a problem keeps the text."""
    form = await forms.read_form(request)
    again = forms.repeated(request, form)
    if again is not None:
        return again
    text = forms.text(form, "text")
    try:
        services.add_entry(store, text)
    except USER_ERRORS as exc:
        errors = {"text": forms.errors_of(exc).popitem()[1]}
        return journal_page(request, store, typed=text, errors=errors)
    return forms.done(request, form, "/journal")
