"""Notifications, the writing side: outbox rows in the same transaction as the change.

`record` is called by the method services inside their session, so the rows commit or roll back
with the ask, answer or thank-you itself. It writes one email row (unless the person stopped
that kind) and one row per webhook of theirs; `askwell team worker` delivers them.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Row, Select, String, bindparam, cast, delete, exists, literal, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from askwell.core.lifecycle import FOLLOWUP_AFTER
from askwell.errors import AskwellError, NotFound
from askwell.storage.store import Store
from askwell.storage.tables import User
from askwell.team.common import now_utc
from askwell.team.notify_tables import KINDS, MailPrefs, OutboxRow, Webhook
from askwell.team.tables import TeamAsk, TeamNeed

# Who hears about each kind: the helper (asked, followed up, thanked) or the asker.
TO_HELPER = ("ask", "follow_up", "thanks")
KIND_NAMES = {
    "ask": "new asks for you",
    "answer": "answers to your asks",
    "thanks": "thank-yous",
    "follow_up": "follow-ups on asks made of you",
    "follow_up_due": "follow-up reminders",
}
SWEEP_LIMIT = 500
KEEP_DAYS = 30  # > the sweep's window after the wait, so a reminder is never queued twice


_PEOPLE = select(User.id, User.name, User.email).where(
    User.id.in_(bindparam("ids", expanding=True))
)
_HOOKS = select(Webhook.id).where(
    Webhook.user_id == bindparam("user_id"), Webhook.revoked_at.is_(None)
)


def people_of(s: Session, ask: TeamAsk) -> dict[int, Row[int, str, str | None]]:
    """Return the ask's two people (id, name, email) by id."""
    found = s.execute(_PEOPLE, {"ids": list({ask.asker_id, ask.helper_id})})
    return {r.id: r for r in found}


def payload(
    s: Session,
    kind: str,
    ask: TeamAsk,
    need: TeamNeed,
    people: dict[int, Row[int, str, str | None]] | None = None,
) -> dict[str, Any]:
    """Return what the email and the webhook say about one event (only the ask's two people)."""
    people = people or people_of(s, ask)
    return {
        "kind": kind,
        "ask_id": ask.id,
        "need_id": need.id,
        "team_id": ask.team_id,
        "summary": need.summary,
        "asker": {"id": ask.asker_id, "name": people[ask.asker_id].name},
        "helper": {"id": ask.helper_id, "name": people[ask.helper_id].name},
        "text": ask.text,
        "answer": ask.answer_kind,
        "answer_note": ask.answer_note,
        "offered": ask.answer_offered,
        "thanks_note": ask.thanks_note,
        "follow_up_note": ask.follow_up_note,
    }


def prefs(s: Session, user_id: int) -> MailPrefs:
    """Return the person's email preferences (made on first use, with their unsubscribe key)."""
    row = s.get(MailPrefs, user_id)
    if row is None:  # two requests may both get here: the second insert is skipped
        key = secrets.token_urlsafe(24)
        made = {"user_id": user_id, "unsubscribe_key": key, "muted": [], "updated_at": now_utc()}
        s.execute(pg_insert(MailPrefs).values(**made).on_conflict_do_nothing())
        row = s.get(MailPrefs, user_id)
        assert row is not None
    return row


def prune(store: Store, now: datetime | None = None) -> int:
    """Delete delivered or skipped rows older than KEEP_DAYS (dead ones stay to be read)."""
    cutoff = (now or now_utc()) - timedelta(days=KEEP_DAYS)
    with store.session() as s:
        gone = s.execute(
            delete(OutboxRow)
            .where(OutboxRow.status.in_(("sent", "skipped")), OutboxRow.created_at < cutoff)
            .returning(OutboxRow.id)
        )
        return len(gone.all())


def _rows(
    s: Session, kind: str, user_id: int, address: str | None, data: dict[str, Any], key: str | None
) -> list[dict[str, Any]]:
    now = now_utc()
    base = {"kind": kind, "user_id": user_id, "payload": data, "status": "pending"}
    base |= {"attempts": 0, "next_at": now, "last_error": "", "created_at": now}
    rows: list[dict[str, Any]] = []
    wanted = bool(address) and kind not in prefs(s, user_id).muted
    if wanted or key:  # a keyed event keeps a skipped row, so it is not queued again
        email = {**base, "channel": "email", "webhook_id": None, "dedupe_key": key}
        rows.append(email if wanted else {**email, "status": "skipped"})
    for hook in s.scalars(_HOOKS, {"user_id": user_id}):
        hook_key = f"{key}:w{hook}" if key else None
        rows.append({**base, "channel": "webhook", "webhook_id": hook, "dedupe_key": hook_key})
    return rows


def record(s: Session, kind: str, ask: TeamAsk, need: TeamNeed) -> int:
    """Write the outbox rows for one event in the caller's transaction; return how many."""
    assert kind in KINDS, kind
    s.flush()
    user_id = ask.helper_id if kind in TO_HELPER else ask.asker_id
    people = people_of(s, ask)
    data = payload(s, kind, ask, need, people)
    rows = _rows(s, kind, user_id, people[user_id].email, data, None)
    s.add_all(OutboxRow(**row) for row in rows)
    return len(rows)


