"""Train the learned crisis detector (recall first) and measure it out of fold.

Run: .venv/bin/python training/crisis.py [--data ../shared/data] [--pairs] [--holdout] [--write]
     (and --pair-weight N, --negative-sentences, --threshold-with-pairs: see below)

Training texts, every one written and labelled by hand:
  - the shared requests (train.jsonl) and ours (training/data/requests_extra.jsonl): the
    sentence that is the `crisis` evidence is a positive; every sentence of a non-crisis
    request is a negative (the other sentences of a crisis request are left out: they are
    often part of the same signal);
  - tests/data/crisis/positives.jsonl and hard_negatives.jsonl, and
    training/data/crisis_extra.jsonl and crisis_extra2.jsonl: whole messages;
  - with `--pairs`, training/data/crisis_pairs.jsonl: minimal pairs (one crisis line and one
    everyday line sharing a warning phrase), whole messages; both lines of a pair fall in the
    same fold, and the folds of the other messages are the same as without them;
    `--pair-weight N` repeats them N times and `--negative-sentences pairs|all` makes every
    sentence of a safe whole message a negative row (measured, not shipped: docs/benchmarks.md).
tests/data/crisis_holdout/ (written independently) is only measured (with `--holdout`),
never trained on, and only its counts are printed. tests/data/crisis_everyday/ (ours:
everyday senses of warning phrases, with a few contrast positives) is only measured too
(counts only, so that data can be written without reading it): trained on, it taught the model
little and pushed the threshold to 0.99 (out-of-fold recall 741/905 against 808/893).
The detector is a logistic regression over featurize.py's features (meaning, words, cues,
shape) applied to every sentence and to the whole message; a message's score is the highest.
Figures are 5-fold out of fold (folds over messages, fixed seed); dev.jsonl is only reported.
The threshold is the lowest one whose out-of-fold false-alarm rate (model or list) on the
requests and crisis sets (not the pairs, which are mostly hard cases on purpose;
`--threshold-with-pairs` counts them too) stays
within MAX_FALSE (1.5 %, headroom under the issue's 2 %): recall first, as far as false
alarms allow; the curated list in
core/coach/crisis.py catches what the model misses. `--write` exports models/coach/crisis.npz
and crisis.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATA, MODELS, SEED, vectorize
from findings import EXTRA, EXTRA2, MEANING_SCALE, evidence_labels, load
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression

from askwell.core.coach import crisis, featurize
from askwell.core.coach.findings_labels import LABELS

REPO = Path(__file__).resolve().parents[1]
SETS = REPO / "tests" / "data" / "crisis"
CRISIS_EXTRA = (
    REPO / "training" / "data" / "crisis_extra.jsonl",
    REPO / "training" / "data" / "crisis_extra2.jsonl",
)
PAIRS = REPO / "training" / "data" / "crisis_pairs.jsonl"
HOLDOUT = REPO / "tests" / "data" / "crisis_holdout"
EVERYDAY = REPO / "tests" / "data" / "crisis_everyday" / "messages.jsonl"
C = 1.0
# The false-alarm rate allowed out of fold. The issue allows at most 2 % on sets nobody trained
# on; the out-of-fold rate is what those sets should expect on average, and 127 dev negatives
# swing by a point either way, so the threshold is chosen with half a point of headroom.
MAX_FALSE = 0.015
FOLDS = 5
J = LABELS.index("crisis")
# Measured, not the default (docs/benchmarks.md, "stop 20, crisis pairs"): --pair-weight and
# --negative-sentences. Set from the command line in main().
PAIR_WEIGHT = 1  # each pair line counts this many times in training
NEG_SENTENCES = "none"  # "pairs" or "all": every sentence of a safe whole message is a negative


def units(message: dict[str, Any]) -> list[tuple[str, int | None]]:
    """Return (text, label) for the message and each sentence (None: leave out of training)."""
    text = message["text"]
    spans = featurize.sentences(text) or [(0, len(text))]
    if "labels" not in message:  # crisis sets: whole messages, label from the file
        y = int(message["crisis"])
        every = not y and (
            NEG_SENTENCES == "all" or (NEG_SENTENCES == "pairs" and "pair" in message)
        )
        rows = [(text[s:e], y if len(spans) == 1 or every else None) for s, e in spans]
        return [(text, y), *rows]
    is_crisis = message["labels"]["crisis"]
    out: list[tuple[str, int | None]] = [(text, int(is_crisis))]
    for s, e in spans:
        if not is_crisis:
            out.append((text[s:e], 0))
        else:
            out.append((text[s:e], 1 if evidence_labels(message, s, e)[J] else None))
    return out


class Detector:
    """Sentence-and-message crisis scorer fitted on some messages."""

    def __init__(self, messages: list[dict[str, Any]]):
        rows = [(t, y) for m in messages for t, y in units(m) if y is not None]
        texts = [t for t, _ in rows]
        _, self.vocab = vectorize([featurize.ngrams(t) for t in texts], min_count=2)
        self.model = LogisticRegression(
            C=C, class_weight="balanced", max_iter=4000, solver="liblinear"
        ).fit(self.matrix(texts), [y for _, y in rows])

    def matrix(self, texts: list[str]) -> Any:
        """Return the design matrix of texts."""
        dense = featurize.dense(texts).stack(MEANING_SCALE)
        grams, _ = vectorize([featurize.ngrams(t) for t in texts], vocab=self.vocab)
        return hstack([csr_matrix(dense), grams]).tocsr()

    def score(self, messages: list[dict[str, Any]]) -> np.ndarray:
        """Return each message's highest score over itself and its sentences."""
        owners, texts = [], []
        for k, m in enumerate(messages):
            for t, _ in units(m):
                owners.append(k)
                texts.append(t)
        probs = self.model.predict_proba(self.matrix(texts))[:, 1]
        out = np.zeros(len(messages))
        for k, p in zip(owners, probs, strict=True):
            out[k] = max(out[k], p)
        return out


