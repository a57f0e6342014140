"""Check many requests at once (a file of requests): one process, or every core for big files.

A check costs a few milliseconds of CPU and nothing else, so a long file is spread over worker
processes, one per core, in chunks; the results come back in the file's order. Starting a
worker means importing askwell and loading the coach's models (about a second), so files
shorter than PARALLEL_FROM stay in this process. bench/coach.py measures both.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

PARALLEL_FROM = 2_000  # records; below this, starting workers costs more than it saves
CHUNK = 200


def _check_one(text: str, channel: str | None, country: str | None) -> dict[str, Any]:
    from askwell.core.coach import TextTooLong, check

    try:
        return check(text, channel=channel, country=country).to_dict()
    except TextTooLong as exc:
        return {"error": str(exc)}


def _check_chunk(args: tuple[list[str], str | None, str | None]) -> list[dict[str, Any]]:
    texts, channel, country = args
    return [_check_one(t, channel, country) for t in texts]


def workers_for(count: int, cores: int | None = None) -> int:
    """Return how many processes to use for `count` records (1: stay in this process)."""
    cores = cores if cores is not None else (os.cpu_count() or 1)
    return 1 if count < PARALLEL_FROM or cores < 2 else min(cores, 8)


def check_many(
    texts: Sequence[str],
    *,
    channel: str | None = None,
    country: str | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield each text's report as a dict (or `{"error": ...}` for a text too long), in order."""
    n = workers if workers is not None else workers_for(len(texts))
    if n <= 1:
        for text in texts:
            yield _check_one(text, channel, country)
            if progress:
                progress(1)
        return
    chunks = [(list(texts[i : i + CHUNK]), channel, country) for i in range(0, len(texts), CHUNK)]
    with ProcessPoolExecutor(max_workers=n) as pool:
        for rows in pool.map(_check_chunk, chunks):
            yield from rows
            if progress:
                progress(len(rows))
