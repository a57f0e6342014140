"""Use-cases for calendars: who you are on invitations, moving and withdrawing an invited ask,
and the reminders feed (follow-ups due, thank-yous owed, planned asks) with its secret token."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from askwell.core import validate
from askwell.core.model import NAME_MAX, check_text
from askwell.handoff_ics import FeedItem, Party, feed_bytes
from askwell.services import _rows
from askwell.services.asks import due
from askwell.storage.store import Store
from askwell.storage.tables import AskRow, NeedRow, PersonRow, User

FEED_NAME = "askwell reminders"
PLANNED_AHEAD = timedelta(days=60)
PLANNED_BEHIND = timedelta(days=7)


@dataclass
class Me:
    """How you appear on invitations you send (the organizer)."""

    name: str
    email: str | None


def get_me(store: Store) -> Me:
    """Return your name and e-mail address as set with `config` (e-mail None until set)."""
    with store.session() as s:
        user = s.get(User, store.owner_id)
        return Me(user.name, user.email) if user is not None else Me("me", None)


def set_me(store: Store, *, name: str | None = None, email: str | None = None) -> Me:
    """Set your name and/or e-mail address for invitations; return both."""
    with store.session() as s:
        user = s.get(User, store.owner_id)
        assert user is not None, "the store's owner always exists"
        if name is not None:
            user.name = check_text(name, "your name", NAME_MAX)
        if email is not None:
            user.email = validate.check_email(email)
        return Me(user.name, user.email)


def organizer(store: Store) -> Party | None:
    """Return you as an invitation's organizer, or None when no e-mail address is set."""
    me = get_me(store)
    if not me.email:
        return None
    return Party(me.email, None if me.name == "me" else me.name)


def next_sequence(store: Store, ask_id: int, *, moved_to: datetime | None = None) -> int:
    """Bump and return an ask's invitation SEQUENCE (and record its new time, if moved)."""
    with store.session() as s:
        row = _rows.owned(s, store, AskRow, ask_id)
        row.invite_sequence = (row.invite_sequence or 0) + 1
        if moved_to is not None:
            row.scheduled_for = moved_to
        return row.invite_sequence


def sequence_of(store: Store, ask_id: int) -> int:
    """Return the SEQUENCE of an ask's latest invitation (0 before any move)."""
    with store.session() as s:
        return _rows.owned(s, store, AskRow, ask_id).invite_sequence or 0


def feed_token(store: Store, *, rotate: bool = False) -> str:
    """Return your calendar feed's secret token, making one (or a fresh one) when asked."""
    with store.session() as s:
        user = s.get(User, store.owner_id)
        assert user is not None, "the store's owner always exists"
        if rotate or not user.feed_token:
            user.feed_token = secrets.token_urlsafe(32)
        return user.feed_token


def owner_of_feed(store: Store, token: str) -> int | None:
    """Return the owner id whose feed token is `token`, or None (compared in constant time)."""
    if not token:
        return None
    with store.session() as s:
        for user_id, known in s.execute(select(User.id, User.feed_token)):
            if known and secrets.compare_digest(known.encode(), token.encode()):
                return int(user_id)
    return None


def reminders(store: Store, *, now: datetime | None = None) -> list[FeedItem]:
    """Return the feed's entries: everything `due` lists (today), then planned asks."""
    now = now or _rows.now_utc()
    items: list[FeedItem] = []
    for item in due(store, now=now):
        what = "Gentle follow-up" if item.action == "follow-up" else "Say thanks"
        items.append(
            FeedItem(
                uid=f"askwell-{item.action}-{item.ask.uid or item.ask.id}@askwell",
                summary=f"{what}: {item.person_name} ({item.need_summary})",
                description=f"askwell ask #{item.ask.id}: {item.need_summary}",
                start=now,
            )
        )
    query = (
        select(AskRow, PersonRow.name, NeedRow.summary)
        .join(PersonRow, PersonRow.id == AskRow.person_id)
        .join(NeedRow, NeedRow.id == AskRow.need_id)
        .where(
            AskRow.owner_id == store.owner_id,
            AskRow.scheduled_for.is_not(None),
            AskRow.status.in_(("draft", "sent")),
            AskRow.scheduled_for >= now - PLANNED_BEHIND,
            AskRow.scheduled_for <= now + PLANNED_AHEAD,
        )
        .order_by(AskRow.scheduled_for, AskRow.id)
    )
    with store.session() as s:
        for row, name, summary in s.execute(query):
            assert row.scheduled_for is not None
            items.append(
                FeedItem(
                    uid=f"askwell-planned-{row.uid}@askwell",
                    summary=f"Ask {name}: {summary}",
                    description=row.text or f"askwell ask #{row.id}",
                    start=row.scheduled_for,
                    end=row.scheduled_for + timedelta(minutes=30),
                )
            )
    return items


def feed(store: Store, *, now: datetime | None = None) -> bytes:
    """Return the reminders calendar as .ics bytes."""
    return feed_bytes(reminders(store, now=now), name=FEED_NAME, now=now)