def lowest_threshold(negatives: np.ndarray, listed: np.ndarray) -> float:
    """Return the lowest threshold whose false-alarm rate (model or list) is within MAX_FALSE."""
    for t in np.arange(0.05, 0.99, 0.01):
        if np.mean((negatives >= t) | listed) <= MAX_FALSE:
            return round(float(t), 2)
    return 0.99


def list_flags(messages: list[dict[str, Any]], scores: np.ndarray) -> np.ndarray:
    """Return whether the curated list flags each message (soft phrases with the model)."""
    hard = np.asarray([bool(crisis.listed(m["text"])) for m in messages])
    soft = np.asarray([bool(crisis.soft_listed(m["text"])) for m in messages])
    return hard | (soft & (scores >= crisis.SOFT_THRESHOLD))


def is_crisis(message: dict[str, Any]) -> bool:
    """Return the hand label."""
    return bool(message["labels"]["crisis"]) if "labels" in message else bool(message["crisis"])


def report(
    name: str, messages: list[dict[str, Any]], scores: np.ndarray, t: float, texts: bool = True
) -> None:
    """Print recall and false alarms, for the model alone and with the curated list.

    `texts=False` prints the counts only (the holdout: its texts stay unread).
    """
    y = np.asarray([is_crisis(m) for m in messages])
    listed = list_flags(messages, scores)
    said = scores >= t
    both = said | listed
    print(
        f"{name:28} model {int((said & y).sum()):3d}/{int(y.sum()):3d} caught, "
        f"{int((said & ~y).sum()):3d}/{int((~y).sum()):3d} false | with list "
        f"{int((both & y).sum()):3d}/{int(y.sum()):3d}, {int((both & ~y).sum()):3d} false"
    )
    for m in [m for m, b, w in zip(messages, both, y, strict=True) if b != w][: 6 * texts]:
        print("     wrong:", m["text"][:120].replace("\n", " "))


