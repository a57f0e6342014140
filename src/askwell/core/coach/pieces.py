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
    """Mean piece score of a token list, with each word's (sum, count) cached (bounded)."""

    def __init__(self, scores: Mapping[str, float]) -> None:
        """Keep the piece -> score table (its keys are the piece vocabulary)."""
        self.scores = dict(scores)
        self._cache: dict[str, tuple[float, int]] = {}

    def _total(self, word: str) -> tuple[float, int]:
        found = self._cache.get(word)
        if found is None:
            pieces = wordpieces(word, self.scores)
            found = (sum(self.scores[p] for p in pieces), len(pieces))
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[word] = found
        return found

    def mean(self, tokens: list[str]) -> float:
        """Return the mean score over all pieces of `tokens` (0.0 when there are none)."""
        total, count = 0.0, 0
        for token in tokens:
            s, n = self._total(token)
            total += s
            count += n
        return total / count if count else 0.0
