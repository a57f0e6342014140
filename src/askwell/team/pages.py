"""The team server's pages: sign-in, invitations, resets, and one page to ask and answer."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from askwell.core.model import SUPPORT_TYPES, Need
from askwell.errors import AskwellError
from askwell.team import accounts, insights, method, routing, sessions, teams
from askwell.team.api_accounts import client_ip, send_reset
from askwell.team.guard import (
    CallerDep,
    Settings,
    TeamStore,
    clear_session_cookie,
    identify,
    session_secret,
    set_session_cookie,
)

router = APIRouter(include_in_schema=False)
_ENV = Environment(
    loader=PackageLoader("askwell.team", "templates"),
    autoescape=select_autoescape(default=True),
)
Text = Annotated[str, Form(max_length=20000)]


def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a template (autoescaped) with no caching."""
    context.setdefault("who", None)
    context.setdefault("message", "")
    context.setdefault("title", "")
    body = _ENV.get_template(name).render(**context)
    return HTMLResponse(body, status_code=status, headers={"cache-control": "no-store"})


def error_page(request: Request, message: str, status: int) -> HTMLResponse:
    """Render a short error page."""
    return page("base.html", status, message=message, title="Sorry")


def _signed_in(secret: str, settings: Settings, to: str = "/") -> Response:
    response = RedirectResponse(to, status_code=303)
    set_session_cookie(response.headers, settings, secret)
    return response


SIGNIN_FIELDS = [("email", "Email", "email"), ("password", "Password", "password")]


@router.get("/signin")
def signin_form() -> HTMLResponse:
    """Show the sign-in form."""
    after = '<a href="/reset">Forgot your password?</a>'
    return page(
        "form.html",
        title="Sign in",
        action="/signin",
        fields=SIGNIN_FIELDS,
        button="Sign in",
        after=after,
    )


@router.post("/signin")
def signin(
    request: Request, store: TeamStore, settings: Settings, email: Text, password: Text
) -> Response:
    """Sign in from the form."""
    try:
        secret, _ = sessions.sign_in(
            store,
            settings,
            email,
            password,
            ip=client_ip(request),
            agent=request.headers.get("user-agent", ""),
        )
    except AskwellError as exc:
        after = '<a href="/reset">Forgot your password?</a>'
        return page(
            "form.html",
            int(getattr(exc, "status_code", 400)),
            title="Sign in",
            action="/signin",
            fields=SIGNIN_FIELDS,
            button="Sign in",
            message=str(exc),
            after=after,
        )
    return _signed_in(secret, settings)


@router.get("/signin/{secret}")
def signin_link(secret: str, store: TeamStore) -> HTMLResponse:
    """Show a one-time sign-in link's button (mail scanners that open links do not spend it)."""
    accounts.check_link(store, secret, "signin")
    return page(
        "form.html",
        title="Sign in",
        action=f"/signin/{secret}",
        fields=[],
        button="Continue to askwell",
        intro="This link signs you in once.",
    )


@router.post("/signin/{secret}")
def use_signin_link(
    secret: str, request: Request, store: TeamStore, settings: Settings
) -> Response:
    """Spend a one-time sign-in link; then choose a password."""
    user_id = accounts.use_link(store, secret, "signin")
    session = sessions.session_for_user(
        store, settings, user_id, request.headers.get("user-agent", "")
    )
    return _signed_in(session, settings, "/password")


@router.get("/password")
def password_form(who: CallerDep) -> HTMLResponse:
    """Show the form to set a password after a sign-in link."""
    fields = [("password", "New password (10 characters or more)", "password")]
    return page(
        "form.html",
        who=who,
        title="Choose a password",
        action="/password",
        fields=fields,
        button="Save password",
    )


@router.post("/password")
def set_password(who: CallerDep, store: TeamStore, settings: Settings, password: Text) -> Response:
    """Set your password (other sessions end; this browser signs in again)."""
    accounts.set_password(store, settings, who.account.id, password)
    session = sessions.session_for_user(store, settings, who.account.id)
    return _signed_in(session, settings)


JOIN_FIELDS = [
    ("name", "Your name", "text"),
    ("password", "Choose a password (10 characters or more)", "password"),
]


@router.get("/join/{secret}")
def join_form(secret: str, request: Request, store: TeamStore) -> HTMLResponse:
    """Show an invitation: join with a new account, or with the one you are signed in with."""
    info = accounts.invitation_info(store, secret)
    who = identify(request)
    fields = [] if info.has_account else JOIN_FIELDS
    intro = f"You are invited to join {info.team} as {info.email}."
    return page(
        "form.html",
        who=who,
        title=f"Join {info.team}",
        action=f"/join/{secret}",
        fields=fields,
        button="Join",
        intro=intro,
    )


