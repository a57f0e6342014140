"""Pause and assess: is a need specific enough to ask, and what kind of support is it?"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Words that hint at each support type (whole words; a trailing * marks a stem).
# The highest count wins; ties keep this order.
_TYPE_CUES: dict[str, tuple[str, ...]] = {
    "advice": (
        "advice",
        "should i",
        "decide",
        "decision",
        "career",
        "choose",
        "options",
        "guidance",
        "what would you do",
        "next step",
        "direction",
        "negotiat*",
    ),
    "emotional": (
        "overwhelm*",
        "stress",
        "anxious",
        "anxiety",
        "sad",
        "lonely",
        "grief",
        "vent",
        "listen",
        "support me",
        "feel",
        "feeling",
        "burn*",
        "upset",
        "breakup",
        "worried",
    ),
    "feedback": (
        "feedback",
        "review",
        "look over",
        "proofread",
        "read my",
        "critique",
        "draft",
        "slides",
        "cv",
        "resume",
        "portfolio",
        "pull request",
        "pr",
    ),
    "information": (
        "how do",
        "how to",
        "where can",
        "explain",
        "know-how",
        "learn",
        "understand",
        "information",
        "recommend",
        "what is",
        "which tool",
        "documentation",
    ),
    "introduction": (
        "introduc*",
        "connect me",
        "intro",
        "put me in touch",
        "referral",
        "refer me",
        "someone who",
        "contact at",
        "network",
    ),
    "resources": (
        "money",
        "loan",
        "borrow*",
        "lend",
        "equipment",
        "laptop",
        "car",
        "time off",
        "budget",
        "funding",
        "deposit",
        "rent",
        "day off",
        "leave",
    ),
    "task": (
        "move",
        "moving",
        "carry",
        "fix",
        "drive",
        "pick up",
        "take over",
        "cover",
        "hand over",
        "babysit",
        "help me with",
        "do the",
        "set up",
        "install",
        "build",
        "lift",
        "shift",
    ),
}
_VAGUE_RE = re.compile(
    r"^\s*(i\s+need\s+)?(some\s+)?(help|support|advice|assistance|a\s+hand)"
    r"(\s+(with|on|about)\s+(work|stuff|things|life|it|this|everything|something|my\s+job|school))?"
    r"\s*[.!?]*\s*$",
    re.IGNORECASE,
)
_GENERIC = {
    "help",
    "support",
    "stuff",
    "things",
    "work",
    "life",
    "something",
    "everything",
    "it",
    "this",
    "some",
    "with",
    "on",
    "about",
    "need",
    "i",
    "a",
    "the",
    "my",
    "me",
    "advice",
    "assistance",
    "hand",
    "problem",
    "issue",
    "question",
}
_SELF_SERVE: dict[str, str] = {
    "information": "Docs, a search or a course might answer part of this first; then ask about "
    "what is left.",
    "feedback": "A checklist or reading it aloud can catch the small things, so the person you "
    "ask can focus on what matters.",
    "task": "If part of this is routine, a paid service or a tool might cover it; keep the ask "
    "for the part that needs a person.",
}


@dataclass
class NeedAssessment:
    """What askwell noticed about a need before anyone is asked."""

    vague: bool
    reasons: list[str] = field(default_factory=list)
    suggested_type: str = "advice"
    type_scores: dict[str, int] = field(default_factory=dict)
    self_serve: str | None = None
    only_a_person: str = "Is this something only another person can give you?"


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    parts = [re.escape(c[:-1]) + r"\w*" if c.endswith("*") else re.escape(c) + r"\b" for c in cues]
    return re.compile(r"\b(?:" + "|".join(parts) + ")")


_TYPE_PATTERNS = {kind: _cue_pattern(cues) for kind, cues in _TYPE_CUES.items()}


def suggest_type(text: str) -> tuple[str, dict[str, int]]:
    """Return the support type the text most suggests, with the cue counts per type."""
    low = text.lower()
    scores = {t: len(p.findall(low)) for t, p in _TYPE_PATTERNS.items()}
    best = max(scores, key=lambda t: scores[t])
    return (best if scores[best] else "advice"), scores


def assess(summary: str, details: str = "") -> NeedAssessment:
    """Flag a vague need and suggest a support type and self-serve options."""
    text = f"{summary} {details}".strip()
    words = re.findall(r"[a-zA-Z']+", text.lower())
    specific = [w for w in words if w not in _GENERIC]
    reasons: list[str] = []
    if _VAGUE_RE.match(summary) and len(details.strip()) < 20:
        reasons.append("it names help in general but not what you need it with")
    elif len(specific) < 2:
        reasons.append("it has few concrete words; what exactly, and by when?")
    kind, scores = suggest_type(text)
    return NeedAssessment(
        vague=bool(reasons),
        reasons=reasons,
        suggested_type=kind,
        type_scores=scores,
        self_serve=_SELF_SERVE.get(kind),
    )
