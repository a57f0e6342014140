"""One plain sentence per factor, and the flags, for a ranked person (written on demand)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

import numpy as np

from askwell.core.match import meaning
from askwell.core.match.factors import Similarities
from askwell.core.match.fit import fit_reason, support_words
from askwell.core.match.network import need_text
from askwell.core.model import Boundary, Need
from askwell.core.moment import zone_of

if TYPE_CHECKING:
    from askwell.core.match.rank import Ranking

OVERWHELMED_OPEN = 2
OVERWHELMED_RECENT = 3
LEXICAL_NOTE = " (word overlap only: the meaning model is not available)"


@dataclass
class Details:
    """What the sentences need beyond the scores."""

    sims: Similarities
    avail_hours: list[float | None]
    active: dict[int, Boundary]
    expired: dict[int, Boundary]
    late: np.ndarray  # bool per person: no slot within URGENT_HOURS


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _times_unit(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _strength(similarity: float, semantic: bool) -> str:
    strong, some = (0.45, 0.3) if semantic else (0.45, 0.2)
    if similarity >= strong:
        return "a strong match"
    return "some overlap" if similarity >= some else "a weak match, little in common"


def _expertise(i: int, r: Ranking) -> str:
    net, sims = r.network, r.details.sims
    name = net.people[i].name
    lo, hi = np.searchsorted(net.topic_owner, [i, i + 1])
    parts = []
    if hi > lo:
        j = lo + int(np.argmax(sims.topics[lo:hi]))
        topic = _topic_text(r, i, j - lo)
        sim = float(sims.topics[j])
        text = f"{name}'s closest topic is '{topic}' ({_strength(sim, net.embedder.semantic)})"
        if sims.words[j] > 0 and sim >= 0.3:
            text += ", sharing words with the need"
        parts.append(text)
        false = [_topic_text(r, i, k - lo) for k in range(lo, hi) if sims.false_friends[k]]
        if false:
            parts.append(f"'{false[0]}' means something else here, so it does not count")
    else:
        parts.append(f"{name} has no topics listed yet, so we cannot tell what they know")
    first, last = np.searchsorted(net.past_owner, [i, i + 1])
    rows = np.arange(first, last)
    if len(rows):
        k = int(rows[np.argmax(sims.past[rows])])
        if sims.follow_up[i]:
            parts.append(f"they said yes to this need before: '{net.past_summaries[k]}'")
        elif sims.past[k] >= float(sims.topics[lo:hi].max(initial=-1.0)):
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
    given, received = int(net.helped_them[i]), int(net.yes[i] + net.alternative[i])
    if not given and not received:
        return f"No help has gone either way with {name} yet."
    gave = f"you helped {name} {_times(given)}" if given else f"you have not helped {name} yet"
    got = f"they helped you {_times(received)}" if received else "they have not helped you yet"
    return f"{_upper_first(gave)}; {got}."


def _history(i: int, r: Ranking) -> str:
    net = r.network
    yes, no, silent = int(net.yes[i]), int(net.no[i]), int(net.no_reply[i])
    other = int(net.alternative[i])
    answered = yes + no + silent + other
    if not answered:
        return f"No answers from {net.people[i].name} yet."
    text = f"Said yes to {yes} of your {answered} answered asks"
    notes = [f"{other} offered something else"] if other else []
    notes += [f"{silent} without a reply"] if silent else []
    if notes:
        text += f" ({'; '.join(notes)})"
    return text + "."


def explain(i: int, r: Ranking) -> dict[str, str]:
    """Return the sentence for each factor of person row `i`."""
    person = r.network.people[i]
    return {
        "expertise": _expertise(i, r),
        "fit": fit_reason(person.name, r.need.support_type, person.relationship, person.supports),
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
    if r.details.sims.follow_up[i] and not r.excluded[i]:
        out.append("said yes to this need: follow up with them")
    if net.stretched[i]:
        out.append("stretched")
    if r.need.urgency == "high" and r.details.late[i]:
        out.append("outside their hours for an urgent need")
    if not net.topic_counts[i] and not net.lists_supports[i]:
        out.append("profile missing topics and supports")
    if net.open_asks[i] >= OVERWHELMED_OPEN or net.recent_asks[i] >= OVERWHELMED_RECENT:
        out.append("overwhelmed")
    if r.details.avail_hours[int(net.avail_key[i])] is None:
        out.append("no slot soon")
    elif r.scores["availability"][i] <= 0.1 and r.need.deadline is not None:
        out.append("no slot before the deadline")
    if not net.embedder.semantic:
        out.append("lexical match")
    return out


_EDGE_WORDS = {
    "fit": "{rel} suits {what}",
    "availability": "they are free sooner",
    "capacity": "they have more room",
    "boundaries": "there is no cooldown with them",
    "balance": "you have not leaned on them lately",
    "reciprocity": "you have helped them more",
    "history": "they often say yes",
}


def _edge(name: str, i: int, r: Ranking) -> str:
    if name == "expertise":
        lo, hi = np.searchsorted(r.network.topic_owner, [i, i + 1])
        if hi > lo:
            j = int(np.argmax(r.details.sims.topics[lo:hi]))
            return f"their '{_topic_text(r, i, j)}' is closest to the need"
        return "they helped with something similar before"
    relationship = r.network.people[i].relationship
    article = "an" if relationship[:1] in "aeiou" else "a"
    what = support_words(r.need.support_type)
    return _EDGE_WORDS[name].format(rel=f"{article} {relationship}", what=what)


def summary(rows: np.ndarray, r: Ranking) -> str:
    """Return one line on why the first person comes first (what sets them apart)."""
    net = r.network
    first = int(rows[0])
    name = net.people[first].name
    if r.excluded[first]:
        return f"Everyone has said no to this recently; {name}'s cooldown ends first."
    if r.details.sims.follow_up[first]:
        return f"{name} comes first: they said yes to this need, so the follow-up goes to them."
    if len(rows) < 2:
        return f"{name} is the only person in your network."
    second = int(rows[1])
    w = r.weights.as_dict()
    gains = {f: w[f] * float(r.scores[f][first] - r.scores[f][second]) for f in r.scores}
    best = [f for f, g in sorted(gains.items(), key=lambda x: -x[1]) if g > 0.01][:2]
    why = " and ".join(_edge(f, first, r) for f in best) or "it is a close call on every factor"
    text = f"{name} comes first: {why}"
    above = [int(k) for k in rows[1:] if r.tier[k] > r.tier[first] and r.raw[k] > r.raw[first]]
    if above:
        other = net.people[above[0]].name
        text += f"; {other} would fit too but is held back ({', '.join(flags(above[0], r))})"
    return text + "."


def matching_topic(need: Need, topics: Sequence[str]) -> str:
    """Return the person's topic that matches the need best by shared words, or "" if none does.

    A topic counts when at least half of its meaningful words (glossary meanings included) are
    in the need, and not when a shared word means something else there (a false friend).
    """
    text = need_text(need)
    stems = meaning.content_stems(text)
    profile = ", ".join(topics)
    best, best_share = "", 0.0
    for topic in topics:
        own = meaning.content_stems(topic)
        if not own:
            continue
        share = len(own & stems) / len(own)
        if share >= 0.5 and share > best_share and not meaning.false_friend(text, topic, profile):
            best, best_share = topic.strip(), share
    return best


def matching_past(need: Need, past: Sequence[Need]) -> Need | None:
    """Return the earlier need (one they said yes to) closest to this one by shared words.

    It counts when at least half of the smaller need's meaningful words are in the other.
    """
    stems = meaning.content_stems(need_text(need))
    best, best_share = None, 0.0
    for old in past:
        if old.id is not None and old.id == need.id:
            continue
        own = meaning.content_stems(need_text(old))
        if not own or not stems:
            continue
        share = len(own & stems) / min(len(own), len(stems))
        if share >= 0.5 and share > best_share:
            best, best_share = old, share
    return best
