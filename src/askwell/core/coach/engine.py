"""The coach's engine: check(text) -> Report with a score, explained findings and estimates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from askwell.core.coach import crisis, crisis_model, lexicon, politeness, strength
from askwell.core.coach import findings as findings_model
from askwell.core.coach.parts import agree_with_findings
from askwell.core.coach.politeness import Strategy
from askwell.core.coach.registry import RULES, Finding
from askwell.core.coach.rules import ask as _rules  # noqa: F401  (registers the built-in rules)
from askwell.core.coach.rules import rewrites
from askwell.core.coach.text import Doc, Span
from askwell.core.coach.weights import word_totals
from askwell.core.model import CHANNELS, DomainError, check_choice

MAX_CHARS = 200_000
HIGH_CAP = 60  # no request with a high-severity problem scores above this
PLACEHOLDER_CAP = 50  # nor a draft with a blank left in it


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


def score(findings: list[Finding], quality: float | None) -> int:
    """Return 0-100 from the predicted overall quality (1-5), capped by serious problems."""
    total = 55.0 if quality is None else (quality - 1.0) / 4.0 * 100.0
    for f in findings:
        if f.kind != "problem":
            continue
        if f.rule == "placeholder":
            total = min(total, PLACEHOLDER_CAP)
        elif f.severity == "high":
            total = min(total, HIGH_CAP)
    return max(0, min(100, round(total)))


def check(text: str, *, channel: str | None = None, country: str | None = None) -> Report:
    """Check a help request and explain what works and what could be better."""
    if not isinstance(text, str):
        raise DomainError("the text to check must be a string")
    if len(text) > MAX_CHARS:
        raise TextTooLong(
            f"the text is too long to check ({len(text)} characters; the limit is {MAX_CHARS})"
        )
    if channel is not None:
        channel = check_choice(channel, CHANNELS, "channel")
    doc = Doc(text, channel)
    model = findings_model.default_model()
    if not text.strip():
        found = [f for rule in RULES.values() for f in rule.run(doc)]
        empty = Finding(
            "vague-ask",
            "problem",
            "high",
            (),
            RULES["vague-ask"].message,
            RULES["vague-ask"].suggestion,
            confidence=1.0,
        )
        return Report(score=0, findings=(empty, *found))
    alarm = crisis_model.default_model()
    danger = crisis.assess(text, alarm.probability(text), alarm.threshold)
    if danger.found:
        return Report(score=None, crisis=True, crisis_message=crisis.message(country))
    found = rewrites.offer(doc, [f for rule in RULES.values() for f in rule.run(doc)])
    strategies = politeness.find_strategies(text)
    words = lexicon.words(text)  # shared and read-only: strength.tokens(text) without the copy
    polite_words, strong_words = word_totals("politeness", "strength", words)
    polite = politeness.estimate(text, strategies, words=words, word_total=polite_words)
    strong, cues = strength.estimate(text, words=words, word_total=strong_words)
    probs = {n: r.probability for n, r in doc.learned.items()}
    return Report(
        score=score(found, model.quality_score(probs) if text.strip() else 1.0),
        findings=tuple(found),
        parts={
            name: spans for name, spans in agree_with_findings(doc.parts, found).items() if spans
        },
        politeness=round(polite, 4),
        strategies=tuple(strategies),
        strength=round(strong, 4),
        strength_cues=tuple(cues),
    )
