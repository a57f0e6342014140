"""Plain sentences: at most one per insight, with its number, once there is enough data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from askwell.core.barriers import LABELS, MIN_EACH_SIDE
from askwell.core.insights import Insights
from askwell.core.insights._common import pct

NOT_ENOUGH: Final = "Not enough data yet"

# A short name for each insight, for lists of what is still gathering data.
TITLES: Final = {
    "asks_per_week": "asks per week",
    "avoidance": "needs not asked yet",
    "wait": "how long needs wait",
    "urgency": "asking early or in a crisis",
    "calibration": "your yes-guesses versus real answers",
    "barriers": "which barriers come up",
    "barrier_topic": "barriers by topic",
    "barrier_trend": "how barriers change",
    "spread": "who you lean on",
    "reciprocity": "give and take",
    "thanks": "thank-yous",
    "follow_up": "follow-ups",
    "streak": "weekly streak",
}

# Each insight's minimum count, and what is counted (documented in docs/insights.md).
MINIMUMS: Final = {
    "asks_per_week": (2, "weeks of history"),
    "avoidance": (5, "needs at least a week old or already asked"),
    "wait": (3, "needs with a first ask"),
    "urgency": (5, "sent asks"),
    "calibration": (5, "first asks with a prediction and an answer"),
    "barriers": (5, "needs"),
    "barrier_topic": (3, "needs on one topic"),
    "barrier_trend": (MIN_EACH_SIDE, "needs in each of the recent and earlier windows"),
    "spread": (5, "sent asks"),
    "reciprocity": (2, "people who helped you"),
    "thanks": (3, "answered asks"),
    "follow_up": (2, "asks with no reply"),
    "streak": (2, "weeks of history"),
}


# How to gather what each insight still needs, said as a next step.
HOW: Final = {
    "asks_per_week": "Keep recording the asks you make; it fills in week by week.",
    "avoidance": "Write down needs as they come up, even ones you are not ready to ask about.",
    "wait": "Ask someone about a need you have written down.",
    "urgency": "Record the asks you send, with how urgent the need felt.",
    "calibration": "Before a first ask, guess the chance of a yes; then record the answer.",
    "barriers": "When you write down a need, note what holds you back (the pause step).",
    "barrier_topic": "Give your needs topics, so needs on the same topic can be compared.",
    "barrier_trend": "Keep noting barriers; this compares recent needs with earlier ones.",
    "spread": "Record the asks you send, to whomever you ask.",
    "reciprocity": "Record help you give, and answers from the people who help you.",
    "thanks": "Record the answers you get to your asks.",
    "follow_up": "Record when an ask gets no reply.",
    "streak": "Keep recording the asks you make; it fills in week by week.",
}


@dataclass
class Sentence:
    """One insight in words; when `enough` is False the text names the insight, what it still
    needs ("3 more answered asks") and how to get there."""

    key: str
    text: str
    enough: bool
    title: str = ""
    have: int = 0
    need: int = 0
    how: str = ""

    @property
    def missing(self) -> int:
        """Return how many more of what it counts this insight needs."""
        return max(0, self.need - self.have)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _p(share: float | None) -> str:
    return f"{pct(share)} %"


def _asks_per_week(ins: Insights) -> tuple[int, str]:
    a = ins.activity
    rate = a.asks_per_week or 0.0
    text = f"Over {len(a.weeks)} weeks you made {a.total_asks} asks, about {rate:.1f} a week."
    return len(a.weeks), text


def _avoidance(ins: Insights) -> tuple[int, str]:
    a = ins.activity
    if not a.never_asked:
        return a.settled_needs, f"You asked someone about all {a.settled_needs} of your needs."
    return a.settled_needs, (
        f"{a.never_asked} of your {a.settled_needs} needs ({_p(a.never_asked_share)}) are still "
        "waiting for a first ask; one small ask could get one moving."
    )


def _wait(ins: Insights) -> tuple[int, str]:
    days = ins.activity.median_wait_days or 0.0
    if days < 1:
        return ins.activity.waits, "You usually ask within a day of writing a need down."
    return ins.activity.waits, f"A need usually waits {days:.1f} days before your first ask."


def _urgency(ins: Insights) -> tuple[int, str]:
    u = ins.urgency
    return u.asks, f"{_p(u.early_share)} of your asks went out early, before things became urgent."


def _calibration(ins: Insights) -> tuple[int, str]:
    c = ins.calibration
    return c.n, f"You expected {_p(c.mean_expected)} of people to say yes; {_p(c.actual_rate)} did."


def _barriers(ins: Insights) -> tuple[int, str]:
    b = ins.barriers
    top = b.stats[0] if b.stats else None
    if top is None or not top.needs:
        return b.needs, f"None of the five barriers came up in your {b.needs} needs."
    return b.needs, (
        f"{LABELS[top.barrier].capitalize()} came up most often: in {top.needs} of your "
        f"{b.needs} needs."
    )


def _barrier_topic(ins: Insights) -> tuple[int, str]:
    lines = [s for s in ins.barriers.stats if s.recent_topic is not None]
    if not lines:
        return 0, ""
    best = max(
        lines, key=lambda s: (s.recent_topic.count, s.recent_topic.of) if s.recent_topic else (0, 0)
    )
    line = best.recent_topic
    assert line is not None
    return line.of, (
        f"{LABELS[best.barrier].capitalize()} came up in {line.count} of your last {line.of} "
        f"needs about {line.topic}."
    )


def _barrier_trend(ins: Insights) -> tuple[int, str]:
    moving = [s for s in ins.barriers.stats if s.trend is not None and s.trend.direction]
    if not moving:
        return 0, ""
    best = max(
        moving,
        key=lambda s: (
            abs((s.trend.recent_share or 0) - (s.trend.earlier_share or 0)) if s.trend else 0
        ),
    )
    t = best.trend
    assert t is not None
    label = LABELS[best.barrier].capitalize()
    tail = {
        "rising": f"up from {_p(t.earlier_share)} before",
        "falling": f"down from {_p(t.earlier_share)} before",
        "steady": f"about the same as before ({_p(t.earlier_share)})",
    }[t.direction or "steady"]
    return min(
        t.recent_of, t.earlier_of
    ), f"{label}: {t.recent} of your last {t.recent_of} needs, {tail}."


def _spread(ins: Insights) -> tuple[int, str]:
    s = ins.spread
    return s.asks, (
        f"{s.top_person} received {_p(s.top_share)} of your asks, which went to "
        f"{s.people_asked} people in all."
    )


def _reciprocity(ins: Insights) -> tuple[int, str]:
    helpers = [p for p in ins.spread.people if p.received]
    returned = sum(1 for p in helpers if p.given)
    return len(helpers), f"You have helped {returned} of the {len(helpers)} people who helped you."


def _thanks(ins: Insights) -> tuple[int, str]:
    h = ins.habits
    return h.answered, (
        f"You thanked people after {h.thanked} of {h.answered} answers ({_p(h.thanks_share)})."
    )


def _follow_up(ins: Insights) -> tuple[int, str]:
    h = ins.habits
    return h.no_reply, f"You followed up on {h.followed_up} of {h.no_reply} asks that got no reply."


def _streak(ins: Insights) -> tuple[int, str]:
    h = ins.habits
    if h.current_streak:
        text = (
            f"You have asked for something {_plural(h.current_streak, 'week')} in a row; "
            f"your longest run is {h.longest_streak}."
        )
    else:
        text = (
            f"Your longest run of weeks with an ask is {h.longest_streak}; "
            "one small ask this week starts a new one."
        )
    return len(ins.activity.weeks), text


BUILDERS: Final[dict[str, Callable[[Insights], tuple[int, str]]]] = {
    "asks_per_week": _asks_per_week,
    "avoidance": _avoidance,
    "wait": _wait,
    "urgency": _urgency,
    "calibration": _calibration,
    "barriers": _barriers,
    "barrier_topic": _barrier_topic,
    "barrier_trend": _barrier_trend,
    "spread": _spread,
    "reciprocity": _reciprocity,
    "thanks": _thanks,
    "follow_up": _follow_up,
    "streak": _streak,
}


def not_enough(key: str, have: int = 0) -> str:
    """Return the line for an insight still gathering data: its name, what it needs, how."""
    minimum, what = MINIMUMS[key]
    more = max(1, minimum - have)
    title = TITLES[key][:1].upper() + TITLES[key][1:]
    counted = _one(what) if more == 1 else what
    return f"{title}: {NOT_ENOUGH.lower()}; {more} more {counted} needed. {HOW[key]}"


def _one(what: str) -> str:
    """Return the singular of a counted phrase: "sent asks" -> "sent ask"."""
    words = what.split()
    for i, word in enumerate(words[:2]):
        if word == "people":
            words[i] = "person"
            break
        if word.endswith("s") and len(word) > 3:
            words[i] = word[:-1]
            break
    return " ".join(words)


def sentences(ins: Insights) -> list[Sentence]:
    """Return one plain sentence per insight, or a line on what it still needs and how."""
    out = []
    for key, build in BUILDERS.items():
        count, text = build(ins)
        minimum = MINIMUMS[key][0]
        enough = count >= minimum and bool(text)
        have = min(count, minimum - 1) if not enough else count
        line = text if enough else not_enough(key, have)
        out.append(Sentence(key, line, enough, TITLES[key], have, minimum, HOW[key]))
    return out
