"""Politeness and request strength with the encoder (issue 9, item 5), against today's models.

Steps (each a sub-command; see docs/encoder_results.md for the exact runs):
    prepare  DIR            write the texts and labels (RAOP leak-cleaned as strength.py does)
    embed    DIR NAME [W]   mean-pooled, L2-normalised embeddings of every text with the base
                            MiniLM, or with the fine-tuned request encoder's weights W
    finetune DIR            fine-tune MiniLM on each task itself (3 epochs, fixed a priori)
    heads    DIR NAME...    logistic heads on the embeddings (C by 5-fold CV on train), alone
                            and beside today's features; dev figures
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from encoder_model import SEED, Hyper, encode_ids, fit, predict, tokenizer

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data"
SPLITS = ("train", "dev")
GRID_C = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
MAX_LEN = {"politeness": 128, "raop": 256}
LIMIT: list[int | None] = [None]  # --limit: first N rows of each split (smoke tests)


def read(folder: Path, task: str, split: str) -> list[dict[str, Any]]:
    """Return the prepared rows of one task and split."""
    with gzip.open(folder / f"{task}_{split}.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh][: LIMIT[0]]


def prepare(folder: Path, data: Path) -> None:
    """Write politeness (polite/impolite rows) and RAOP texts with labels, as training sees them."""
    sys.path.insert(0, str(REPO / "src"))
    import politeness
    import strength

    folder.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        pol = [
            {"text": r["text"], "domain": r["domain"], "y": int(r["paper_class"] == "polite")}
            for r in politeness.load(data / "politeness" / f"{split}.csv")
        ]
        texts, received = strength.load(data / "raop" / f"{split}.jsonl")
        raop = [{"text": t, "y": int(y)} for t, y in zip(texts, received, strict=True)]
        for task, rows in (("politeness", pol), ("raop", raop)):
            with gzip.open(folder / f"{task}_{split}.jsonl.gz", "wt", encoding="utf-8") as fh:
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
            print(f"{task} {split}: {len(rows)} rows")


def embed(folder: Path, name: str, weights: Path | None, device: str) -> None:
    """Save fp16 embeddings of every prepared text (base MiniLM, or fine-tuned weights)."""
    from encoder import load_weights
    from encoder_model import LABELS, build

    hyper = Hyper()
    model = load_weights(weights, hyper) if weights else build(len(LABELS), hyper)
    model = model.to(device).eval()
    arrays = {}
    for task in MAX_LEN:
        tok = tokenizer(MAX_LEN[task])
        for split in SPLITS:
            ids = encode_ids(tok, [r["text"] for r in read(folder, task, split)])
            _, _, pooled = predict(model, ids, device, batch=128)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)
            arrays[f"{task}_{split}"] = pooled.astype(np.float16)
    np.savez(folder / f"emb_{name}.npz", **arrays)
    print(f"wrote {folder / f'emb_{name}.npz'}")


def scores(task: str, rows: list[dict[str, Any]], prob: np.ndarray) -> dict[str, float]:
    """Return dev accuracy per domain (politeness) or ROC AUC (RAOP)."""
    from sklearn.metrics import roc_auc_score

    y = np.array([r["y"] for r in rows])
    if task == "raop":
        return {"roc_auc": round(float(roc_auc_score(y, prob)), 4)}
    out = {}
    for domain in ("wikipedia", "stackexchange", None):
        idx = np.array([domain is None or r["domain"] == domain for r in rows])
        out[domain or "all"] = round(float(np.mean((prob[idx] >= 0.5) == y[idx])), 4)
    return out


def finetune(folder: Path, device: str, epochs: int = 3) -> dict[str, Any]:
    """Fine-tune MiniLM on each task (train split), score dev; settings fixed before dev."""
    out = {}
    for task in MAX_LEN:
        hyper = replace(Hyper(), max_len=MAX_LEN[task], max_epochs=epochs, quality_weight=0.0)
        tok = tokenizer(hyper.max_len)
        train, dev = (read(folder, task, s) for s in SPLITS)
        y = np.array([[r["y"]] for r in train], dtype=np.float32)
        model = fit(
            encode_ids(tok, [r["text"] for r in train]),
            y,
            np.full(len(train), 3.0, dtype=np.float32),
            hyper=hyper,
            device=device,
        )
        prob = predict(model, encode_ids(tok, [r["text"] for r in dev]), device)[0][:, 0]
        out[task] = scores(task, dev, prob)
        print(f"fine-tuned on {task}: dev {out[task]}", flush=True)
    (folder / "finetune.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return out


def todays_features(task: str, rows: list[dict[str, Any]]) -> list[set[str]]:
    """Return today's runtime feature set of each text (training/politeness.py, strength.py)."""
    sys.path.insert(0, str(REPO / "src"))
    if task == "politeness":
        from askwell.core.coach.politeness import features, find_strategies

        return [features(r["text"], find_strategies(r["text"])) for r in rows]
    from askwell.core.coach.strength import cues_found
    from askwell.core.coach.strength import features as strength_features

    return [strength_features(r["text"], cues_found(r["text"])) for r in rows]


