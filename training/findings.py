"""Train the coach's findings: sentence heads and message heads per label (LABELS.md).

Run: .venv/bin/python training/findings.py [--data ../shared/data] [--no-extra]
     [--variant a|c|both] [--write]

Data: ../shared/data/requests/train.jsonl (+ training/data/requests_extra.jsonl, written by
the team; see its README; `--with-extra2` adds requests_extra2.jsonl, which did not help on
dev and is not in the shipped model; requests_extra3.jsonl is a held-out set, never trained
on) to train; dev.jsonl only to report. A record may carry a "weight" (how much it counts in
fitting, 1 by default; its sentences inherit it). Fixed seed; for every label the
regularisation and the decision threshold are chosen by 5-fold cross-validation on the
training data, never on dev.

Two levels, both logistic regression:
  sentence head  one per label, on every sentence; a sentence is a positive when it contains
                 (or overlaps) the label's `evidence` substring. It places the span, and its
                 best sentence score is a feature of the message.
  message head   one per label, on the whole message + the 15 best-sentence scores (taken
                 out of fold in training, so the message head learns how far to trust them).
Variants, side by side:
  a  the shipped static embeddings alone (meaning only, both levels)
  c  meaning + word uni/bigrams + cue families + shape (what ships)
`--write` exports variant c to src/askwell/models/coach/findings.npz and findings.json.
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
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression

from askwell.core.coach import featurize
from askwell.core.coach.findings_labels import LABELS

REPO = Path(__file__).resolve().parents[1]
EXTRA = REPO / "training" / "data" / "requests_extra.jsonl"
EXTRA2 = REPO / "training" / "data" / "requests_extra2.jsonl"
GRID_C = (0.1, 0.3, 1.0)
SENT_C = 1.0
MEANING_SCALE = 3.0
# The cue families (hand-written lexicons) enter at twice their raw scale, so the heads can lean
# on them at half the penalty. Measured by 5-fold CV on the weak labels (message heads):
# comparison 0.745 -> 0.761, pressure 0.618 -> 0.627, immediacy 0.792 -> 0.791, blaming 0.631
# -> 0.612 (docs/benchmarks.md has the dev figures).
CUE_SCALE = 2.0
# Labels judged on the whole message: one sentence of a message that has it does not have it on
# its own (a lone "sorry" from an over-justified email is not over-justified; LABELS.md). For
# over_justified this raised its CV F1 (0.895 -> 0.902); for vague_ask, has_context and
# assumes_knowledge it lowered it (0.687 -> 0.674, 0.828 -> 0.829, 0.828 -> 0.814), so they
# keep the sentence that shows them as a positive.
WHOLE_MESSAGE = frozenset({"over_justified"})
FOLDS = 5


def load(path: Path) -> list[dict[str, Any]]:
    """Return the records of one JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def evidence_labels(rec: dict[str, Any], start: int, end: int) -> list[int]:
    """Return, per label, whether text[start:end] shows it: 1 yes, 0 no, -1 unknown.

    A sentence that overlaps the label's evidence shows it; any sentence of a message without
    the label does not; the other sentences of a message with the label are left unknown
    (the evidence is the shortest example, and another sentence may show it too).
    """
    out = []
    for name in LABELS:
        if not rec["labels"].get(name):
            out.append(0)
            continue
        piece = rec.get("evidence", {}).get(name) or ""
        at = rec["text"].find(piece) if piece else -1
        out.append(1 if at >= 0 and at < end and at + len(piece) > start else -1)
    return out


def sentence_records(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[int]]:
    """Return every sentence of the multi-sentence records as a message of its own.

    People check short texts too (one line while typing), so the message heads learn from
    single sentences as well: labels come from `evidence_labels` (-1: unknown for that label),
    except that a whole-message label of the message is unknown for its sentences.
    """
    out, source = [], []
    for k, rec in enumerate(records):
        spans = featurize.sentences(rec["text"])
        if len(spans) < 2:
            continue
        for start, end in spans:
            labels = dict(zip(LABELS, evidence_labels(rec, start, end), strict=True))
            labels.update({n: -1 for n in WHOLE_MESSAGE if labels[n] == 1})
            text = rec["text"][start:end]
            evidence = {n: text for n, v in labels.items() if v == 1}
            out.append({"text": text, "labels": labels, "evidence": evidence})
            source.append(k)
    return out, source


