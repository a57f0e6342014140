"""Check training/data/crisis_extra.jsonl: valid JSON, known kinds, label matches kind,
no duplicate texts, nothing identical to tests/data/crisis/*.jsonl.

Run: python training/data/validate_crisis_extra.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRA = HERE / "crisis_extra.jsonl"
TESTS = HERE.parents[1] / "tests" / "data" / "crisis"  # not crisis_holdout: never read
POSITIVE = {"direct", "indirect", "self-harm", "plan-or-means", "goodbye", "danger-from-other"}
NEGATIVE = {"burnout", "grief", "hyperbole", "neutral-context", "ordinary", "low-mood"}


def norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def main() -> int:
    errors: list[str] = []
    test_texts = {
        norm(json.loads(line)["text"])
        for path in sorted(TESTS.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    seen: dict[str, int] = {}
    kinds: Counter[str] = Counter()
    for n, line in enumerate(EXTRA.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: not JSON ({exc})")
            continue
        if set(rec) != {"text", "crisis", "kind"}:
            errors.append(f"line {n}: keys {sorted(rec)}")
            continue
        text, crisis, kind = rec["text"], rec["crisis"], rec["kind"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"line {n}: empty text")
        if kind not in POSITIVE | NEGATIVE:
            errors.append(f"line {n}: unknown kind {kind!r}")
        elif crisis is not (kind in POSITIVE):
            errors.append(f"line {n}: crisis={crisis!r} does not match kind {kind!r}")
        key = norm(text)
        if key in seen:
            errors.append(f"line {n}: duplicate of line {seen[key]}")
        seen.setdefault(key, n)
        if key in test_texts:
            errors.append(f"line {n}: identical to a test line")
        kinds[kind] += 1
    for error in errors:
        print(error)
    pos = sum(kinds[k] for k in POSITIVE)
    print(f"{pos} positives, {sum(kinds.values()) - pos} hard negatives")
    for kind in sorted(kinds):
        print(f"  {kind}: {kinds[kind]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
