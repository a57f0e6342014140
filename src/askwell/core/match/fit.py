"""Fit of a support type with a relationship: who is a natural person for which kind of help."""

from __future__ import annotations

from typing import Final

from askwell.core.model import RELATIONSHIPS, SUPPORT_TYPES

# What a person's own list of supports says, beside the relationship prior (half each):
# they list this kind of help, they list others but not this one; nothing listed counts 0.5.
SUPPORT_SIGNAL: Final = {"listed": 1.0, "other": 0.2}

# Rows: support types; columns follow RELATIONSHIPS
# (mentor, manager, colleague, friend, family, partner, professional, community).
_TABLE: Final[dict[str, tuple[float, ...]]] = {
    "advice": (1.0, 0.7, 0.6, 0.6, 0.5, 0.5, 0.8, 0.5),
    "emotional": (0.4, 0.2, 0.3, 0.9, 0.85, 1.0, 0.7, 0.5),
    "task": (0.3, 0.6, 1.0, 0.6, 0.6, 0.7, 0.7, 0.6),
    "feedback": (0.9, 0.8, 0.9, 0.4, 0.3, 0.3, 0.7, 0.4),
    "information": (0.8, 0.6, 0.9, 0.5, 0.4, 0.4, 0.9, 0.7),
    "introduction": (1.0, 0.7, 0.6, 0.6, 0.4, 0.3, 0.6, 0.8),
    "resources": (0.3, 0.9, 0.3, 0.5, 0.9, 0.8, 0.4, 0.6),
}
FIT: Final = {
    (support, rel): _TABLE[support][i]
    for support in SUPPORT_TYPES
    for i, rel in enumerate(RELATIONSHIPS)
}

_SUPPORT_WORDS: Final = {
    "advice": "advice",
    "emotional": "emotional support",
    "task": "hands-on help",
    "feedback": "feedback",
    "information": "know-how",
    "introduction": "an introduction",
    "resources": "resources",
}


def support_words(support_type: str) -> str:
    """Return the support type as words for a sentence."""
    return _SUPPORT_WORDS.get(support_type, support_type)


def fit_reason(name: str, support_type: str, relationship: str, supports: tuple[str, ...]) -> str:
    """Return one sentence explaining the fit score (and what their profile does not say)."""
    base = FIT.get((support_type, relationship), 0.5)
    what = support_words(support_type)
    article = "an" if relationship[:1] in "aeiou" else "a"
    if base >= 0.8:
        text = f"{article.capitalize()} {relationship} is a natural person to ask for {what}"
    elif base >= 0.5:
        text = f"{article.capitalize()} {relationship} can be a good person to ask for {what}"
    else:
        text = f"{article.capitalize()} {relationship} is not the usual person to ask for {what}"
    if support_type in supports:
        text += f", and {name} lists {what} among what they are good at"
    elif supports:
        offered = ", ".join(support_words(s) for s in supports)
        text += f"; {name} lists {offered}, not {what}"
    else:
        text += f"; {name}'s profile does not say what help they like to give yet"
    return text + "."
