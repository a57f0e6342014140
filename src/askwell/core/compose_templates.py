"""Ready frames for common situations (SPEC section 9), written by us: every default is a whole,
sendable phrase (no blanks to fill), and a need's own parts take the place of the defaults."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

REQUEST_FIELDS = (
    "name",
    "situation",
    "challenge",
    "ask",
    "time",
    "deadline",
    "why",
    "easy_out",
    "thanks",
)
REPLY_FIELDS = ("name", "need", "note")


@dataclass(frozen=True)
class Template:
    """A ready frame: default parts for a request (and how it asks about a thing), or a reply."""

    id: str
    title: str
    description: str
    kind: Literal["request", "reply"] = "request"
    defaults: dict[str, str] = field(default_factory=dict)
    frame: str = ""
    """How the ask reads when the need names a thing rather than an action ("help me with {}")."""
    support: str = ""
    """The kind of support the frame is for; "" for any (a need of another kind keeps its own)."""

    @property
    def fields(self) -> tuple[str, ...]:
        """The parts a user can fill in."""
        return REQUEST_FIELDS if self.kind == "request" else REPLY_FIELDS


_LIST = (
    Template(
        "workload",
        "Reprioritise workload with your manager",
        "You're at capacity and need help choosing what to pause, move or hand over.",
        defaults={
            "situation": "I've taken on more work than I can do well by the current dates.",
            "challenge": "I'd like to keep the most important work on track.",
            "ask": "help me choose which of my current projects to pause or hand over",
            "easy_out": "If this week is too full, next week works for me too.",
            "thanks": "Thank you for helping me keep the important work on track.",
        },
        support="task",
    ),
    Template(
        "feedback",
        "Ask for feedback",
        "Ask for a focused review of one piece of work.",
        defaults={
            "situation": "I'm finishing a piece of work and I'd like a second pair of eyes on it.",
            "challenge": "I'm not sure the main point comes across clearly.",
            "ask": "give me feedback on the first two pages",
            "easy_out": "No worries at all if you can't this week.",
            "thanks": "Thank you, I'd really value your eye on it.",
        },
        frame="give me feedback on {}",
        support="feedback",
    ),
    Template(
        "mentor-advice",
        "Ask a mentor for career advice",
        "Ask for advice on one career question, with a short call or coffee.",
        defaults={
            "situation": "I'm weighing up a career decision and I'd like to get it right.",
            "ask": "tell me how you weighed up a similar decision yourself",
            "easy_out": "Totally fine if now isn't a good time.",
            "thanks": "Thank you for considering it.",
        },
        frame="give me a steer on {}",
        support="advice",
    ),
    Template(
        "emotional-support",
        "Ask a friend for emotional support",
        "Ask someone close to listen, with a clear and easy way to say not now.",
        defaults={
            "situation": "I've had a hard time lately and it's been on my mind a lot.",
            "challenge": "I'd mostly like someone to listen, not to fix anything.",
            "ask": "have a walk or a call with me this weekend",
            "easy_out": "It's completely fine if you don't have the energy right now.",
            "thanks": "Thank you for being there.",
        },
        frame="talk with me about {}",
        support="emotional",
    ),
    Template(
        "short-call",
        "Ask for a short call",
        "The light pre-ask: a few minutes to talk something through.",
        defaults={
            "situation": "I'm working through a problem and I'm stuck on one part.",
            "ask": "have a short call with me about it",
            "time": "15 minutes",
            "easy_out": "No worries if you're too busy.",
            "thanks": "Thanks so much!",
        },
        frame="have a short call with me about {}",
    ),
    Template(
        "handover",
        "Ask a colleague to take a task",
        "Hand over one bounded task with what it needs and when.",
        defaults={
            "situation": "There's a task I need to hand over for a while.",
            "ask": "take over my weekly status report for one week",
            "easy_out": "Totally fine if not; I can ask someone else.",
            "thanks": "Thank you, I'll happily return the favour.",
        },
        frame="take over {} for me",
        support="task",
    ),
    Template(
        "reply-to-no",
        "Reply to a no",
        "Accept a no gracefully and keep the relationship warm.",
        kind="reply",
    ),
    Template(
        "thank-you",
        "Thank-you note",
        "Thank them after any answer, saying what their help changed.",
        kind="reply",
    ),
    Template(
        "follow-up",
        "One gentle follow-up",
        "A single, light reminder when there has been no reply.",
        kind="reply",
    ),
)
TEMPLATES: dict[str, Template] = {t.id: t for t in _LIST}

# A line of context for a need that gives none, by kind of support: the first names the thing
# the need is about (the ask then says "it"), "" to always use the second. Each only restates
# the need.
LEAD_INS: dict[str, tuple[str, str]] = {
    "advice": ("I'm looking into {} at the moment.", "I have a question I'd value your view on."),
    "emotional": ("", "Things have been weighing on me lately."),
    "task": ("", "There's something on my list I can't finish alone."),
    "feedback": ("", "I've been working on something and I'd value a second pair of eyes."),
    "information": (
        "I'm looking into {} at the moment.",
        "I'm getting to grips with something new.",
    ),
    "introduction": ("", "I'm hoping to widen my circle, and I think you could help."),
    "resources": ("", "I'm looking for something practical."),
}
