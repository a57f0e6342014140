"""The learned crisis detector: a recall-first score for a text and each of its sentences.

Trained by training/crisis.py (see its docstring for data, figures and the threshold); ships
as models/coach/crisis.npz + crisis.json, read once, lazily. A text's score is the highest of
the whole text's and each sentence's, so one worrying line inside an ordinary ask counts.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import numpy as np

from askwell.core.coach import featurize


class CrisisModel:
    """A logistic head over featurize.py's features."""

    def __init__(self, coef: np.ndarray, meta: dict[str, object]):
        vocab = list(meta["vocab"])  # type: ignore[call-overload]
        self.scale = float(meta["meaning_scale"])  # type: ignore[arg-type]
        self.bias = float(meta["bias"])  # type: ignore[arg-type]
        self.threshold = float(meta["threshold"])  # type: ignore[arg-type]
        n_dense = len(coef) - len(vocab)
        featurize.check_width("crisis", n_dense)
        self.dense_w = coef[:n_dense]
        self.gram_w = {g: float(w) for g, w in zip(vocab, coef[n_dense:], strict=True) if w}

    def probability(self, text: str) -> float:
        """Return the highest crisis probability over the text and its sentences."""
        pieces = [text] + [text[s:e] for s, e in featurize.sentences(text)]
        logits = featurize.dense(pieces).stack(self.scale) @ self.dense_w + self.bias
        for k, piece in enumerate(pieces):
            logits[k] += sum(self.gram_w.get(g, 0.0) for g in featurize.ngrams(piece))
        return float(1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30).max())))


def load(model_dir: Path | None = None) -> CrisisModel:
    """Read the crisis model from `model_dir` (default: the shipped one)."""
    base = model_dir or Path(str(files("askwell") / "models" / "coach"))
    meta = json.loads((base / "crisis.json").read_text(encoding="utf-8"))
    with np.load(base / "crisis.npz") as data:
        coef = np.asarray(data["coef"], dtype=np.float64)
    return CrisisModel(coef, meta)


@lru_cache(maxsize=1)
def default_model() -> CrisisModel:
    """Return the shipped crisis model, loaded once per process."""
    return load()
