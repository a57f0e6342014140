"""The team server's app factory: nothing is kept in memory between requests but settings."""

from __future__ import annotations

from importlib import import_module

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text

from askwell import __version__
from askwell.errors import USER_ERRORS
from askwell.storage.store import NOBODY, Store, current_revision, make_engine
from askwell.team.common import NotSignedIn
from askwell.team.config import TeamSettings, load_settings
from askwell.team.guard import Caller, Guard, caller
from askwell.web.app import ROUTE_MODULES as LOCAL_ROUTES
from askwell.web.deps import ids_in_range

ROUTE_MODULES = ("api_accounts", "api_method", "api_notify", "pages")
PERSONAL_MODULES = tuple(m for m in LOCAL_ROUTES if m.startswith("api_"))
DESCRIPTION = (
    "askwell's team server. Sign in with a session cookie (browser; changes need the "
    "`X-CSRF-Token` header or the `csrf_token` form field) or `Authorization: Bearer <token>` "
    "(an API token from /api/team/tokens). `/api/team/...` is the shared method; `/api/...` is "
    "your own private askwell (people, needs, journal, insights), which nobody else can read. "
    'Errors come back as `{"error": message}` with a 4xx status.'
)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


async def user_error(request: Request, exc: Exception) -> Response:
    """Turn a user error into {"error": message}, a sign-in redirect, or a small error page."""
    status = int(getattr(exc, "status_code", 400))
    message = str(exc) or "that did not work"
    if _wants_html(request):
        if isinstance(exc, NotSignedIn):
            return RedirectResponse("/signin", status_code=303)
        from askwell.team.pages import error_page

        return error_page(request, message, status)
    return JSONResponse({"error": message}, status_code=status)


def personal_store(request: Request) -> Store:
    """Return the caller's own private store: every query is limited to their rows.

    The personal routes depend on `caller` first, which keeps who is calling on the request;
    without it there is no store at all (never the shared one).
    """
    who = getattr(request.state, "caller", None)
    if not isinstance(who, Caller):
        raise NotSignedIn("please sign in first")
    store: Store = request.app.state.store
    return Store(store.engine, owner_id=who.account.id)


def create_app(settings: TeamSettings, *, store: Store | None = None) -> FastAPI:
    """Build the team server app (opens the database unless a store is given; never migrates)."""
    engine = store.engine if store is not None else make_engine(settings.db_url)
    # the shared store belongs to nobody: row-level security shows it no private row at all
    store = Store(engine, owner_id=NOBODY)
    app = FastAPI(
        title="askwell team server",
        version=__version__,
        description=DESCRIPTION,
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    for error_type in USER_ERRORS:
        app.add_exception_handler(error_type, user_error)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        """Answer while the process is up."""
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    def readyz() -> Response:
        """Answer 200 when PostgreSQL answers and the schema is current; 503 otherwise."""
        from askwell.storage.migrations import HEAD

        try:
            with store.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            revision = current_revision(store.engine)
        except Exception as exc:  # any database failure means: not ready
            reason = f"database unreachable ({type(exc).__name__})"
            return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)
        if revision != HEAD:
            reason = f"schema at {revision}, expected {HEAD}: run `askwell team migrate`"
            return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)
        return JSONResponse({"status": "ready"})

    app.mount("/static", StaticFiles(packages=[("askwell.web", "static")]), name="static")
    for name in ROUTE_MODULES:  # an out-of-range path id is a 404, after the caller's checks
        team_router = import_module(f"askwell.team.{name}").router
        app.include_router(team_router, dependencies=[Depends(ids_in_range)])
    for name in PERSONAL_MODULES:
        router = import_module(f"askwell.web.{name}").router
        app.include_router(router, dependencies=[Depends(caller), Depends(ids_in_range)])
    app.state.store_for = personal_store
    app.add_middleware(Guard, settings=settings)
    return app


def app_from_env() -> FastAPI:
    """Build the app from ASKWELL_TEAM_* variables (how each worker process starts it)."""
    return create_app(load_settings())


def migrate(settings: TeamSettings) -> Store:
    """Open the database and bring its schema to head (run once before the workers start)."""
    from askwell.storage.store import open_store

    return open_store(settings.db_url)


def row_security_warning(store: Store) -> str | None:
    """Return a warning when the server's database role passes row-level security, else None.

    A superuser, or a role with BYPASSRLS, is not held by the second wall (migration 0006):
    the services layer alone would then keep members' private askwell apart.
    """
    with store.engine.connect() as conn:
        name, superuser, bypass = conn.execute(
            text(
                "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
            )
        ).one()
    if not (superuser or bypass):
        return None
    return (
        f"the database role {name!r} is not held by row-level security "
        f"({'a superuser' if superuser else 'BYPASSRLS'}); please connect as an ordinary role "
        "that owns the tables (scripts/team-server makes one), so PostgreSQL keeps private "
        "data apart too"
    )
