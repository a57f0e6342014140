"""The network as arrays: everything about the people that does not depend on the need.

Built once per history (and reusable across needs), so ranking a need is a handful of numpy
operations over these arrays, even for 100,000 people.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np

from askwell.core.embed import Embedder, default_embedder
from askwell.core.match import meaning
from askwell.core.model import RELATIONSHIPS, Ask, History, Need, Person, Window
from askwell.core.moment import WORK_RELATIONSHIPS

RECENT = timedelta(days=30)
BALANCE_PERIOD = timedelta(days=90)
OPEN_STATES = frozenset({"sent"})


def need_text(need: Need) -> str:
    """Return the text of a need that is embedded: summary, details and topics."""
    return ". ".join(part for part in (need.summary, need.details, ", ".join(need.topics)) if part)


def is_open(ask: Ask) -> bool:
    """Return True for an ask still waiting on the person (sent, or answered 'no reply')."""
    no_reply = ask.answer is not None and ask.answer.kind == "no-reply"
    return ask.status in OPEN_STATES or (ask.status == "answered" and no_reply)


def _when(ask: Ask) -> datetime | None:
    moment = ask.sent_at or ask.created_at
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


@dataclass
class Network:
    """Per-person arrays (row i is people[i]) plus the topic and past-yes embeddings."""

    people: list[Person]
    embedder: Embedder
    relationship: np.ndarray  # int index into RELATIONSHIPS
    supports: dict[str, np.ndarray]  # support type -> bool per person
    lists_supports: np.ndarray  # bool: the person lists at least one support type
    stretched: np.ndarray
    open_asks: np.ndarray
    recent_asks: np.ndarray
    period_asks: np.ndarray
    period_total: int
    yes: np.ndarray
    no: np.ndarray
    no_reply: np.ndarray
    alternative: np.ndarray  # answers that offered something else: a reply, and help
    helped_them: np.ndarray
    topic_vectors: np.ndarray  # (K, D) one row per distinct topic text
    topic_ids: np.ndarray  # (T,) row in topic_vectors of each (person, topic) pair
    topic_owner: np.ndarray  # (T,) person row of each pair, ascending
    topic_starts: np.ndarray  # start of each owner's run in topic_vectors
    topic_runs: np.ndarray  # person row of each run
    past_vectors: np.ndarray  # (P, D) needs each person said yes to, grouped by person
    past_owner: np.ndarray  # (P,) person row, ascending
    past_starts: np.ndarray
    past_runs: np.ndarray
    past_summaries: list[str]
    past_need_ids: np.ndarray  # (P,) need id of each past yes (-1 when unknown)
    topic_counts: np.ndarray  # (N,) how many topics each person lists
    stem_index: dict[str, np.ndarray]  # word stem -> distinct topics that have it
    stem_counts: np.ndarray  # (K,) how many stems each distinct topic has
    senses: dict[str, tuple[np.ndarray, np.ndarray]]  # false friend -> (pairs, sense meant)
    avail_key: np.ndarray  # (N,) index into avail_groups
    avail_groups: list[tuple[str, tuple[Window, ...], bool, bool]]  # tz, hours, stretched, work
    index: dict[int, int]  # person id -> row
    tiebreak: np.ndarray  # position of each person when sorted by (name, id)
    now: datetime

    def __len__(self) -> int:
        return len(self.people)


def _count(rows: list[int], n: int) -> np.ndarray:
    return np.bincount(np.asarray(rows, dtype=np.int64), minlength=n).astype(np.int32)


def _runs(owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return where each owner's run starts in an ascending owner array, and whose run it is."""
    if not len(owner):
        return owner, owner
    starts = np.flatnonzero(np.diff(owner, prepend=-1))
    return starts, owner[starts]


def _tiebreak(people: list[Person]) -> np.ndarray:
    keys = sorted(range(len(people)), key=lambda i: (people[i].name.casefold(), people[i].id or 0))
    out = np.empty(len(people), dtype=np.int64)
    out[keys] = np.arange(len(people))
    return out


