"""Rank the people in a network for one need, with a score and one plain sentence per factor.

`rank_many` does the arithmetic over whole arrays and returns a `Ranking`; only the
candidates a caller materialises get their sentences written. Ties are broken by the
expertise score, then the name (case-insensitive), then the id, so the order is stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np

from askwell.core.embed import Embedder
from askwell.core.match import factors, reasons
from askwell.core.match.network import Network, build_network
from askwell.core.match.weights import FACTORS, Weights
from askwell.core.model import SUPPORT_TYPES, Boundary, DomainError, History, Need, Person

# Hard rules put people in tiers: a follow-up on a need they said yes to comes first; anyone
# stretched thin, or outside their hours for an urgent need, is held back (shown, flagged,
# never first while someone else can help); a cooldown on this need excludes (listed last).
FOLLOW_UP, OPEN, HELD_BACK, EXCLUDED = 0, 1, 2, 3
URGENT_HOURS = 12.0
# The shown score: the weighted mean stretched so that a typical best choice shows 85-100
# and a weak one under 50 (see bench/whom_quality.py for the calibration table).
SHOWN_LOW, SHOWN_HIGH = 0.50, 0.95
# Someone held back or excluded never shows more than this share of their score.
HELD_BACK_SHOWN = 0.75
EXCLUDED_SHOWN = 0.5


@dataclass(frozen=True)
class Factor:
    """One factor of a candidate's rank: a 0-1 score, its weight and a plain sentence."""

    score: float
    weight: float
    reason: str


@dataclass
class Candidate:
    """A person ranked for a need: total (0-1), factors by name, flags, and exclusion."""

    person: Person
    total: float  # the shown score, 0-1 (see `shown`)
    mean: float = 0.0  # the weighted mean of the factor scores behind it
    factors: dict[str, Factor] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    excluded: bool = False
    summary: str = ""  # for the first candidate: one line on why they come first


@dataclass
class Ranking:
    """The arrays behind a ranking; `candidates()` turns the top of it into Candidates."""

    need: Need
    network: Network
    weights: Weights
    now: datetime
    scores: dict[str, np.ndarray]
    raw: np.ndarray  # weighted mean of the factor scores, 0-1
    total: np.ndarray  # the shown score, 0-1 (calibrated, capped for held-back people)
    tier: np.ndarray  # FOLLOW_UP, OPEN, HELD_BACK or EXCLUDED per person
    excluded: np.ndarray
    details: reasons.Details

    def order(self, limit: int | None = None, raw: np.ndarray | None = None) -> np.ndarray:
        """Return person rows in rank order: tier, score, then expertise, name and id."""
        raw = self.raw if raw is None else raw
        rows = np.arange(len(raw))
        if limit is not None and limit < len(rows):
            key = raw - 2.0 * self.tier
            cutoff = np.partition(key, len(key) - limit)[len(key) - limit]
            rows = np.flatnonzero(key >= cutoff)  # all ties at the cut-off stay in
        expertise = self.scores["expertise"].round(6)
        keys = (
            self.network.tiebreak[rows],
            -expertise[rows],
            -raw[rows].round(6),
            self.tier[rows],
        )
        return rows[np.lexsort(keys)][:limit]

    def reorder(self, weights: Weights) -> np.ndarray:
        """Return the order the same factor scores give under other weights (for tuning)."""
        return self.order(raw=combine(self.scores, weights))

    def candidates(self, limit: int | None = None) -> list[Candidate]:
        """Return candidates in rank order (excluded ones last); `limit` keeps the first ones."""
        rows = self.order(limit)
        out = [self.candidate(int(i)) for i in rows]
        if out:
            out[0].summary = reasons.summary(rows, self)
        return out

    def candidate(self, i: int) -> Candidate:
        """Return the candidate in person row `i`, with its sentences (no summary line)."""
        person = self.network.people[i]
        weights = self.weights.as_dict()
        sentences = reasons.explain(i, self)
        factor_rows = {
            name: Factor(round(float(self.scores[name][i]), 4), weights[name], sentences[name])
            for name in FACTORS
        }
        return Candidate(
            person=person,
            total=round(float(self.total[i]), 4),
            mean=round(float(self.raw[i]), 4),
            factors=factor_rows,
            flags=reasons.flags(i, self),
            excluded=bool(self.excluded[i]),
        )


def combine(scores: dict[str, np.ndarray], weights: Weights) -> np.ndarray:
    """Return the weighted mean of the factor scores per person."""
    w = weights.as_dict()
    total = sum(w[name] * scores[name] for name in FACTORS) / sum(w.values())
    return np.asarray(total, dtype=np.float64).round(6)


def shown(raw: np.ndarray, tier: np.ndarray) -> np.ndarray:
    """Return the score people see: stretched to 0-1, capped for held-back and excluded people."""
    score = np.clip((raw - SHOWN_LOW) / (SHOWN_HIGH - SHOWN_LOW), 0.0, 1.0)
    score = np.where(tier == HELD_BACK, score * HELD_BACK_SHOWN, score)
    return np.where(tier == EXCLUDED, score * EXCLUDED_SHOWN, score).round(6)


def _tiers(
    need: Need, net: Network, follow_up: np.ndarray, excluded: np.ndarray, late: np.ndarray
) -> np.ndarray:
    held = net.stretched | ((need.urgency == "high") & late)
    tier = np.where(follow_up, FOLLOW_UP, OPEN)
    tier = np.where(held, HELD_BACK, tier)
    return np.where(excluded, EXCLUDED, tier).astype(np.int8)


def rank_many(
    need: Need,
    net: Network,
    boundaries: list[Boundary],
    now: datetime,
    *,
    weights: Weights | None = None,
) -> Ranking:
    """Score every person in `net` for `need` with array arithmetic; see `Ranking.candidates`."""
    weights = weights or Weights()
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    if need.support_type not in SUPPORT_TYPES:
        raise DomainError(f"unknown support type {need.support_type!r}")
    expertise, sims = factors.expertise(need, net)
    avail, avail_hours = factors.availability(need, net, now)
    cooldowns = factors.boundaries(need, net, boundaries, now.date())
    scores = {
        "expertise": expertise,
        "fit": factors.fit(need, net),
        "availability": avail,
        "capacity": factors.capacity(net),
        "boundaries": cooldowns.score,
        "balance": factors.balance(net),
        "reciprocity": factors.reciprocity(net),
        "history": factors.history(net),
    }
    group_late = np.asarray([h is None or h > URGENT_HOURS for h in avail_hours], dtype=bool)
    late = group_late[net.avail_key] if len(net) else np.zeros(0, dtype=bool)
    tier = _tiers(need, net, sims.follow_up, cooldowns.excluded, late)
    raw = combine(scores, weights)
    details = reasons.Details(sims, avail_hours, cooldowns.active, cooldowns.expired, late)
    return Ranking(
        need, net, weights, now, scores, raw, shown(raw, tier), tier, cooldowns.excluded, details
    )


def rank(
    need: Need,
    people: list[Person],
    history: History,
    now: datetime,
    *,
    weights: Weights | None = None,
    embedder: Embedder | None = None,
) -> list[Candidate]:
    """Rank `people` for `need`: every person is listed, excluded ones last with the reason."""
    net = build_network(people, history, now, embedder=embedder)
    return rank_many(need, net, history.boundaries, now, weights=weights).candidates()
