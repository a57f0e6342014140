"""Signing in: rate limits and lock-out kept in PostgreSQL, server-side sessions, API tokens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, select, text, update
from sqlalchemy.orm import Session

from askwell.errors import AskwellError, NotFound
from askwell.storage.store import Store
from askwell.storage.tables import User
from askwell.team import credentials
from askwell.team.accounts import hasher
from askwell.team.common import Account, TooMany, now_utc
from askwell.team.config import TeamSettings
from askwell.team.tables import ApiToken, LoginAttempt, TeamAccount, WebSession

SEEN_EVERY = timedelta(minutes=5)


class WrongPassword(AskwellError):
    """The email and password do not match."""

    status_code = 401


@dataclass(frozen=True)
class SignedIn:
    """A live session: who, its CSRF token, its id (to list and revoke) and its end."""

    account: Account
    csrf: str
    session_id: int
    expires_at: datetime


def _minutes(delta: timedelta) -> str:
    minutes = max(1, int(delta.total_seconds() // 60) + (1 if delta.total_seconds() % 60 else 0))
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def _lock(s: Session, key: str) -> None:
    """Serialise sign-ins for one address across workers (a transaction-scoped advisory lock)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": "askwell-login:" + key})


def _check_limits(s: Session, settings: TeamSettings, email: str, ip: str) -> str | None:
    """Return why this try must wait (None when it may go ahead)."""
    now = now_utc()
    window = now - timedelta(minutes=settings.ip_window_minutes)
    from_ip = s.scalar(
        select(func.count())
        .select_from(LoginAttempt)
        .where(LoginAttempt.ip == ip, LoginAttempt.at > window, LoginAttempt.ok.is_(False))
    )
    if ip and (from_ip or 0) >= settings.ip_max_attempts:
        first = s.scalar(
            select(func.min(LoginAttempt.at)).where(
                LoginAttempt.ip == ip, LoginAttempt.at > window, LoginAttempt.ok.is_(False)
            )
        )
        wait = (first or now) + timedelta(minutes=settings.ip_window_minutes) - now
        return (
            "There have been too many sign-in attempts from your network. Please wait "
            f"{_minutes(wait)} and try again."
        )
    failures = _recent_failures(s, settings, email)
    if len(failures) >= settings.max_failures:
        until = failures[0] + timedelta(minutes=settings.lockout_minutes)
        if until > now:
            return (
                "This account is paused for "
                f"{_minutes(until - now)} after {settings.max_failures} wrong passwords in a "
                "row. You can wait, or reset your password by email right away."
            )
    return None


def _recent_failures(s: Session, settings: TeamSettings, email: str) -> list[datetime]:
    """Return the times of the failures since the last success, newest first, within the window."""
    since = now_utc() - timedelta(minutes=settings.lockout_minutes)
    last_ok = s.scalar(
        select(func.max(LoginAttempt.at)).where(LoginAttempt.email == email, LoginAttempt.ok)
    )
    query = select(LoginAttempt.at).where(
        LoginAttempt.email == email, LoginAttempt.ok.is_(False), LoginAttempt.at > since
    )
    if last_ok is not None:
        query = query.where(LoginAttempt.at > last_ok)
    return list(s.scalars(query.order_by(LoginAttempt.at.desc()).limit(settings.max_failures)))


def _new_session(
    s: Session, settings: TeamSettings, user: User, agent: str
) -> tuple[str, SignedIn]:
    secret = credentials.new_secret()
    now = now_utc()
    row = WebSession(
        token_hash=credentials.digest(secret),
        user_id=user.id,
        csrf=credentials.new_secret(),
        user_agent=agent[:200],
        created_at=now,
        expires_at=now + timedelta(days=settings.session_days),
        last_seen_at=now,
    )
    s.add(row)
    s.flush()
    account = Account(user.id, user.name, user.email or "")
    return secret, SignedIn(account, row.csrf, row.id, row.expires_at)


def sign_in(
    store: Store, settings: TeamSettings, email: str, password: str, *, ip: str, agent: str = ""
) -> tuple[str, SignedIn]:
    """Check the password (within the limits) and open a session; return its secret."""
    email = email.strip().lower()[:320]
    outcome: tuple[str, SignedIn] | AskwellError
    with store.session() as s:
        _lock(s, email)
        refusal = _check_limits(s, settings, email, ip)
        if refusal is not None:
            s.add(LoginAttempt(email="", ip=ip, at=now_utc(), ok=False))
            outcome = TooMany(refusal)
        else:
            user = s.scalar(select(User).where(User.email == email)) if email else None
            acct = s.get(TeamAccount, user.id) if user is not None else None
            stored = acct.password_hash if acct is not None else ""
            ok = credentials.verify_password(hasher(settings), stored, password)
            s.add(LoginAttempt(email=email, ip=ip, at=now_utc(), ok=ok))
            if ok and user is not None:
                outcome = _new_session(s, settings, user, agent)
            else:
                s.flush()
                left = settings.max_failures - len(_recent_failures(s, settings, email))
                outcome = WrongPassword(_wrong_message(settings, left))
    if isinstance(outcome, AskwellError):
        raise outcome
    return outcome


