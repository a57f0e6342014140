"""Rules as data plus a small function, registered explicitly under a stable public id."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from askwell.core.coach.cues import find as find_cue
from askwell.core.coach.text import Doc, Span

Kind = Literal["problem", "strength", "suggestion"]
SEVERITIES = ("high", "medium", "low", "info")


@dataclass(frozen=True)
class Hit:
    """One place a rule matched: its spans and an optional drop-in replacement."""

    spans: tuple[Span, ...]
    replacement: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class Finding:
    """One explained finding of the coach."""

    rule: str
    kind: Kind
    severity: str
    spans: tuple[Span, ...]
    message: str
    suggestion: str
    replacement: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "spans": [list(s) for s in self.spans],
            "message": self.message,
            "suggestion": self.suggestion,
            "replacement": self.replacement,
            "confidence": None if self.confidence is None else round(self.confidence, 3),
        }


@dataclass(frozen=True)
class Rule:
    """A coaching rule: a problem to flag or a strength to credit (with a tip when missing)."""

    id: str
    kind: Literal["problem", "strength"]
    severity: str
    doc: str
    message: str
    suggestion: str
    detect: Callable[[Doc], list[Hit]]
    must_flag: tuple[str, ...] = ()
    must_pass: tuple[str, ...] = ()
    missing: str | None = None
    suggest_when: Callable[[Doc], bool] = field(default=lambda doc: True)

    def run(self, doc: Doc) -> list[Finding]:
        """Apply the rule to an analysed text."""
        hits = self.detect(doc)
        if self.kind == "problem":
            return [
                Finding(
                    self.id,
                    "problem",
                    self.severity,
                    h.spans,
                    self.message,
                    self.suggestion,
                    h.replacement,
                    h.confidence,
                )
                for h in hits
            ]
        if hits:
            merged = tuple(sorted({s for h in hits for s in h.spans}))
            confidence = max((h.confidence for h in hits if h.confidence is not None), default=None)
            return [
                Finding(
                    self.id,
                    "strength",
                    "info",
                    merged,
                    self.message,
                    self.suggestion,
                    confidence=confidence,
                )
            ]
        if self.missing and self.suggest_when(doc):
            return [self._tip]
        return []

    @cached_property
    def _tip(self) -> Finding:
        """The suggestion finding (the same for every text, so built once)."""
        return Finding(self.id, "suggestion", "info", (), self.missing or "", self.suggestion)

    def flags(self, text: str) -> bool:
        """Return True when the rule matches `text` (a problem found or a strength credited)."""
        return bool(self.detect(Doc(text)))


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add a rule to the registry under its public id (ids are unique)."""
    if rule.id in RULES:
        raise ValueError(f"rule {rule.id!r} is already registered")
    if rule.severity not in SEVERITIES:
        raise ValueError(f"rule {rule.id!r} has unknown severity {rule.severity!r}")
    RULES[rule.id] = rule
    return rule


def hits(found: list[Span], replacement: str | None = None) -> list[Hit]:
    """Wrap each span as its own hit."""
    return [Hit((s,), replacement) for s in found]


def learned(
    label: str, cue: str | None = None, fixes: dict[str, str] | None = None
) -> Callable[[Doc], list[Hit]]:
    """Detect with the learned model's decision on `label` (LABELS.md), with its confidence.

    The span is the sentence the model found most telling; when a `cue` family (cues.py)
    matches inside that sentence, the span narrows to that phrase.
    """

    def detect(doc: Doc) -> list[Hit]:
        result = doc.learned[label]
        if not result.found or result.span is None:
            return []
        span = result.span
        if cue:
            inside = [s for s in find_cue(cue, doc.text) if span[0] <= s[0] and s[1] <= span[1]]
            if inside:
                if fixes:
                    return [
                        Hit((s,), fixes.get(doc.text[s[0] : s[1]].lower()), result.confidence)
                        for s in inside
                    ]
                return [Hit(tuple(inside), confidence=result.confidence)]
        return [Hit((span,), confidence=result.confidence)]

    detect.__name__ = f"learned_{label}"
    return detect


def one_hit(found: list[Span]) -> list[Hit]:
    """Wrap all spans as a single hit (or none when empty)."""
    return [Hit(tuple(found))] if found else []
