"""Team-server tables: accounts, teams, sessions and the shared method (needs, asks, answers).

They live on the same metadata as the personal tables, so one Alembic chain builds both. A
member's private data (their own needs with barriers and yes-guesses, journal, reflections) stays
in the personal tables under `owner_id`; nothing here holds any of it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from askwell.storage.tables import Base, UTCDateTime

ROLES = ("member", "admin")
LINK_PURPOSES = ("signin", "reset")


class TeamAccount(Base):
    """The sign-in half of a user: the password hash (argon2id)."""

    __tablename__ = "team_accounts"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Team(Base):
    """A group of people who help each other."""

    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Membership(Base):
    """A person in a team, with a role (member or admin)."""

    __tablename__ = "team_members"
    __table_args__ = (UniqueConstraint("team_id", "user_id", name="uq_team_members_team_user"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    role: Mapped[str] = mapped_column(String(10), default="member")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Invitation(Base):
    """An invitation link to join a team (the only way to sign up)."""

    __tablename__ = "team_invitations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    email: Mapped[str] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(10), default="member")
    invited_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class WebSession(Base):
    """A signed-in browser: stored here so it can expire and be revoked on any worker."""

    __tablename__ = "team_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    user_agent: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class LoginAttempt(Base):
    """One sign-in try, for rate limiting and lock-out across workers."""

    __tablename__ = "team_login_attempts"
    __table_args__ = (
        Index("ix_team_login_attempts_email_at", "email", "at"),
        Index("ix_team_login_attempts_ip_at", "ip", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    ip: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    ok: Mapped[bool] = mapped_column(Boolean, default=False)


class OneTimeLink(Base):
    """A one-time sign-in or password-reset link (only its hash is kept)."""

    __tablename__ = "team_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ApiToken(Base):
    """A personal API token for the JSON API and the CLI (only its hash is kept)."""

    __tablename__ = "team_api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Profile(Base):
    """What a member publishes to their teams: topics, support types, hours, zone, capacity."""

    __tablename__ = "team_profiles"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    supports: Mapped[list[str]] = mapped_column(JSON, default=list)
    tz: Mapped[str] = mapped_column(String(64), default="UTC")
    hours: Mapped[str] = mapped_column(Text, default="")
    stretched: Mapped[bool] = mapped_column(Boolean, default=False)
    away_until: Mapped[date | None] = mapped_column(Date)
    away_note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TeamNeed(Base):
    """A need shared with a team or one member: no barriers, no yes-guess (those stay private)."""

    __tablename__ = "team_needs"
    __table_args__ = (Index("ix_team_needs_team_status", "team_id", "status"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    to_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    summary: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="")
    support_type: Mapped[str] = mapped_column(String(20))
    urgency: Mapped[str] = mapped_column(String(10))
    deadline: Mapped[date | None] = mapped_column(Date)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TeamAsk(Base):
    """One member asking another about a team need, through to the answer and the thanks."""

    __tablename__ = "team_asks"
    __table_args__ = (
        Index("ix_team_asks_helper_status", "helper_id", "status"),
        Index("ix_team_asks_asker_status", "asker_id", "status"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("team_needs.id"), index=True)
    asker_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    helper_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answer_kind: Mapped[str | None] = mapped_column(String(12))
    answer_note: Mapped[str] = mapped_column(Text, default="")
    answer_offered: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    thanked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    thanks_note: Mapped[str] = mapped_column(Text, default="")
    followed_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    follow_up_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TeamBoundary(Base):
    """A cooldown in a team: after a no (for that asker), or one a member sets for everyone."""

    __tablename__ = "team_boundaries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    helper_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    asker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    need_id: Mapped[int | None] = mapped_column(ForeignKey("team_needs.id"))
    topic: Mapped[str] = mapped_column(String(200), default="")
    until: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TeamHelp(Base):
    """Help one member gave another (recorded for both sides: reciprocity)."""

    __tablename__ = "team_help"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    giver_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    receiver_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    ask_id: Mapped[int | None] = mapped_column(ForeignKey("team_asks.id"), unique=True)
    summary: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
