"""Coach quality on real wording: per-label precision/recall/F1, crisis confusion, worst misses.

Run: .venv/bin/python bench/coach_quality.py [--split dev] [--misses 3] [--data ../shared/data]
     .venv/bin/python bench/coach_quality.py --file training/data/requests_extra3.jsonl

`--file` scores any file of labelled requests instead, such as requests_extra3.jsonl: written
by hand by the team and never trained on, it is a second held-out set (docs/benchmarks.md).

Reads ../shared/data/requests/<split>.jsonl (labelled by hand; LABELS.md) and the crisis sets
in tests/data/crisis/, runs the shipped coach exactly as a user meets it (`check()`), and
prints what it found against the labels. The dev split is never used to train.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from askwell.core.coach import check  # noqa: E402
from askwell.core.coach.evaluate import LABEL_RULES, evaluate, label_decisions  # noqa: E402


def load(path: Path) -> list[dict[str, Any]]:
    """Return the records of one JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "data")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--misses", type=int, default=3)
    parser.add_argument("--file", type=Path, help="a JSONL file of labelled requests instead")
    args = parser.parse_args()
    if args.file:
        args.split = args.file.stem
    records = load(args.file or args.data / "requests" / f"{args.split}.jsonl")
    result = evaluate(records)
    print(f"{args.split}: {len(records)} requests")
    print(f"{'label':20} {'rule':20} {'P':>6} {'R':>6} {'F1':>6} {'n':>4} {'span':>11}")
    for name, fig in result["labels"].items():
        agree = fig["span_agreement"]
        span = f"{agree:.2f} of {fig['span_judged']:3d}" if agree is not None else ""
        print(
            f"{name:20} {LABEL_RULES[name]:20} {fig['precision']:6.3f} {fig['recall']:6.3f} "
            f"{fig['f1']:6.3f} {fig['support']:4d} {span:>11}"
        )
    print(f"{'macro F1':41} {result['macro_f1']:20.3f}")
    print(f"score vs overall_quality: Spearman {result['spearman']:.3f}")
    print("span: of the messages rightly found, how often the span overlaps the evidence")
    crisis = result["crisis"]
    print(
        f"crisis on {args.split}: {crisis['tp']} caught, {crisis['fn']} missed, "
        f"{crisis['fp']} false alarms of {crisis['negatives']} others"
    )
    sets = REPO / "tests" / "data" / "crisis"
    for name, want in (("positives.jsonl", True), ("hard_negatives.jsonl", False)):
        path = sets / name
        if path.exists():
            rows = load(path)
            wrong = [r["text"] for r in rows if check(r["text"]).crisis != want]
            print(f"crisis set {name}: {len(rows) - len(wrong)}/{len(rows)} right")
            for text in wrong[: args.misses]:
                print("    wrong:", text[:140].replace("\n", " "))
    print("\nworst misses (highest-confidence wrong decisions) per label:")
    for name in result["labels"]:
        wrong = []
        for rec in records:
            decision = label_decisions(rec["text"])[name]
            if decision[0] != rec["labels"][name]:
                wrong.append((decision[1], decision[0], rec))
        wrong.sort(key=lambda t: -t[0])
        for conf, said, rec in wrong[: args.misses]:
            kind = "false alarm" if said else "missed"
            print(f"  {name:18} {kind:11} ({conf:.2f}) {rec['id']}: {rec['text'][:110]!r}")


if __name__ == "__main__":
    main()
