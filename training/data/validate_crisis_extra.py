"""Check training/data/crisis_extra*.jsonl and crisis_pairs.jsonl: valid JSON, known kinds,
label matches kind, no duplicate texts (across the files), nothing identical to
tests/data/crisis/*.jsonl, and a list of lines close to a test line (similarity over 0.8) to
review by hand. crisis_pairs.jsonl also has a "pair" id: each id has one crisis line and one
safe line.

Run: python training/data/validate_crisis_extra.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRAS = (HERE / "crisis_extra.jsonl", HERE / "crisis_extra2.jsonl", HERE / "crisis_pairs.jsonl")
PAIRED = {"crisis_pairs.jsonl"}  # files whose lines carry a "pair" id
TESTS = HERE.parents[1] / "tests" / "data" / "crisis"  # not crisis_holdout: never read
POSITIVE = {"direct", "indirect", "self-harm", "plan-or-means", "goodbye", "danger-from-other"}
POSITIVE.add("other-at-risk")  # a third person in danger (crisis_extra2.jsonl)
NEGATIVE = {"burnout", "grief", "hyperbole", "neutral-context", "ordinary", "low-mood"}
CLOSE = 0.8  # similarity to a test line worth reviewing by hand


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
    seen: dict[str, str] = {}
    kinds: Counter[str] = Counter()
    lines = [
        (f"{path.name}:{n}", line)
        for path in EXTRAS
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
    ]
    pairs: dict[str, list[bool]] = {}
    for n, line in lines:
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{n}: not JSON ({exc})")
            continue
        paired = n.split(":")[0] in PAIRED
        if set(rec) != {"text", "crisis", "kind"} | ({"pair"} if paired else set()):
            errors.append(f"{n}: keys {sorted(rec)}")
            continue
        if paired:
            pairs.setdefault(str(rec["pair"]), []).append(rec["crisis"])
        text, crisis, kind = rec["text"], rec["crisis"], rec["kind"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{n}: empty text")
        if kind not in POSITIVE | NEGATIVE:
            errors.append(f"{n}: unknown kind {kind!r}")
        elif crisis is not (kind in POSITIVE):
            errors.append(f"{n}: crisis={crisis!r} does not match kind {kind!r}")
        key = norm(text)
        if key in seen:
            errors.append(f"{n}: duplicate of line {seen[key]}")
        seen.setdefault(key, n)
        if key in test_texts:
            errors.append(f"{n}: identical to a test line")
        for other in test_texts:
            match = SequenceMatcher(None, key, other)
            quick = match.real_quick_ratio() > CLOSE and match.quick_ratio() > CLOSE
            if quick and match.ratio() > CLOSE:
                print(f"{n}: close to a test line ({match.ratio():.2f}), review")
        kinds[kind] += 1
    for pair, labels in sorted(pairs.items()):
        if sorted(labels) != [False, True]:
            errors.append(f"pair {pair}: labels {labels}, want one crisis and one safe line")
    for error in errors:
        print(error)
    pos = sum(kinds[k] for k in POSITIVE)
    print(f"{pos} positives, {sum(kinds.values()) - pos} hard negatives, {len(pairs)} pairs")
    for kind in sorted(kinds):
        print(f"  {kind}: {kinds[kind]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
