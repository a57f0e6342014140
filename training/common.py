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


def vectorize(
    rows: list[set[str]], min_count: int = 2, vocab: dict[str, int] | None = None
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


def export(
    name: str, vocab: dict[str, int], coef: Iterable[float], bias: float, meta: dict[str, Any]
) -> Path:
    """Write a linear model as JSON (feature -> weight), dropping near-zero weights."""
    weights = {f: round(float(w), 4) for f, w in zip(vocab, coef, strict=True) if abs(w) >= 5e-4}
    MODELS.mkdir(parents=True, exist_ok=True)
    path = MODELS / f"{name}.json"
    payload = {"bias": round(float(bias), 6), "meta": meta, "weights": weights}
    path.write_text(
        json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    return path
