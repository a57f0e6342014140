"""Notification tables: the outbox (also the job queue), webhooks, and email preferences.

A row in `team_outbox` is written in the same transaction as the change it tells about, so a
rolled-back change leaves nothing to send. Workers claim rows with `FOR UPDATE SKIP LOCKED`,
count the try, and hold the row lock while they deliver: a row whose worker dies mid-job stays
pending for the next worker (see `askwell.team.deliver`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from askwell.storage.tables import Base, UTCDateTime
from askwell.team.tables import TeamAsk

KINDS = ("ask", "answer", "thanks", "follow_up", "follow_up_due")
CHANNELS = ("email", "webhook")
STATES = ("pending", "sent", "dead", "skipped")


class OutboxRow(Base):
    """One delivery to make: an email to a person or a POST to one of their webhooks."""

    __tablename__ = "team_outbox"
    __table_args__ = (Index("ix_team_outbox_status_next_at", "status", "next_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    webhook_id: Mapped[int | None] = mapped_column(ForeignKey("team_webhooks.id"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Webhook(Base):
    """A person's own webhook: their events, signed with HMAC-SHA256 using `secret`."""

    __tablename__ = "team_webhooks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class MailPrefs(Base):
    """Which kinds of email a person stopped, and the key in their unsubscribe links."""

    __tablename__ = "team_mail_prefs"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    unsubscribe_key: Mapped[str] = mapped_column(String(64), unique=True)
    muted: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


# The worker's follow-up sweep reads unanswered asks by when they were sent: a partial index
# keeps that to the few waiting asks however many asks the team has made.
WAITING = "status = 'sent' AND followed_up_at IS NULL"
Index(
    "ix_team_asks_waiting_sent_at",
    TeamAsk.__table__.c.sent_at,
    postgresql_where=text(WAITING),
    sqlite_where=text(WAITING),
)
