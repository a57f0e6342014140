"""Shared helpers for the training scripts: data location, fitting, exporting linear models."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SEED = 13
REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data"
MODELS = REPO / "src" / "askwell" / "models" / "coach"
EMBED = REPO / "src" / "askwell" / "models" / "embed"


def vectorize(
    rows: list[frozenset[str]] | list[set[str]],
    min_count: int = 2,
    vocab: dict[str, int] | None = None,
) -> tuple[Any, dict[str, int]]:
    """Turn feature sets into a sparse 0/1 matrix; build the vocabulary when not given."""
    from scipy.sparse import csr_matrix

    if vocab is None:
        counts = Counter(f for row in rows for f in row)
        vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    indptr, indices = [0], []
    for row in rows:
        indices.extend(sorted(vocab[f] for f in row if f in vocab))
        indptr.append(len(indices))
    data = [1.0] * len(indices)
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab))), vocab


def static_table() -> tuple[dict[str, int], Any]:
    """Return the shipped static embedding model: piece -> row (no special tokens), table."""
    import numpy as np
    from safetensors.numpy import load_file

    config = json.loads((EMBED / "tokenizer.json").read_text(encoding="utf-8"))
    vocab = {p: i for p, i in config["model"]["vocab"].items() if not p.startswith("[")}
    table = load_file(str(EMBED / "embeddings.safetensors"))["embeddings"]
    return vocab, np.asarray(table, dtype=np.float32)


def mean_pieces(token_lists: list[list[str]], vocab: dict[str, int], table: Any) -> Any:
    """Return the mean static embedding of each token list's word pieces (zeros when none)."""
    import numpy as np

    from askwell.core.coach.pieces import wordpieces

    rows: dict[str, list[int]] = {}
    out = np.zeros((len(token_lists), table.shape[1]), dtype=np.float32)
    for k, toks in enumerate(token_lists):
        ids = [
            i for t in toks for i in rows.setdefault(t, [vocab[p] for p in wordpieces(t, vocab)])
        ]
        if ids:
            out[k] = table[ids].mean(axis=0)
    return out


def fold_pieces(coef: Any, scale: float, vocab: dict[str, int], table: Any) -> dict[str, float]:
    """Fold a linear head on `scale` x mean embedding into one score per piece."""
    scores = scale * (table @ coef)
    return {p: round(float(scores[i]), 4) for p, i in vocab.items()}


def export(
    name: str,
    vocab: dict[str, int],
    coef: Iterable[float],
    bias: float,
    meta: dict[str, Any],
    pieces: dict[str, float] | None = None,
) -> Path:
    """Write a linear model as JSON (feature -> weight, dropping near-zero weights; pieces)."""
    weights = {f: round(float(w), 4) for f, w in zip(vocab, coef, strict=True) if abs(w) >= 5e-4}
    MODELS.mkdir(parents=True, exist_ok=True)
    path = MODELS / f"{name}.json"
    payload = {"bias": round(float(bias), 6), "meta": meta, "weights": weights}
    if pieces:
        payload["pieces"] = pieces
    path.write_text(
        json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    return path
