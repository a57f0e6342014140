"""Check an extra requests file (requests_extra*.jsonl) against the rules in LABELS.md."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from askwell.core.coach.findings_labels import LABELS as FINDING_LABELS

HERE = Path(__file__).resolve().parent
EXTRA = HERE / "requests_extra.jsonl"
TRAIN = HERE.parents[1] / ".." / "shared" / "data" / "requests" / "train.jsonl"

LABELS = FINDING_LABELS  # one list: askwell.core.coach.findings_labels
CHANNELS = {"chat", "text", "email", "forum", "in-person"}
RELATIONSHIPS = {
    "manager",
    "colleague",
    "report",
    "mentor",
    "teacher",
    "friend",
    "family",
    "partner",
    "neighbour",
    "stranger",
    "community",
}
ID_PREFIXES = ("x", "y", "z")  # x, y, z: requests_extra.jsonl, _extra2, _extra3
KEYS = {"id", "channel", "relationship", "text", "labels", "evidence", "overall_quality"}


def normalise(text: str) -> str:
    """Fold case and whitespace so near-identical texts compare equal."""
    return " ".join(text.lower().split())


def check_record(rec: object, where: str) -> list[str]:
    """Return the problems with one parsed record (empty when it is sound)."""
    if not isinstance(rec, dict):
        return [f"{where}: not a JSON object"]
    errors: list[str] = []
    if set(rec) != KEYS:
        errors.append(f"{where}: keys {sorted(rec)} != {sorted(KEYS)}")
        return errors
    rid, text = rec["id"], rec["text"]
    if not (isinstance(rid, str) and rid[:1] in ID_PREFIXES and rid[1:].isdigit()):
        errors.append(f"{where}: id {rid!r} must be 'x', 'y' or 'z' followed by digits")
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: empty or non-string text")
        return errors
    if rec["channel"] not in CHANNELS:
        errors.append(f"{where}: unknown channel {rec['channel']!r}")
    if rec["relationship"] not in RELATIONSHIPS:
        errors.append(f"{where}: unknown relationship {rec['relationship']!r}")
    quality = rec["overall_quality"]
    if isinstance(quality, bool) or not isinstance(quality, int) or not 1 <= quality <= 5:
        errors.append(f"{where}: overall_quality {quality!r} not an int in 1..5")
    labels, evidence = rec["labels"], rec["evidence"]
    if not isinstance(labels, dict) or not isinstance(evidence, dict):
        return [*errors, f"{where}: labels and evidence must be objects"]
    if set(labels) != set(LABELS):
        errors.append(f"{where}: labels {sorted(set(labels) ^ set(LABELS))} missing or unknown")
    for name in LABELS:
        value = labels.get(name)
        if not isinstance(value, bool):
            errors.append(f"{where}: label {name} is {value!r}, not a boolean")
        elif value:
            ev = evidence.get(name)
            if not isinstance(ev, str) or not ev.strip():
                errors.append(f"{where}: true label {name} has no evidence")
            elif ev not in text:
                errors.append(f"{where}: evidence for {name} is not in text: {ev!r}")
    for name in evidence:
        if labels.get(name) is not True:
            errors.append(f"{where}: evidence given for {name}, which is not a true label")
    if labels.get("specific_ask") and labels.get("vague_ask"):
        errors.append(f"{where}: specific_ask and vague_ask are both true")
    return errors


def validate(
    extra: Path, train: Path, others: tuple[Path, ...] = ()
) -> tuple[list[str], list[dict[str, object]]]:
    """Validate every line of extra; return the problems and the parsed records.

    Texts must not repeat train.jsonl or any of the other extra files.
    """
    seen_train = set()
    if train.exists():
        with train.open(encoding="utf-8") as fh:
            seen_train = {normalise(json.loads(line)["text"]) for line in fh if line.strip()}
    else:
        print(f"warning: {train} not found; skipping the overlap check", file=sys.stderr)
    for other in others:
        with other.open(encoding="utf-8") as fh:
            seen_train |= {normalise(json.loads(line)["text"]) for line in fh if line.strip()}
    errors: list[str] = []
    records: list[dict[str, object]] = []
    ids: set[str] = set()
    texts: dict[str, str] = {}
    with extra.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {n}: blank line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {n}: bad JSON ({exc})")
                continue
            where = f"line {n} ({rec.get('id') if isinstance(rec, dict) else '?'})"
            problems = check_record(rec, where)
            errors.extend(problems)
            if problems:
                continue
            if rec["id"] in ids:
                errors.append(f"{where}: duplicate id")
            ids.add(rec["id"])
            key = normalise(rec["text"])
            if key in seen_train:
                errors.append(
                    f"{where}: text duplicates a record in train.jsonl or another extra file"
                )
            if key in texts:
                errors.append(f"{where}: text duplicates {texts[key]}")
            texts[key] = rec["id"]
            records.append(rec)
    return errors, records


def main() -> int:
    """Validate the extra requests file and print per-label true counts."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=EXTRA)
    parser.add_argument("--train", type=Path, default=TRAIN)
    args = parser.parse_args()
    others = tuple(
        p for p in sorted(HERE.glob("requests_extra*.jsonl")) if p.resolve() != args.path.resolve()
    )
    errors, records = validate(args.path, args.train, others)
    for err in errors:
        print(err)
    counts = Counter(name for rec in records for name in LABELS if rec["labels"][name])  # type: ignore[index]
    quality = Counter(rec["overall_quality"] for rec in records)
    print(f"{len(records)} valid records, {len(errors)} problems")
    for name in LABELS:
        print(f"  {name:18} {counts[name]:4}")
    print("  quality " + "  ".join(f"{q}:{quality[q]}" for q in range(1, 6)))
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
