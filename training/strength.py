"""Train the request-strength estimate on Random Acts of Pizza (train, text only), tune on dev.

Run: .venv/bin/python training/strength.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATA, SEED, export, vectorize

from askwell.core.coach.strength import cues_found, features

GRID_C = (0.001, 0.002, 0.003, 0.005, 0.01, 0.02)
# Outcome leakage the edit-aware cleaning missed ("EDIT: got my pizza, thanks!"): cut it off.
LEAK = re.compile(
    r"\b(?:edit|update)\b.{0,80}\b(?:thank|thanks|received|got (?:a |my |the )?pizza|fulfilled"
    r"|delivered)",
    re.IGNORECASE | re.DOTALL,
)


def request_text(row: dict[str, object]) -> str:
    """Return title + body with leaked outcome edits removed."""
    text = f"{row['title']}\n{row['text']}".strip()
    m = LEAK.search(text)
    return text[: m.start()].rstrip() if m else text


def load(path: Path) -> tuple[list[str], list[bool]]:
    """Return texts and labels of one split."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [request_text(r) for r in rows], [bool(r["received"]) for r in rows]


def featurize(texts: list[str]) -> list[set[str]]:
    """Return the runtime feature set of each text."""
    return [features(t, cues_found(t)) for t in texts]


def main() -> None:
    """Fit, pick C on dev ROC AUC, print dev figures and export the weights."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args()
    train_x, train_y = load(args.data / "raop" / "train.jsonl")
    dev_x, dev_y = load(args.data / "raop" / "dev.jsonl")
    x_train, vocab = vectorize(featurize(train_x), args.min_count)
    x_dev, _ = vectorize(featurize(dev_x), vocab=vocab)
    best = None
    for c in GRID_C:
        model = LogisticRegression(
            C=c, class_weight="balanced", max_iter=5000, random_state=SEED
        ).fit(x_train, train_y)
        auc = roc_auc_score(dev_y, model.decision_function(x_dev))
        print(f"C={c:<5} dev ROC AUC {auc:.3f}")
        if best is None or auc > best[1]:
            best = (c, auc, model)
    assert best is not None
    c, auc, model = best
    meta = {"C": c, "min_count": args.min_count, "seed": SEED, "dev_roc_auc": round(auc, 4)}
    path = export("strength", vocab, model.coef_[0], model.intercept_[0], meta)
    print(f"best C={c}: dev ROC AUC {auc:.3f}")
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
