"""Turn a text (a whole request or one sentence) into the features the findings models read.

The same code runs in training (training/findings.py) and at check time, so what the model
learned is what it sees. Three kinds of feature, all plain:

- meaning: the mean static embedding of the text (core/embed.py, 256 numbers);
- words: lower-cased word unigrams and bigrams (a vocabulary learned in training);
- cues and shape: how often each cue family matches (cues.py), sentence and word counts,
  question and exclamation marks, capitals, digits, how far into the text the ask comes.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from askwell.core import embed
from askwell.core.coach import cues
from askwell.core.coach.text import sentence_spans

Span = tuple[int, int]
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!$]")
_DIGIT = re.compile(r"\d")
_REQUEST = re.compile(r"\?|(?<![\w'])(?:can|could|would|will) you(?![\w'])", re.IGNORECASE)

SHAPE_NAMES = (
    "log_words",
    "log_sentences",
    "questions",
    "exclaims",
    "caps_words",
    "digits",
    "ask_position",
    "words_before_ask",
    "short",
)


def words(text: str) -> list[str]:
    """Return the lower-cased word tokens (and ? ! $ marks) of a text."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=256)
def ngrams(text: str) -> frozenset[str]:
    """Return the unigrams and bigrams of a text (bigrams joined by a space)."""
    toks = words(text)
    grams = set(toks)
    grams.update(f"{a} {b}" for a, b in itertools.pairwise(toks))
    return frozenset(grams)


def sentences(text: str) -> list[Span]:
    """Return the sentence spans of a text (lines and bullets split too)."""
    return sentence_spans(text)


def shape(text: str) -> list[float]:
    """Return the shape features of a text, in SHAPE_NAMES order."""
    toks = [t for t in words(text) if t not in "?!$"]
    n_words = len(toks)
    n_sent = len(sentences(text))
    raw_words = text.split()
    caps = sum(1 for w in raw_words if len(w) > 2 and w.isupper())
    ask = _REQUEST.search(text)
    before = len(words(text[: ask.start()])) if ask else n_words
    return [
        math.log1p(n_words),
        math.log1p(n_sent),
        min(text.count("?"), 5) / 5,
        min(text.count("!"), 5) / 5,
        min(caps, 5) / 5,
        1.0 if _DIGIT.search(text) else 0.0,
        before / max(n_words, 1),
        math.log1p(before),
        1.0 if n_words < 12 else 0.0,
    ]


def cue_vector(text: str) -> list[float]:
    """Return log(1 + count) for every cue family, in cues.FAMILY_NAMES order."""
    return [math.log1p(n) for n in cues.counts(text)]


@dataclass(frozen=True)
class Dense:
    """The dense part of the features of several texts: meaning, cues and shape."""

    meaning: np.ndarray
    cues: np.ndarray
    shape: np.ndarray

    def stack(self, meaning_scale: float, cue_scale: float = 1.0) -> np.ndarray:
        """Return [meaning_scale x meaning | cue_scale x cues | shape] as one float32 matrix.

        The scales set how cheap each block is for a regularised model to lean on: a larger
        scale needs a smaller weight for the same effect, so it costs less penalty.
        """
        return np.hstack([meaning_scale * self.meaning, cue_scale * self.cues, self.shape]).astype(
            np.float32
        )


def width() -> int:
    """Return how many dense features a text has (meaning, cues and shape side by side)."""
    return int(dense([""]).stack(1.0).shape[1])


def check_width(model: str, trained: int) -> None:
    """Refuse a model trained on another number of dense features, with the way out.

    Both learned models read the cue families, so a family added or removed in cues.py
    changes the width: without this, the first check fails deep inside a matrix product.
    """
    now = width()
    if trained != now:
        raise ValueError(
            f"the {model} model was trained on {trained} dense features but featurize.py now "
            f"gives {now} (a cue family changed?): retrain it (docs/coach.md, Retraining)"
        )


def clean(text: str) -> str:
    """Return `text` with characters that cannot be encoded (lone surrogates) replaced."""
    return text.encode("utf-8", "replace").decode("utf-8")


def dense(texts: Sequence[str]) -> Dense:
    """Return the dense features of each text."""
    return _dense(tuple(texts))


# One check reads the same text and sentences twice (the findings and the crisis detector):
# remembering the last few saves half the work (bench/coach.py).
@lru_cache(maxsize=8)
def _dense(texts: tuple[str, ...]) -> Dense:
    return Dense(
        meaning=embed.encode([clean(t) for t in texts]),
        cues=np.asarray([cue_vector(t) for t in texts], dtype=np.float32).reshape(len(texts), -1),
        shape=np.asarray([shape(t) for t in texts], dtype=np.float32).reshape(len(texts), -1),
    )
