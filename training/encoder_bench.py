"""Time the int8 encoder on single requests with one thread, in a process without torch.

Run: python training/encoder_bench.py ARTIFACT_DIR TEXTS_JSON [--rounds 3] [--baseline]
Prints one JSON line: p50/p95 per request, load time, RSS. With --baseline, today's
askwell.core.coach.check() is timed on the same texts, interleaved request by request with
the encoder (so machine load hits both alike), and the ratio is printed too.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RUNTIME = REPO / "src" / "askwell" / "core" / "coach" / "encoder.py"


def memory() -> tuple[float, float]:
    """Return this process's resident and peak resident memory in MiB."""
    status = Path("/proc/self/status").read_text(encoding="utf-8")
    rss = int(status.split("VmRSS:")[1].split()[0]) / 1024
    return rss, int(status.split("VmHWM:")[1].split()[0]) / 1024


def quantiles(times: list[float]) -> dict[str, float]:
    """Return p50, p95 and mean of durations in ms."""
    times = sorted(times)
    return {
        "p50_ms": round(1000 * times[len(times) // 2], 2),
        "p95_ms": round(1000 * times[int(len(times) * 0.95)], 2),
        "mean_ms": round(1000 * sum(times) / len(times), 2),
    }


def main() -> None:
    """Load, warm up, time, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("texts", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--baseline-src", type=Path, default=REPO / "src")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("encoder_runtime", RUNTIME)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    texts = json.loads(args.texts.read_text(encoding="utf-8"))
    rss_before, _ = memory()
    start = time.perf_counter()
    encoder = module.RequestEncoder(args.folder, threads=1)
    encoder.encode(texts[0])
    load_s = time.perf_counter() - start
    rss_loaded, _ = memory()
    check: Any = None
    if args.baseline:
        sys.path.insert(0, str(args.baseline_src))
        from askwell.core.coach import check
    for text in texts[:20]:
        encoder.encode(text)
        if check:
            check(text)
    enc_times: list[float] = []
    base_times: list[float] = []
    for _ in range(args.rounds):
        for text in texts:
            t0 = time.perf_counter()
            encoder.encode(text)
            t1 = time.perf_counter()
            enc_times.append(t1 - t0)
            if check:
                check(text)
                base_times.append(time.perf_counter() - t1)
    rss, peak = memory()
    result: dict[str, Any] = {
        "encoder": quantiles(enc_times),
        "n": len(enc_times),
        "load_and_first_s": round(load_s, 3),
        "rss_before_load_mib": round(rss_before, 1),
        "rss_after_load_mib": round(rss_loaded, 1),
        "rss_mib": round(rss, 1),
        "peak_rss_mib": round(peak, 1),
    }
    if base_times:
        result["check_today"] = quantiles(base_times)
        result["p95_ratio_encoder_over_check"] = round(
            result["encoder"]["p95_ms"] / result["check_today"]["p95_ms"], 2
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
