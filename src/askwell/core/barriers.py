"""The five barriers to asking: names, short reframes in our own words, and trend helpers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from askwell.core.model import BARRIERS, Need, check_choice

LABELS: Final = {
    "burden": "fear of being a burden",
    "incompetence": "fear of looking incompetent",
    "perfectionism": "perfectionism",
    "distrust": "doubt that others will help",
    "shame": "shame about the problem",
}

SHORT: Final = {
    "burden": "Burden",
    "incompetence": "Looking incompetent",
    "perfectionism": "Perfectionism",
    "distrust": "Doubt others will help",
    "shame": "Shame",
}

REFRAMES: Final = {
    "burden": (
        "Most people like being asked: helping feels good, and a small, clear ask with an easy "
        "way out is light to carry. You are giving them a chance to matter to you."
    ),
    "incompetence": (
        "Asking is how capable people stay capable. A specific question shows you have thought "
        "it through, and people tend to see askers as more competent, not less."
    ),
    "perfectionism": (
        "Nobody does everything alone, and nobody expects you to. Good enough with a little "
        "help usually beats perfect, late and lonely."
    ),
    "distrust": (
        "People say yes far more often than we guess. Let them give their own answer rather "
        "than answering for them in your head."
    ),
    "shame": (
        "Whatever this is, you are not the first to face it. Telling one trusted person often "
        "makes it lighter, and asking for help is a sign of care for yourself."
    ),
}

INTENSITY_WORDS: Final = ("not at all", "a little", "quite a bit", "a lot")

RECENT_WINDOW = 10
MIN_EACH_SIDE = 5
TREND_STEP = 0.15


@dataclass(frozen=True)
class Trend:
    """How often something came up in the most recent items versus the ones before."""

    recent: int
    recent_of: int
    earlier: int
    earlier_of: int
    direction: str | None

    @property
    def recent_share(self) -> float | None:
        """Return the share in the recent window (None when empty)."""
        return self.recent / self.recent_of if self.recent_of else None

    @property
    def earlier_share(self) -> float | None:
        """Return the share before the recent window (None when empty)."""
        return self.earlier / self.earlier_of if self.earlier_of else None


def trend(flags: list[bool], window: int = RECENT_WINDOW, min_each: int = MIN_EACH_SIDE) -> Trend:
    """Compare the last `window` flags (oldest first) with the ones before them."""
    recent, earlier = flags[-window:] if window else [], flags[:-window] if window else flags
    return trend_from_counts(sum(recent), len(recent), sum(earlier), len(earlier), min_each)


def trend_from_counts(
    recent: int, recent_of: int, earlier: int, earlier_of: int, min_each: int = MIN_EACH_SIDE
) -> Trend:
    """Name the direction from counts in the recent window and before it (None: too few)."""
    direction = None
    if recent_of >= min_each and earlier_of >= min_each:
        change = recent / recent_of - earlier / earlier_of
        direction = (
            "rising" if change >= TREND_STEP else "falling" if change <= -TREND_STEP else "steady"
        )
    return Trend(recent, recent_of, earlier, earlier_of, direction)


def felt(need: Need, barrier: str) -> bool:
    """Return True when the barrier came up for this need (intensity above 0)."""
    return need.barriers.get(barrier, 0) > 0


def reframe(barrier: str) -> str:
    """Return our short, warm reframe for a barrier."""
    return REFRAMES[check_choice(barrier, BARRIERS, "barrier")]


def check_in(levels: dict[str, int]) -> list[dict[str, object]]:
    """Turn a 0-3 check-in into lines to show: each barrier felt, its level in words and reframe."""
    out: list[dict[str, object]] = []
    for barrier in BARRIERS:
        level = max(0, min(3, int(levels.get(barrier, 0))))
        if level:
            out.append(
                {
                    "barrier": barrier,
                    "label": LABELS[barrier],
                    "level": level,
                    "level_words": INTENSITY_WORDS[level],
                    "reframe": REFRAMES[barrier],
                }
            )
    return out
