"""Notifications, the sending side: the worker that empties the outbox (`askwell team worker`).

The outbox table is the job queue. A worker claims the oldest due row with
`SELECT ... FOR UPDATE SKIP LOCKED`, counts a try on it, sets it aside for a lease and commits
that first, then locks the row again and keeps it locked while it sends: other workers skip it.

The lease is the send's own timeout plus a margin (`lease()`: `webhook_timeout_seconds` + 5 s
for a webhook, the SMTP timeout + 5 s for an email; 15 s and 20 s by default), not the failure
backoff: it only says when a row whose worker vanished mid-send is due again. If this worker
dies mid-job nothing is lost: its connection closes, PostgreSQL drops its lock, the row is still
`pending`, and the next worker sends it once the lease has run out (seconds, not the 30 s and
more of the backoff). Two live workers never send a row at once, however long a send takes: the
sender holds the row's lock until the outcome is stored, so a claim skips the row even after
its lease ran out, and a worker that finds its claim taken over (the try count moved on) leaves
the row. Since the try was counted at the claim, a row whose sending kills the worker every
time is dead-lettered after `notify_max_attempts` tries like any other. A failed send is
retried with exponential backoff (`notify_backoff_seconds` x 2^(tries-1)) and dead-lettered
(status `dead`, the last error kept) after `notify_max_attempts` tries. Delivery is at least
once: a webhook carries `X-Askwell-Delivery` so a receiver can drop a repeat.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from askwell._http import NO_REDIRECTS
from askwell.errors import AskwellError
from askwell.storage.store import Store
from askwell.storage.tables import User
from askwell.team import notify
from askwell.team.common import now_utc
from askwell.team.config import TeamSettings
from askwell.team.mail import SMTP_TIMEOUT, smtp_send
from askwell.team.notify_tables import OutboxRow, Webhook

_ENV = Environment(
    loader=PackageLoader("askwell.team", "templates/mail"),
    autoescape=select_autoescape(enabled_extensions=("html",), default=False),
    undefined=StrictUndefined,
    keep_trailing_newline=False,
)
SUBJECTS = {
    "ask": "{asker} asked you about: {summary}",
    "answer": "{helper} answered your ask: {summary}",
    "thanks": "{asker} thanked you",
    "follow_up": "{asker} followed up on: {summary}",
    "follow_up_due": "A follow-up is fair now: {summary}",
}
ANSWER_WORDS = {
    "yes": "yes",
    "no": "not this time",
    "alternative": "they offer something else",
    "not-now": "not at the moment",
}
SIGNATURE_HEADER = "X-Askwell-Signature"
SWEEP_EVERY = 60.0
LEASE_MARGIN = timedelta(seconds=5)  # a claim's bookkeeping around the send itself
STOPPED = "a worker stopped while sending this (killed, out of memory, or its machine went down)"


class SendFailed(Exception):
    """A delivery did not go through this time (it will be tried again)."""


def unsubscribe_link(settings: TeamSettings, key: str, kind: str) -> str:
    """Return the address that stops one kind of email for one person."""
    return settings.link(f"/unsubscribe/{key}/{kind}")


def render(settings: TeamSettings, kind: str, data: dict[str, Any], key: str) -> EmailMessage:
    """Return the email for one event: plain text and HTML from templates, unsubscribe links."""
    words = {
        "asker": data["asker"]["name"],
        "helper": data["helper"]["name"],
        "answer_words": ANSWER_WORDS.get(data.get("answer") or "", ""),
        "link": settings.link(f"/needs/{data['need_id']}"),
        **{k: data.get(k) or "" for k in ("summary", "text", "answer_note", "offered")},
        **{k: data.get(k) or "" for k in ("thanks_note", "follow_up_note")},
    }
    body = _ENV.get_template(f"{kind}.txt").render(**words).strip()
    body = "\n".join(line.rstrip() for line in body.splitlines())
    while "\n\n\n" in body:
        body = body.replace("\n\n\n", "\n\n")
    unsubscribe = unsubscribe_link(settings, key, kind)
    kind_name = notify.KIND_NAMES[kind]
    subject = " ".join(SUBJECTS[kind].format(**words).split())
    text = f"{body}\n\nTo turn off emails about {kind_name}:\n{unsubscribe}\n"
    html = _ENV.get_template("layout.html").render(
        subject=subject,
        paragraphs=body.split("\n\n"),
        link=words["link"],
        unsubscribe=unsubscribe,
        kind_name=kind_name,
    )
    msg = EmailMessage()
    msg["From"] = settings.mail_from
    msg["Subject"] = subject
    msg["List-Unsubscribe"] = f"<{unsubscribe}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    return msg


def _send_email(settings: TeamSettings, row: OutboxRow, s: Any) -> bool:
    user = s.get(User, row.user_id)
    prefs = notify.prefs(s, row.user_id)
    if user is None or not user.email or row.kind in prefs.muted:
        return False  # they stopped this kind since it was queued: nothing to send
    if not settings.smtp_host:
        raise SendFailed("no SMTP server is set up (smtp_host)")
    msg = render(settings, row.kind, row.payload, prefs.unsubscribe_key)
    msg["To"] = user.email
    try:
        smtp_send(settings, msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise SendFailed(f"SMTP: {type(exc).__name__}: {exc}") from None
    return True


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """Return the signature header's value: sha256=HMAC-SHA256(secret, timestamp + "." + body)."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def webhook_body(row: OutboxRow) -> bytes:
    """Return the JSON a webhook receives for one delivery."""
    event = {"id": row.id, "kind": row.kind, "created_at": row.created_at.isoformat()}
    return json.dumps({**event, "data": row.payload}, sort_keys=True).encode()


