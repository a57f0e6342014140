"""Quality of "whom to ask": top-1 = best, top-1 acceptable and MRR on the shared scenarios.

    .venv/bin/python bench/whom_quality.py [--data ../shared/data/whom] [--folds 5] [--misses]

Each scenario (../shared/data/whom/scenarios.jsonl, format in its README) is set up as a
user would: people with their topics, supports, zones and hours; every earlier answer as an
ask on its own need, a "no" leaving the cooldown the app records. "Now" is Tuesday 10:00 in
the zone most of the network lives in. The figures:

- top-1 = best: the first person is the (or a) best one;
- top-1 acceptable: the first person is among the acceptable ones;
- MRR: mean of 1 / rank of the first best person.

Weights are chosen by k-fold cross-validation: for each fold, the grid point that scores best
on the other folds ranks the held-out fold; the printed figures are the held-out ones. The
shipped defaults are printed with their (in-sample) figures for comparison; they are never
the weights the held-out figures were computed with.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from askwell.core.match import Weights, build_network, rank_many
from askwell.core.match.rank import Ranking
from askwell.core.model import Answer, Ask, Boundary, History, Need, Person, parse_hours, parse_list
from askwell.core.moment import zone_of

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "whom"
ASKED_DAYS_AGO = 14
COOLDOWN_DAYS = 30
DIFFICULTIES = ("easy", "medium", "hard")
# The grid searched by cross-validation: each factor's weight is one of these values.
GRID: dict[str, tuple[float, ...]] = {
    "expertise": (2.0, 3.0, 4.0),
    "fit": (2.0, 3.0, 4.0, 5.0),
    "availability": (0.5, 1.0),
    "capacity": (1.0, 1.5),
    "balance": (1.0, 2.0, 3.0),
    "history": (0.5, 1.0),
}


@dataclass
class Scenario:
    """One labelled scenario, set up as askwell objects."""

    id: str
    difficulty: str
    need: Need
    history: History
    now: datetime
    best: frozenset[int]
    acceptable: frozenset[int]
    keys: dict[int, str]
    why: str


def _now(people: Sequence[dict[str, str]]) -> datetime:
    """Tuesday 3 March 2026, 10:00 in the zone most of the network lives in."""
    zone = Counter(p["tz"] for p in people).most_common(1)[0][0]
    return datetime(2026, 3, 3, 10, 0, tzinfo=zone_of(zone)).astimezone(UTC)


def build(raw: dict[str, object]) -> Scenario:
    """Turn one JSON scenario into people, a history and the need."""
    people_raw: list[dict[str, str]] = raw["people"]  # type: ignore[assignment]
    now = _now(people_raw)
    ids = {p["key"]: i + 1 for i, p in enumerate(people_raw)}
    people = [
        Person(
            name=p["name"],
            relationship=p["relationship"],
            topics=parse_list(p["topics"]),
            supports=parse_list(p["supports"]),
            tz=p["tz"],
            hours=parse_hours(p["hours"]),
            stretched=bool(p["stretched"]),
            id=ids[p["key"]],
        )
        for p in people_raw
    ]
    needs, asks, boundaries = [], [], []
    sent = now - timedelta(days=ASKED_DAYS_AGO)
    for k, h in enumerate(raw["history"], start=1):  # type: ignore[arg-type]
        needs.append(Need(h["need"], support_type=h["type"], status="resolved", id=k))
        asks.append(
            Ask(
                need_id=k,
                person_id=ids[h["person"]],
                status="answered",
                answer=Answer(h["answer"]),
                sent_at=sent,
                id=k,
            )
        )
        if h["answer"] == "no":  # what recording a "no" leaves behind in the app
            until = (sent + timedelta(days=COOLDOWN_DAYS)).date()
            boundaries.append(Boundary(ids[h["person"]], until, need_id=k, topic=h["need"]))
    n: dict[str, str] = raw["need"]  # type: ignore[assignment]
    need = Need(n["summary"], support_type=n["type"], urgency=n["urgency"], id=len(needs) + 1)
    history = History(people, [*needs, need], asks, boundaries, [], [], [])
    return Scenario(
        id=str(raw["id"]),
        difficulty=str(raw["difficulty"]),
        need=need,
        history=history,
        now=now,
        best=frozenset(ids[k] for k in raw["best"]),  # type: ignore[attr-defined]
        acceptable=frozenset(ids[k] for k in raw["acceptable"]),  # type: ignore[attr-defined]
        keys={v: k for k, v in ids.items()},
        why=str(raw.get("why", "")),
    )


def load(folder: Path = DATA) -> list[Scenario]:
    """Read and set up every scenario in `folder`/scenarios.jsonl."""
    with (folder / "scenarios.jsonl").open(encoding="utf-8") as fh:
        return [build(json.loads(line)) for line in fh if line.strip()]


def ranking(s: Scenario, weights: Weights | None = None) -> Ranking:
    """Rank the scenario's network for its need."""
    net = build_network(s.history.people, s.history, s.now)
    return rank_many(s.need, net, s.history.boundaries, s.now, weights=weights)


def order_ids(r: Ranking) -> list[int]:
    """Return person ids in rank order."""
    return [int(r.network.people[i].id or 0) for i in r.order()]


@dataclass(frozen=True)
class Figures:
    """The three figures over some scenarios."""

    n: int
    top1_best: float
    top1_acceptable: float
    mrr: float

    def line(self, label: str) -> str:
        """Return the figures as one printed row."""
        return (
            f"{label:<10} n={self.n:<3} top-1=best {self.top1_best:.2f}   "
            f"top-1 acceptable {self.top1_acceptable:.2f}   MRR {self.mrr:.2f}"
        )


