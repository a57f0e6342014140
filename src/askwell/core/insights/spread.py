"""How asks spread across people (over-reliance) and reciprocity per person."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from askwell.core.insights._common import Prepared, ratio

RECEIVED_KINDS = ("yes", "alternative")


@dataclass
class PersonStat:
    """Asks made to one person, help received from them and help given to them."""

    person_id: int
    name: str
    asks: int
    share: float | None
    received: int
    given: int
    balance: int


@dataclass
class Spread:
    """Concentration of asks across people, as the top share and a Herfindahl index."""

    asks: int = 0
    people_asked: int = 0
    top_person: str | None = None
    top_share: float | None = None
    herfindahl: float | None = None
    effective_people: float | None = None
    people: list[PersonStat] = field(default_factory=list)


def herfindahl(counts: list[int]) -> float | None:
    """Return the Herfindahl index: the sum of squared shares (1/n when even, 1 for one person)."""
    total = sum(counts)
    if not total:
        return None
    return sum((c / total) ** 2 for c in counts)


def compute(prep: Prepared) -> Spread:
    """Compute the spread of asks and the give-and-take with each person."""
    sent, data = prep.sent, prep.data
    asks = Counter(sent.person_id)
    received = Counter(
        p for p, kind in zip(sent.person_id, sent.kind, strict=True) if kind in RECEIVED_KINDS
    )
    given = Counter(data.help_given.ref)
    total = sum(asks.values())
    names = data.people.names()
    ids = set(asks) | set(given)
    people = [
        PersonStat(
            person_id=pid,
            name=names.get(pid, f"person {pid}"),
            asks=asks[pid],
            share=ratio(asks[pid], total),
            received=received[pid],
            given=given[pid],
            balance=given[pid] - received[pid],
        )
        for pid in ids
    ]
    people.sort(key=lambda p: (-p.asks, -p.given, p.name))
    hhi = herfindahl(list(asks.values()))
    top = people[0] if people and people[0].asks else None
    return Spread(
        asks=total,
        people_asked=len(asks),
        top_person=top.name if top else None,
        top_share=top.share if top else None,
        herfindahl=hhi,
        effective_people=ratio(1, hhi) if hhi else None,
        people=people,
    )
