"""Train the politeness estimate on the Stanford Politeness Corpus (train), tune on dev.

Run: .venv/bin/python training/politeness.py [--data ../shared/data]

Features: the 20 strategies, word uni/bigrams and `scale` x the mean static embedding of
the words' pieces (models/embed); the embedding head is folded into one score per piece.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATA, SEED, export, fold_pieces, mean_pieces, static_table, vectorize

from askwell.core.coach.politeness import features, find_strategies, tokens

GRID_C = (0.05, 0.1, 0.2, 0.5)
GRID_SCALE = (0.0, 2.0, 3.0, 5.0)  # 0: no embedding features


def load(path: Path) -> list[dict[str, str]]:
    """Return the polite/impolite rows of one split."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["paper_class"] in ("polite", "impolite")]


def featurize(rows: list[dict[str, str]]) -> list[set[str]]:
    """Return the runtime feature set of each row."""
    return [features(r["text"], find_strategies(r["text"])) for r in rows]


def accuracy_by_domain(model: object, x: object, rows: list[dict[str, str]]) -> dict[str, float]:
    """Return dev accuracy per domain and overall."""
    pred = model.predict(x)  # type: ignore[attr-defined]
    out: dict[str, float] = {}
    for domain in ("wikipedia", "stackexchange", None):
        idx = [i for i, r in enumerate(rows) if domain is None or r["domain"] == domain]
        ok = sum(1 for i in idx if pred[i] == (rows[i]["paper_class"] == "polite"))
        out[domain or "all"] = ok / len(idx)
    return out


def main() -> None:
    """Fit, pick C and the embedding scale on dev, print dev figures and export the weights."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args()
    train = load(args.data / "politeness" / "train.csv")
    dev = load(args.data / "politeness" / "dev.csv")
    x_train, vocab = vectorize(featurize(train), args.min_count)
    x_dev, _ = vectorize(featurize(dev), vocab=vocab)
    y_train = [r["paper_class"] == "polite" for r in train]
    pieces_vocab, table = static_table()
    e_train, e_dev = (
        mean_pieces([tokens(r["text"])[1:] for r in rows], pieces_vocab, table)
        for rows in (train, dev)
    )
    best = None
    for scale in GRID_SCALE:
        a_train = hstack([x_train, csr_matrix(scale * e_train)]).tocsr() if scale else x_train
        a_dev = hstack([x_dev, csr_matrix(scale * e_dev)]).tocsr() if scale else x_dev
        for c in GRID_C:
            model = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
            model.fit(a_train, y_train)
            acc = accuracy_by_domain(model, a_dev, dev)
            print(
                f"scale={scale:<4} C={c:<5} dev accuracy: "
                + ", ".join(f"{k} {v:.3f}" for k, v in acc.items())
            )
            if best is None or acc["all"] > best[2]["all"]:
                best = (scale, c, acc, model)
    assert best is not None
    scale, c, acc, model = best
    coef = model.coef_[0]
    pieces = fold_pieces(coef[len(vocab) :], scale, pieces_vocab, table) if scale else None
    meta = {
        "C": c,
        "embedding_scale": scale,
        "min_count": args.min_count,
        "seed": SEED,
        "dev_accuracy": acc,
    }
    path = export("politeness", vocab, coef[: len(vocab)], model.intercept_[0], meta, pieces)
    print(f"best scale={scale} C={c}: " + ", ".join(f"{k} {v:.3f}" for k, v in acc.items()))
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
