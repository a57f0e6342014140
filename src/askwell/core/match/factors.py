"""The eight factor scores (0-1 per person) as array arithmetic over a `Network`.

Each function reads the network (and the need) and returns one score per person; the
sentences that explain them are in `reasons.py`, the way they are combined in `rank.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

from askwell.core import cooldown
from askwell.core.match import meaning
from askwell.core.match.fit import FIT, SUPPORT_SIGNAL
from askwell.core.match.network import Network, need_text
from askwell.core.model import RELATIONSHIPS, Boundary, Need
from askwell.core.moment import WORK_SUPPORTS, starts

# Expertise: cosine similarity (static embeddings, glossary spelled out) mapped to 0-1.
SEMANTIC_FLOOR, SEMANTIC_SPAN = 0.15, 0.4
LEXICAL_SPAN = 0.6
# A topic whose words appear in the need (word forms folded) counts this much more.
WORD_MATCH = 0.25
# How much the person's topics as a whole (their mean similarity) count beside the best one.
PROFILE_SHARE = 0.25
# How much what people know counts for each kind of help: for emotional support, who they
# are to you matters more than their topics, so expertise is pulled halfway to the middle.
TOPIC_RELEVANCE = {"emotional": 0.5}
# No topics and no past yes: nothing known, so a weak match rather than none.
UNKNOWN_EXPERTISE = 0.25
# A declined need this close in meaning is this need; a yes this close is a follow-up.
SAME_NEED = 0.5
FOLLOW_UP = 0.9
AVAIL_HALF_HOURS = 48.0
LATE_AVAILABILITY = 0.1
EXPIRED_BOUNDARY = 0.7
BALANCE_HALF = 2.0


@dataclass
class Similarities:
    """Cosine similarities of the need with every topic pair and every past yes-need."""

    topics: np.ndarray  # (T,) per (person, topic) pair, word matches and false friends applied
    words: np.ndarray  # (T,) share of each topic's words found in the need
    false_friends: np.ndarray  # (T,) True where a shared word means something else
    past: np.ndarray  # (P,)
    past_best: np.ndarray  # (N,)
    follow_up: np.ndarray  # (N,) bool: said yes to this very need


def _run_max(
    values: np.ndarray, net_size: int, runs: np.ndarray, starts_: np.ndarray
) -> np.ndarray:
    out = np.zeros(net_size, dtype=np.float32)
    if len(values):
        out[runs] = np.maximum.reduceat(values, starts_)
    return out


def _word_share(need: Need, net: Network) -> np.ndarray:
    """Return, per distinct topic, the share of its word stems that the need contains."""
    hits = np.zeros(len(net.stem_counts), dtype=np.float32)
    for s in meaning.content_stems(need_text(need)):
        rows = net.stem_index.get(s)
        if rows is not None:
            hits[rows] += 1.0
    return np.divide(hits, net.stem_counts, out=np.zeros_like(hits), where=net.stem_counts > 0)


def _false_friends(need: Need, net: Network) -> np.ndarray:
    """Return a mask of topic pairs that share a word with the need in another sense."""
    mask = np.zeros(len(net.topic_ids), dtype=bool)
    if not net.senses:
        return mask
    need_words = meaning.words(meaning.expand(need_text(need)))
    present = {key for w in need_words if (key := meaning.sense_key(w)) is not None}
    for key in present & set(net.senses):
        mine = meaning.sense(key, need_words)
        if mine is not None:
            pairs, theirs = net.senses[key]
            mask[pairs[theirs != mine]] = True
    return mask


def expertise(need: Need, net: Network) -> tuple[np.ndarray, Similarities]:
    """Return the 0-1 closeness of each person's topics (or past yes-needs) to the need."""
    n = len(net)
    query = net.embedder.encode([meaning.expand(need_text(need))])[0]
    share = _word_share(need, net)
    per_topic = (net.topic_vectors @ query) + np.float32(WORD_MATCH) * share
    sims = per_topic.astype(np.float32)[net.topic_ids]  # one gather: per distinct topic first
    words = share[net.topic_ids]
    false = _false_friends(need, net)
    if false.any():
        sims[false] = 0.0
    best = _run_max(sims, n, net.topic_runs, net.topic_starts)
    mean = np.zeros(n, dtype=np.float32)
    if len(sims):
        mean[net.topic_runs] = np.add.reduceat(sims, net.topic_starts)
    mean = np.divide(mean, net.topic_counts, out=np.zeros_like(mean), where=net.topic_counts > 0)
    topical = (1.0 - PROFILE_SHARE) * best + PROFILE_SHARE * mean
    past_sims = net.past_vectors @ query
    past_best = _run_max(past_sims, n, net.past_runs, net.past_starts)
    same = (net.past_need_ids == need.id) if need.id is not None else np.zeros(0, bool)
    same = same | (past_sims >= FOLLOW_UP)
    follow_up = np.zeros(n, dtype=bool)
    follow_up[net.past_owner[same]] = True
    raw = np.maximum(topical, past_best)
    floor, span = (SEMANTIC_FLOOR, SEMANTIC_SPAN) if net.embedder.semantic else (0.0, LEXICAL_SPAN)
    score = np.clip((raw - floor) / span, 0.0, 1.0)
    unknown = (net.topic_counts == 0) & (past_best == 0)
    score = np.where(unknown, UNKNOWN_EXPERTISE, score)
    relevance = TOPIC_RELEVANCE.get(need.support_type, 1.0)
    score = 0.5 + relevance * (score - 0.5)
    return score, Similarities(sims, words, false, past_sims, past_best, follow_up)


