"""Apply the coach's rewrites: every checked replacement at once, or one chosen finding's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from askwell.core.coach.engine import Report, check
from askwell.core.coach.registry import Finding
from askwell.core.coach.rules import rewrites
from askwell.core.model import DomainError


@dataclass(frozen=True)
class Fixed:
    """A text with the coach's rewrites applied, and the reports before and after."""

    text: str
    applied: tuple[Finding, ...]
    before: Report
    after: Report

    def to_dict(self, original: str) -> dict[str, Any]:
        """Return JSON-ready data: the fixed text and each replacement on the original text."""
        return {
            "text": self.text,
            "replacements": [
                {
                    "rule": f.rule,
                    "span": list(f.spans[0]),
                    "before": original[f.spans[0][0] : f.spans[0][1]],
                    "after": f.replacement,
                }
                for f in self.applied
            ],
            "score_before": self.before.score,
            "score_after": self.after.score,
            "problems_after": [f.rule for f in self.after.problems],
        }


def fixable(report: Report) -> list[Finding]:
    """Return the problem findings that carry a replacement, in text order."""
    return sorted(
        (f for f in report.problems if f.replacement is not None), key=lambda f: f.spans[0]
    )


def fix(text: str, *, channel: str | None = None, country: str | None = None) -> Fixed:
    """Apply every replacement the coach offers that brings no new problem (none in a crisis)."""
    before = check(text, channel=channel, country=country)
    if before.crisis:
        return Fixed(text, (), before, before)
    new, used = rewrites.apply_all(text, fixable(before), channel)
    after = check(new, channel=channel, country=country) if used else before
    return Fixed(new, tuple(used), before, after)


def apply_one(text: str, index: int, *, channel: str | None = None) -> str:
    """Return `text` with the replacement of its `index`-th fixable finding (see `fixable`)."""
    offered = fixable(check(text, channel=channel))
    if not 0 <= index < len(offered):
        raise DomainError("that fix no longer matches the text; check it again")
    chosen = offered[index]
    return rewrites.apply(text, (chosen.spans[0], chosen.replacement or ""))