def score(pairs: Iterable[tuple[Scenario, list[int]]]) -> Figures:
    """Return the figures for (scenario, order) pairs."""
    best, ok, rr, n = 0, 0, 0.0, 0
    for s, order in pairs:
        n += 1
        best += order[0] in s.best
        ok += order[0] in s.acceptable
        rank = next(k for k, pid in enumerate(order, start=1) if pid in s.best)
        rr += 1.0 / rank
    if not n:
        return Figures(0, 0.0, 0.0, 0.0)
    return Figures(n, best / n, ok / n, rr / n)


def by_difficulty(pairs: list[tuple[Scenario, list[int]]]) -> dict[str, Figures]:
    """Return figures for all scenarios and per difficulty."""
    out = {"all": score(pairs)}
    for d in DIFFICULTIES:
        out[d] = score(p for p in pairs if p[0].difficulty == d)
    return out


def grid() -> list[Weights]:
    """Return every weight combination in GRID (other factors keep their defaults)."""
    names = list(GRID)
    return [
        replace(Weights(), **dict(zip(names, values, strict=True)))
        for values in itertools.product(*(GRID[n] for n in names))
    ]


def objective(f: Figures) -> float:
    """What cross-validation maximises: acceptable first, then best first, then MRR."""
    return 2.0 * f.top1_acceptable + f.top1_best + f.mrr


def folds(scenarios: list[Scenario], k: int, seed: int = 16) -> list[list[int]]:
    """Split scenario indexes into k folds, stratified by difficulty."""
    rng = random.Random(seed)
    out: list[list[int]] = [[] for _ in range(k)]
    slot = 0
    for d in DIFFICULTIES:
        idx = [i for i, s in enumerate(scenarios) if s.difficulty == d]
        rng.shuffle(idx)
        for i in idx:
            out[slot % k].append(i)
            slot += 1
    return out


def cross_validate(
    scenarios: list[Scenario], k: int = 5
) -> tuple[list[tuple[Scenario, list[int]]], list[Weights]]:
    """Return held-out orders (weights chosen on the other folds) and the weights per fold."""
    rankings = [ranking(s) for s in scenarios]
    candidates = grid()
    orders = [[r.reorder(w) for r in rankings] for w in candidates]
    held_out: list[tuple[Scenario, list[int]]] = []
    chosen: list[Weights] = []
    for fold in folds(scenarios, k):
        train = [i for i in range(len(scenarios)) if i not in set(fold)]
        gains = [
            objective(score((scenarios[i], _ids(rankings[i], o[i])) for i in train)) for o in orders
        ]
        pick = int(np.argmax(gains))
        chosen.append(candidates[pick])
        held_out += [(scenarios[i], _ids(rankings[i], orders[pick][i])) for i in fold]
    return held_out, chosen


def _ids(r: Ranking, rows: np.ndarray) -> list[int]:
    return [int(r.network.people[i].id or 0) for i in rows]


def describe(s: Scenario, r: Ranking) -> str:
    """Return a few lines on a miss: the order with totals, the labels and why."""
    lines = [f"{s.id} [{s.difficulty}] {s.need.summary} ({s.need.support_type}, {s.need.urgency})"]
    for i in r.order():
        pid = int(r.network.people[i].id or 0)
        mark = "*" if pid in s.best else ("+" if pid in s.acceptable else " ")
        p = r.network.people[i]
        parts = " ".join(f"{k[:4]}={float(v[i]):.2f}" for k, v in r.scores.items())
        lines.append(
            f"  {mark} {s.keys[pid]} {p.name:<20} {p.relationship:<12} {100 * r.total[i]:5.1f} "
            f"{parts}  | {', '.join(p.topics)}"
        )
    lines.append(f"  why: {s.why}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the cross-validated figures, the chosen weights and (optionally) the misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--misses", action="store_true", help="print each top-1 miss")
    args = parser.parse_args(argv)
    try:
        scenarios = load(args.data)
    except OSError as exc:
        sys.exit(f"cannot read the scenarios in {args.data}: {exc.strerror or exc}")

    held_out, chosen = cross_validate(scenarios, args.folds)
    print(f"scenarios: {len(scenarios)} ({args.folds}-fold cross-validation, held-out figures)")
    for label, f in by_difficulty(held_out).items():
        print(f.line(label))
    print("weights chosen per fold:")
    for w in chosen:
        print("  " + ", ".join(f"{k}={v:g}" for k, v in w.as_dict().items() if k in GRID))

    defaults = [(s, order_ids(ranking(s))) for s in scenarios]
    print("shipped default weights (in-sample, for comparison):")
    for label, f in by_difficulty(defaults).items():
        print(f.line(label))
    _calibration(scenarios)
    if args.misses:
        for s, order in defaults:
            if order[0] not in s.best:
                print(describe(s, ranking(s)))


def _calibration(scenarios: list[Scenario]) -> None:
    """Print, per band of the shown score, how many people the scenarios call best / acceptable."""
    bands: dict[int, list[tuple[bool, bool]]] = {}
    for s in scenarios:
        r = ranking(s)
        for i in range(len(r.total)):
            pid = int(r.network.people[i].id or 0)
            band = min(9, int(r.total[i] * 10))
            bands.setdefault(band, []).append((pid in s.best, pid in s.acceptable))
    print("calibration (shown score band: people, share best, share acceptable):")
    for band in sorted(bands, reverse=True):
        rows = bands[band]
        best = statistics.fmean(b for b, _ in rows)
        ok = statistics.fmean(a for _, a in rows)
        print(f"  {band * 10:>3}-{band * 10 + 9:<3} {len(rows):>4}   {best:.2f}   {ok:.2f}")


if __name__ == "__main__":
    main()