def waiting_asks(now: datetime) -> Select[TeamAsk, TeamNeed]:
    """Return the query for asks past the follow-up wait with no reminder queued yet.

    It reads the partial index ix_team_asks_waiting_sent_at (unanswered asks by sent_at).
    """
    queued = exists().where(
        OutboxRow.dedupe_key == literal("follow_up_due:") + cast(TeamAsk.id, String)
    )
    return (
        select(TeamAsk, TeamNeed)
        .join(TeamNeed, TeamNeed.id == TeamAsk.need_id)
        .where(
            TeamAsk.status == "sent",
            TeamAsk.followed_up_at.is_(None),
            TeamAsk.sent_at <= now - FOLLOWUP_AFTER,
            TeamAsk.sent_at > now - FOLLOWUP_AFTER - timedelta(days=30),
            ~queued,
        )
        .order_by(TeamAsk.sent_at, TeamAsk.id)
        .limit(SWEEP_LIMIT)
    )


def sweep_follow_ups(store: Store, now: datetime | None = None) -> int:
    """Queue one "a follow-up is fair" reminder per unanswered ask past the wait; return count.

    Safe with several workers at once: each reminder has a dedupe key, and a second insert of
    the same key is skipped by PostgreSQL (ON CONFLICT DO NOTHING).
    """
    now = now or now_utc()
    made = 0
    with store.session() as s:
        found = s.execute(waiting_asks(now)).all()
        for ask, need in found:
            key = f"follow_up_due:{ask.id}"
            people = people_of(s, ask)
            data = payload(s, "follow_up_due", ask, need, people)
            email = people[ask.asker_id].email
            for row in _rows(s, "follow_up_due", ask.asker_id, email, data, key):
                statement = pg_insert(OutboxRow).values(**row).on_conflict_do_nothing()
                made += len(s.execute(statement.returning(OutboxRow.id)).all())
    return made


@dataclass(frozen=True)
class Settings:
    """A person's notification settings as the API shows them."""

    muted: list[str]
    kinds: dict[str, str]
    webhooks: list[dict[str, Any]]


def settings_of(store: Store, user_id: int) -> Settings:
    """Return which emails the person stopped and their webhooks (never the secrets)."""
    with store.session() as s:
        muted = list(prefs(s, user_id).muted)
        hooks = s.scalars(
            select(Webhook)
            .where(Webhook.user_id == user_id, Webhook.revoked_at.is_(None))
            .order_by(Webhook.id)
        )
        listed = [{"id": h.id, "url": h.url, "created_at": h.created_at} for h in hooks]
        return Settings(muted, dict(KIND_NAMES), listed)


def set_muted(s: Session, user_id: int, kind: str, muted: bool) -> MailPrefs:
    """Stop (or restart) one kind of email for a person."""
    if kind not in KINDS:
        raise NotFound(f"there is no kind of email called {kind!r}")
    row = prefs(s, user_id)
    kinds = set(row.muted)
    if muted:
        kinds.add(kind)
    else:
        kinds.discard(kind)
    row.muted = sorted(kinds)
    row.updated_at = now_utc()
    return row


def _by_key(s: Session, key: str, kind: str) -> MailPrefs:
    row = s.scalar(select(MailPrefs).where(MailPrefs.unsubscribe_key == key))
    if row is None or kind not in KINDS:
        raise NotFound("this unsubscribe link is not one we know; it may be mistyped")
    return row


def check_key(store: Store, key: str, kind: str) -> None:
    """Raise NotFound unless `key` is someone's unsubscribe key and `kind` a kind of email."""
    with store.session() as s:
        _by_key(s, key, kind)


def mute_by_key(store: Store, key: str, kind: str, muted: bool = True) -> str:
    """Stop one kind of email from an unsubscribe link; return the person's name."""
    with store.session() as s:
        row = _by_key(s, key, kind)
        set_muted(s, row.user_id, kind, muted)
        user = s.get(User, row.user_id)
        return user.name if user else ""


def check_webhook_url(url: str, private_ok: bool) -> str:
    """Return the URL when a webhook may be sent there (http(s), and public unless allowed)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AskwellError("a webhook address starts with https:// (or http://)")
    if not private_ok:
        try:
            found = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
        except OSError:
            raise AskwellError(f"cannot find {parts.hostname}; is the address right?") from None
        for info in found:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                raise AskwellError(
                    f"{parts.hostname} is a private address; this server only sends webhooks "
                    "to public ones"
                )
    return url.strip()


def add_webhook(store: Store, user_id: int, url: str, *, private_ok: bool) -> tuple[int, str]:
    """Add a webhook for your own events; return its id and its signing secret (shown once)."""
    url = check_webhook_url(url, private_ok)
    with store.session() as s:
        count = s.scalar(
            select(Webhook.id)
            .where(Webhook.user_id == user_id, Webhook.revoked_at.is_(None))
            .offset(9)
            .limit(1)
        )
        if count is not None:
            raise AskwellError("you have 10 webhooks already; remove one first")
        secret = "whsec_" + secrets.token_urlsafe(32)
        row = Webhook(user_id=user_id, url=url, secret=secret, created_at=now_utc())
        s.add(row)
        s.flush()
        return row.id, secret


def remove_webhook(store: Store, user_id: int, webhook_id: int) -> None:
    """Stop sending to one of your webhooks."""
    with store.session() as s:
        row = s.get(Webhook, webhook_id)
        if row is None or row.user_id != user_id or row.revoked_at is not None:
            raise NotFound(f"there is no webhook {webhook_id} of yours")
        row.revoked_at = now_utc()
