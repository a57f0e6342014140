"""Rank the people in a network for one need, with a score and one plain sentence per factor.

`rank_many` does the arithmetic over whole arrays and returns a `Ranking`; only the
candidates a caller materialises get their sentences written. Ties are broken by the
expertise score, then the name (case-insensitive), then the id, so the order is stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np

from askwell.core import cooldown
from askwell.core.embed import Embedder
from askwell.core.match import reasons
from askwell.core.match.fit import FIT, LISTED_BONUS
from askwell.core.match.network import Network, build_network, need_text
from askwell.core.match.weights import FACTORS, Weights
from askwell.core.model import (
    RELATIONSHIPS,
    SUPPORT_TYPES,
    Boundary,
    DomainError,
    History,
    Need,
    Person,
)
from askwell.core.moment import WORK_SUPPORTS, starts

SEMANTIC_FLOOR, SEMANTIC_SPAN = 0.1, 0.4
LEXICAL_SPAN = 0.6
AVAIL_HALF_HOURS = 48.0
LATE_AVAILABILITY = 0.1
EXPIRED_BOUNDARY = 0.7
BALANCE_PRIOR = 3.0


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
    total: float
    factors: dict[str, Factor] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    excluded: bool = False


@dataclass
class Ranking:
    """The arrays behind a ranking; `candidates()` turns the top of it into Candidates."""

    need: Need
    network: Network
    weights: Weights
    now: datetime
    scores: dict[str, np.ndarray]
    total: np.ndarray
    excluded: np.ndarray
    details: reasons.Details

    def order(self, limit: int | None = None) -> np.ndarray:
        """Return person rows in rank order: total, then expertise, name and id; excluded last."""
        rows = np.arange(len(self.total))
        if limit is not None and limit < len(rows):
            key = self.total - 2.0 * self.excluded
            cutoff = np.partition(key, len(key) - limit)[len(key) - limit]
            rows = np.flatnonzero(key >= cutoff)  # all ties at the cut-off stay in
        expertise = self.scores["expertise"].round(6)
        keys = (
            self.network.tiebreak[rows],
            -expertise[rows],
            -self.total[rows],
            self.excluded[rows],
        )
        return rows[np.lexsort(keys)][:limit]

    def candidates(self, limit: int | None = None) -> list[Candidate]:
        """Return candidates in rank order (excluded ones last); `limit` keeps the first ones."""
        return [self._candidate(int(i)) for i in self.order(limit)]

    def _candidate(self, i: int) -> Candidate:
        person = self.network.people[i]
        weights = self.weights.as_dict()
        sentences = reasons.explain(i, self)
        factors = {
            name: Factor(round(float(self.scores[name][i]), 4), weights[name], sentences[name])
            for name in FACTORS
        }
        return Candidate(
            person=person,
            total=round(float(self.total[i]), 4),
            factors=factors,
            flags=reasons.flags(i, self),
            excluded=bool(self.excluded[i]),
        )


def _expertise(need: Need, net: Network) -> tuple[np.ndarray, reasons.Similarities]:
    """Return the score per person and the similarities behind it."""
    n = len(net)
    query = net.embedder.encode([need_text(need)])[0]
    topic_best = np.zeros(n, dtype=np.float32)
    topic_sims = (net.topic_vectors @ query)[net.topic_ids]
    if len(net.topic_owner):
        topic_best[net.topic_runs] = np.maximum.reduceat(topic_sims, net.topic_starts)
    past_best = np.zeros(n, dtype=np.float32)
    past_sims = net.past_vectors @ query
    if len(net.past_owner):
        past_best[net.past_runs] = np.maximum.reduceat(past_sims, net.past_starts)
    best = np.maximum(topic_best, past_best)
    if net.embedder.semantic:
        score = (best - SEMANTIC_FLOOR) / SEMANTIC_SPAN
    else:
        score = best / LEXICAL_SPAN
    return np.clip(score, 0.0, 1.0), reasons.Similarities(topic_sims, past_sims, past_best)


def _fit(need: Need, net: Network) -> np.ndarray:
    table = np.asarray([FIT.get((need.support_type, r), 0.5) for r in RELATIONSHIPS])
    score = table[net.relationship]
    listed = net.supports.get(need.support_type)
    if listed is not None:
        score = np.where(listed, np.minimum(1.0, score + LISTED_BONUS), score)
    return score


def _availability(need: Need, net: Network, now: datetime) -> tuple[np.ndarray, list[float | None]]:
    """Return the score per person and, per availability group, hours until the first slot."""
    hours: list[float | None] = []
    for tz, windows, stretched, work_relationship in net.avail_groups:
        work = need.support_type in WORK_SUPPORTS or work_relationship
        first = next(starts(tz, windows, now, work=work, stretched=stretched), None)
        hours.append(None if first is None else (first - now).total_seconds() / 3600)
    group_score = np.asarray(
        [LATE_AVAILABILITY if h is None else 1.0 / (1.0 + h / AVAIL_HALF_HOURS) for h in hours]
    )
    if need.deadline is not None:
        for g, h in enumerate(hours):
            if h is not None and _date_after(now, h, need.deadline):
                group_score[g] = LATE_AVAILABILITY
    return group_score[net.avail_key] if len(net) else np.zeros(0), hours


def _date_after(now: datetime, hours: float, deadline: date) -> bool:
    return (now + timedelta(hours=hours)).date() > deadline


def _capacity(net: Network) -> np.ndarray:
    score = (
        1.0
        - 0.6 * net.stretched
        - 0.15 * np.minimum(net.open_asks, 3)
        - 0.05 * np.minimum(net.recent_asks, 4)
    )
    return np.clip(score, 0.0, 1.0)


def _boundaries(
    need: Need, net: Network, boundaries: list[Boundary], today: date
) -> tuple[np.ndarray, np.ndarray, dict[int, Boundary], dict[int, Boundary]]:
    n = len(net)
    score = np.ones(n)
    excluded = np.zeros(n, dtype=bool)
    active: dict[int, Boundary] = {}
    expired: dict[int, Boundary] = {}
    for b in boundaries:
        row = net.index.get(b.person_id)
        if row is None or not cooldown.covers(b, need):
            continue
        if b.active(today):
            if row not in active or b.until > active[row].until:
                active[row] = b
            excluded[row] = True
            score[row] = 0.0
        elif row not in active:
            if row not in expired or b.until > expired[row].until:
                expired[row] = b
            score[row] = EXPIRED_BOUNDARY
    return score, excluded, active, expired


def _balance(net: Network) -> np.ndarray:
    return 1.0 - net.period_asks / (net.period_total + BALANCE_PRIOR)


def _reciprocity(net: Network) -> np.ndarray:
    return (net.helped_them + 1.0) / (net.helped_them + net.yes + 2.0)


def _history(net: Network) -> np.ndarray:
    answered = net.yes + net.no + net.no_reply
    return (net.yes + 1.0) / (answered + 2.0)


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
    expertise, sims = _expertise(need, net)
    avail, avail_hours = _availability(need, net, now)
    bound, excluded, active, expired = _boundaries(need, net, boundaries, now.date())
    scores = {
        "expertise": expertise,
        "fit": _fit(need, net),
        "availability": avail,
        "capacity": _capacity(net),
        "boundaries": bound,
        "balance": _balance(net),
        "reciprocity": _reciprocity(net),
        "history": _history(net),
    }
    w = weights.as_dict()
    total = sum(w[name] * scores[name] for name in FACTORS) / sum(w.values())
    total = np.asarray(total, dtype=np.float64).round(6)
    details = reasons.Details(sims, avail_hours, active, expired)
    return Ranking(need, net, weights, now, scores, total, excluded, details)


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
