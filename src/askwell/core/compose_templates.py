"""Ready frames for common situations (SPEC section 9), written by us; [brackets] mark blanks."""

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
    """A ready frame: default parts for a request, or a reply draft."""

    id: str
    title: str
    description: str
    kind: Literal["request", "reply"] = "request"
    defaults: dict[str, str] = field(default_factory=dict)

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
            "name": "[manager]",
            "situation": "I've taken on [the new project] on top of [my usual work].",
            "challenge": "I'm at capacity and I can't do all of it well by the current dates.",
            "ask": "help me choose which of [these three pieces of work] to pause or hand over",
            "time": "20 minutes in our next one-to-one",
            "why": "you know the team's priorities best",
            "easy_out": "If this week is too full, next week works for me too.",
            "thanks": "Thank you for helping me keep the important work on track.",
        },
    ),
    Template(
        "feedback",
        "Ask for feedback",
        "Ask for a focused review of one piece of work.",
        defaults={
            "name": "[name]",
            "situation": "I'm finishing [the draft of my report] for [the client].",
            "challenge": "I'm not sure the [summary section] makes the case clearly.",
            "ask": "give me feedback on [the first two pages]",
            "time": "15 minutes",
            "deadline": "by [Friday]",
            "why": "you've written [reports like this] before",
            "easy_out": "No worries at all if you can't this week.",
            "thanks": "Thank you, I'd really value your eye on it.",
        },
    ),
    Template(
        "mentor-advice",
        "Ask a mentor for career advice",
        "Ask for advice on one career question, with a short call or coffee.",
        defaults={
            "name": "[mentor]",
            "situation": "I've been offered [a team lead role] and I have [two weeks] to decide.",
            "challenge": "I'm unsure whether it fits what I want to be doing in [three years].",
            "ask": "share your advice on [how you made a similar move]",
            "time": "30 minutes over coffee",
            "deadline": "in the next [two weeks]",
            "why": "you've made [that move] yourself",
            "easy_out": "Totally fine if now isn't a good time.",
            "thanks": "Thank you for considering it.",
        },
    ),
    Template(
        "emotional-support",
        "Ask a friend for emotional support",
        "Ask someone close to listen, with a clear and easy way to say not now.",
        defaults={
            "name": "[friend]",
            "situation": "I've been having a hard time with [the move] lately.",
            "challenge": "I'd mostly like someone to listen, not to fix anything.",
            "ask": "have a walk or a call with me [this weekend]",
            "time": "an hour",
            "why": "you're such a good listener",
            "easy_out": "No pressure at all if you're stretched too.",
            "thanks": "Thank you for being there.",
        },
    ),
    Template(
        "short-call",
        "Ask for a short call",
        "The light pre-ask: a few minutes to talk something through.",
        defaults={
            "name": "[name]",
            "situation": "I'm working on [the API design for the export feature].",
            "challenge": "I'm stuck on [how to version it].",
            "ask": "have a short call about [the versioning options]",
            "time": "15 minutes",
            "deadline": "[this week]",
            "why": "you designed [the import API]",
            "easy_out": "No worries if you're too busy.",
            "thanks": "Thanks so much!",
        },
    ),
    Template(
        "handover",
        "Ask a colleague to take a task",
        "Hand over one bounded task with what it needs and when.",
        defaults={
            "name": "[colleague]",
            "situation": "I'm out from [Monday to Wednesday] for [a family matter].",
            "challenge": "[The weekly status report] is due while I'm away.",
            "ask": "take over [the weekly status report] for [one week]",
            "time": "about an hour, with my notes",
            "why": "you know [the project] well",
            "easy_out": "Totally fine if not; I can ask [someone else].",
            "thanks": "Thank you, I'll happily return the favour.",
        },
    ),
    Template(
        "reply-to-no",
        "Reply to a no",
        "Accept a no gracefully and keep the relationship warm.",
        kind="reply",
        defaults={"name": "[name]", "need": "[the review]", "note": ""},
    ),
    Template(
        "thank-you",
        "Thank-you note",
        "Thank them after any answer, saying what their help changed.",
        kind="reply",
        defaults={"name": "[name]", "need": "[your help with the review]", "note": ""},
    ),
    Template(
        "follow-up",
        "One gentle follow-up",
        "A single, light reminder when there has been no reply.",
        kind="reply",
        defaults={"name": "[name]", "need": "[the review]", "note": ""},
    ),
)
TEMPLATES: dict[str, Template] = {t.id: t for t in _LIST}
