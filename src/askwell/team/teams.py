"""Teams and what members publish: memberships, roles, profiles (topics, hours, capacity)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import BindParameter, Row, and_, bindparam, func, select
from sqlalchemy.orm import Session, aliased

from askwell.core.model import (
    SUPPORT_TYPES,
    TEXT_MAX,
    check_choice,
    check_text,
    parse_hours,
    parse_list,
    render_hours,
)
from askwell.core.validate import check_tz
from askwell.errors import AskwellError, Conflict, NotFound
from askwell.storage.store import Store
from askwell.storage.tables import User
from askwell.team.common import now_utc, require_admin, role_in
from askwell.team.tables import ROLES, Membership, Profile, Team


@dataclass(frozen=True)
class TeamView:
    """A team as one of its members sees it."""

    id: int
    name: str
    role: str
    members: int


@dataclass
class ProfileView:
    """What a member publishes to their teams."""

    user_id: int
    name: str
    topics: list[str] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    tz: str = "UTC"
    hours: str = ""
    stretched: bool = False
    away_until: date | None = None
    away_note: str = ""

    def away(self, today: date) -> bool:
        """Return True while the member is not taking requests."""
        return self.away_until is not None and today < self.away_until


@dataclass(frozen=True)
class MemberView:
    """A member in a team list: their role and what they publish."""

    role: str
    profile: ProfileView


_OTHERS = aliased(Membership)
_MY_TEAMS = (  # each team's size is counted from its index, not every team's
    select(
        Team.id,
        Team.name,
        Membership.role,
        select(func.count())
        .select_from(_OTHERS)
        .where(_OTHERS.team_id == Membership.team_id)
        .scalar_subquery()
        .label("n"),
    )
    .join(Membership, Membership.team_id == Team.id)
    .where(Membership.user_id == bindparam("user_id"))
    .order_by(Team.name, Team.id)
)


def my_teams(store: Store, user_id: int) -> list[TeamView]:
    """Return the teams the person belongs to, with their role in each."""
    with store.session() as s:
        rows = s.execute(_MY_TEAMS, {"user_id": user_id})
        return [TeamView(r.id, r.name, r.role, r.n) for r in rows]


def _profile(user_id: int, name: str, row: Profile | Row[*tuple[Any, ...]] | None) -> ProfileView:
    """Return what a member publishes (a profile row, or a selected row with its column names)."""
    if row is None:
        return ProfileView(user_id, name)
    return ProfileView(
        user_id,
        name,
        list(row.topics),
        list(row.supports),
        row.tz,
        row.hours,
        row.stretched,
        row.away_until,
        row.away_note,
    )


_TEAM_ROLES = select(Membership.user_id, Membership.role).where(
    Membership.team_id == bindparam("team_id"), Membership.user_id != bindparam("leave_out")
)
_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
_PROFILES = (
    select(
        User.id,
        User.name,
        Profile.user_id.label("published"),
        *(c for c in Profile.__table__.columns if c.name != "user_id"),
    )
    .outerjoin(Profile, and_(Profile.user_id == User.id, Profile.user_id.in_(_IDS)))
    .where(User.id.in_(_IDS))
    .order_by(User.id)
)


def member_rows(s: Session, team_id: int, *, leave_out: int = 0) -> list[tuple[str, ProfileView]]:
    """Return the team's members (but `leave_out`) with role and what they publish, by id.

    Two steps on purpose: the team's ids from its index first, then those users and profiles
    by primary key (the ids on both sides of the join). One join over the three tables let
    the planner read all of users, and all of team_profiles, for a team of 25. Both
    statements are built once, and select columns, not ORM objects (routing reads this on
    every request).
    """
    roles = dict(s.execute(_TEAM_ROLES, {"team_id": team_id, "leave_out": leave_out}).all())
    if not roles:
        return []
    rows = s.execute(_PROFILES, {"ids": list(roles)})
    return [
        (roles[r.id], _profile(r.id, r.name, r if r.published is not None else None)) for r in rows
    ]


def members(store: Store, user_id: int, team_id: int) -> list[MemberView]:
    """Return the team's members and what they publish (members of the team only)."""
    with store.session() as s:
        role_in(s, user_id, team_id)
        rows = sorted(member_rows(s, team_id), key=lambda r: (r[1].name, r[1].user_id))
        return [MemberView(role, view) for role, view in rows]


def profile(store: Store, user_id: int) -> ProfileView:
    """Return what the person publishes."""
    with store.session() as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound("that account does not exist")
        return _profile(user.id, user.name, s.get(Profile, user_id))


def publish(
    store: Store,
    user_id: int,
    *,
    topics: str | list[str] | None = None,
    supports: str | list[str] | None = None,
    tz: str | None = None,
    hours: str | None = None,
    stretched: bool | None = None,
    away_until: date | None = None,
    away_note: str | None = None,
    back: bool = False,
) -> ProfileView:
    """Update what the person publishes; `back=True` clears "not taking requests"."""
    with store.session() as s:
        row = s.get(Profile, user_id)
        if row is None:
            row = Profile(user_id=user_id, topics=[], supports=[], tz="UTC", hours="")
            row.stretched, row.away_note = False, ""
            s.add(row)
        if topics is not None:
            row.topics = list(parse_list(topics if isinstance(topics, str) else ",".join(topics)))
        if supports is not None:
            items = parse_list(supports if isinstance(supports, str) else ",".join(supports))
            row.supports = [check_choice(x, SUPPORT_TYPES, "support type") for x in items]
        if tz is not None:
            row.tz = check_tz(tz.strip() or "UTC")
        if hours is not None:
            row.hours = render_hours(parse_hours(hours))
        if stretched is not None:
            row.stretched = stretched
        if away_until is not None:
            if away_until <= now_utc().date():
                raise AskwellError("the end date of 'not taking requests' must be in the future")
            row.away_until = away_until
        if away_note is not None:
            row.away_note = check_text(away_note, "the note", TEXT_MAX, required=False)
        if back:
            row.away_until, row.away_note = None, ""
        row.updated_at = now_utc()
        user = s.get(User, user_id)
        assert user is not None
        return _profile(user.id, user.name, row)


def set_role(store: Store, admin_id: int, team_id: int, user_id: int, role: str) -> None:
    """Make a member an admin or a member again (a team always keeps one admin)."""
    if role not in ROLES:
        raise AskwellError(f"unknown role {role!r}; choose one of: {', '.join(ROLES)}")
    with store.session() as s:
        require_admin(s, admin_id, team_id)
        row = _membership(s, team_id, user_id)
        if row.role == "admin" and role != "admin":
            _keep_an_admin(s, team_id)
        row.role = role


def leave(store: Store, actor_id: int, team_id: int, user_id: int) -> None:
    """Remove a member (an admin can remove anyone; everyone can leave themselves)."""
    with store.session() as s:
        if actor_id != user_id:
            require_admin(s, actor_id, team_id)
        row = _membership(s, team_id, user_id)
        if row.role == "admin":
            _keep_an_admin(s, team_id)
        s.delete(row)


def _membership(s: Session, team_id: int, user_id: int) -> Membership:
    row = s.scalar(
        select(Membership).where(Membership.team_id == team_id, Membership.user_id == user_id)
    )
    if row is None:
        raise NotFound(f"that person is not in team {team_id}")
    return row


def _keep_an_admin(s: Session, team_id: int) -> None:
    admins = s.scalar(
        select(func.count())
        .select_from(Membership)
        .where(Membership.team_id == team_id, Membership.role == "admin")
    )
    if (admins or 0) <= 1:
        raise Conflict("a team needs at least one admin; make someone else an admin first")
