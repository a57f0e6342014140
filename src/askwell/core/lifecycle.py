"""The ask lifecycle: draft -> sent -> answered -> thanked -> closed, with one follow-up."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, tzinfo

from askwell.core.model import ANSWER_KINDS, Answer, Ask, DomainError, check_choice

FOLLOWUP_AFTER = timedelta(days=3)


class TransitionError(DomainError):
    """An ask cannot move that way from the state it is in."""


def send(ask: Ask, now: datetime) -> Ask:
    """Mark a draft as sent."""
    if ask.status != "draft":
        raise TransitionError("already_sent", id=ask.id, status=ask.status)
    return replace(ask, status="sent", sent_at=now)


def answer(ask: Ask, kind: str, now: datetime, *, note: str = "", offered: str = "") -> Ask:
    """Record an answer; a no-reply may later be replaced by a real answer."""
    kind = check_choice(kind, ANSWER_KINDS, "answer")
    if ask.status == "draft":
        raise TransitionError("answer_draft", id=ask.id)
    if ask.status == "answered" and ask.answer is not None and ask.answer.kind != "no-reply":
        raise TransitionError("already_answered", id=ask.id, kind=ask.answer.kind)
    if ask.status in ("thanked", "closed"):
        raise TransitionError("answer_final", id=ask.id, status=ask.status)
    if kind == "alternative" and not offered.strip() and not note.strip():
        raise DomainError("offer_missing")
    return replace(
        ask, status="answered", answer=Answer(kind=kind, note=note, offered=offered, at=now)
    )


def thank(ask: Ask, now: datetime) -> Ask:
    """Record that a thank-you was sent after an answer."""
    if ask.status == "thanked":
        raise TransitionError("already_thanked", id=ask.id)
    if ask.status != "answered" or ask.answer is None:
        raise TransitionError("thanks_before_answer", id=ask.id, status=ask.status)
    if ask.answer.kind == "no-reply":
        raise TransitionError("thanks_no_reply", id=ask.id)
    return replace(ask, status="thanked", thanked_at=now)


def _unanswered(ask: Ask) -> bool:
    no_reply = ask.answer is not None and ask.answer.kind == "no-reply"
    return ask.status == "sent" or (ask.status == "answered" and no_reply)


def waited(sent_at: datetime, now: datetime, after: timedelta, tz: tzinfo = UTC) -> bool:
    """Return True once `after` has passed since `sent_at`, counted in whole days of `tz`.

    People count a wait in days: an ask sent (or recorded as sent "3 days ago") at any hour
    of Monday may get its 3-day follow-up from the start of Thursday, in their own zone. A
    delay that is not whole days counts exactly.
    """
    if after % timedelta(days=1):
        return now - sent_at >= after
    return (now.astimezone(tz).date() - sent_at.astimezone(tz).date()).days >= after.days


def may_follow_up(
    ask: Ask, now: datetime, after: timedelta = FOLLOWUP_AFTER, tz: tzinfo = UTC
) -> bool:
    """Return True when an ask waited `after` (whole days in `tz`) without a reply, once.

    Recording "no reply" does not shorten the wait: the follow-up delay counts from sending.
    """
    if ask.followed_up_at is not None or ask.sent_at is None:
        return False
    return _unanswered(ask) and waited(ask.sent_at, now, after, tz)


def follow_up(ask: Ask, now: datetime, after: timedelta = FOLLOWUP_AFTER, tz: tzinfo = UTC) -> Ask:
    """Record the one gentle follow-up an unanswered ask may get."""
    if ask.followed_up_at is not None:
        on = f"{ask.followed_up_at:%Y-%m-%d}"
        raise TransitionError("already_followed_up", id=ask.id, on=on)
    if ask.status not in ("sent", "answered") or (
        ask.status == "answered" and (ask.answer is None or ask.answer.kind != "no-reply")
    ):
        raise TransitionError("follow_up_answered", id=ask.id, status=ask.status)
    if _unanswered(ask) and ask.sent_at is not None and not waited(ask.sent_at, now, after, tz):
        raise TransitionError("follow_up_soon", id=ask.id, days=after.days)
    return replace(ask, followed_up_at=now)


def needs_thanks(ask: Ask) -> bool:
    """Return True for an answered ask (any real answer) not yet thanked."""
    return ask.status == "answered" and ask.answer is not None and ask.answer.kind != "no-reply"


def close(ask: Ask, now: datetime) -> Ask:
    """Close an ask (after thanks, or to stop waiting on it)."""
    if ask.status == "closed":
        raise TransitionError("already_closed", id=ask.id)
    if ask.status == "draft":
        raise TransitionError("close_draft", id=ask.id)
    return replace(ask, status="closed", closed_at=now)