@router.post("/join/{secret}")
def join(
    secret: str,
    request: Request,
    store: TeamStore,
    settings: Settings,
    name: Annotated[str, Form(max_length=120)] = "",
    password: Text = "",
) -> Response:
    """Accept an invitation from the form."""
    who = identify(request)
    acct = accounts.accept(
        store,
        settings,
        secret,
        name=name,
        password=password,
        signed_in=who.account if who else None,
    )
    session = sessions.session_for_user(
        store, settings, acct.id, request.headers.get("user-agent", "")
    )
    return _signed_in(session, settings)


@router.get("/reset")
def reset_form() -> HTMLResponse:
    """Show the form to ask for a password-reset email."""
    return page(
        "form.html",
        title="Reset your password",
        action="/reset",
        fields=[("email", "Email", "email")],
        button="Email me a link",
    )


@router.post("/reset")
def reset_request(store: TeamStore, settings: Settings, email: Text) -> HTMLResponse:
    """Email a reset link (the answer is the same whether or not the address has an account)."""
    return page("base.html", title="Check your email", message=send_reset(store, settings, email))


@router.get("/reset/{secret}")
def reset_link_form(secret: str, store: TeamStore) -> HTMLResponse:
    """Show the form to choose a new password."""
    accounts.check_link(store, secret, "reset")
    fields = [("password", "New password (10 characters or more)", "password")]
    return page(
        "form.html",
        title="Choose a new password",
        action=f"/reset/{secret}",
        fields=fields,
        button="Save password",
    )


@router.post("/reset/{secret}")
def reset(secret: str, store: TeamStore, settings: Settings, password: Text) -> Response:
    """Set the new password, then sign in with it."""
    from askwell.team.credentials import check_password

    check_password(password)
    user_id = accounts.use_link(store, secret, "reset")
    accounts.set_password(store, settings, user_id, password)
    return RedirectResponse("/signin", status_code=303)


@router.post("/signout")
def signout(who: CallerDep, request: Request, store: TeamStore, settings: Settings) -> Response:
    """Sign out of this browser."""
    secret = session_secret(request)
    if secret:
        sessions.sign_out(store, secret)
    response = RedirectResponse("/signin", status_code=303)
    clear_session_cookie(response.headers, settings)
    return response


@router.get("/")
def home(request: Request, store: TeamStore) -> Response:
    """Show what is asked of you, your asks and a way to post a need to each team."""
    who = identify(request)
    if who is None:
        return RedirectResponse("/signin", status_code=303)
    me = who.account.id
    return page(
        "home.html",
        who=who,
        inbox=method.inbox(store, me),
        sent=method.sent(store, me),
        teams=teams.my_teams(store, me),
        supports=SUPPORT_TYPES,
    )


@router.post("/teams/{team_id}/needs")
def post_need(
    team_id: int,
    who: CallerDep,
    store: TeamStore,
    summary: Annotated[str, Form(max_length=200)],
    support_type: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Share a need with the team and go to its page to see who to ask."""
    view, _ = method.post_need(
        store, who.account.id, team_id, Need(summary=summary, support_type=support_type)
    )
    return RedirectResponse(f"/needs/{view.id}", status_code=303)


@router.get("/needs/{need_id}")
def need_page(need_id: int, who: CallerDep, store: TeamStore) -> HTMLResponse:
    """Show who to ask about your need, with the reasons."""
    need = method.get_need(store, who.account.id, need_id)
    found = routing.route(store, who.account.id, need_id)
    return page("need.html", who=who, need=need, routing=found, title=need.summary)


@router.post("/needs/{need_id}/asks")
def ask(
    need_id: int,
    who: CallerDep,
    store: TeamStore,
    helper_id: Annotated[int, Form(ge=1)],
    text: Text = "",
) -> Response:
    """Ask one member from the need page."""
    method.ask(store, who.account.id, need_id, helper_id, text)
    return RedirectResponse("/", status_code=303)


@router.post("/asks/{ask_id}/answer")
def answer(
    ask_id: int,
    who: CallerDep,
    store: TeamStore,
    kind: Annotated[str, Form(max_length=12)],
    note: Text = "",
    offered: Text = "",
) -> Response:
    """Answer an ask from the inbox."""
    method.answer(store, who.account.id, ask_id, kind, note=note, offered=offered)
    return RedirectResponse("/", status_code=303)


@router.post("/asks/{ask_id}/thanks")
def thank(ask_id: int, who: CallerDep, store: TeamStore, note: Text = "") -> Response:
    """Thank the person who answered."""
    method.thank(store, who.account.id, ask_id, note)
    return RedirectResponse("/", status_code=303)


@router.get("/teams/{team_id}/insights")
def insights_page(team_id: int, who: CallerDep, store: TeamStore) -> HTMLResponse:
    """Show the team's figures (aggregates only), or why there are none yet."""
    found = insights.team_insights(store, who.account.id, team_id)
    name = next((t.name for t in teams.my_teams(store, who.account.id) if t.id == team_id), "")
    return page("insights.html", who=who, found=found, team=name, title=f"{name} insights")
