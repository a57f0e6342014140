"""The coach's learned labels (LABELS.md in the shared data) and the rule ids they feed."""

from __future__ import annotations

LABELS = (
    "specific_ask",
    "vague_ask",
    "has_context",
    "assumes_knowledge",
    "over_justified",
    "demands_immediacy",
    "time_boxed",
    "reason_for_them",
    "comparison",
    "pressure_guilt",
    "blaming_you",
    "i_statement",
    "easy_out",
    "gratitude",
    "crisis",
)