def fit(need: Need, net: Network) -> np.ndarray:
    """Return relationship x support type, blended with what each person says they support."""
    table = np.asarray([FIT.get((need.support_type, r), 0.5) for r in RELATIONSHIPS])
    prior = table[net.relationship]
    listed = net.supports.get(need.support_type, np.zeros(len(net), dtype=bool))
    lists_any = net.lists_supports
    signal = np.where(
        listed, SUPPORT_SIGNAL["listed"], np.where(lists_any, SUPPORT_SIGNAL["other"], 0.5)
    )
    return 0.5 * prior + 0.5 * signal


def availability(need: Need, net: Network, now: datetime) -> tuple[np.ndarray, list[float | None]]:
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
            if h is not None and (now + timedelta(hours=h)).date() > need.deadline:
                group_score[g] = LATE_AVAILABILITY
    return group_score[net.avail_key] if len(net) else np.zeros(0), hours


def capacity(net: Network) -> np.ndarray:
    """Return room to help: lower when stretched thin, with asks open or asked lately."""
    score = (
        1.0
        - 0.6 * net.stretched
        - 0.15 * np.minimum(net.open_asks, 3)
        - 0.05 * np.minimum(net.recent_asks, 4)
    )
    return np.clip(score, 0.0, 1.0)


@dataclass
class Cooldowns:
    """Boundaries on this need: score, who is excluded and which boundary says so."""

    score: np.ndarray
    excluded: np.ndarray
    active: dict[int, Boundary]
    expired: dict[int, Boundary]


def boundaries(need: Need, net: Network, bounds: list[Boundary], today: date) -> Cooldowns:
    """Return the boundary factor: a no to this need (or one as close in meaning) excludes."""
    n = len(net)
    out = Cooldowns(np.ones(n), np.zeros(n, dtype=bool), {}, {})
    relevant = [b for b in bounds if b.person_id in net.index]
    close = _close_in_meaning(need, net, relevant)
    for b in relevant:
        row = net.index[b.person_id]
        if not (cooldown.covers(b, need) or id(b) in close):
            continue
        if b.active(today):
            if row not in out.active or b.until > out.active[row].until:
                out.active[row] = b
            out.excluded[row] = True
            out.score[row] = 0.0
        elif row not in out.active:
            if row not in out.expired or b.until > out.expired[row].until:
                out.expired[row] = b
            out.score[row] = EXPIRED_BOUNDARY
    return out


def _close_in_meaning(need: Need, net: Network, bounds: list[Boundary]) -> set[int]:
    """Return ids of boundaries set on another need that means the same as this one."""
    other = [b for b in bounds if b.need_id is not None and b.need_id != need.id and b.topic]
    if not other or not net.embedder.semantic:
        return set()
    vectors = net.embedder.encode(
        [meaning.expand(need_text(need))] + [meaning.expand(b.topic) for b in other]
    )
    sims = vectors[1:] @ vectors[0]
    return {id(b) for b, sim in zip(other, sims, strict=True) if sim >= SAME_NEED}


def balance(net: Network) -> np.ndarray:
    """Return 1 for someone not asked in the last 90 days, lower the more they were asked."""
    return 1.0 / (1.0 + net.period_asks / BALANCE_HALF)


def reciprocity(net: Network) -> np.ndarray:
    """Return how even the help is: help you gave them against help they gave you."""
    return (net.helped_them + 1.0) / (net.helped_them + net.yes + net.alternative + 2.0)


def history(net: Network) -> np.ndarray:
    """Return their share of yes answers (an alternative counts half); one yes, one no assumed."""
    answered = net.yes + net.no + net.no_reply + net.alternative
    return (net.yes + 0.5 * net.alternative + 1.0) / (answered + 2.0)
