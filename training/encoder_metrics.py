"""Figures for the request encoder: per-label P/R/F1, thresholds chosen on training folds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float, int, int]:
    """Return precision, recall, F1, true positives and false positives of one label."""
    tp = int(np.sum(pred & (y > 0.5)))
    fp = int(np.sum(pred & (y < 0.5)))
    fn = int(np.sum(~pred & (y > 0.5)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, fp


def best_threshold(y: np.ndarray, prob: np.ndarray) -> float:
    """Return the grid threshold with the best F1 (ties: the one nearest 0.5)."""
    scored = [(prf(y, prob >= t)[2], -abs(t - 0.5), float(t)) for t in GRID]
    return max(scored)[2]


def recall_first_threshold(y: np.ndarray, prob: np.ndarray, cap: float = 0.5) -> float:
    """Return the highest threshold (<= cap) that keeps every positive, minus a 10 % margin."""
    positives = prob[y > 0.5]
    return float(min(cap, 0.9 * float(positives.min()))) if len(positives) else cap


def thresholds(y: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """Return the best-F1 threshold of every label column."""
    return np.array([best_threshold(y[:, k], probs[:, k]) for k in range(y.shape[1])])


def table(
    y: np.ndarray, probs: np.ndarray, cuts: np.ndarray, labels: Sequence[str]
) -> dict[str, Any]:
    """Return per-label precision/recall/F1 (+ counts) and the macro F1 at the given cuts."""
    rows = {}
    for k, name in enumerate(labels):
        p, r, f, tp, fp = prf(y[:, k], probs[:, k] >= cuts[k])
        rows[name] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": tp,
            "fp": fp,
            "positives": int(y[:, k].sum()),
        }
    macro = float(np.mean([v["f1"] for v in rows.values()]))
    return {"labels": rows, "macro_f1": round(macro, 4)}


def crossfold_table(
    y: np.ndarray, probs: np.ndarray, folds: np.ndarray, labels: Sequence[str]
) -> dict[str, Any]:
    """Score each fold with thresholds tuned on the other folds' predictions (no peeking)."""
    pred = np.zeros_like(y, dtype=bool)
    for k in np.unique(folds):
        held, rest = folds == k, folds != k
        cuts = thresholds(y[rest], probs[rest])
        pred[held] = probs[held] >= cuts
    return table(y, pred.astype(np.float32), np.full(y.shape[1], 0.5), labels)


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Return Spearman's rank correlation of two score vectors."""
    from scipy.stats import spearmanr

    return round(float(spearmanr(a, b).statistic), 4)


def crisis_counts(y: np.ndarray, prob: np.ndarray, cut: float) -> dict[str, Any]:
    """Return crisis recall, misses and false alarms (count and share of non-crisis) at a cut."""
    pos, neg = y > 0.5, y < 0.5
    hit = prob >= cut
    return {
        "threshold": round(float(cut), 4),
        "recall": round(float(np.mean(hit[pos])) if pos.any() else 0.0, 4),
        "missed": int(np.sum(pos & ~hit)),
        "false_alarms": int(np.sum(neg & hit)),
        "false_alarm_rate": round(float(np.mean(hit[neg])) if neg.any() else 0.0, 4),
    }
