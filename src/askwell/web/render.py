"""Jinja2 page rendering with autoescape on, plus the globals every page needs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from askwell import __version__
from askwell.core.model import CHANNEL_LABELS, RELATIONSHIPS, SUPPORT_LABELS, URGENCY_LABELS
from askwell.web.settings import WebSettings

NAV = (
    ("home", "/", "Today"),
    ("ask", "/ask", "Ask"),
    ("people", "/people", "People"),
    ("journal", "/journal", "Journal"),
    ("insights", "/insights", "Insights"),
)


VOCAB = {
    "support": list(SUPPORT_LABELS.items()),
    "relationship": [(r, r.capitalize()) for r in RELATIONSHIPS],
    "urgency": list(URGENCY_LABELS.items()),
    "channel": list(CHANNEL_LABELS.items()),
    "channel_opt": [("", "No preference"), *CHANNEL_LABELS.items()],
}


def _when(value: datetime | date | None, fmt: str = "%a %d %b") -> str:
    if value is None:
        return ""
    return value.strftime(fmt)


def make_env() -> Environment:
    """Build the template environment; every `.html` template is autoescaped."""
    env = Environment(
        loader=PackageLoader("askwell.web", "templates"),
        autoescape=select_autoescape(["html", "svg"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = _when
    env.globals.update(nav=NAV, version=__version__, vocab=VOCAB, support_labels=SUPPORT_LABELS)
    return env


def _trash_item(request: Request, key: str) -> Any:
    """Return the trash entry that `?undo=ID` names, for the flash with its Undo button."""
    value = request.query_params.get(key, "")
    store = getattr(request.app.state, "store", None) if "app" in request.scope else None
    if not value.isdigit() or len(value) > 18 or store is None:
        return None
    from askwell.services import trash

    return next((i for i in trash.list_trash(store) if i.id == int(value)), None)


class Pages:
    """Render templates with the launch's CSRF token and the current section."""

    def __init__(self, settings: WebSettings) -> None:
        from askwell.web.forms import FormTokens

        self.env = make_env()
        self.env.globals["csrf_token"] = settings.csrf_token
        self.form_tokens = FormTokens()
        self.env.globals["form_token"] = self.form_tokens.issue

    def html(self, name: str, **context: Any) -> str:
        """Return a rendered template as text."""
        return self.env.get_template(name).render(**context)

    def page(self, request: Request, name: str, **context: Any) -> str:
        """Return a page as text, with the context every page expects."""
        context.setdefault("section", "")
        context.setdefault("title", "")
        context["request"] = request
        context["htmx"] = "hx-request" in request.headers
        context.setdefault("undo_item", _trash_item(request, "undo"))
        context.setdefault("restored_item", request.query_params.get("restored") == "1")
        return self.html(name, **context)

    def response(
        self, request: Request, name: str, *, status_code: int = 200, **context: Any
    ) -> HTMLResponse:
        """Return a rendered page as an HTML response."""
        return HTMLResponse(self.page(request, name, **context), status_code=status_code)


def render(request: Request, name: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render `name` with this app's Pages."""
    pages: Pages = request.app.state.pages
    return pages.response(request, name, status_code=status_code, **context)
