"""Pages to fix a typo in any record: `/edit/{kind}/{id}`, as `/delete/{kind}/{id}` removes one.

People and needs have their own pages (`/people/ID`, `/needs/ID`); asks, journal entries, help
given and boundaries share one form here. A save redirects (POST, redirect, GET); a mistake
comes back with what was typed and a line by each field to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.datastructures import FormData

from askwell import services
from askwell.errors import USER_ERRORS, NotFound
from askwell.services.dates import local_day
from askwell.storage.store import Store
from askwell.web import forms
from askwell.web.deps import PathId, StoreDep
from askwell.web.pages_answer import ANSWERS
from askwell.web.render import VOCAB, render
from askwell.web.schemas import AskUpdate, BoundaryUpdate, HelpGivenUpdate, JournalUpdate

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class Field:
    """One field of an edit form."""

    name: str
    label: str
    kind: str = "text"  # text, textarea, select or date
    hint: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Loaded:
    """A record ready for its form: heading, where it lives, its fields and current values."""

    heading: str
    back: tuple[str, str]  # (url, words)
    fields: list[Field]
    values: dict[str, str]


@dataclass(frozen=True)
class Kind:
    """How one kind of record is loaded, checked and saved."""

    what: str  # "ask", as the delete button names it
    schema: type[BaseModel]
    load: Callable[[Store, int], Loaded]
    save: Callable[[Store, int, dict[str, Any]], object]
    codes: dict[str, str]  # an error code (or "code:what") -> the field to show it by


def _day(stamp: datetime | None) -> str:
    return f"{local_day(stamp):%Y-%m-%d}" if stamp else ""


def _thanks_note(store: Store, ask_id: int) -> str | None:
    notes = [t.note for t in services.load_history(store).thanks if t.ask_id == ask_id]
    return notes[-1] if notes else None


def _followup_note(store: Store, ask_id: int) -> str:
    found = (e for e in services.list_entries(store) if e.ask_id == ask_id)
    return next((e.text for e in found if e.kind == "follow-up"), "")


def _load_ask(store: Store, ask_id: int) -> Loaded:
    ask = services.get_ask(store, ask_id)
    person = services.get_person(store, ask.person_id)
    need = services.get_need(store, ask.need_id)
    fields = [
        Field("text", "What you asked", "textarea", "The request as you sent it."),
        Field("channel", "How you asked", "select", options=VOCAB["channel"]),
    ]
    values = {"text": ask.text, "channel": ask.channel}
    if ask.sent_at is not None:
        fields.append(Field("sent_at", "The day you asked", "date"))
        values["sent_at"] = _day(ask.sent_at)
    if ask.answer is not None:
        fields.append(Field("answer", "How they answered", "select", options=list(ANSWERS)))
        fields.append(Field("answered_at", "The day they answered", "date"))
        fields.append(Field("note", "What they said", "textarea"))
        values.update(answer=ask.answer.kind, answered_at=_day(ask.answer.at), note=ask.answer.note)
        hint = "When they offered something else."
        fields.append(Field("offered", "What they offered instead", hint=hint))
        values["offered"] = ask.answer.offered
    if ask.followed_up_at is not None:
        fields.append(Field("followed_up_at", "The day you followed up", "date"))
        fields.append(Field("followup_note", "Your follow-up", "textarea", "What you wrote."))
        values["followed_up_at"] = _day(ask.followed_up_at)
        values["followup_note"] = _followup_note(store, ask_id)
    if ask.thanked_at is not None:
        fields.append(Field("thanked_at", "The day you thanked them", "date"))
        values["thanked_at"] = _day(ask.thanked_at)
    thanks = _thanks_note(store, ask_id)
    if thanks is not None:
        fields.append(Field("thanks_note", "Your thank-you note", "textarea"))
        values["thanks_note"] = thanks
    heading = f"Your ask to {person.name}: {need.summary}"
    return Loaded(heading, (f"/people/{person.id}", f"{person.name}"), fields, values)


def _load_entry(store: Store, entry_id: int) -> Loaded:
    entry = next((e for e in services.list_entries(store) if e.id == entry_id), None)
    if entry is None:
        raise NotFound("not_found", what="journal entry", id=entry_id)
    hint = "Add @tags like @work to find it later."
    fields = [Field("text", "Your entry", "textarea", hint), Field("created_at", "The day", "date")]
    values = {"text": entry.text, "created_at": _day(entry.created_at)}
    return Loaded("A journal entry", ("/journal", "Journal"), fields, values)


def _load_help(store: Store, help_id: int) -> Loaded:
    given = next((h for h in services.load_history(store).help_given if h.id == help_id), None)
    if given is None:
        raise NotFound("not_found", what="help given", id=help_id)
    people = [(str(p.id), p.name) for p in services.list_people(store)]
    fields = [
        Field("summary", "What you did for them"),
        Field("person_id", "Whom you helped", "select", options=people),
        Field("created_at", "The day", "date"),
    ]
    values = {
        "summary": given.summary,
        "person_id": str(given.person_id),
        "created_at": _day(given.created_at),
    }
    back = (f"/people/{given.person_id}#given", "Back")
    return Loaded("Help you gave", back, fields, values)


def _load_boundary(store: Store, boundary_id: int) -> Loaded:
    found = next((b for b in services.list_boundaries(store) if b.id == boundary_id), None)
    if found is None:
        raise NotFound("not_found", what="boundary", id=boundary_id)
    person = services.get_person(store, found.person_id)
    fields = [
        Field("until", "No asks before", "date", "To end it now, delete it instead."),
        Field("topic", "About", hint="Leave it empty for any ask."),
        Field("reason", "Why", "textarea"),
    ]
    values = {"until": f"{found.until:%Y-%m-%d}", "topic": found.topic, "reason": found.reason}
    back = (f"/people/{person.id}#boundaries", person.name)
    return Loaded(f"Not asking {person.name} for now", back, fields, values)


def _saver(update: Callable[..., object]) -> Callable[[Store, int, dict[str, Any]], object]:
    def save(store: Store, record_id: int, changes: dict[str, Any]) -> object:
        return update(store, record_id, **changes)

    return save


KINDS: dict[str, Kind] = {
    "ask": Kind(
        "ask",
        AskUpdate,
        _load_ask,
        _saver(services.update_ask),
        {
            "future_date": "sent_at",
            "ask_after_answer": "sent_at",
            "draft_has_no_date": "sent_at",
            "no_answer_yet": "note",
            "thanked_no_reply": "answer",
            "answer_before_ask": "answered_at",
            "answer_after_thanks": "answered_at",
            "no_followup_yet": "followup_note",
            "future_date:an answer": "answered_at",
            "future_date:a thank-you": "thanked_at",
            "future_date:a follow-up": "followed_up_at",
            "too_early:a thank-you": "thanked_at",
            "too_early:a follow-up": "followed_up_at",
            "thanks_before_answered": "thanked_at",
            "followup_before_ask": "followed_up_at",
            "offer_missing": "offered",
            "unknown_choice": "channel",
        },
    ),
    "journal": Kind(
        "journal",
        JournalUpdate,
        _load_entry,
        _saver(services.update_entry),
        {"future_date": "created_at", "empty": "text"},
    ),
    "help": Kind(
        "help",
        HelpGivenUpdate,
        _load_help,
        _saver(services.update_help),
        {"future_date": "created_at", "empty": "summary", "not_found": "person_id"},
    ),
    "boundary": Kind(
        "boundary",
        BoundaryUpdate,
        _load_boundary,
        _saver(services.update_boundary),
        {"past_date": "until", "far_date": "until"},
    ),
}
OWN_PAGES = {"person": "/people/{id}", "need": "/needs/{id}"}


def _kind(kind: str) -> Kind:
    found = KINDS.get(kind)
    if found is None:
        raise NotFound("not_found", what="kind of record", id=kind)
    return found


def _page(
    request: Request,
    store: Store,
    kind: Kind,
    record_id: int,
    *,
    typed: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    saved: int = 0,
) -> HTMLResponse:
    loaded = kind.load(store, record_id)
    return render(
        request,
        "edit.html",
        title=loaded.heading,
        kind=kind.what,
        record_id=record_id,
        loaded=loaded,
        values={**loaded.values, **(typed or {})},
        errors=errors or {},
        saved=saved,
        status_code=422 if errors else 200,
    )


@router.get("/edit/{kind}/{record_id}", response_model=None)
def edit_page(
    request: Request, store: StoreDep, kind: str, record_id: PathId, saved: int = 0
) -> Response:
    """Show the form to fix a record (people and needs have their own pages)."""
    if kind in OWN_PAGES:
        return RedirectResponse(OWN_PAGES[kind].format(id=record_id), status_code=307)
    return _page(request, store, _kind(kind), record_id, saved=saved)


def _typed(form: FormData, fields: list[Field]) -> dict[str, str]:
    return {f.name: forms.text(form, f.name) for f in fields if f.name in form}


def _data(typed: dict[str, str], fields: list[Field]) -> dict[str, Any]:
    dates = {f.name for f in fields if f.kind == "date"}
    return {k: v for k, v in typed.items() if v or k not in dates}  # an empty day: unchanged


@router.post("/edit/{kind}/{record_id}", response_model=None)
async def save(request: Request, store: StoreDep, kind: str, record_id: PathId) -> Response:
    """Save the form; mistakes come back by their fields, with what was typed."""
    spec = _kind(kind)
    fields = spec.load(store, record_id).fields
    typed = _typed(await forms.read_form(request), fields)
    try:
        body: Any = forms.validate(spec.schema, _data(typed, fields))
        spec.save(store, record_id, body.changes())
    except USER_ERRORS as exc:
        if isinstance(exc, NotFound) and spec.codes.get("not_found") is None:
            raise
        errors = forms.errors_of(exc)
        code = getattr(exc, "code", "")
        what = f"{code}:{getattr(exc, 'data', {}).get('what', '')}"
        if "form" in errors and (what in spec.codes or code in spec.codes):
            errors = {spec.codes.get(what) or spec.codes[code]: errors["form"]}
        return _page(request, store, spec, record_id, typed=typed, errors=errors)
    return forms.see_other(f"/edit/{kind}/{record_id}?saved=1")