def cv_logistic(x: Any, y: np.ndarray, task: str) -> Any:
    """Fit a logistic head, C chosen by 5-fold CV on train (accuracy or ROC AUC)."""
    from sklearn.linear_model import LogisticRegressionCV

    return LogisticRegressionCV(
        Cs=list(GRID_C),
        cv=5,
        scoring="roc_auc" if task == "raop" else "accuracy",
        class_weight="balanced" if task == "raop" else None,
        max_iter=5000,
        random_state=SEED,
    ).fit(x, y)


def heads(folder: Path, names: list[str]) -> dict[str, Any]:
    """Logistic heads on each embedding set, alone and beside today's features."""
    from common import vectorize
    from scipy.sparse import csr_matrix, hstack

    out: dict[str, Any] = {}
    for task in MAX_LEN:
        train, dev = (read(folder, task, s) for s in SPLITS)
        y = np.array([r["y"] for r in train])
        min_count = 2 if task == "politeness" else 3
        f_train, vocab = vectorize(todays_features(task, train), min_count)
        f_dev, _ = vectorize(todays_features(task, dev), vocab=vocab)
        model = cv_logistic(f_train, y, task)
        out[f"{task}/today's features (refit, C by CV)"] = scores(
            task, dev, model.predict_proba(f_dev)[:, 1]
        )
        for name in names:
            emb = np.load(folder / f"emb_{name}.npz")
            e_train = emb[f"{task}_train"].astype(np.float32)
            e_dev = emb[f"{task}_dev"].astype(np.float32)
            model = cv_logistic(e_train, y, task)
            out[f"{task}/{name} embedding"] = scores(task, dev, model.predict_proba(e_dev)[:, 1])
            both_train = hstack([f_train, csr_matrix(e_train)]).tocsr()
            both_dev = hstack([f_dev, csr_matrix(e_dev)]).tocsr()
            model = cv_logistic(both_train, y, task)
            out[f"{task}/today's features + {name} embedding"] = scores(
                task, dev, model.predict_proba(both_dev)[:, 1]
            )
        for key, value in out.items():
            if key.startswith(task):
                print(f"{key}: dev {value}", flush=True)
    (folder / "heads.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return out


def main() -> None:
    """Dispatch the sub-command."""
    import torch

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("step", choices=("prepare", "embed", "finetune", "heads"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("names", nargs="*")
    parser.add_argument("--weights", type=Path)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    LIMIT[0] = args.limit
    torch.set_num_threads(2)
    if args.step == "prepare":
        prepare(args.folder, args.data)
    elif args.step == "embed":
        embed(args.folder, args.names[0], args.weights, args.device)
    elif args.step == "finetune":
        finetune(args.folder, args.device, args.epochs)
    else:
        heads(args.folder, args.names)


if __name__ == "__main__":
    main()