def main() -> None:
    """Cross-validate, report, optionally export."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--pairs", action="store_true", help="train on crisis_pairs.jsonl too")
    parser.add_argument("--pair-weight", type=int, default=1, help="repeat pair lines N times")
    parser.add_argument("--negative-sentences", choices=("none", "pairs", "all"), default="none")
    parser.add_argument(
        "--threshold-with-pairs", action="store_true", help="count pair negatives in the threshold"
    )
    parser.add_argument("--holdout", action="store_true", help="print the holdout's counts")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    global PAIR_WEIGHT, NEG_SENTENCES
    PAIR_WEIGHT, NEG_SENTENCES = args.pair_weight, args.negative_sentences
    requests = load(args.data / "requests" / "train.jsonl")
    for extra in (EXTRA, EXTRA2):
        if extra.exists():
            requests += load(extra)
    sets = [{**r, "crisis": True} for r in load(SETS / "positives.jsonl")]
    sets += [{**r, "crisis": False} for r in load(SETS / "hard_negatives.jsonl")]
    for path in CRISIS_EXTRA:
        sets += [{**r, "crisis": bool(r["crisis"])} for r in load(path)]
    base = len(requests) + len(sets)
    pairs = [{**r, "crisis": bool(r["crisis"])} for r in load(PAIRS)] if args.pairs else []
    messages = requests + sets + pairs
    folds = np.arange(base) % FOLDS
    np.random.default_rng(SEED).shuffle(folds)
    ids = sorted({str(r["pair"]) for r in pairs})
    pair_folds = np.arange(len(ids)) % FOLDS
    np.random.default_rng(SEED + 1).shuffle(pair_folds)
    fold_of = dict(zip(ids, pair_folds.tolist(), strict=True))
    folds = np.concatenate([folds, [fold_of[str(r["pair"])] for r in pairs]]).astype(int)
    oof = np.zeros(len(messages))
    for f in range(FOLDS):
        train = [m for m, k in zip(messages, folds, strict=True) if k != f]
        train += [m for m in train if "pair" in m] * (PAIR_WEIGHT - 1)
        test = [m for m, k in zip(messages, folds, strict=True) if k == f]
        oof[folds == f] = Detector(train).score(test)
    y = np.asarray([is_crisis(m) for m in messages[:base]])
    listed = list_flags(messages[:base], oof[:base])
    print("threshold  recall(model)  recall(+list)  false alarms (out of fold)")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        said = oof[:base] >= t
        print(
            f"{t:9.2f}  {np.mean(said[y]):13.3f}  {np.mean((said | listed)[y]):13.3f}  "
            f"{np.mean((said | listed)[~y]):.3f}"
        )
    threshold = lowest_threshold(oof[:base][~y], listed[~y])
    if args.threshold_with_pairs:
        ya = np.asarray([is_crisis(m) for m in messages])
        threshold = lowest_threshold(oof[~ya], list_flags(messages, oof)[~ya])
    print(f"threshold {threshold}: the lowest with at most {MAX_FALSE:.1%} false alarms")
    n = len(requests)
    report("requests (out of fold)", requests, oof[:n], threshold)
    report("crisis sets (out of fold)", sets, oof[n:base], threshold)
    if pairs:
        report("crisis pairs (out of fold)", pairs, oof[base:], threshold, texts=False)
    detector = Detector(messages + pairs * (PAIR_WEIGHT - 1))
    dev = load(args.data / "requests" / "dev.jsonl")
    report("dev (held out)", dev, detector.score(dev), threshold)
    if EVERYDAY.exists():  # ours, the everyday senses of warning phrases; measured only
        everyday = load(EVERYDAY)
        scores = detector.score(everyday)
        report("everyday senses (measured)", everyday, scores, threshold, texts=False)
    # written independently; measured, never used to train or tune
    if args.holdout and HOLDOUT.exists():
        held = [{**r, "crisis": True} for r in load(HOLDOUT / "positives.jsonl")]
        held += [{**r, "crisis": False} for r in load(HOLDOUT / "negatives.jsonl")]
        report("independent holdout", held, detector.score(held), threshold, texts=False)
    if args.write:
        np.savez_compressed(MODELS / "crisis.npz", coef=detector.model.coef_[0].astype(np.float32))
        meta = {
            "bias": float(detector.model.intercept_[0]),
            "threshold": threshold,
            "vocab": sorted(detector.vocab, key=detector.vocab.__getitem__),
            "meaning_scale": MEANING_SCALE,
            "trained_on": len(messages),
            "seed": SEED,
        }
        (MODELS / "crisis.json").write_text(json.dumps(meta) + "\n", encoding="utf-8")
        print("wrote", MODELS / "crisis.npz")


if __name__ == "__main__":
    main()
