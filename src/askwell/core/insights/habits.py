"""Habits: thank-you and follow-up completion, and streaks of weeks with at least one ask."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from askwell.core.insights._common import Prepared, Week, aware, iso_week, ratio, shift_week
from askwell.core.insights._table import utc_naive
from askwell.core.lifecycle import FOLLOWUP_AFTER


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


def compute(prep: Prepared, now: datetime, tz: tzinfo) -> Habits:
    """Compute thank-you and follow-up completion and asking streaks."""
    sent = prep.sent
    thanked_ids = set(prep.data.thanks.ref)
    due = utc_naive(aware(now)) - FOLLOWUP_AFTER  # a sent ask before this waits for a reply
    out = Habits()
    for kind, status, at, ask_id, thanked, followed in zip(
        sent.kind, sent.status, sent.sent, sent.id, sent.thanked, sent.followed, strict=True
    ):
        if kind is not None and kind != "no-reply":
            out.answered += 1
            out.thanked += thanked or status == "thanked" or ask_id in thanked_ids
        elif kind == "no-reply" or (
            kind is None and status == "sent" and at is not None and at <= due
        ):
            out.no_reply += 1
            out.followed_up += followed
    out.thanks_share = ratio(out.thanked, out.answered)
    out.follow_up_share = ratio(out.followed_up, out.no_reply)
    weeks = set(prep.weeks)
    out.weeks_with_asks = len(weeks)
    out.current_streak, out.longest_streak = streaks(weeks, iso_week(now, tz))
    return out