def _wrong_message(settings: TeamSettings, left: int) -> str:
    base = "That email and password do not match."
    if left <= 0:
        return (
            f"{base} The account is now paused for {settings.lockout_minutes} minutes; you can "
            "reset your password by email meanwhile."
        )
    if left <= 2:
        tries = "1 more try" if left == 1 else f"{left} more tries"
        return f"{base} {tries} before a {settings.lockout_minutes}-minute pause."
    return f"{base} Check for typos, or reset your password by email."


def session_for_user(store: Store, settings: TeamSettings, user_id: int, agent: str = "") -> str:
    """Open a session for someone who proved who they are another way (a one-time link)."""
    with store.session() as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound("that account does not exist")
        secret, _ = _new_session(s, settings, user, agent)
        s.add(LoginAttempt(email=user.email or "", ip="", at=now_utc(), ok=True))
        return secret


_LIVE_SESSION = (
    select(
        WebSession.id,
        WebSession.csrf,
        WebSession.expires_at,
        WebSession.last_seen_at,
        User.id,
        User.name,
        User.email,
    )
    .join(User, User.id == WebSession.user_id)
    .where(
        WebSession.token_hash == bindparam("hash"),
        WebSession.revoked_at.is_(None),
        WebSession.expires_at > bindparam("now"),
    )
)


def current(store: Store, secret: str) -> SignedIn | None:
    """Return the live session for a cookie value (None when unknown, expired or revoked).

    One indexed query per request, outside a transaction (the hash lookup joined to its user);
    `last_seen_at` is written only when it is more than SEEN_EVERY old.
    """
    now = now_utc()
    with store.autocommit() as conn:
        row = conn.execute(_LIVE_SESSION, {"hash": credentials.digest(secret), "now": now}).first()
        if row is None:
            return None
        session_id, csrf, expires_at, last_seen_at, user_id, name, email = row
        if now - last_seen_at > SEEN_EVERY:
            conn.execute(
                update(WebSession).where(WebSession.id == session_id).values(last_seen_at=now)
            )
    return SignedIn(Account(user_id, name, email or ""), csrf, session_id, expires_at)


def sign_out(store: Store, secret: str) -> None:
    """Revoke the session behind this cookie value."""
    with store.session() as s:
        s.execute(
            update(WebSession)
            .where(WebSession.token_hash == credentials.digest(secret))
            .values(revoked_at=now_utc())
        )


@dataclass(frozen=True)
class SessionView:
    """A session as its owner sees it in the list."""

    id: int
    user_agent: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime


def list_sessions(store: Store, user_id: int) -> list[SessionView]:
    """Return the person's live sessions, newest first."""
    with store.session() as s:
        rows = s.scalars(
            select(WebSession)
            .where(
                WebSession.user_id == user_id,
                WebSession.revoked_at.is_(None),
                WebSession.expires_at > now_utc(),
            )
            .order_by(WebSession.id.desc())
        )
        return [
            SessionView(r.id, r.user_agent, r.created_at, r.last_seen_at, r.expires_at)
            for r in rows
        ]


def revoke_session(store: Store, user_id: int, session_id: int) -> None:
    """End one of the person's own sessions."""
    with store.session() as s:
        row = s.get(WebSession, session_id)
        if row is None or row.user_id != user_id or row.revoked_at is not None:
            raise NotFound(f"there is no session {session_id} of yours to end")
        row.revoked_at = now_utc()


def new_token(store: Store, user_id: int, name: str = "") -> tuple[int, str]:
    """Create a personal API token; return its id and the secret (shown once)."""
    secret = credentials.new_api_token()
    with store.session() as s:
        row = ApiToken(
            token_hash=credentials.digest(secret),
            user_id=user_id,
            name=name.strip()[:120],
            created_at=now_utc(),
        )
        s.add(row)
        s.flush()
        return row.id, secret


_LIVE_TOKEN = (
    select(ApiToken.id, ApiToken.last_used_at, User.id, User.name, User.email)
    .join(User, User.id == ApiToken.user_id)
    .where(ApiToken.token_hash == bindparam("hash"), ApiToken.revoked_at.is_(None))
)


def token_account(store: Store, secret: str) -> Account | None:
    """Return whose live API token this is (None when unknown or revoked).

    Checked on every API request, so it is one indexed query outside a transaction;
    `last_used_at` is written only when it is more than SEEN_EVERY old.
    """
    now = now_utc()
    with store.autocommit() as conn:
        row = conn.execute(_LIVE_TOKEN, {"hash": credentials.digest(secret)}).first()
        if row is None:
            return None
        token_id, last_used_at, user_id, name, email = row
        if last_used_at is None or now - last_used_at > SEEN_EVERY:
            conn.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))
    return Account(user_id, name, email or "")


def revoke_token(store: Store, user_id: int, token_id: int) -> None:
    """Revoke one of the person's own API tokens."""
    with store.session() as s:
        row = s.get(ApiToken, token_id)
        if row is None or row.user_id != user_id or row.revoked_at is not None:
            raise NotFound(f"there is no token {token_id} of yours to revoke")
        row.revoked_at = now_utc()
