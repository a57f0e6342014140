"""Practice suggestions: small, low-stakes asks to build the habit, and help to offer back."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from askwell.core.insights._common import aware, first_asks, is_sent
from askwell.core.model import HELPED, Ask, History, Need, Person

RECENT_HELP: Final = timedelta(days=60)
LOW_STAKES_TYPES: Final = ("information", "advice", "feedback", "introduction")
MAX_SUGGESTIONS: Final = 5

GENERIC_ASKS: Final = (
    "Ask someone for a recommendation this week: a book, a tool, a good place for lunch.",
    "Ask a colleague for a two-minute opinion on a small choice you are making.",
    "Ask a friend to check one sentence of an email before you send it.",
)


@dataclass
class Suggestion:
    """One thing to practise: a small ask to make or help to offer."""

    kind: str
    text: str
    person_id: int | None = None
    need_id: int | None = None


def _blocked(history: History, now: datetime) -> set[int]:
    """Return people with an active person-wide cooldown."""
    today = aware(now).date()
    return {
        b.person_id
        for b in history.boundaries
        if b.need_id is None and not b.topic and b.active(today)
    }


def _willing(history: History, blocked: set[int]) -> list[Person]:
    """Return people who said yes before, most yeses first, skipping stretched or blocked ones."""
    yeses = Counter(
        a.person_id for a in history.asks if a.answer is not None and a.answer.kind in HELPED
    )
    people = [
        p
        for p in history.people
        if p.id is not None and p.id not in blocked and not p.stretched and yeses[p.id]
    ]
    return sorted(people, key=lambda p: (-yeses[p.id or 0], p.name))


def _who(history: History, person: Person) -> str:
    """Return "Ben, who has said yes before," or, with only alternatives, what is true of them."""
    said_yes = any(
        a.person_id == person.id and a.answer is not None and a.answer.kind == "yes"
        for a in history.asks
    )
    done = "has said yes before" if said_yes else "has offered help before"
    return f"{person.name}, who {done},"


def _small_needs(history: History) -> list[Need]:
    """Return open, never-asked needs that look light: not urgent, low-stakes, barriers mild."""
    asked = set(first_asks(history))
    light = [
        n
        for n in history.needs
        if n.status == "open"
        and n.id not in asked
        and n.urgency != "high"
        and sum(n.barriers.values()) <= 3
    ]
    return sorted(
        light, key=lambda n: (n.support_type not in LOW_STAKES_TYPES, sum(n.barriers.values()))
    )


def small_asks(history: History, now: datetime) -> list[Suggestion]:
    """Suggest small asks: a light open need with a willing person, else a generic tiny ask."""
    willing = _willing(history, _blocked(history, now))
    out: list[Suggestion] = []
    for i, need in enumerate(_small_needs(history)[:2]):
        person = willing[i % len(willing)] if willing else None
        who = _who(history, person) if person else "someone you trust"
        out.append(
            Suggestion(
                "small_ask",
                f"Try a small first ask about “{need.summary}”: could {who} give you ten minutes?",
                person.id if person else None,
                need.id,
            )
        )
    if not out:
        for text, person in zip(GENERIC_ASKS, [*willing[:1], None, None], strict=False):
            name = f" (maybe {person.name})" if person else ""
            out.append(
                Suggestion(
                    "small_ask", text.rstrip(".") + name + ".", person.id if person else None
                )
            )
            if len(out) == 2:
                break
    return out


def _helped_at(ask: Ask, now: datetime) -> datetime:
    """Return when an ask was answered (its send time, or now, when unknown)."""
    return aware((ask.answer.at if ask.answer else None) or ask.sent_at or now)


def _helped_me(history: History, now: datetime) -> dict[int, Ask]:
    """Return, per person, their latest yes or alternative within the recent window."""
    since = aware(now) - RECENT_HELP
    latest: dict[int, Ask] = {}
    for ask in history.asks:
        if not is_sent(ask) or ask.answer is None or ask.answer.kind not in HELPED:
            continue
        at = _helped_at(ask, now)
        seen = latest.get(ask.person_id)
        if at >= since and (seen is None or at > _helped_at(seen, now)):
            latest[ask.person_id] = ask
    return latest


def help_to_offer(history: History, now: datetime) -> list[Suggestion]:
    """Suggest offering help to people who helped lately and have not been helped back since."""
    names = {p.id: p.name for p in history.people if p.id is not None}
    needs = {n.id: n for n in history.needs if n.id is not None}
    last_given: dict[int, datetime] = {}
    for given in history.help_given:
        if given.created_at is not None:
            at = aware(given.created_at)
            if given.person_id not in last_given or at > last_given[given.person_id]:
                last_given[given.person_id] = at
    out = []
    for pid, ask in sorted(_helped_me(history, now).items(), key=lambda kv: names.get(kv[0], "")):
        if pid in last_given and last_given[pid] >= _helped_at(ask, now):
            continue
        need = needs.get(ask.need_id)
        about = f" with “{need.summary}”" if need else ""
        name = names.get(pid, "someone")
        out.append(
            Suggestion(
                "offer_help",
                f"{name} helped you{about}. Is there something small you could offer back?",
                pid,
                ask.need_id,
            )
        )
    return out


def suggest(history: History, now: datetime, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """Return practice suggestions, small asks and help to offer in turn, at most `limit`."""
    offers = help_to_offer(history, now)
    asks = small_asks(history, now)
    mixed: list[Suggestion] = []
    while (offers or asks) and len(mixed) < limit:
        for pool in (asks, offers):
            if pool and len(mixed) < limit:
                mixed.append(pool.pop(0))
    return mixed
