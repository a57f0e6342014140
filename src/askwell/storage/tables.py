"""SQLAlchemy 2 ORM tables; every owned row carries owner_id so team mode reuses the schema."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Store datetimes as UTC and always hand back timezone-aware values."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Convert to UTC (naive values are taken as UTC)."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Return an aware UTC datetime."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names (for Alembic)."""

    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    """An account: the one local user, or a member of a team server."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    feed_token: Mapped[str | None] = mapped_column(String(64), unique=True)


class _Owned:
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PersonRow(_Owned, Base):
    """A supporter in the user's network."""

    __tablename__ = "people"
    name: Mapped[str] = mapped_column(String(120))
    relationship: Mapped[str] = mapped_column(String(20))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    supports: Mapped[list[str]] = mapped_column(JSON, default=list)
    tz: Mapped[str] = mapped_column(String(64), default="UTC")
    hours: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str | None] = mapped_column(String(20))
    stretched: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")


class NeedRow(_Owned, Base):
    """A need for help."""

    __tablename__ = "needs"
    summary: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="")
    support_type: Mapped[str] = mapped_column(String(20))
    urgency: Mapped[str] = mapped_column(String(10))
    deadline: Mapped[date | None] = mapped_column(Date)
    barriers: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    expect: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="open")
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    ask: Mapped[str] = mapped_column(Text, default="", server_default="")
    size: Mapped[str] = mapped_column(Text, default="", server_default="")
    situation: Mapped[str] = mapped_column(Text, default="", server_default="")


class AskRow(_Owned, Base):
    """One ask of one person about one need, with its lifecycle timestamps."""

    __tablename__ = "asks"
    need_id: Mapped[int] = mapped_column(ForeignKey("needs.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10), index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    thanked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    followed_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    scheduled_for: Mapped[datetime | None] = mapped_column(UTCDateTime())
    overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("asks.id"))
    urgency_at_ask: Mapped[str | None] = mapped_column(String(10))
    answer_kind: Mapped[str | None] = mapped_column(String(12))
    answer_note: Mapped[str] = mapped_column(Text, default="")
    answer_offered: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    invite_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class BoundaryRow(_Owned, Base):
    """A cooldown: do not ask this person about this need/topic before `until`."""

    __tablename__ = "boundaries"
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    need_id: Mapped[int | None] = mapped_column(ForeignKey("needs.id"))
    topic: Mapped[str] = mapped_column(String(200), default="")
    until: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")


class ThanksRow(_Owned, Base):
    """A thank-you that was sent."""

    __tablename__ = "thanks"
    ask_id: Mapped[int] = mapped_column(ForeignKey("asks.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")


class HelpGivenRow(_Owned, Base):
    """Help the user gave to someone (reciprocity)."""

    __tablename__ = "help_given"
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    summary: Mapped[str] = mapped_column(Text)


class JournalRow(_Owned, Base):
    """A journal entry: a free reflection or an event note."""

    __tablename__ = "journal"
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="reflection")
    need_id: Mapped[int | None] = mapped_column(ForeignKey("needs.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    ask_id: Mapped[int | None] = mapped_column(ForeignKey("asks.id"))


class TrashRow(_Owned, Base):
    """Records moved to the trash by one delete or merge: restorable for 30 days."""

    __tablename__ = "trash"
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# The team server's tables share this metadata (one migration chain); imported last to register.
from askwell.team import notify_tables as _notify_tables  # noqa: E402, F401
from askwell.team import tables as _team_tables  # noqa: E402, F401
