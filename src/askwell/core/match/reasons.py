"""One plain sentence per factor, and the flags, for a ranked person (written on demand)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

import numpy as np

from askwell.core.match.fit import fit_reason
from askwell.core.model import Boundary
from askwell.core.moment import zone_of

if TYPE_CHECKING:
    from askwell.core.match.rank import Ranking

OVERWHELMED_OPEN = 2
OVERWHELMED_RECENT = 3
LEXICAL_NOTE = " (word overlap only: the meaning model is not available)"


@dataclass
class Similarities:
    """Cosine similarities of the need with every topic and every past yes-need."""

    topics: np.ndarray
    past: np.ndarray
    past_best: np.ndarray


@dataclass
class Details:
    """What the sentences need beyond the scores."""

    sims: Similarities
    avail_hours: list[float | None]
    active: dict[int, Boundary]
    expired: dict[int, Boundary]


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _times_unit(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _strength(similarity: float, semantic: bool) -> str:
    strong, some = (0.4, 0.25) if semantic else (0.45, 0.2)
    if similarity >= strong:
        return "a strong match"
    return "some overlap" if similarity >= some else "little overlap"


def _expertise(i: int, r: Ranking) -> str:
    net, sims = r.network, r.details.sims
    name = net.people[i].name
    lo, hi = np.searchsorted(net.topic_owner, [i, i + 1])
    parts = []
    if hi > lo:
        j = lo + int(np.argmax(sims.topics[lo:hi]))
        topic = _topic_text(r, i, j - lo)
        sim = float(sims.topics[j])
        parts.append(
            f"{name}'s closest topic is '{topic}' ({_strength(sim, net.embedder.semantic)})"
        )
    else:
        parts.append(f"{name} has no topics listed")
    first, last = np.searchsorted(net.past_owner, [i, i + 1])
    rows = np.arange(first, last)
    if len(rows):
        k = int(rows[np.argmax(sims.past[rows])])
        if sims.past[k] >= float(sims.topics[lo:hi].max(initial=-1.0)):
            parts.append(f"they said yes to a similar need before: '{net.past_summaries[k]}'")
        else:
            parts.append(f"they helped you before with '{net.past_summaries[k]}'")
    text = "; ".join(parts)
    return text + (LEXICAL_NOTE if not net.embedder.semantic else "") + "."


def _topic_text(r: Ranking, i: int, k: int) -> str:
    topics = [t for t in r.network.people[i].topics if t.strip()]
    return topics[k]


def _availability(i: int, r: Ranking) -> str:
    net = r.network
    group = int(net.avail_key[i])
    hours = r.details.avail_hours[group]
    person = net.people[i]
    if hours is None:
        return f"No good moment for {person.name} in the next four weeks."
    start = (r.now + timedelta(hours=hours)).astimezone(zone_of(person.tz))
    if hours < 1:
        wait = "within the hour"
    elif hours < 48:
        wait = f"in {_times_unit(round(hours), 'hour')}"
    else:
        wait = f"in {_times_unit(round(hours / 24), 'day')}"
    text = f"Next good moment is {wait} ({start:%a %H:%M} their time, {person.tz})"
    deadline = r.need.deadline
    if deadline is not None and start.date() > deadline:
        text += f", after your deadline of {deadline:%Y-%m-%d}"
    return text + "."


def _capacity(i: int, r: Ranking) -> str:
    net = r.network
    name = net.people[i].name
    open_, recent = int(net.open_asks[i]), int(net.recent_asks[i])
    parts = []
    if net.stretched[i]:
        parts.append(f"{name} is stretched thin right now")
    if open_:
        parts.append(f"{open_} ask{'s are' if open_ > 1 else ' is'} still open with them")
    if recent:
        parts.append(f"you asked {name} {_times(recent)} in the last 30 days")
    if not parts:
        return f"{name} has room: nothing open with them and not asked lately."
    return _upper_first("; ".join(parts)) + "."


def _boundaries(i: int, r: Ranking) -> str:
    active = r.details.active.get(i)
    if active is not None:
        what = f" ('{active.topic}')" if active.topic else ""
        return (
            f"Said no to this{what}; the cooldown runs until {active.until:%Y-%m-%d}, "
            "so they are not suggested before then."
        )
    expired = r.details.expired.get(i)
    if expired is not None:
        return (
            f"Declined something similar before; that cooldown ended on {expired.until:%Y-%m-%d}."
        )
    return "No boundary or cooldown on this."


def _balance(i: int, r: Ranking) -> str:
    net = r.network
    name = net.people[i].name
    if net.period_total == 0:
        return "You have not asked anyone in the last 90 days, so no one is leaned on."
    mine = int(net.period_asks[i])
    if mine == 0:
        return f"None of your {net.period_total} asks in the last 90 days went to {name}."
    share = round(100 * mine / net.period_total)
    return (
        f"{share}% of your asks in the last 90 days went to {name} ({mine} of {net.period_total})."
    )


def _reciprocity(i: int, r: Ranking) -> str:
    net = r.network
    name = net.people[i].name
    given, received = int(net.helped_them[i]), int(net.yes[i])
    if not given and not received:
        return f"No help has gone either way with {name} yet."
    gave = f"you helped {name} {_times(given)}" if given else f"you have not helped {name} yet"
    got = f"they helped you {_times(received)}" if received else "they have not helped you yet"
    return f"{_upper_first(gave)}; {got}."


def _history(i: int, r: Ranking) -> str:
    net = r.network
    yes, no, silent = int(net.yes[i]), int(net.no[i]), int(net.no_reply[i])
    answered = yes + no + silent
    if not answered:
        return f"No answers from {net.people[i].name} yet."
    text = f"Said yes to {yes} of your {answered} answered asks"
    if silent:
        text += f" ({silent} without a reply)"
    return text + "."


def explain(i: int, r: Ranking) -> dict[str, str]:
    """Return the sentence for each factor of person row `i`."""
    person = r.network.people[i]
    listed = r.need.support_type in person.supports
    return {
        "expertise": _expertise(i, r),
        "fit": fit_reason(person.name, r.need.support_type, person.relationship, listed),
        "availability": _availability(i, r),
        "capacity": _capacity(i, r),
        "boundaries": _boundaries(i, r),
        "balance": _balance(i, r),
        "reciprocity": _reciprocity(i, r),
        "history": _history(i, r),
    }


def flags(i: int, r: Ranking) -> list[str]:
    """Return short warnings for person row `i` (stretched, overwhelmed, cooldown, ...)."""
    net = r.network
    out = []
    active = r.details.active.get(i)
    if active is not None:
        out.append(f"cooldown until {active.until:%Y-%m-%d}")
    if net.stretched[i]:
        out.append("stretched")
    if net.open_asks[i] >= OVERWHELMED_OPEN or net.recent_asks[i] >= OVERWHELMED_RECENT:
        out.append("overwhelmed")
    if r.details.avail_hours[int(net.avail_key[i])] is None:
        out.append("no slot soon")
    elif r.scores["availability"][i] <= 0.1 and r.need.deadline is not None:
        out.append("no slot before the deadline")
    if not net.embedder.semantic:
        out.append("lexical match")
    return out
