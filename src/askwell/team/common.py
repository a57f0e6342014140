"""Small pieces the team services share: the clock, errors with HTTP statuses, lookups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from askwell.errors import AskwellError, NotFound
from askwell.storage.tables import User
from askwell.team.tables import Membership


class NotSignedIn(AskwellError):
    """The request carries no valid session or API token."""

    status_code = 401


class Forbidden(AskwellError):
    """Signed in, but this needs a role the person does not have."""

    status_code = 403


class TooMany(AskwellError):
    """Too many tries: wait, then try again (the message says how long)."""

    status_code = 429


@dataclass(frozen=True)
class Account:
    """A signed-in person as the routes see them."""

    id: int
    name: str
    email: str


def now_utc() -> datetime:
    """Return the current time in UTC."""
    return datetime.now(UTC)


def norm_email(email: str) -> str:
    """Return the email address lower-cased and stripped, or raise when it is not one."""
    value = email.strip().lower()
    local, _, domain = value.partition("@")
    if not local or "." not in domain or " " in value or len(value) > 320:
        raise AskwellError(f"{email.strip()!r} does not look like an email address")
    return value


def account(s: Session, user_id: int) -> Account:
    """Return the account with this id."""
    user = s.get(User, user_id)
    if user is None:
        raise NotFound("that person is not on this server")
    return Account(user.id, user.name, user.email or "")


_ROLE = select(Membership.role).where(
    Membership.team_id == bindparam("team_id"), Membership.user_id == bindparam("user_id")
)


def role_in(s: Session, user_id: int, team_id: int) -> str:
    """Return the person's role in the team; a team they are not in does not exist for them."""
    role = s.scalar(_ROLE, {"team_id": team_id, "user_id": user_id})
    if role is None:
        raise NotFound(f"there is no team {team_id} that you belong to")
    return role


def require_admin(s: Session, user_id: int, team_id: int) -> None:
    """Raise Forbidden unless the person is an admin of the team."""
    if role_in(s, user_id, team_id) != "admin":
        raise Forbidden("only a team admin can do that")
