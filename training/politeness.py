"""Train the politeness estimate on the Stanford Politeness Corpus (train), tune on dev.

Run: .venv/bin/python training/politeness.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATA, SEED, export, vectorize

from askwell.core.coach.politeness import features, find_strategies

GRID_C = (0.03, 0.05, 0.1, 0.2, 0.3, 0.5)


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
    """Fit, pick C on dev, print dev figures and export the weights."""
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
    best = None
    for c in GRID_C:
        model = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
        model.fit(x_train, y_train)
        acc = accuracy_by_domain(model, x_dev, dev)
        print(f"C={c:<5} dev accuracy: " + ", ".join(f"{k} {v:.3f}" for k, v in acc.items()))
        if best is None or acc["all"] > best[1]["all"]:
            best = (c, acc, model)
    assert best is not None
    c, acc, model = best
    meta = {"C": c, "min_count": args.min_count, "seed": SEED, "dev_accuracy": acc}
    path = export("politeness", vocab, model.coef_[0], model.intercept_[0], meta)
    print(f"best C={c}: " + ", ".join(f"{k} {v:.3f}" for k, v in acc.items()))
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