class Table:
    """Every text's features computed once: messages and their sentences."""

    def __init__(self, records: list[dict[str, Any]], augment: bool = False):
        self.originals = len(records)
        # a record may carry "weight" (how much it counts in fitting; 1 by default)
        self.group = list(range(len(records)))
        if augment:
            extra, source = sentence_records(records)
            records = records + extra
            self.group += source
        self.group_arr = np.asarray(self.group)
        self.records = records
        self.texts = [r["text"] for r in records]
        self.y = np.asarray([[int(r["labels"][n]) for n in LABELS] for r in records])
        own = [float(r.get("weight", 1.0)) for r in records[: self.originals]]
        self.w = np.asarray([own[g] for g in self.group])
        self.sents: list[str] = []
        self.owner: list[int] = []
        ys = []
        for k, rec in enumerate(records):
            for start, end in featurize.sentences(rec["text"]) or [(0, len(rec["text"]))]:
                self.sents.append(rec["text"][start:end])
                self.owner.append(k)
                ys.append(evidence_labels(rec, start, end))
        self.sy = np.asarray(ys)
        self.sw = self.w[np.asarray(self.owner)]
        self.owner_arr = np.asarray(self.owner)
        self.dense = featurize.dense(self.texts)
        self.sdense = featurize.dense(self.sents)
        self.grams = [featurize.ngrams(t) for t in self.texts]
        self.sgrams = [featurize.ngrams(t) for t in self.sents]

    def folds(self) -> np.ndarray:
        """Return a fold number per row; every row of one source message shares its fold."""
        per_group = np.arange(self.originals) % FOLDS
        np.random.default_rng(SEED).shuffle(per_group)
        return per_group[self.group_arr]


def design(
    variant: str,
    dense: featurize.Dense,
    grams: list[frozenset[str]],
    rows: Any,
    vocab: dict[str, int],
) -> Any:
    """Return the design matrix of the given rows."""
    if variant == "a":
        return csr_matrix(MEANING_SCALE * dense.meaning[rows])
    d = dense.stack(MEANING_SCALE, CUE_SCALE)[rows]
    g, _ = vectorize([grams[i] for i in rows], vocab=vocab)
    return hstack([csr_matrix(d), g]).tocsr()


def fit(x: Any, y: np.ndarray, c: float, w: np.ndarray) -> LogisticRegression:
    """Fit one balanced logistic head on the rows whose label is known (not -1)."""
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, solver="liblinear")
    known = y >= 0
    return model.fit(x[known], y[known], sample_weight=w[known])


def grams_vocab(grams: list[frozenset[str]], rows: Any, variant: str) -> dict[str, int]:
    """Return the n-gram vocabulary of the given rows (empty for variant a)."""
    if variant == "a":
        return {}
    return vectorize([grams[i] for i in rows], min_count=2)[1]


_HEADS_CACHE: dict[tuple[int, bytes, str], tuple[dict[str, int], list[LogisticRegression]]] = {}


