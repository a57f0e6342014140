"""Print the encoder's figures as Markdown tables (for docs/encoder_results.md).

Run: /work/venv-train/bin/python training/encoder_report.py [training/out] [--transfer DIR]
     [--holdout tests/data/crisis_holdout]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from encoder_model import LABELS

REPO = Path(__file__).resolve().parents[1]


def load(path: Path) -> dict[str, Any]:
    """Read one JSON file."""
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def crisis(c: dict[str, Any]) -> str:
    """Format crisis recall / misses / false alarms at one cut."""
    return (
        f"recall {c['recall']:.3f} ({c['missed']} missed), {c['false_alarms']} false alarms "
        f"({100 * c['false_alarm_rate']:.1f} %), cut {c['threshold']}"
    )


def labels_table(results: dict[str, dict[str, Any]]) -> list[str]:
    """Per-label CV F1 of every variant, and dev P/R/F1 of each variant's best-scored model."""
    names = list(results)
    head = "| label |" + "".join(f" CV F1 ({n}) |" for n in names)
    head += "".join(f" dev P / R / F1 ({n}) |" for n in names)
    lines = [head, "|---" * (1 + 2 * len(names)) + "|"]
    for label in LABELS:
        row = f"| {label} |"
        row += "".join(
            f" {r['cv']['table']['labels'][label]['f1']:.3f} |" for r in results.values()
        )
        for r in results.values():
            d = dev_of(r)["labels"][label]
            row += f" {d['precision']:.2f} / {d['recall']:.2f} / **{d['f1']:.3f}** |"
        lines.append(row)
    row = "| **macro F1** |" + "".join(
        f" **{r['cv']['table']['macro_f1']:.3f}** |" for r in results.values()
    )
    row += "".join(f" **{dev_of(r)['macro_f1']:.3f}** |" for r in results.values())
    lines.append(row)
    return lines


def dev_of(r: dict[str, Any]) -> dict[str, Any]:
    """Return the int8 ONNX dev figures when exported, else the torch ones."""
    return r.get("export", {}).get("onnx_int8") or r["dev_torch"]


def summary(results: dict[str, dict[str, Any]]) -> list[str]:
    """Epochs, CV variants of the macro, Spearman, crisis, export sizes and timings."""
    out = []
    for name, r in results.items():
        cv, dev = r["cv"], dev_of(r)
        source = "int8 ONNX" if "export" in r else "torch fp32"
        out += [
            f"### {name} ({r['trained_on']} training requests, dev scored with {source})",
            "",
            f"- epochs chosen by CV: {cv['epochs']} (of {r['hyper']['max_epochs']}); "
            f"training {r['train_seconds']} s on {r['device']} (torch {r['torch']})",
            "- CV macro F1 per epoch (thresholds tuned on all folds / from the other folds / "
            "at 0.5): "
            + "; ".join(
                f"{e}: {v['macro_f1_tuned_on_all_folds']:.3f} / "
                f"{v['macro_f1_thresholds_from_other_folds']:.3f} / {v['macro_f1_at_0.5']:.3f}"
                for e, v in cv["per_epoch"].items()
            ),
            f"- quality Spearman: CV {cv['quality_spearman']:.3f}, "
            f"dev {dev['quality_spearman']:.3f}",
            f"- crisis on dev, best-F1 cut: {crisis(dev['crisis']['best_f1_cut'])}",
            f"- crisis on dev, recall-first cut: {crisis(dev['crisis']['recall_first_cut'])}",
            f"- crisis in CV, recall-first cut: {crisis(cv['crisis']['recall_first_cut'])}",
            f"- dev macro F1, torch fp32: {r['dev_torch']['macro_f1']:.3f}",
        ]
        if "export" in r:
            e = r["export"]
            out += [
                f"- ONNX fp32: dev macro F1 {e['onnx_fp32']['macro_f1']:.3f}, "
                f"{e['onnx_fp32']['size_mib']} MiB; int8: {e['onnx_int8']['macro_f1']:.3f}, "
                f"{e['onnx_int8']['size_mib']} MiB",
            ]
            if "latency" in e:
                t = e["latency"]
                out.append(
                    f"- int8, one request at a time, one thread: p50 {t['encoder']['p50_ms']} ms, "
                    f"p95 {t['encoder']['p95_ms']} ms (n={t['n']}); load + first request "
                    f"{t['load_and_first_s']} s; RSS {t['rss_mib']:.0f} MiB (peak "
                    f"{t['peak_rss_mib']:.0f}, {t['rss_before_load_mib']:.0f} before loading)"
                )
        out.append("")
    return out


def transfer(folder: Path) -> list[str]:
    """Politeness and RAOP figures from heads.json and finetune.json."""
    lines = ["| model | dev |", "|---|---|"]
    for name in ("heads.json", "finetune.json"):
        path = folder / name
        if path.is_file():
            for key, value in load(path).items():
                label = key if name == "heads.json" else f"{key}/fine-tuned MiniLM (3 epochs)"
                lines.append(f"| {label} | {json.dumps(value)} |")
    return lines


def holdout(artifact: Path, folder: Path) -> list[str]:
    """Crisis recall and false alarms per kind on a held-out set, at the artifact's own cut."""
    from collections import Counter

    from encoder_export import runtime

    encoder = runtime().RequestEncoder(artifact)
    lines = [f"crisis held-out set {folder} (cut {encoder.thresholds['crisis']}):"]
    for name, want in (("positives", True), ("negatives", False)):
        rows = [json.loads(x) for x in (folder / f"{name}.jsonl").open(encoding="utf-8")]
        total, wrong = Counter(r["kind"] for r in rows), Counter()
        for r in rows:
            if ("crisis" in encoder.encode(r["text"]).found) != want:
                wrong[r["kind"]] += 1
        what = "missed" if want else "false alarms"
        per_kind = ", ".join(f"{k} {wrong[k]}/{n}" for k, n in total.most_common())
        lines.append(f"- {name}: {sum(wrong.values())} of {len(rows)} {what} ({per_kind})")
    return lines


def main() -> None:
    """Print every table."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, nargs="?", default=REPO / "training" / "out")
    parser.add_argument("--transfer", type=Path, help="folder with heads.json, finetune.json")
    parser.add_argument("--holdout", type=Path, help="crisis held-out folder (measure only)")
    args = parser.parse_args()
    results = {
        p.parent.name: load(p) for p in sorted((args.out / "encoder_work").glob("*/results.json"))
    }
    print("\n".join([*labels_table(results), "", *summary(results)]))
    if args.transfer:
        print("\n".join(transfer(args.transfer)))
    if args.holdout:
        print("\n".join(holdout(args.out / "encoder", args.holdout)))


if __name__ == "__main__":
    main()
