"""Accounts: the first admin, invitation-only sign-up, one-time links, passwords."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from askwell.core.model import NAME_MAX, check_text
from askwell.errors import AskwellError, Conflict, NotFound
from askwell.storage.store import Store
from askwell.storage.tables import User
from askwell.team import credentials
from askwell.team.common import Account, NotSignedIn, norm_email, now_utc, require_admin
from askwell.team.config import TeamSettings
from askwell.team.tables import (
    ROLES,
    Invitation,
    LoginAttempt,
    Membership,
    OneTimeLink,
    Team,
    TeamAccount,
    WebSession,
)

EXPIRED_LINK = (
    "This link has expired or was already used. Ask for a new one; links work once, for a "
    "short while, to keep your account safe."
)


@dataclass(frozen=True)
class Started:
    """What `init` made: the first admin, their team and the one-time sign-in link."""

    account: Account
    team_id: int
    link: str


def hasher(settings: TeamSettings) -> PasswordHasher:
    """Return the argon2id hasher configured for this server."""
    return credentials.hasher(settings.argon2_time_cost, settings.argon2_memory_kib)


def _new_user(s: Session, email: str, name: str, password_hash: str = "") -> User:
    if s.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict(f"there is already an account for {email}; sign in instead")
    now = now_utc()
    user = User(name=check_text(name, "the name", NAME_MAX), email=email, created_at=now)
    s.add(user)
    s.flush()
    changed = now if password_hash else None
    s.add(
        TeamAccount(
            user_id=user.id,
            password_hash=password_hash,
            created_at=now,
            password_changed_at=changed,
        )
    )
    return user


def _team(s: Session, name: str) -> Team:
    team = Team(name=check_text(name, "the team name", NAME_MAX), created_at=now_utc())
    s.add(team)
    s.flush()
    return team


def _link(s: Session, settings: TeamSettings, user_id: int, purpose: str) -> str:
    secret = credentials.new_secret()
    now = now_utc()
    s.add(
        OneTimeLink(
            token_hash=credentials.digest(secret),
            user_id=user_id,
            purpose=purpose,
            created_at=now,
            expires_at=now + timedelta(minutes=settings.link_minutes),
        )
    )
    path = "/signin/" if purpose == "signin" else "/reset/"
    return settings.link(path + secret)


def init(store: Store, settings: TeamSettings, *, email: str, name: str, team: str) -> Started:
    """Create the first admin and their team; return a one-time sign-in link."""
    email = norm_email(email)
    with store.session() as s:
        if s.scalar(select(func.count()).select_from(TeamAccount)):
            raise Conflict(
                "this server already has accounts; an admin can invite more people from the "
                "team page"
            )
        user = _new_user(s, email, name)
        created = _team(s, team)
        s.add(Membership(team_id=created.id, user_id=user.id, role="admin", created_at=now_utc()))
        link = _link(s, settings, user.id, "signin")
        return Started(Account(user.id, user.name, email), created.id, link)


def create_team(store: Store, user_id: int, name: str) -> int:
    """Create a team with this person as its admin; return its id."""
    with store.session() as s:
        team = _team(s, name)
        s.add(Membership(team_id=team.id, user_id=user_id, role="admin", created_at=now_utc()))
        return team.id


def invite(
    store: Store, settings: TeamSettings, admin_id: int, team_id: int, email: str, role: str
) -> str:
    """Return a one-time invitation link to join the team (admins only)."""
    email = norm_email(email)
    if role not in ROLES:
        raise AskwellError(f"unknown role {role!r}; choose one of: {', '.join(ROLES)}")
    secret = credentials.new_secret()
    now = now_utc()
    with store.session() as s:
        require_admin(s, admin_id, team_id)
        s.add(
            Invitation(
                token_hash=credentials.digest(secret),
                team_id=team_id,
                email=email,
                role=role,
                invited_by=admin_id,
                created_at=now,
                expires_at=now + timedelta(days=settings.invite_days),
            )
        )
    return settings.link("/join/" + secret)


@dataclass(frozen=True)
class InvitationInfo:
    """What an invitation link shows before it is accepted."""

    team: str
    email: str
    has_account: bool


def _invitation(s: Session, secret: str) -> Invitation:
    row = s.scalar(select(Invitation).where(Invitation.token_hash == credentials.digest(secret)))
    if row is None or row.accepted_at is not None or row.expires_at <= now_utc():
        raise NotFound(EXPIRED_LINK)
    return row


def invitation_info(store: Store, secret: str) -> InvitationInfo:
    """Return the team and address an invitation is for (NotFound when it cannot be used)."""
    with store.session() as s:
        inv = _invitation(s, secret)
        team = s.get(Team, inv.team_id)
        assert team is not None
        exists = s.scalar(select(User.id).where(User.email == inv.email)) is not None
        return InvitationInfo(team.name, inv.email, exists)


def accept(
    store: Store,
    settings: TeamSettings,
    secret: str,
    *,
    name: str = "",
    password: str = "",
    signed_in: Account | None = None,
) -> Account:
    """Join the team: a new account (name, password), or the signed-in person's own."""
    with store.session() as s:
        inv = _invitation(s, secret)
        user = s.scalar(select(User).where(User.email == inv.email))
        if user is not None:
            if signed_in is None or signed_in.id != user.id:
                raise NotSignedIn(
                    f"{inv.email} already has an account here: sign in as {inv.email}, "
                    "then open this invitation again"
                )
        else:
            user = _new_user(
                s, inv.email, name, credentials.hash_password(hasher(settings), password)
            )
        already = s.scalar(
            select(Membership.id).where(
                Membership.team_id == inv.team_id, Membership.user_id == user.id
            )
        )
        if already is None:
            s.add(
                Membership(
                    team_id=inv.team_id, user_id=user.id, role=inv.role, created_at=now_utc()
                )
            )
        inv.accepted_at = now_utc()
        return Account(user.id, user.name, inv.email)


