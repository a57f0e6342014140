"""JSON API for accounts: sign in and out, invitations, resets, sessions, tokens, teams, roles."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request, Response, status
from pydantic import BaseModel, Field

from askwell.team import accounts, mail, sessions, teams
from askwell.team.guard import (
    CallerDep,
    Settings,
    TeamStore,
    clear_session_cookie,
    session_secret,
    set_session_cookie,
)
from askwell.web.schemas import InBody

router = APIRouter(prefix="/api/team", tags=["team accounts"])
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
RESET_SENT = (
    "If that address has an account here, a reset link is on its way. It works once, for a "
    "short while."
)


class SignInBody(InBody):
    """Email and password."""

    email: str = Field(max_length=320)
    password: str = Field(max_length=1024)


class AccountOut(BaseModel):
    """A signed-in person."""

    id: int
    name: str
    email: str


class SignedInOut(BaseModel):
    """The session opened: who, and the CSRF token that browser changes must carry."""

    user: AccountOut
    csrf_token: str


class TeamOut(BaseModel):
    """A team and your role in it."""

    id: int
    name: str
    role: str
    members: int


class MeOut(BaseModel):
    """Who you are and your teams."""

    user: AccountOut
    teams: list[TeamOut]
    csrf_token: str | None = None


def client_ip(request: Request) -> str:
    """Return the caller's address (uvicorn applies X-Forwarded-For from trusted proxies)."""
    return request.client.host if request.client else ""


def _signed_in(
    response: Response, settings: Settings, secret: str, live: sessions.SignedIn
) -> SignedInOut:
    set_session_cookie(response.headers, settings, secret)
    response.headers["cache-control"] = "no-store"
    acct = live.account
    return SignedInOut(
        user=AccountOut(id=acct.id, name=acct.name, email=acct.email), csrf_token=live.csrf
    )


@router.post("/signin")
def sign_in(
    body: SignInBody, request: Request, response: Response, store: TeamStore, settings: Settings
) -> SignedInOut:
    """Sign in with email and password (limited tries; clear messages when paused)."""
    secret, live = sessions.sign_in(
        store,
        settings,
        body.email,
        body.password,
        ip=client_ip(request),
        agent=request.headers.get("user-agent", ""),
    )
    return _signed_in(response, settings, secret, live)


@router.post("/signout", status_code=status.HTTP_204_NO_CONTENT)
def sign_out(
    who: CallerDep, request: Request, response: Response, store: TeamStore, settings: Settings
) -> None:
    """End this session (the cookie stops working everywhere at once)."""
    secret = session_secret(request)
    if secret:
        sessions.sign_out(store, secret)
    clear_session_cookie(response.headers, settings)


@router.get("/me")
def me(who: CallerDep, store: TeamStore) -> MeOut:
    """Return who you are and your teams."""
    acct = who.account
    mine = [TeamOut(**vars(t)) for t in teams.my_teams(store, acct.id)]
    return MeOut(
        user=AccountOut(id=acct.id, name=acct.name, email=acct.email),
        teams=mine,
        csrf_token=who.csrf or None,
    )


class PasswordBody(InBody):
    """The current and the new password."""

    current: str = Field(max_length=1024)
    new: str = Field(max_length=1024)


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT)
def change_password(
    body: PasswordBody, who: CallerDep, store: TeamStore, settings: Settings
) -> None:
    """Change your password (every session ends; sign in again)."""
    accounts.change_password(store, settings, who.account.id, body.current, body.new)


class EmailBody(InBody):
    """An email address."""

    email: str = Field(max_length=320)


class MessageOut(BaseModel):
    """A short message for the person."""

    message: str


def send_reset(store: TeamStore, settings: Settings, email: str) -> str:
    """Email a reset link when the address has an account; the answer is the same either way."""
    if not settings.smtp_host:
        return mail.NO_MAIL
    found = accounts.reset_link(store, settings, email)
    if found is not None:
        acct, link = found
        text = mail.reset_text(acct.name, link, settings.link_minutes)
        mail.send(settings, acct.email, "Reset your askwell password", text)
    return RESET_SENT


@router.post("/reset", status_code=status.HTTP_202_ACCEPTED)
def request_reset(body: EmailBody, store: TeamStore, settings: Settings) -> MessageOut:
    """Email a one-time password-reset link to the address (when it has an account)."""
    return MessageOut(message=send_reset(store, settings, body.email))


class NewPasswordBody(InBody):
    """A new password."""

    password: str = Field(max_length=1024)


@router.post("/reset/{secret}", status_code=status.HTTP_204_NO_CONTENT)
def reset(secret: str, body: NewPasswordBody, store: TeamStore, settings: Settings) -> None:
    """Choose a new password with a reset link (every session ends)."""
    from askwell.team.credentials import check_password

    check_password(body.password)
    user_id = accounts.use_link(store, secret, "reset")
    accounts.set_password(store, settings, user_id, body.password)


class SessionOut(BaseModel):
    """One of your live sessions."""

    id: int
    user_agent: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    current: bool