def _send_webhook(settings: TeamSettings, row: OutboxRow, s: Any) -> bool:
    hook = s.get(Webhook, row.webhook_id)
    if hook is None or hook.revoked_at is not None:
        return False
    try:
        notify.check_webhook_url(hook.url, settings.webhook_private_ok)
    except AskwellError as exc:
        raise SendFailed(str(exc)) from None
    body = webhook_body(row)
    stamp = str(int(time.time()))
    request = urllib.request.Request(hook.url, data=body, method="POST")
    request.add_header("content-type", "application/json")
    request.add_header("user-agent", "askwell-webhooks")
    request.add_header("X-Askwell-Event", row.kind)
    request.add_header("X-Askwell-Delivery", str(row.id))
    request.add_header("X-Askwell-Timestamp", stamp)
    request.add_header(SIGNATURE_HEADER, signature(hook.secret, stamp, body))
    try:
        with NO_REDIRECTS.open(request, timeout=settings.webhook_timeout_seconds) as answer:
            answer.read(1024)
    except urllib.error.HTTPError as exc:
        raise SendFailed(f"HTTP {exc.code} from the receiver") from None
    except (urllib.error.URLError, OSError) as exc:
        raise SendFailed(f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}") from None
    return True


def backoff(settings: TeamSettings, attempts: int) -> timedelta:
    """Return the wait before try number `attempts + 1` (doubling each time, at most a day)."""
    seconds = settings.notify_backoff_seconds * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, 86400))


def lease(settings: TeamSettings, channel: str) -> timedelta:
    """Return how long a claimed row is set aside: its send's timeout plus a margin."""
    timeout = SMTP_TIMEOUT if channel == "email" else settings.webhook_timeout_seconds
    return timedelta(seconds=timeout) + LEASE_MARGIN


def _claim(store: Store, settings: TeamSettings, now: datetime | None) -> OutboxRow | None:
    """Take the oldest due row and count a try on it, committed before anything is sent.

    The try is counted and the row set aside (due again once its lease runs out, should this
    worker vanish before it stores the outcome) in a transaction of its own, so a worker that
    dies while sending still leaves the try counted: a row that keeps killing workers runs out
    of tries like a row that keeps failing. `last_error` says a try is
    under way until its outcome replaces it; a row that still says so when claimed again had
    its try cut short, and it is dead-lettered once those tries are used up.
    """
    with store.session() as s:
        row = s.scalars(
            select(OutboxRow)
            .where(OutboxRow.status == "pending", OutboxRow.next_at <= (now or now_utc()))
            .order_by(OutboxRow.next_at, OutboxRow.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        ).first()
        if row is None:
            return None
        if row.last_error == STOPPED and row.attempts >= settings.notify_max_attempts:
            row.status = "dead"
            row.last_error = f"{STOPPED}, {row.attempts} times; not tried again"
        else:
            row.attempts += 1
            row.next_at = now_utc() + lease(settings, row.channel)
            row.last_error = STOPPED
        s.flush()
        s.expunge(row)
        return row


def deliver_one(store: Store, settings: TeamSettings, now: datetime | None = None) -> int | None:
    """Claim and deliver the oldest due outbox row; return its id (None when nothing is due)."""
    claimed = _claim(store, settings, now)
    if claimed is None or claimed.status == "dead":
        return None if claimed is None else claimed.id
    with store.session() as s:  # lock it again while sending: other workers skip locked rows
        row = s.scalars(
            select(OutboxRow)
            .where(
                OutboxRow.id == claimed.id,
                OutboxRow.status == "pending",
                OutboxRow.attempts == claimed.attempts,
            )
            .with_for_update(skip_locked=True)
        ).first()
        if row is None:  # another worker took it over meanwhile
            return claimed.id
        try:
            if row.channel == "email":
                sent = _send_email(settings, row, s)
            else:
                sent = _send_webhook(settings, row, s)
        except Exception as exc:  # any failure is this row's: retried, then dead-lettered
            said = str(exc) if isinstance(exc, SendFailed) else f"{type(exc).__name__}: {exc}"
            row.last_error = said[:2000]
            if row.attempts >= settings.notify_max_attempts:
                row.status = "dead"
            else:
                row.next_at = now_utc() + backoff(settings, row.attempts)
            return row.id
        row.last_error = ""
        row.status = "sent" if sent else "skipped"
        row.sent_at = now_utc() if sent else None
        return row.id


def run(
    store: Store,
    settings: TeamSettings,
    *,
    poll: float = 1.0,
    until: Callable[[], bool] = lambda: False,
) -> None:
    """Deliver until `until()` says stop: empty the due rows, sweep follow-ups, wait, repeat."""
    swept = 0.0
    while not until():
        try:
            if time.monotonic() - swept >= SWEEP_EVERY:
                swept = time.monotonic()
                notify.sweep_follow_ups(store)
                notify.prune(store)
            done = deliver_one(store, settings)
        except (OSError, SQLAlchemyError) as exc:  # the database went away: wait, try again
            print(f"askwell worker: {type(exc).__name__}; trying again shortly", file=sys.stderr)
            time.sleep(max(poll, 5.0))
            continue
        if done is None:
            time.sleep(poll)
