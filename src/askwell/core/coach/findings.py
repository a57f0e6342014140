"""The learned findings: per-label probabilities and the sentence that shows each one.

Trained by training/findings.py (see its docstring and docs/coach.md). For every label in
LABELS.md there is a sentence head (which sentence shows the label) and a message head (does
the message as a whole do it), both logistic regressions over featurize.py's features; the
message head also reads the best sentence score of every label. The weights ship as package
data (models/coach/findings.npz + findings.json), read once, lazily; prediction is numpy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from askwell.core.coach import featurize
from askwell.core.coach.findings_labels import LABELS

Span = tuple[int, int]

# Labels shown by one sentence: a sentence the sentence head is this sure of carries the label
# even when the rest of a long message dilutes the message head ("...Thanks! You never reply.").
SURE = 0.9
LOCAL = frozenset(
    {
        "blaming_you",
        "comparison",
        "pressure_guilt",
        "demands_immediacy",
        "reason_for_them",
        "time_boxed",
        "easy_out",
    }
)


@dataclass(frozen=True)
class LabelResult:
    """One label's verdict on a text: probability, decision and the sentence that shows it."""

    label: str
    probability: float
    threshold: float
    span: Span | None

    @property
    def found(self) -> bool:
        """True when the probability reaches the label's threshold."""
        return self.probability >= self.threshold

    @property
    def confidence(self) -> float:
        """How sure the model is of its decision, 0.5-1.0 (distance from the threshold)."""
        if self.found:
            return 0.5 + 0.5 * (self.probability - self.threshold) / max(1 - self.threshold, 1e-6)
        return 0.5 + 0.5 * (self.threshold - self.probability) / max(self.threshold, 1e-6)


class _Heads:
    """The loaded weights of one level (sentence or message): a matrix and a vocabulary."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray, vocab: list[str], n_dense: int):
        self.dense_w = weights[:, :n_dense]
        self.gram_w = weights[:, n_dense : n_dense + len(vocab)]
        self.extra_w = weights[:, n_dense + len(vocab) :]
        self.bias = bias
        self.vocab = {g: i for i, g in enumerate(vocab)}

    def logits(
        self, dense: np.ndarray, grams: list[frozenset[str]], extra: np.ndarray | None
    ) -> Any:
        out = dense @ self.dense_w.T + self.bias
        for row, found in enumerate(grams):
            cols = [self.vocab[g] for g in found if g in self.vocab]
            if cols:
                out[row] += self.gram_w[:, cols].sum(axis=1)
        if extra is not None:
            out += extra @ self.extra_w.T
        return out


class FindingsModel:
    """The shipped findings model."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict[str, Any]):
        self.labels: tuple[str, ...] = tuple(meta["labels"])
        if self.labels != LABELS:
            raise ValueError("the findings model was trained for other labels")
        self.scale = float(meta["meaning_scale"])
        self.cue_scale = float(meta.get("cue_scale", 1.0))
        self.threshold = {n: float(meta["threshold"][n]) for n in LABELS}
        n_dense = len(arrays[f"s_{LABELS[0]}"]) - len(meta["sentence_vocab"])
        featurize.check_width("findings", n_dense)
        self.sentence = _Heads(
            np.vstack([arrays[f"s_{n}"] for n in LABELS]),
            np.asarray([meta["sentence_bias"][n] for n in LABELS]),
            meta["sentence_vocab"],
            n_dense,
        )
        self.message = _Heads(
            np.vstack([arrays[f"m_{n}"] for n in LABELS]),
            np.asarray([meta["message_bias"][n] for n in LABELS]),
            meta["message_vocab"],
            n_dense,
        )
        self.mode = {n: meta.get("mode", {}).get(n, "message") for n in LABELS}
        self.quality = meta.get("quality")

    def predict(self, text: str) -> dict[str, LabelResult]:
        """Return every label's result for one text."""
        spans = featurize.sentences(text) or [(0, len(text))]
        pieces = [text[s:e] for s, e in spans]
        dense = featurize.dense([text, *pieces]).stack(self.scale, self.cue_scale)
        s_prob = _sigmoid(
            self.sentence.logits(dense[1:], [featurize.ngrams(p) for p in pieces], None)
        )
        best = s_prob.max(axis=0, keepdims=True)
        m_prob = _sigmoid(self.message.logits(dense[:1], [featurize.ngrams(text)], best))[0]
        top = s_prob.argmax(axis=0)
        out = {}
        for j, n in enumerate(LABELS):
            # "max": the best sentence alone can carry the label (short messages)
            p = max(m_prob[j], best[0, j]) if self.mode[n] == "max" else m_prob[j]
            if n in LOCAL and best[0, j] >= SURE:
                p = max(p, best[0, j])
            out[n] = LabelResult(n, float(p), self.threshold[n], spans[int(top[j])])
        return out

    def quality_score(self, probs: dict[str, float]) -> float | None:
        """Return the predicted overall quality (1-5) from the label probabilities."""
        if not self.quality:
            return None
        total = float(self.quality["bias"])
        for name, weight in self.quality["weights"].items():
            total += weight * probs[name]
        return min(5.0, max(1.0, total))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def load(model_dir: Path | None = None) -> FindingsModel:
    """Read the findings model from `model_dir` (default: the shipped one)."""
    base = model_dir or Path(str(files("askwell") / "models" / "coach"))
    meta = json.loads((base / "findings.json").read_text(encoding="utf-8"))
    with np.load(base / "findings.npz") as data:
        arrays = {k: np.asarray(data[k], dtype=np.float64) for k in data.files}
    return FindingsModel(arrays, meta)


@lru_cache(maxsize=1)
def default_model() -> FindingsModel:
    """Return the shipped model, loaded once per process."""
    return load()


def predict(text: str) -> dict[str, LabelResult]:
    """Return every label's result for one text with the shipped model."""
    return default_model().predict(text)
