"""The ask lifecycle: draft -> sent -> answered -> thanked -> closed, with one follow-up."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from askwell.core.model import ANSWER_KINDS, Answer, Ask, DomainError, check_choice

FOLLOWUP_AFTER = timedelta(days=3)


class TransitionError(DomainError):
    """An ask cannot move that way from the state it is in."""


def send(ask: Ask, now: datetime) -> Ask:
    """Mark a draft as sent."""
    if ask.status != "draft":
        raise TransitionError(f"ask {ask.id} was already sent (it is {ask.status})")
    return replace(ask, status="sent", sent_at=now)


def answer(ask: Ask, kind: str, now: datetime, *, note: str = "", offered: str = "") -> Ask:
    """Record an answer; a no-reply may later be replaced by a real answer."""
    kind = check_choice(kind, ANSWER_KINDS, "answer")
    if ask.status == "draft":
        raise TransitionError(f"ask {ask.id} is still a draft; send it before recording an answer")
    if ask.status == "answered" and ask.answer is not None and ask.answer.kind != "no-reply":
        raise TransitionError(f"ask {ask.id} already has the answer {ask.answer.kind!r}")
    if ask.status in ("thanked", "closed"):
        raise TransitionError(f"ask {ask.id} is already {ask.status}; its answer is recorded")
    if kind == "alternative" and not offered.strip() and not note.strip():
        raise DomainError("say what was offered instead (use --offered or --note)")
    return replace(
        ask, status="answered", answer=Answer(kind=kind, note=note, offered=offered, at=now)
    )


def thank(ask: Ask, now: datetime) -> Ask:
    """Record that a thank-you was sent after an answer."""
    if ask.status == "thanked":
        raise TransitionError(f"ask {ask.id} was already thanked")
    if ask.status != "answered" or ask.answer is None:
        raise TransitionError(
            f"ask {ask.id} is {ask.status}; a thank-you follows an answer (record one first)"
        )
    if ask.answer.kind == "no-reply":
        raise TransitionError(
            f"ask {ask.id} has no reply yet; send a gentle follow-up instead of a thank-you"
        )
    return replace(ask, status="thanked", thanked_at=now)


def may_follow_up(ask: Ask, now: datetime) -> bool:
    """Return True when an ask waited long enough without a reply and had no follow-up yet."""
    if ask.followed_up_at is not None or ask.sent_at is None:
        return False
    if ask.status == "answered" and ask.answer is not None and ask.answer.kind == "no-reply":
        return True
    return ask.status == "sent" and now - ask.sent_at >= FOLLOWUP_AFTER


def follow_up(ask: Ask, now: datetime) -> Ask:
    """Record the one gentle follow-up an unanswered ask may get."""
    if ask.followed_up_at is not None:
        raise TransitionError(
            f"ask {ask.id} already had its follow-up on {ask.followed_up_at:%Y-%m-%d}; "
            "one is enough, so let it rest"
        )
    if ask.status not in ("sent", "answered") or (
        ask.status == "answered" and (ask.answer is None or ask.answer.kind != "no-reply")
    ):
        raise TransitionError(
            f"ask {ask.id} is {ask.status}; only an unanswered ask gets a follow-up"
        )
    if ask.status == "sent" and ask.sent_at is not None and now - ask.sent_at < FOLLOWUP_AFTER:
        days = FOLLOWUP_AFTER.days
        raise TransitionError(
            f"ask {ask.id} was sent less than {days} days ago; give it a little more time"
        )
    return replace(ask, followed_up_at=now)


def needs_thanks(ask: Ask) -> bool:
    """Return True for an answered ask (any real answer) not yet thanked."""
    return ask.status == "answered" and ask.answer is not None and ask.answer.kind != "no-reply"


def close(ask: Ask, now: datetime) -> Ask:
    """Close an ask (after thanks, or to stop waiting on it)."""
    if ask.status == "closed":
        raise TransitionError(f"ask {ask.id} is already closed")
    if ask.status == "draft":
        raise TransitionError(f"ask {ask.id} is a draft; delete it or send it instead")
    return replace(ask, status="closed", closed_at=now)
