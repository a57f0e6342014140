"""Helpers for the HTML forms of the pages: read fields, validate with the API schemas, redirect."""

from __future__ import annotations

import secrets
from collections import OrderedDict
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData

from askwell.errors import AskwellError

M = TypeVar("M", bound=BaseModel)

LABELS = {
    "summary": "the summary",
    "name": "the name",
    "text": "the text",
    "expect": "your guess",
    "deadline": "the deadline",
}


async def read_form(request: Request) -> FormData:
    """Return the submitted form (the CSRF field is checked earlier, by the guard)."""
    return await request.form()


def text(form: FormData, name: str, default: str = "") -> str:
    """Return a text field, stripped ("" when missing or a file)."""
    value = form.get(name, default)
    return value.strip() if isinstance(value, str) else default


def optional(form: FormData, name: str) -> str | None:
    """Return a text field, or None when it is empty."""
    return text(form, name) or None


def checked(form: FormData, name: str) -> list[str]:
    """Return the values of a group of checkboxes."""
    return [v for v in form.getlist(name) if isinstance(v, str) and v]


class FormInvalid(AskwellError):
    """A form with mistakes: `errors` maps each field to what to fix (the page shows them all)."""

    status_code = 422

    def __init__(self, errors: dict[str, str]) -> None:
        first = next(iter(errors.items()), ("form", "please check the form"))
        super().__init__(f"{LABELS.get(first[0], first[0])}: {first[1][0].lower()}{first[1][1:]}")
        self.errors = errors


def _friendly(err: Any) -> str:
    """Word one pydantic problem for a person filling in a form."""
    kind, ctx = err.get("type", ""), err.get("ctx") or {}
    if kind in ("string_too_short", "missing") and ctx.get("min_length", 1) <= 1:
        return "Please fill this in."
    if kind == "string_too_long":
        return f"This is too long: at most {ctx.get('max_length')} characters."
    if kind.startswith("date") or kind.startswith("datetime"):
        return "This does not look like a date; use the date picker or YYYY-MM-DD."
    if kind in ("literal_error", "enum"):
        return f"Choose one of: {ctx.get('expected', 'the listed options')}."
    if kind in ("less_than_equal", "greater_than_equal", "int_parsing"):
        return "Give a whole number in the allowed range."
    message = str(err.get("msg", "this does not look right"))
    return message[:1].upper() + message[1:].removeprefix("Value error, ") + "."


def problems(model: type[M], data: dict[str, Any]) -> dict[str, str]:
    """Return every problem of the form data, one line per field (empty when it is fine)."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        out: dict[str, str] = {}
        for err in exc.errors():
            where = str(err["loc"][0]) if err["loc"] else "form"
            out.setdefault(where, _friendly(err))
        return out
    return {}


def validate(model: type[M], data: dict[str, Any]) -> M:
    """Validate form data with an API schema; mistakes raise FormInvalid naming every field."""
    found = problems(model, data)
    if found:
        raise FormInvalid(found)
    return model.model_validate(data)


_FIELD_OF_CODE = {
    "bad_tz": "tz",
    "bad_hours": "hours",
    "bad_day": "hours",
    "bad_time": "hours",
    "no_days": "hours",
    "hours_order": "hours",
    "bad_email": "email",
    "duplicate_person": "name",
    "bad_percent": "expect",
    "past_date": "until",
    "far_date": "until",
}


def errors_of(exc: Exception) -> dict[str, str]:
    """Return the problems of a refused form by field ("form" when no one field is to blame)."""
    if isinstance(exc, FormInvalid):
        return exc.errors
    message = str(exc)
    field = _FIELD_OF_CODE.get(getattr(exc, "code", ""), "form")
    return {field: message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")}


def values_of(form: FormData) -> dict[str, Any]:
    """Return what was typed, to put back in the form (checkbox groups as lists)."""
    out: dict[str, Any] = {}
    for key in form:
        if key in ("csrf_token", "form_token"):
            continue
        found = [v for v in form.getlist(key) if isinstance(v, str)]
        out[key] = found if len(found) > 1 or key == "supports" else (found[0] if found else "")
    return out


class FormTokens:
    """One-time form tokens: a form posted twice (double click, Back and resend) acts once.

    Each rendered form carries a fresh token. The first post that succeeds records where it
    led; a second post with the same token is sent there too instead of creating again.
    """

    LIMIT = 5000

    def __init__(self) -> None:
        self._done: OrderedDict[str, str] = OrderedDict()

    def issue(self) -> str:
        """Return a new token for one form."""
        return secrets.token_urlsafe(16)

    def result(self, token: str) -> str | None:
        """Return where the first post with `token` led, if there was one."""
        return self._done.get(token)

    def finish(self, token: str, url: str) -> None:
        """Remember that the post with `token` succeeded and led to `url`."""
        if token:
            self._done[token] = url
            while len(self._done) > self.LIMIT:
                self._done.popitem(last=False)


def _tokens(request: Request) -> FormTokens:
    tokens: FormTokens = request.app.state.pages.form_tokens
    return tokens


def repeated(request: Request, form: FormData) -> RedirectResponse | None:
    """Return the redirect of the first post when this form was posted before, else None."""
    url = _tokens(request).result(text(form, "form_token"))
    return see_other(url) if url else None


def done(request: Request, form: FormData, url: str) -> RedirectResponse:
    """Record the form's token as used and redirect to `url` (POST, redirect, GET)."""
    _tokens(request).finish(text(form, "form_token")[:64], url)
    return see_other(url)


def see_other(url: str) -> RedirectResponse:
    """Redirect after a successful form post (303, so a reload does not post again)."""
    return RedirectResponse(url, status_code=303)
