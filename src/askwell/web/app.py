"""The web app factory: nothing is built at import time; `create_app(settings)` wires it all."""

from __future__ import annotations

import html
from importlib import import_module
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from askwell import __version__
from askwell.errors import USER_ERRORS
from askwell.web.cache import BumpOnWrite, PageCache
from askwell.web.render import Pages, render
from askwell.web.security import SecurityMiddleware
from askwell.web.settings import WebSettings
from askwell.web.words import word

if TYPE_CHECKING:
    from askwell.storage.store import Store

ROUTE_MODULES = (
    "api_people",
    "api_needs",
    "api_asks",
    "api_journal",
    "api_coach",
    "api_data",
    "api_match",
    "api_insights",
    "pages_home",
    "pages_ask",
    "pages_compose",
    "pages_answer",
    "pages_people",
    "pages_journal",
    "pages_insights",
    "pages_docs",
    "feed",
)

DESCRIPTION = (
    "The same operations as the askwell CLI. Every request needs the launch token (the "
    "`askwell_token` cookie set by the link `askwell serve` prints, or `Authorization: Bearer "
    "<token>`). Browser requests that change data also need the `X-CSRF-Token` header. "
    'User errors come back as `{"error": message}` with a 4xx status.'
)


async def user_error(request: Request, exc: Exception) -> Response:
    """Turn any user error into {"error": message}; pages get an alert or an error page."""
    status = int(getattr(exc, "status_code", 400))
    message = word(exc, api=request.url.path.startswith("/api/")) or "that did not work"
    if "hx-request" in request.headers:
        body = f'<p class="alert" role="alert">{html.escape(message)}</p>'
        headers = {"HX-Retarget": "#flash", "HX-Reswap": "innerHTML"}
        return HTMLResponse(body, status_code=status, headers=headers)
    if "text/html" in request.headers.get("accept", "") and not request.url.path.startswith(
        "/api/"
    ):
        parts = urlsplit(request.headers.get("referer", ""))
        back = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return render(request, "error.html", status_code=status, message=message, back=back)
    return JSONResponse({"error": message}, status_code=status)


def create_app(settings: WebSettings | None = None, *, store: Store | None = None) -> FastAPI:
    """Build the askwell web app for one launch (opens the store unless one is given)."""
    settings = settings or WebSettings()
    if store is None:
        from askwell.storage.store import open_store

        store = open_store(settings.db_url)
    app = FastAPI(
        title="askwell",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.store = store
    app.state.pages = Pages(settings)
    app.state.page_cache = cache = PageCache(store)
    for error_type in USER_ERRORS:
        app.add_exception_handler(error_type, user_error)
    app.mount("/static", StaticFiles(packages=[("askwell.web", "static")]), name="static")
    for name in ROUTE_MODULES:
        app.include_router(import_module(f"askwell.web.{name}").router)
    app.add_middleware(BumpOnWrite, cache=cache)
    app.add_middleware(SecurityMiddleware, settings=settings)
    return app