class Model:
    """Sentence heads and message heads fitted on some of the records of a table."""

    def __init__(self, table: Table, rows: np.ndarray, variant: str, cs: dict[str, float]):
        self.variant = variant
        self.table = table
        key = (id(table), rows.tobytes(), variant)
        if key not in _HEADS_CACHE:  # the sentence heads do not depend on the message C
            srows = np.flatnonzero(np.isin(table.owner_arr, rows))
            vocab = grams_vocab(table.sgrams, srows, variant)
            xs = design(variant, table.sdense, table.sgrams, srows, vocab)
            heads = [
                fit(xs, table.sy[srows, j], SENT_C, table.sw[srows]) for j in range(len(LABELS))
            ]
            _HEADS_CACHE[key] = (vocab, heads)
        self.svocab, self.sheads = _HEADS_CACHE[key]
        # out-of-fold best-sentence scores for the message heads
        best = sentence_best_oof(table, rows, variant)
        self.mvocab = grams_vocab(table.grams, rows, variant)
        xm = hstack(
            [design(variant, table.dense, table.grams, rows, self.mvocab), csr_matrix(best)]
        ).tocsr()
        self.mheads = [
            fit(xm, table.y[rows, j], cs[n], table.w[rows]) for j, n in enumerate(LABELS)
        ]

    def sentence_scores(self, table: Table, rows: np.ndarray) -> np.ndarray:
        """Return the best sentence score per label for each of the rows' messages."""
        srows = np.flatnonzero(np.isin(table.owner_arr, rows))
        xs = design(self.variant, table.sdense, table.sgrams, srows, self.svocab)
        probs = np.column_stack([h.predict_proba(xs)[:, 1] for h in self.sheads])
        return best_per_owner(probs, table.owner_arr[srows], rows)

    def predict(self, table: Table, rows: np.ndarray) -> np.ndarray:
        """Return message probabilities, one column per label."""
        best = self.sentence_scores(table, rows)
        xm = hstack(
            [design(self.variant, table.dense, table.grams, rows, self.mvocab), csr_matrix(best)]
        ).tocsr()
        return np.column_stack([h.predict_proba(xm)[:, 1] for h in self.mheads])


