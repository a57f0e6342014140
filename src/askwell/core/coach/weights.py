"""Lazy, cached loader for the coach's shipped linear models (package data, JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise, repeat
from typing import Any

from askwell.core.coach.pieces import PieceScorer


@cache
def load_model(name: str) -> dict[str, Any]:
    """Load `askwell/models/coach/<name>.json` once per process."""
    path = resources.files("askwell").joinpath(f"models/coach/{name}.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class LinearModel:
    """A logistic model over binary features, split by feature family for fast scoring.

    Families are the feature-name prefixes used in training: "s:" strategies, "c:" cues,
    "w:" words, "b:" word bigrams (keyed by token pairs) and any other name as-is; `pieces`, when
    present, scores the mean-pooled static embedding of the tokens (core/coach/pieces.py).
    """

    bias: float
    words: dict[str, float]
    bigrams: dict[tuple[str, str], float]
    named: dict[str, float]
    pieces: PieceScorer | None = None

    def score(
        self,
        tokens: list[str],
        names: Iterable[str],
        piece_tokens: list[str] | None = None,
        *,
        word_total: float | None = None,
    ) -> float:
        """Return bias + weights of the distinct words, bigrams and named features present.

        With a piece table, add the mean piece score of `piece_tokens` (default `tokens`).
        `word_total`, when given, is the sum of the distinct words' weights (`word_totals`).
        """
        z = self.bias + sum(map(self.named.get, set(names), repeat(0.0)))
        if word_total is None:
            word_total = sum(map(self.words.get, set(tokens), repeat(0.0)))
        z += word_total
        if self.bigrams:
            z += sum(map(self.bigrams.get, set(pairwise(tokens)), repeat(0.0)))
        if self.pieces is not None:
            z += self.pieces.mean(tokens if piece_tokens is None else piece_tokens)
        return z


@cache
def load_linear(name: str) -> LinearModel:
    """Load a shipped linear model once, split for fast scoring."""
    data = load_model(name)
    words: dict[str, float] = {}
    bigrams: dict[tuple[str, str], float] = {}
    named: dict[str, float] = {}
    for key, weight in data["weights"].items():
        if key.startswith("w:"):
            words[key[2:]] = weight
        elif key.startswith("b:"):
            first, _, second = key[2:].partition(" ")
            bigrams[(first, second)] = weight
        else:
            named[key] = weight
    pieces = PieceScorer(data["pieces"]) if data.get("pieces") else None
    return LinearModel(float(data["bias"]), words, bigrams, named, pieces)


def word_totals(first: str, second: str, words: Iterable[str]) -> tuple[float, float]:
    """Return the summed weights of the distinct `words` in two shipped models."""
    one, two = load_linear(first).words, load_linear(second).words
    distinct = set(words)
    return sum(one.get(w, 0.0) for w in distinct), sum(two.get(w, 0.0) for w in distinct)
