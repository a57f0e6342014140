"""Request strength: cues that raise the chance of a yes in real requests, and the estimate."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from askwell.core.coach import lexicon
from askwell.core.coach.lexicon import Lexicon
from askwell.core.coach.politeness import sigmoid
from askwell.core.coach.text import compile_words


@dataclass(frozen=True)
class Cue:
    """A cue that raises the chance of a yes, with advice for when it is missing."""

    name: str
    pattern: Lexicon
    advice: str


CUES: tuple[Cue, ...] = (
    Cue(
        "gratitude",
        compile_words(r"thanks?", r"thank you", r"grateful", r"apprecia\w+", r"cheers"),
        "Thank them up front; gratitude is one of the strongest signals of a good request.",
    ),
    Cue(
        "reciprocity",
        compile_words(
            r"pay (?:it|this) (?:forward|back)",
            r"return the favou?r",
            r"(?:I'll|I will|happy to)"
            r" (?:help|pay|repay|return|buy|cover|do the same)",
            r"in return",
            r"next time",
            r"owe you",
            r"when I (?:get paid|can)",
            r"help (?:you|someone) (?:out )?(?:back|too)",
        ),
        "Offer something back or say you'll pay it forward.",
    ),
    Cue(
        "evidence",
        compile_words(
            r"https?://\S+",
            r"imgur",
            r"photo",
            r"picture",
            r"screenshot",
            r"proof",
            r"attached",
            r"link",
            r"here(?:'s| is) (?:the|a|my)",
            r"\d+(?:[.,]\d+)?\s?(?:%|\$|dollars|euros"
            r"|pounds|hours|days|weeks|minutes|pages)",
            r"\$\d+",
        ),
        "Add one concrete detail or piece of evidence (a number, a link, an example).",
    ),
    Cue(
        "story",
        compile_words(
            r"because",
            r"since",
            r"after",
            r"when",
            r"lost (?:my|our)",
            r"just (?:moved|started"
            r"|finished|got)",
            r"(?:my|our) (?:job|work|rent|bills|family|kids|son|daughter|wife"
            r"|husband|partner|mom|dad|exam|thesis|project|team|manager)",
            r"last (?:week|month"
            r"|night)",
            r"this (?:week|month)",
        ),
        "Tell the short story of why you need it now: what happened and what it will change.",
    ),
    Cue(
        "specificity",
        compile_words(
            r"\d+",
            r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight)",
            r"(?:one|two|three|four|five|ten|fifteen|twenty|thirty) \w+",
        ),
        "Be specific: name the amount, the day, the thing.",
    ),
)
_TOKEN = re.compile(r"\w+(?:'\w+)?|[?!$]")
_LENGTH_BINS = (20, 50, 100, 200, 400)


def cues_found(text: str) -> dict[str, bool]:
    """Return which strength cues are present in `text`."""
    return {cue.name: cue.pattern.search(text) is not None for cue in CUES}


_BIN_NAMES = tuple((b, f"len>{b}") for b in _LENGTH_BINS)


def _named(found: dict[str, bool], n_tokens: int) -> list[str]:
    names = ["c:" + name for name, present in found.items() if present]
    names.extend(name for b, name in _BIN_NAMES if n_tokens > b)
    return names


def features(text: str, found: dict[str, bool]) -> set[str]:
    """Return the binary features of the strength model (cues, length bins, words)."""
    tokens = _TOKEN.findall(text.lower())
    return {*_named(found, len(tokens)), *("w:" + t for t in tokens)}


def tokens(text: str) -> list[str]:
    """Return the model's tokens: lower-cased words, "?", "!" and "$" (as `_TOKEN` finds them)."""
    return list(lexicon.words(text))  # from the pass that indexes the text for the lexicons


def estimate(
    text: str, *, words: list[str] | None = None, word_total: float | None = None
) -> tuple[float, list[dict[str, Any]]]:
    """Return the request-strength estimate in [0, 1] and the cues with advice.

    `words`, when given, are `tokens(text)`, computed once and shared with politeness, and
    `word_total` the sum of this model's weights of the distinct `words` (`weights.word_totals`).
    """
    from askwell.core.coach.weights import load_linear

    found = cues_found(text)
    tokens = _TOKEN.findall(text.lower()) if words is None else words
    z = load_linear("strength").score(tokens, _named(found, len(tokens)), word_total=word_total)
    strength = sigmoid(z) if math.isfinite(z) else 0.5
    cues = [
        {
            "cue": cue.name,
            "present": found[cue.name],
            "advice": None if found[cue.name] else cue.advice,
        }
        for cue in CUES
    ]
    return strength, cues