def best_per_owner(probs: np.ndarray, owners: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Return, for each row (a message), the max over its sentences of each column."""
    out = np.zeros((len(rows), probs.shape[1]))
    where = {int(r): k for k, r in enumerate(rows)}
    for i, owner in enumerate(owners):
        k = where[int(owner)]
        out[k] = np.maximum(out[k], probs[i])
    return out


_OOF_CACHE: dict[tuple[int, bytes, str], np.ndarray] = {}


def sentence_best_oof(table: Table, rows: np.ndarray, variant: str) -> np.ndarray:
    """Return out-of-fold best-sentence scores for the rows (folds over messages)."""
    key = (id(table), rows.tobytes(), variant)
    if key not in _OOF_CACHE:
        _OOF_CACHE[key] = _sentence_best_oof(table, rows, variant)
    return _OOF_CACHE[key]


def _sentence_best_oof(table: Table, rows: np.ndarray, variant: str) -> np.ndarray:
    out = np.zeros((len(rows), len(LABELS)))
    folds = table.folds()[rows]
    for f in range(FOLDS):
        tr, te = rows[folds != f], rows[folds == f]
        if len(te) == 0:  # inside a cross-validation split: that fold is the held-out one
            continue
        srows = np.flatnonzero(np.isin(table.owner_arr, tr))
        vocab = grams_vocab(table.sgrams, srows, variant)
        xs = design(variant, table.sdense, table.sgrams, srows, vocab)
        heads = [fit(xs, table.sy[srows, j], SENT_C, table.sw[srows]) for j in range(len(LABELS))]
        trows = np.flatnonzero(np.isin(table.owner_arr, te))
        xt = design(variant, table.sdense, table.sgrams, trows, vocab)
        probs = np.column_stack([h.predict_proba(xt)[:, 1] for h in heads])
        out[folds == f] = best_per_owner(probs, table.owner_arr[trows], te)
    return out


# Thresholds searched. The heads are fitted with balanced class weights, so 0.5 is their natural
# boundary; below 0.2 a head fires on texts it barely leans on. Pressure chose 0.12 when 0.1 was
# allowed, and then read easy outs ("No worries if you can't.") as pressure.
THRESHOLDS = np.arange(0.2, 0.91, 0.025)


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    """Return the threshold with the best F1 on out-of-fold probabilities, and that F1."""
    best = (0.5, 0.0)
    for t in THRESHOLDS:
        score = prf(y, p >= t)[2]
        if score > best[1] + 1e-9:
            best = (float(t), score)
    return best


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    """Return precision, recall and F1."""
    tp = int(np.sum(pred & (y == 1)))
    fp = int(np.sum(pred & (y == 0)))
    fn = int(np.sum(~pred & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def threshold_rows(table: Table, rule: str) -> np.ndarray:
    """Return which rows choose the thresholds: every row, or whole messages only.

    The sentence rows teach the heads what one line looks like, but they outnumber the
    messages four to one; thresholds chosen on them fit single sentences, not the whole
    requests people check. "messages" picks them on whole messages (ours and the shared
    train split); "all" on every row.
    """
    rows = np.arange(len(table.texts))
    return rows < table.originals if rule == "messages" else np.ones(len(rows), dtype=bool)


def cross_validate(
    table: Table, variant: str, rule: str = "messages"
) -> tuple[dict[str, dict[str, float]], np.ndarray]:
    """Choose C and threshold per label by 5-fold CV over the training messages."""
    n = len(table.texts)
    oof = {c: np.zeros((n, len(LABELS))) for c in GRID_C}
    folds = table.folds()
    for f in range(FOLDS):
        tr, te = np.flatnonzero(folds != f), np.flatnonzero(folds == f)
        for c in GRID_C:
            model = Model(table, tr, variant, dict.fromkeys(LABELS, c))
            oof[c][te] = model.predict(table, te)
    # the best sentence alone, out of fold: short messages are often one telling sentence
    sent = sentence_best_oof(table, np.arange(n), variant)
    chosen = {}
    for j, name in enumerate(LABELS):
        options = []
        for c in GRID_C:
            for mode in ("message", "max"):
                p = oof[c][:, j] if mode == "message" else np.maximum(oof[c][:, j], sent[:, j])
                known = (table.y[:, j] >= 0) & threshold_rows(table, rule)
                options.append((*best_threshold(table.y[known, j], p[known]), c, mode))
        best = max(options, key=lambda t: t[1])
        chosen[name] = {"threshold": best[0], "cv_f1": best[1], "c": best[2], "mode": best[3]}
    table_oof = np.column_stack(
        [
            oof[chosen[n]["c"]][:, j]
            if chosen[n]["mode"] == "message"
            else np.maximum(oof[chosen[n]["c"]][:, j], sent[:, j])
            for j, n in enumerate(LABELS)
        ]
    )
    return chosen, table_oof


def report(variant: str, train: Table, dev: Table) -> tuple[Model, dict[str, Any], np.ndarray]:
    """Cross-validate, fit on all training data, print per-label figures on dev.

    Returns the fitted model, the chosen settings per label and the out-of-fold probabilities
    of the training rows.
    """
    chosen, train_oof = cross_validate(train, variant)
    model = Model(train, np.arange(len(train.texts)), variant, {n: chosen[n]["c"] for n in LABELS})
    probs = model.predict(dev, np.arange(len(dev.texts)))
    best = model.sentence_scores(dev, np.arange(len(dev.texts)))
    for j, name in enumerate(LABELS):
        if chosen[name]["mode"] == "max":
            probs[:, j] = np.maximum(probs[:, j], best[:, j])
    print(f"\nvariant {variant}: {len(train.texts)} train, {len(dev.texts)} dev")
    print(
        f"{'label':20} {'C':>5} {'mode':>7} {'thr':>5} {'cvF1':>6} {'P':>6} {'R':>6} {'devF1':>6}"
    )
    for j, name in enumerate(LABELS):
        ch = chosen[name]
        p, r, f = prf(dev.y[:, j], probs[:, j] >= ch["threshold"])
        ch.update(dev_p=p, dev_r=r, dev_f1=f)
        print(
            f"{name:20} {ch['c']:5.1f} {ch['mode']:>7} {ch['threshold']:5.2f} "
            f"{ch['cv_f1']:6.3f} {p:6.3f} {r:6.3f} {f:6.3f}"
        )
    cv = np.mean([chosen[n]["cv_f1"] for n in LABELS])
    dv = np.mean([chosen[n]["dev_f1"] for n in LABELS])
    print(f"{'macro':20} {'':5} {'':7} {'':5} {cv:6.3f} {'':6} {'':6} {dv:6.3f}")
    chosen["quality"] = quality_head(train, train_oof, dev, probs)
    return model, chosen, train_oof


def quality_head(train: Table, train_oof: np.ndarray, dev: Table, dev_probs: np.ndarray) -> Any:
    """Fit overall_quality on the out-of-fold label probabilities; print dev Spearman."""
    from scipy.stats import spearmanr
    from sklearn.linear_model import Ridge

    n = train.originals
    y = np.asarray([r["overall_quality"] for r in train.records[:n]], dtype=float)
    y_dev = np.asarray([r["overall_quality"] for r in dev.records], dtype=float)
    head = Ridge(alpha=1.0).fit(train_oof[:n], y)
    rho = spearmanr(head.predict(dev_probs), y_dev).statistic
    print(f"quality: dev Spearman {rho:.3f}")
    return {
        "bias": float(head.intercept_),
        "dev_spearman": round(float(rho), 4),
        "weights": {n: round(float(w), 4) for n, w in zip(LABELS, head.coef_, strict=True)},
    }


def export(model: Model, chosen: dict[str, Any], n_train: int) -> None:
    """Write the sentence and message heads as arrays plus a JSON of vocabularies."""
    arrays = {}
    for j, name in enumerate(LABELS):
        arrays[f"s_{name}"] = model.sheads[j].coef_[0].astype(np.float32)
        arrays[f"m_{name}"] = model.mheads[j].coef_[0].astype(np.float32)
    meta = {
        "labels": list(LABELS),
        "meaning_scale": MEANING_SCALE,
        "cue_scale": CUE_SCALE,
        "sentence_vocab": sorted(model.svocab, key=model.svocab.__getitem__),
        "message_vocab": sorted(model.mvocab, key=model.mvocab.__getitem__),
        "sentence_bias": {n: float(model.sheads[j].intercept_[0]) for j, n in enumerate(LABELS)},
        "message_bias": {n: float(model.mheads[j].intercept_[0]) for j, n in enumerate(LABELS)},
        "threshold": {n: round(chosen[n]["threshold"], 4) for n in LABELS},
        "mode": {n: chosen[n]["mode"] for n in LABELS},
        "cv_f1": {n: round(chosen[n]["cv_f1"], 4) for n in LABELS},
        "quality": chosen["quality"],
        "trained_on": n_train,
        "rows_with_sentences": len(model.table.texts),
        "seed": SEED,
    }
    MODELS.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(MODELS / "findings.npz", **arrays)
    (MODELS / "findings.json").write_text(
        json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print("wrote", MODELS / "findings.npz", MODELS / "findings.json")


def main() -> None:
    """Train, report and optionally export."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--no-extra", action="store_true")
    parser.add_argument(
        "--with-extra2",
        action="store_true",
        help="also train on requests_extra2.jsonl (measured: dev macro 0.773 vs 0.789 without)",
    )
    parser.add_argument("--variant", choices=("a", "c", "both"), default="c")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    records = load(args.data / "requests" / "train.jsonl")
    for extra in (EXTRA, EXTRA2) if args.with_extra2 else (EXTRA,):
        if extra.exists() and not args.no_extra:
            records += load(extra)
    train = Table(records, augment=True)
    dev = Table(load(args.data / "requests" / "dev.jsonl"))
    for variant in ("a", "c") if args.variant == "both" else (args.variant,):
        model, chosen, _ = report(variant, train, dev)
        if args.write and variant == "c":
            export(model, chosen, len(records))


if __name__ == "__main__":
    main()
