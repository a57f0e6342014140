"""Helpers for the HTML forms of the pages: read fields, validate with the API schemas, redirect."""

from __future__ import annotations

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


def validate(model: type[M], data: dict[str, Any]) -> M:
    """Validate form data with an API schema; a problem becomes a one-line user error."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = str(err["loc"][0]) if err["loc"] else "the form"
        raise AskwellError(f"{LABELS.get(where, where)}: {err['msg'].lower()}") from None


def see_other(url: str) -> RedirectResponse:
    """Redirect after a successful form post (303, so a reload does not post again)."""
    return RedirectResponse(url, status_code=303)
