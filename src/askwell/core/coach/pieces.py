"""Mean word-piece scores: a linear head on mean-pooled static embeddings, folded per piece.

A logistic model over the mean of a text's static embedding vectors (core/embed.py's table)
scores `w . mean(E[p])`, which equals the mean of the per-piece scalars `w . E[p]`. Training
folds the head into one number per WordPiece piece, so scoring needs no tokenizer library,
no vectors and no numpy: split each model token into pieces (greedy longest match, cached
per word) and average the piece scores.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Mapping

_PARTS = re.compile(r"[^\W_]+|[^\w\s]|_")
_MAX_WORD = 100
_CACHE_LIMIT = 1 << 16


def strip_accents(word: str) -> str:
    """Return `word` without combining accents (as the uncased BERT normaliser does)."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def wordpieces(word: str, vocab: Container[str]) -> list[str]:
    """Split a lower-cased token into WordPiece pieces of `vocab`; unknown parts give none."""
    out: list[str] = []
    for part in _PARTS.findall(strip_accents(word)):
        if len(part) > _MAX_WORD:
            continue
        found: list[str] = []
        start = 0
        while start < len(part):
            end = len(part)
            while end > start:
                piece = part[start:end] if start == 0 else "##" + part[start:end]
                if piece in vocab:
                    break
                end -= 1
            if end == start:
                found = []
                break
            found.append(piece)
            start = end
        out.extend(found)
    return out


class PieceScorer:
    """Mean piece score of a token list, with per-word totals cached (bounded)."""

    def __init__(self, scores: Mapping[str, float]) -> None:
        """Keep the piece -> score table (its keys are the piece vocabulary)."""
        self.scores = dict(scores)
        # word -> complex(sum of its piece scores, number of pieces): one lookup per token, and
        # the built-in sum adds real and imaginary parts separately (the counts stay exact)
        self._cache: dict[str, complex] = {}

    @property
    def _count(self) -> dict[str, complex]:
        """The per-word cache (at most `_CACHE_LIMIT` words)."""
        return self._cache

    def _total(self, word: str) -> tuple[float, int]:
        found = wordpieces(word, self.scores)
        return sum(self.scores[p] for p in found), len(found)

    def mean(self, tokens: list[str]) -> float:
        """Return the mean score over all pieces of `tokens` (0.0 when there are none)."""
        cache = self._cache
        try:  # fast path: every word seen before
            both = sum(map(cache.__getitem__, tokens), 0j)
        except KeyError:
            missing = {t for t in tokens if t not in cache}
            if len(cache) + len(missing) > _CACHE_LIMIT:
                pairs = [self._total(t) for t in tokens]
                total, count = sum(s for s, _ in pairs), sum(n for _, n in pairs)
                return total / count if count else 0.0
            for word in missing:
                total, n = self._total(word)
                cache[word] = complex(total, n)
            both = sum(map(cache.__getitem__, tokens), 0j)
        return both.real / both.imag if both.imag else 0.0
