"""Habits: thank-you and follow-up completion, and streaks of weeks with at least one ask."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from askwell.core.insights._common import (
    Prepared,
    Week,
    aware,
    iso_week,
    prepare,
    ratio,
    shift_week,
)
from askwell.core.lifecycle import FOLLOWUP_AFTER
from askwell.core.model import Ask, History


@dataclass
class Habits:
    """Thank-you and follow-up completion, and weekly asking streaks."""

    answered: int = 0
    thanked: int = 0
    thanks_share: float | None = None
    no_reply: int = 0
    followed_up: int = 0
    follow_up_share: float | None = None
    weeks_with_asks: int = 0
    current_streak: int = 0
    longest_streak: int = 0


def _waiting_reply(ask: Ask, now: datetime) -> bool:
    if ask.answer is not None:
        return ask.answer.kind == "no-reply"
    return (
        ask.status == "sent"
        and ask.sent_at is not None
        and aware(now) - aware(ask.sent_at) >= FOLLOWUP_AFTER
    )


def streaks(weeks: set[Week], this_week: Week) -> tuple[int, int]:
    """Return (current, longest) runs of consecutive weeks; this week may still be empty."""
    current = 0
    week = this_week if this_week in weeks else shift_week(this_week, -1)
    while week in weeks:
        current += 1
        week = shift_week(week, -1)
    longest = 0
    for week in weeks:
        if shift_week(week, -1) in weeks:
            continue
        run = 0
        while week in weeks:
            run += 1
            week = shift_week(week, 1)
        longest = max(longest, run)
    return current, longest


def compute(history: History, now: datetime, tz: tzinfo, prep: Prepared | None = None) -> Habits:
    """Compute thank-you and follow-up completion and asking streaks."""
    prep = prep or prepare(history, tz)
    thanked_ids = {t.ask_id for t in history.thanks}
    out = Habits()
    weeks: set[Week] = set(prep.weeks)
    for ask in prep.sent:
        if ask.answer is not None and ask.answer.kind != "no-reply":
            out.answered += 1
            out.thanked += (
                ask.thanked_at is not None or ask.status == "thanked" or ask.id in thanked_ids
            )
        elif _waiting_reply(ask, now):
            out.no_reply += 1
            out.followed_up += ask.followed_up_at is not None
    out.thanks_share = ratio(out.thanked, out.answered)
    out.follow_up_share = ratio(out.followed_up, out.no_reply)
    out.weeks_with_asks = len(weeks)
    out.current_streak, out.longest_streak = streaks(weeks, iso_week(now, tz))
    return out
