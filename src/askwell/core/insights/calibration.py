"""Calibration: the yes-rate the person expected (Need.expect) against what happened."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from askwell.core.insights._common import first_asks, ratio
from askwell.core.model import Ask, History

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


def compute(history: History, firsts: dict[int, Ask] | None = None) -> Calibration:
    """Compare each prediction with the first ask's answer."""
    firsts = first_asks(history) if firsts is None else firsts
    pairs: list[tuple[float, float]] = []
    out = Calibration()
    for need in history.needs:
        if need.expect is None or need.id is None or need.id not in firsts:
            continue
        answer = firsts[need.id].answer
        if answer is None:
            out.pending += 1
            continue
        if answer.kind not in ANSWER_VALUE:
            out.no_reply += 1
            continue
        setattr(out, answer.kind, getattr(out, answer.kind) + 1)
        pairs.append((max(0, min(100, need.expect)) / 100, ANSWER_VALUE[answer.kind]))
    out.n = len(pairs)
    out.mean_expected = ratio(sum(p for p, _ in pairs), len(pairs))
    out.actual_rate = ratio(sum(a for _, a in pairs), len(pairs))
    if out.mean_expected is not None and out.actual_rate is not None:
        out.underestimate_points = round((out.actual_rate - out.mean_expected) * 100, 1)
        out.actual_over_expected = ratio(out.actual_rate, out.mean_expected)
    for low, high in itertools.pairwise(BIN_EDGES):
        inside = [(p, a) for p, a in pairs if low <= p * 100 < high]
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
