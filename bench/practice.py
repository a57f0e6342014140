"""Time the practice suggestions (the home page's tip) over a real SQLite store.

They read the one history loader, `services.load_history`. Run:
.venv/bin/python bench/practice.py [--entries 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from insights import build

from askwell.services.history import load_history
from askwell.services.insights import practice
from askwell.storage.store import open_store


def main() -> None:
    """Build a store with --entries rows and print the median time of loading and practice."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.db'}")
        build(store, args.entries)
        for name, run in (("load_history", load_history), ("practice", practice)):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                run(store)
                times.append(time.perf_counter() - start)
            print(f"{name:<13} {args.entries:>7} entries  median {statistics.median(times):.2f} s")
        store.close()


if __name__ == "__main__":
    main()