def _stems(topics: list[str]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Return an index from word stem to the distinct topics that have it, and stems per topic."""
    index: dict[str, list[int]] = defaultdict(list)
    counts = np.zeros(len(topics), dtype=np.float32)
    for k, topic in enumerate(topics):
        stems = meaning.content_stems(topic)
        counts[k] = len(stems)
        for s in stems:
            index[s].append(k)
    return {s: np.asarray(ks, dtype=np.int64) for s, ks in index.items()}, counts


def _senses(
    people: list[Person], pairs: list[tuple[int, str]]
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Return, per false friend, the topic pairs using it and the sense each profile shows."""
    found: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for j, (i, topic) in enumerate(pairs):
        for key in {meaning.sense_key(w) for w in meaning.words(topic)} - {None}:
            assert key is not None
            which = meaning.sense(key, meaning.words(", ".join(people[i].topics)))
            if which is not None:
                found[key][0].append(j)
                found[key][1].append(which)
    return {k: (np.asarray(js, np.int64), np.asarray(ws, np.int8)) for k, (js, ws) in found.items()}


def build_network(
    people: list[Person],
    history: History,
    now: datetime,
    *,
    embedder: Embedder | None = None,
) -> Network:
    """Turn people and history into the arrays ranking reads (cost: one embedding pass)."""
    embedder = embedder or default_embedder()
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    n = len(people)
    index = {p.id: i for i, p in enumerate(people) if p.id is not None}
    rel_index = {r: i for i, r in enumerate(RELATIONSHIPS)}
    needs = {need.id: need for need in history.needs if need.id is not None}

    counts: dict[str, list[int]] = defaultdict(list)
    past_rows: list[int] = []
    past_needs: list[Need] = []
    for ask in history.asks:
        row = index.get(ask.person_id)
        if row is None or ask.status == "draft":
            continue
        when = _when(ask)
        if is_open(ask):
            counts["open"].append(row)
        if when is not None and now - when <= RECENT:
            counts["recent"].append(row)
        if when is not None and now - when <= BALANCE_PERIOD:
            counts["period"].append(row)
        kind = ask.answer.kind if ask.answer is not None else None
        if kind in ("yes", "no", "no-reply", "alternative"):
            counts[kind].append(row)
        if kind == "yes" and ask.need_id in needs:
            past_rows.append(row)
            past_needs.append(needs[ask.need_id])
    helped = [index[h.person_id] for h in history.help_given if h.person_id in index]

    distinct: dict[str, int] = {}
    pairs = [(i, t) for i, p in enumerate(people) for t in p.topics if t.strip()]
    topic_ids = np.asarray([distinct.setdefault(t, len(distinct)) for _, t in pairs], np.int64)
    topic_owner = np.asarray([i for i, _ in pairs], dtype=np.int64)
    stem_index, stem_counts = _stems(list(distinct))
    topic_starts, topic_runs = _runs(topic_owner)
    order = np.argsort(np.asarray(past_rows, dtype=np.int64), kind="stable")
    past_owner = np.asarray(past_rows, dtype=np.int64)[order]
    past_needs = [past_needs[k] for k in order]
    past_starts, past_runs = _runs(past_owner)

    groups: dict[tuple[str, tuple[Window, ...], bool, bool], int] = {}
    avail_key = np.empty(n, dtype=np.int64)
    for i, p in enumerate(people):
        key = (p.tz, p.hours, p.stretched, p.relationship in WORK_RELATIONSHIPS)
        avail_key[i] = groups.setdefault(key, len(groups))

    return Network(
        people=people,
        embedder=embedder,
        relationship=np.asarray([rel_index.get(p.relationship, 3) for p in people], np.int64),
        supports={
            s: np.asarray([s in p.supports for p in people], dtype=bool)
            for s in {s for p in people for s in p.supports}
        },
        lists_supports=np.asarray([bool(p.supports) for p in people], dtype=bool),
        stretched=np.asarray([p.stretched for p in people], dtype=bool),
        open_asks=_count(counts["open"], n),
        recent_asks=_count(counts["recent"], n),
        period_asks=_count(counts["period"], n),
        period_total=len(counts["period"]),
        yes=_count(counts["yes"], n),
        no=_count(counts["no"], n),
        no_reply=_count(counts["no-reply"], n),
        alternative=_count(counts["alternative"], n),
        helped_them=_count(helped, n),
        topic_vectors=embedder.encode([meaning.expand(t) for t in distinct]),
        topic_ids=topic_ids,
        topic_owner=topic_owner,
        topic_starts=topic_starts,
        topic_runs=topic_runs,
        past_vectors=embedder.encode([meaning.expand(need_text(x)) for x in past_needs]),
        past_owner=past_owner,
        past_starts=past_starts,
        past_runs=past_runs,
        past_summaries=[x.summary for x in past_needs],
        past_need_ids=np.asarray([x.id if x.id is not None else -1 for x in past_needs], np.int64),
        topic_counts=np.bincount(topic_owner, minlength=n).astype(np.int32),
        stem_index=stem_index,
        stem_counts=stem_counts,
        senses=_senses(people, pairs),
        avail_key=avail_key,
        avail_groups=list(groups),
        index=index,
        tiebreak=_tiebreak(people),
        now=now,
    )