def use_link(store: Store, secret: str, purpose: str) -> int:
    """Spend a one-time link; return whose it was (NotFound when expired or used)."""
    with store.session() as s:
        row = s.scalar(
            select(OneTimeLink)
            .where(OneTimeLink.token_hash == credentials.digest(secret))
            .with_for_update()
        )
        if row is None or row.purpose != purpose or row.used_at is not None:
            raise NotFound(EXPIRED_LINK)
        if row.expires_at <= now_utc():
            raise NotFound(EXPIRED_LINK)
        row.used_at = now_utc()
        return row.user_id


def check_link(store: Store, secret: str, purpose: str) -> None:
    """Raise NotFound unless the link can still be used (does not spend it)."""
    with store.session() as s:
        row = s.scalar(
            select(OneTimeLink).where(OneTimeLink.token_hash == credentials.digest(secret))
        )
        if row is None or row.purpose != purpose or row.used_at is not None:
            raise NotFound(EXPIRED_LINK)
        if row.expires_at <= now_utc():
            raise NotFound(EXPIRED_LINK)


def reset_link(store: Store, settings: TeamSettings, email: str) -> tuple[Account, str] | None:
    """Return a password-reset link for the account with this address (None when there is none)."""
    try:
        email = norm_email(email)
    except AskwellError:
        return None
    with store.session() as s:
        user = s.scalar(select(User).where(User.email == email))
        if user is None or s.get(TeamAccount, user.id) is None:
            return None
        return Account(user.id, user.name, email), _link(s, settings, user.id, "reset")


def set_password(store: Store, settings: TeamSettings, user_id: int, password: str) -> None:
    """Set a new password, end every session and lift any lock-out."""
    hashed = credentials.hash_password(hasher(settings), password)
    now = now_utc()
    with store.session() as s:
        acct = s.get(TeamAccount, user_id)
        user = s.get(User, user_id)
        if acct is None or user is None:
            raise NotFound("that account does not exist")
        acct.password_hash = hashed
        acct.password_changed_at = now
        s.execute(
            update(WebSession)
            .where(WebSession.user_id == user_id, WebSession.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        s.add(LoginAttempt(email=user.email or "", ip="", at=now, ok=True))


def change_password(
    store: Store, settings: TeamSettings, user_id: int, current: str, new: str
) -> None:
    """Change the password after checking the current one."""
    with store.session() as s:
        acct = s.get(TeamAccount, user_id)
        stored = acct.password_hash if acct else ""
    if not credentials.verify_password(hasher(settings), stored, current):
        raise AskwellError("the current password is not right; try again")
    set_password(store, settings, user_id, new)
