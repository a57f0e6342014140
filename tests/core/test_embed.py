"""The shipped static embedding model and its lexical fallback."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from askwell.core import embed


def test_embed_shipped_model_is_semantic() -> None:
    assert embed.available()
    assert embed.default_embedder().semantic


def test_embed_encode_returns_unit_rows() -> None:
    vectors = embed.encode(["career advice", "help moving a sofa", "review my essay"])
    assert vectors.shape == (3, embed.default_embedder().dims)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_embed_empty_text_gives_zero_row_and_empty_list_gives_empty_matrix() -> None:
    vectors = embed.encode(["", "   "])
    assert not vectors.any()
    assert embed.encode([]).shape == (0, embed.default_embedder().dims)


def test_embed_similarity_ranks_related_meaning_above_unrelated() -> None:
    need = "I feel anxious and lonely since the breakup"
    assert embed.similarity(need, "grief, listening, relationships") > embed.similarity(
        need, "tax returns, spreadsheets"
    )
    code = "please review my python pull request"
    assert embed.similarity(code, "software engineering, code review") > embed.similarity(
        code, "gardening, cooking"
    )


def test_embed_similarity_accepts_vectors() -> None:
    a, b = embed.encode(["statistics", "data analysis"])
    assert embed.similarity(a, b) == pytest.approx(embed.similarity("statistics", "data analysis"))


def test_embed_missing_model_falls_back_to_lexical(tmp_path: Path) -> None:
    fallback = embed.load_embedder(tmp_path)
    assert fallback is embed.LEXICAL
    assert not fallback.semantic
    a, b, c = fallback.encode(["career mentoring", "mentor for careers", "baking bread"])
    assert float(a @ b) > 0.5
    assert float(a @ c) == 0.0


def test_embed_lexical_terms_drop_stopwords_and_stem() -> None:
    assert embed.lexical_terms("The Managers and management of a team") == [
        "manage",
        "manage",
        "team",
    ]


def test_embed_model_files_are_small_and_not_pickles() -> None:
    model_dir = Path(embed.__file__).resolve().parents[1] / "models" / "embed"
    names = sorted(p.name for p in model_dir.iterdir() if p.is_file())
    assert names == sorted(embed.MODEL_FILES)
    assert sum((model_dir / n).stat().st_size for n in names) < 20_000_000
