"""Benchmark the coach: check() throughput against a plain `re.findall(r"\\w+", t)` pass.

Run: .venv/bin/python bench/coach.py [--repeat 5]
Texts: the politeness and RAOP dev splits from ../shared/data (our own samples if absent).
Prints requests/s, the ratio to the baseline measured in the same run, and peak RSS.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
OWN = (
    "Hi Sam, I'm preparing my first conference talk. Could you take a quick look at two slides "
    "by Thursday? No worries if you can't. Thank you!",
    "URGENT!!! You never reply. I'm begging you, help me ASAP.",
    "Can you help me?",
)


def load_texts() -> list[str]:
    """Return the benchmark texts."""
    if not (DATA / "politeness" / "dev.csv").exists():
        return list(OWN) * 500
    with (DATA / "politeness" / "dev.csv").open(encoding="utf-8", newline="") as fh:
        texts = [row["text"] for row in csv.DictReader(fh)]
    with (DATA / "raop" / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts.append(f"{row['title']}\n{row['text']}")
    return texts


def best_time(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Return the best wall time of `repeat` passes of fn over all texts."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from askwell.core.coach import check

    texts = load_texts()
    check("warm up: load the weights once")
    word = re.compile(r"\w+")
    baseline = best_time(word.findall, texts, args.repeat)
    coach = best_time(check, texts, args.repeat)
    long_text = ("Could you review two slides for me by Friday? Thanks! " * 2000)[:100_000]
    start = time.perf_counter()
    check(long_text)
    long_s = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mean_chars = sum(map(len, texts)) / len(texts)
    print(f"texts: {len(texts)} (mean {mean_chars:.0f} chars), best of {args.repeat}")
    print(f"baseline re.findall(r'\\w+'): {len(texts) / baseline:,.0f} texts/s")
    print(f"check(): {len(texts) / coach:,.0f} req/s, {coach / len(texts) * 1e6:.0f} us/req")
    print(f"ratio check / baseline: {coach / baseline:.1f}x")
    print(f"100,000-char text: {long_s * 1000:.0f} ms")
    print(f"peak RSS: {rss_mb:.0f} MB (python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
