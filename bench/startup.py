"""Start-up cost: median wall time of `askwell --help` as a ratio to `python -c pass`.

Run: .venv/bin/python bench/startup.py [--runs N] [--importtime]
Target: ratio <= 6. Runs are interleaved so machine load hits both commands alike.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET = 6.0


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def measure(runs: int) -> tuple[list[float], list[float]]:
    """Return the wall times of `python -c pass` and `askwell --help`, interleaved."""
    askwell = str(Path(sys.executable).with_name("askwell"))
    base_cmd, help_cmd = [sys.executable, "-c", "pass"], [askwell, "--help"]
    _time(base_cmd), _time(help_cmd)  # warm the file cache and .pyc files
    base, helps = [], []
    for _ in range(runs):
        base.append(_time(base_cmd))
        helps.append(_time(help_cmd))
    return base, helps


def import_costs(top: int = 12) -> list[tuple[int, str]]:
    """Return the costliest imports of `askwell --help` (cumulative us; two levels deep)."""
    code = "from askwell.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if m and len(m[2]) <= 3:  # imported by the entry point, or one level below
            rows.append((int(m[1]), ("  " if len(m[2]) > 1 else "") + m[3]))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--importtime", action="store_true", help="Also list costly imports.")
    args = parser.parse_args()
    base, helps = measure(args.runs)
    b, h = statistics.median(base), statistics.median(helps)
    ratio = h / b
    print(f"runs: {args.runs} (interleaved), python {sys.version.split()[0]}")
    print(f"python -c pass  median {b * 1000:7.1f} ms  (min {min(base) * 1000:.1f})")
    print(f"askwell --help  median {h * 1000:7.1f} ms  (min {min(helps) * 1000:.1f})")
    verdict = "meets" if ratio <= TARGET else "MISSES"
    print(f"ratio {ratio:.2f}x  ({verdict} the target of <= {TARGET:g}x)")
    if args.importtime or ratio > TARGET:
        print("costliest imports of `askwell --help` (cumulative; indented: nested one level):")
        for us, name in import_costs():
            print(f"  {us / 1000:7.1f} ms  {name}")


if __name__ == "__main__":
    main()
