"""Word pieces: the pure-Python WordPiece split and the cached mean piece score."""

from __future__ import annotations

import pytest

from askwell.core.coach import pieces
from askwell.core.coach.pieces import PieceScorer, wordpieces

VOCAB = {
    "un": 1.0,
    "##bel": 2.0,
    "##ie": 3.0,
    "##va": 4.0,
    "##bly": 5.0,
    "i": -1.0,
    "'": 0.0,
    "m": 2.0,
    "cafe": 6.0,
}


def test_wordpieces_greedy_longest_match() -> None:
    assert wordpieces("unbelievably", VOCAB) == ["un", "##bel", "##ie", "##va", "##bly"]


def test_wordpieces_split_punctuation_and_strip_accents() -> None:
    assert wordpieces("i'm", VOCAB) == ["i", "'", "m"]
    assert wordpieces("café", VOCAB) == ["cafe"]


def test_wordpieces_unknown_word_gives_no_pieces() -> None:
    assert wordpieces("zzz", VOCAB) == []
    assert wordpieces("un" + "x" * 200, VOCAB) == []


def test_piece_scorer_mean_over_all_pieces() -> None:
    scorer = PieceScorer(VOCAB)
    assert scorer.mean(["i'm", "zzz", "i'm"]) == pytest.approx(2.0 / 6)
    assert scorer.mean([]) == 0.0 and scorer.mean(["zzz"]) == 0.0


def test_piece_scorer_same_result_when_cache_is_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "_CACHE_LIMIT", 1)
    scorer = PieceScorer(VOCAB)
    assert scorer.mean(["unbelievably", "i'm"]) == pytest.approx(16 / 8)
    assert scorer.mean(["unbelievably", "i'm"]) == pytest.approx(16 / 8)
    assert len(scorer._cache) <= 1
