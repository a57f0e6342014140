"""The web app factory: nothing is built at import time; `create_app(settings)` wires it all."""

from __future__ import annotations

import html
from importlib import import_module
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from askwell import __version__
from askwell.core.messages import MESSAGES
from askwell.errors import USER_ERRORS, AskwellError
from askwell.web.cache import BumpOnWrite, PageCache
from askwell.web.deps import ids_in_range
from askwell.web.render import Pages, render
from askwell.web.security import ASGIApp, Message, Receive, Scope, SecurityMiddleware, Send
from askwell.web.settings import WebSettings
from askwell.web.words import bad_date, word

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
    "api_fix",
    "pages_home",
    "pages_ask",
    "pages_compose",
    "pages_answer",
    "pages_people",
    "pages_journal",
    "pages_insights",
    "pages_docs",
    "pages_fix",
    "pages_edit",
    "feed",
)

DESCRIPTION = (
    "The same operations as the askwell CLI. Every request needs the launch token (the "
    "`askwell_token` cookie set by the link `askwell serve` prints, or `Authorization: Bearer "
    "<token>`). Browser requests that change data also need the `X-CSRF-Token` header. "
    'User errors come back as `{"error": message, "code": code}` with a 4xx status (the code '
    "names the error in askwell's catalogue of messages; it is left out for free text)."
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
        return render(
            request,
            "error.html",
            status_code=status,
            status=status,
            message=message,
            back=back_link(request),
            title="Not found" if status == 404 else "Sorry",
        )
    retry = {"retry-after": "5"} if status == 503 else None
    error: dict[str, str] = {"error": message}
    code = getattr(exc, "code", None)
    if isinstance(code, str) and code in MESSAGES:
        error["code"] = code
    return JSONResponse(error, status_code=status, headers=retry)


def back_link(request: Request) -> str:
    """Return a same-site path to go back to: the Referer's path only when it is this server's."""
    parts = urlsplit(request.headers.get("referer", ""))
    ours = parts.netloc == request.headers.get("host", "") and parts.scheme in ("http", "https")
    if not ours or not parts.path.startswith("/") or parts.path.startswith("//"):
        return "/"
    return parts.path


async def invalid_request(request: Request, exc: Exception) -> Response:
    """Answer a request that does not fit its schema: 422, naming the fields, never echoing them."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()[:20]
    problems = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type", "")}
        for e in errors
    ]
    first = problems[0] if problems else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(p) for p in first["loc"] if p != "body")
    message = f"{where}: {first['msg']}" if where else str(first["msg"])
    body: dict[str, Any] = {"error": message}
    dated = bad_date(errors)
    if dated is not None:  # a date that cannot be read has its catalogue code, like the CLI's
        body = {"error": word(dated), "code": dated.code}
    if "hx-request" in request.headers or "text/html" in request.headers.get("accept", ""):
        return await user_error(request, _Invalid(body["error"]))
    return JSONResponse({**body, "detail": problems}, status_code=422)


async def http_error(request: Request, exc: Exception) -> Response:
    """Answer Starlette's own errors (an unknown URL, a wrong method) like askwell's."""
    assert isinstance(exc, StarletteHTTPException)
    words = {404: "nothing here", 405: "that page cannot do this"}
    error = AskwellError(words.get(exc.status_code, str(exc.detail).lower()))
    error.status_code = exc.status_code
    response = await user_error(request, error)
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


class _Invalid(AskwellError):
    status_code = 422


UNEXPECTED = "Sorry, something went wrong that askwell did not expect. It has been logged."


class ErrorBoundary:
    """The web's one error boundary: any failure becomes a short answer with the right status.

    It sits inside SecurityMiddleware, so every answer carries the security headers. User
    errors keep their status; known store/disk failures (busy, full, read-only, damaged)
    become 503/507 with a one-line message; anything else is logged and answered with 500.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request; turn an escaped exception into an error answer."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            error = known_error(exc)
            if started:  # half a response is out: all we can do is log and drop the connection
                raise
            response = await user_error(Request(scope), error)
            await response(scope, receive, send)


def known_error(exc: Exception) -> AskwellError:
    """Return the user-facing error for `exc`, logging the traceback of anything unexpected."""
    from askwell.storage.failures import explain

    if isinstance(exc, USER_ERRORS):
        return exc if isinstance(exc, AskwellError) else AskwellError(str(exc))
    known = explain(exc)
    if known is not None:
        return known
    from askwell.services._files import log_traceback

    log_traceback(exc, "in the web app")
    error = AskwellError(UNEXPECTED)
    error.status_code = 500
    return error


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
        dependencies=[Depends(ids_in_range)],
    )
    app.state.settings = settings
    app.state.store = store
    app.state.pages = Pages(settings)
    app.state.page_cache = cache = PageCache(store)
    for error_type in USER_ERRORS:
        app.add_exception_handler(error_type, user_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.mount("/static", StaticFiles(packages=[("askwell.web", "static")]), name="static")
    for name in ROUTE_MODULES:
        app.include_router(import_module(f"askwell.web.{name}").router)
    app.add_middleware(BumpOnWrite, cache=cache)
    app.add_middleware(ErrorBoundary)
    app.add_middleware(SecurityMiddleware, settings=settings)
    return app
