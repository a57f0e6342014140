"""The coach's engine: check(text) -> Report with a score, explained findings and estimates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from askwell.core.coach import crisis, lexicon, politeness, strength
from askwell.core.coach.politeness import Strategy
from askwell.core.coach.registry import RULES, Finding
from askwell.core.coach.rules import ask as _rules  # noqa: F401  (registers the built-in rules)
from askwell.core.coach.text import Doc, Span
from askwell.core.coach.weights import word_totals
from askwell.core.model import CHANNELS, DomainError, check_choice

MAX_CHARS = 200_000
BASE_SCORE = 55
PENALTY = {"high": 25, "medium": 15, "low": 8}
CREDIT = 7
POLITENESS_WEIGHT = 16


class TextTooLong(DomainError):
    """The text is longer than the coach accepts (MAX_CHARS)."""


@dataclass(frozen=True)
class Report:
    """What the coach found in one text."""

    score: int | None
    findings: tuple[Finding, ...] = ()
    parts: dict[str, list[Span]] = field(default_factory=dict)
    politeness: float | None = None
    strategies: tuple[Strategy, ...] = ()
    strength: float | None = None
    strength_cues: tuple[dict[str, Any], ...] = ()
    crisis: bool = False
    crisis_message: str | None = None

    @property
    def problems(self) -> list[Finding]:
        """The findings that are problems."""
        return [f for f in self.findings if f.kind == "problem"]

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {
            "score": self.score,
            "findings": [f.to_dict() for f in self.findings],
            "parts": {name: [list(s) for s in found] for name, found in self.parts.items()},
            "politeness": self.politeness,
            "strategies": [s.to_dict() for s in self.strategies],
            "strength": self.strength,
            "strength_cues": [dict(c) for c in self.strength_cues],
            "crisis": self.crisis,
            "crisis_message": self.crisis_message,
        }


def score(findings: list[Finding], polite: float) -> int:
    """Return 0-100 from problems (minus), strengths (plus) and the politeness estimate."""
    total = BASE_SCORE + POLITENESS_WEIGHT * (polite - 0.5)
    for f in findings:
        if f.kind == "problem":
            total -= PENALTY.get(f.severity, 0)
        elif f.kind == "strength":
            total += CREDIT
    return max(0, min(100, round(total)))


def check(text: str, *, channel: str | None = None) -> Report:
    """Check a help request and explain what works and what could be better."""
    if not isinstance(text, str):
        raise DomainError("the text to check must be a string")
    if len(text) > MAX_CHARS:
        raise TextTooLong(
            f"the text is too long to check ({len(text)} characters; the limit is {MAX_CHARS})"
        )
    if channel is not None:
        channel = check_choice(channel, CHANNELS, "channel")
    if crisis.is_crisis(text):
        return Report(score=None, crisis=True, crisis_message=crisis.CRISIS_MESSAGE)
    doc = Doc(text, channel)
    findings = [f for rule in RULES.values() for f in rule.run(doc)]
    strategies = politeness.find_strategies(text)
    words = lexicon.words(text)  # shared and read-only: strength.tokens(text) without the copy
    polite_words, strong_words = word_totals("politeness", "strength", words)
    polite = politeness.estimate(text, strategies, words=words, word_total=polite_words)
    strong, cues = strength.estimate(text, words=words, word_total=strong_words)
    return Report(
        score=score(findings, polite),
        findings=tuple(findings),
        parts={name: found for name, found in doc.parts.items() if found},
        politeness=round(polite, 4),
        strategies=tuple(strategies),
        strength=round(strong, 4),
        strength_cues=tuple(cues),
    )
