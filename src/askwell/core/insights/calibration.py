"""Calibration: the yes-rate the person expected (Need.expect) against what happened."""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from askwell.core.insights._common import Prepared, ratio

# How a first answer counts toward "said yes": an alternative offered is half a yes
# (they were willing, in another form); a no-reply is not an answer and is left out.
ANSWER_VALUE = {"yes": 1.0, "alternative": 0.5, "no": 0.0}
BIN_EDGES = (0, 20, 40, 60, 80, 101)


@dataclass
class CalibrationBin:
    """Predictions in one band of expected yes % and how often they came true."""

    low: int
    high: int
    n: int
    mean_expected: float | None
    actual: float | None


@dataclass
class Calibration:
    """Expected versus actual yes-rate for the first ask of each need that had a prediction."""

    n: int = 0
    yes: int = 0
    alternative: int = 0
    no: int = 0
    no_reply: int = 0
    pending: int = 0
    mean_expected: float | None = None
    actual_rate: float | None = None
    underestimate_points: float | None = None
    actual_over_expected: float | None = None
    bins: list[CalibrationBin] = field(default_factory=list)


def compute(prep: Prepared) -> Calibration:
    """Compare each prediction with the first ask's answer."""
    firsts, kinds, needs = prep.firsts, prep.sent.kind, prep.data.needs
    pairs: list[tuple[float, float]] = []
    answers: Counter[str | None] = Counter()
    for need_id, expect in zip(needs.id, needs.expect, strict=True):
        if expect is None or need_id is None or need_id not in firsts:
            continue
        kind = kinds[firsts[need_id]]
        answers[kind] += 1
        if kind in ANSWER_VALUE:
            pairs.append((max(0, min(100, expect)) / 100, ANSWER_VALUE[kind]))
    out = Calibration(pending=answers.pop(None, 0))
    for kind in ANSWER_VALUE:
        setattr(out, kind, answers.pop(kind, 0))
    out.no_reply = sum(answers.values())
    out.n = len(pairs)
    out.mean_expected = ratio(sum(p for p, _ in pairs), len(pairs))
    out.actual_rate = ratio(sum(a for _, a in pairs), len(pairs))
    if out.mean_expected is not None and out.actual_rate is not None:
        out.underestimate_points = round((out.actual_rate - out.mean_expected) * 100, 1)
        out.actual_over_expected = ratio(out.actual_rate, out.mean_expected)
    binned: list[list[tuple[float, float]]] = [[] for _ in BIN_EDGES[1:]]
    for p, a in pairs:
        binned[bisect_right(BIN_EDGES, p * 100) - 1].append((p, a))  # low <= p * 100 < high
    for (low, high), inside in zip(itertools.pairwise(BIN_EDGES), binned, strict=True):
        out.bins.append(
            CalibrationBin(
                low=low,
                high=min(high, 100),
                n=len(inside),
                mean_expected=ratio(sum(p for p, _ in inside), len(inside)),
                actual=ratio(sum(a for _, a in inside), len(inside)),
            )
        )
    return out