@router.get("/sessions")
def list_sessions(who: CallerDep, store: TeamStore) -> list[SessionOut]:
    """List your live sessions."""
    return [
        SessionOut(**vars(v), current=v.id == who.session_id)
        for v in sessions.list_sessions(store, who.account.id)
    ]


@router.delete("/sessions/{session_id}", status_code=status.HTTP_204_NO_CONTENT)
def revoke_session(session_id: Id, who: CallerDep, store: TeamStore) -> None:
    """End one of your sessions (for example on a lost laptop)."""
    sessions.revoke_session(store, who.account.id, session_id)


class TokenBody(InBody):
    """A name to recognise the token by."""

    name: str = Field(default="", max_length=120)


class TokenOut(BaseModel):
    """A new API token: shown once, keep it like a password."""

    id: int
    token: str


@router.post("/tokens", status_code=status.HTTP_201_CREATED)
def new_token(body: TokenBody, who: CallerDep, store: TeamStore) -> TokenOut:
    """Create a personal API token for the JSON API and the CLI."""
    token_id, secret = sessions.new_token(store, who.account.id, body.name)
    return TokenOut(id=token_id, token=secret)


@router.delete("/tokens/{token_id}", status_code=status.HTTP_204_NO_CONTENT)
def revoke_token(token_id: Id, who: CallerDep, store: TeamStore) -> None:
    """Revoke one of your API tokens."""
    sessions.revoke_token(store, who.account.id, token_id)


class NameBody(InBody):
    """A name."""

    name: str = Field(max_length=120)


@router.get("/teams")
def list_teams(who: CallerDep, store: TeamStore) -> list[TeamOut]:
    """List your teams and your role in each."""
    return [TeamOut(**vars(t)) for t in teams.my_teams(store, who.account.id)]


@router.post("/teams", status_code=status.HTTP_201_CREATED)
def create_team(body: NameBody, who: CallerDep, store: TeamStore) -> TeamOut:
    """Create a team; you are its admin."""
    team_id = accounts.create_team(store, who.account.id, body.name)
    return next(
        TeamOut(**vars(t)) for t in teams.my_teams(store, who.account.id) if t.id == team_id
    )


class InviteBody(InBody):
    """Whom to invite, and as what."""

    email: str = Field(max_length=320)
    role: Literal["member", "admin"] = "member"


class InviteOut(BaseModel):
    """The invitation link (also emailed when the server can send email)."""

    link: str
    emailed: bool


@router.post("/teams/{team_id}/invitations", status_code=status.HTTP_201_CREATED)
def invite(
    team_id: Id, body: InviteBody, who: CallerDep, store: TeamStore, settings: Settings
) -> InviteOut:
    """Invite someone to the team by email (team admins only)."""
    link = accounts.invite(store, settings, who.account.id, team_id, body.email, body.role)
    emailed = False
    if settings.smtp_host:
        team = next(t.name for t in teams.my_teams(store, who.account.id) if t.id == team_id)
        mail.send(
            settings,
            body.email.strip(),
            f"Join {team} on askwell",
            mail.invite_text(team, link, settings.invite_days),
        )
        emailed = True
    return InviteOut(link=link, emailed=emailed)


class InvitationOut(BaseModel):
    """What an invitation is for."""

    team: str
    email: str
    has_account: bool


@router.get("/invitations/{secret}")
def invitation(secret: str, store: TeamStore) -> InvitationOut:
    """Show what an invitation link is for."""
    return InvitationOut(**vars(accounts.invitation_info(store, secret)))


class JoinBody(InBody):
    """Your name and a password (for a new account)."""

    name: str = Field(default="", max_length=120)
    password: str = Field(default="", max_length=1024)


@router.post("/invitations/{secret}")
def join(
    secret: str,
    body: JoinBody,
    request: Request,
    response: Response,
    store: TeamStore,
    settings: Settings,
) -> SignedInOut:
    """Accept an invitation: create your account (or join with the one you are signed in with)."""
    from askwell.team.guard import identify

    who = identify(request)
    acct = accounts.accept(
        store,
        settings,
        secret,
        name=body.name,
        password=body.password,
        signed_in=who.account if who else None,
    )
    secret_out = sessions.session_for_user(
        store, settings, acct.id, request.headers.get("user-agent", "")
    )
    live = sessions.current(store, secret_out)
    assert live is not None
    return _signed_in(response, settings, secret_out, live)


class RoleBody(InBody):
    """A role in a team."""

    role: Literal["member", "admin"]


@router.put("/teams/{team_id}/members/{user_id}/role", status_code=status.HTTP_204_NO_CONTENT)
def set_role(team_id: Id, user_id: Id, body: RoleBody, who: CallerDep, store: TeamStore) -> None:
    """Make a member an admin, or a member again (team admins only)."""
    teams.set_role(store, who.account.id, team_id, user_id, body.role)


@router.delete("/teams/{team_id}/members/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_member(team_id: Id, user_id: Id, who: CallerDep, store: TeamStore) -> None:
    """Leave a team, or (team admins) remove someone from it."""
    teams.leave(store, who.account.id, team_id, user_id)
