"""Whom to ask in a team: the local ranking (core.match) over the members, with its reasons.

Each member becomes a core Person (topics, support types, zone and hours they publish), the
asker's own team history becomes the core History (their asks, answers, help given, the
cooldowns that apply to them), and the open asks with each member count team-wide. Members who
are not taking requests, or who are inside a cooldown for this need, are never suggested: they
come back separately with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from askwell.core.match import Candidate, Factor, build_network
from askwell.core.match.rank import rank_many
from askwell.core.model import Answer, Ask, HelpGiven, History, Need, Person, parse_hours
from askwell.storage.store import Store
from askwell.team.common import Forbidden, now_utc
from askwell.team.method import team_boundaries, visible_need
from askwell.team.tables import TeamAsk, TeamHelp, TeamNeed
from askwell.team.teams import ProfileView, member_rows
from askwell.team.views import CORE_KIND, core_need

RELATIONSHIP = "colleague"


@dataclass
class Routing:
    """Who to ask, best first, and who cannot be asked now (with the reason)."""

    need_id: int
    suggested: list[Candidate]
    unavailable: list[Candidate]


def _people(s: Session, team_id: int, asker_id: int) -> tuple[list[Person], dict[int, ProfileView]]:
    people: list[Person] = []
    profiles: dict[int, ProfileView] = {}
    for _, prof in member_rows(s, team_id, leave_out=asker_id):
        profiles[prof.user_id] = prof
        people.append(
            Person(
                name=prof.name,
                relationship=RELATIONSHIP,
                id=prof.user_id,
                topics=tuple(prof.topics),
                supports=tuple(prof.supports),
                tz=prof.tz,
                hours=parse_hours(prof.hours),
                stretched=prof.stretched,
            )
        )
    return people, profiles


# What ranking reads of the asker's history, as columns (building ORM objects for a few
# hundred asks cost more than the ranking itself): whom they asked, when, and the answer;
# the needs someone said yes to (the past yeses ranking compares a new need with); the help
# they gave.
_ASKED = select(
    TeamAsk.id,
    TeamAsk.need_id,
    TeamAsk.helper_id,
    TeamAsk.status,
    TeamAsk.answer_kind,
    TeamAsk.sent_at,
).where(TeamAsk.team_id == bindparam("team_id"), TeamAsk.asker_id == bindparam("asker_id"))
_SAID_YES = select(TeamNeed.id, TeamNeed.summary, TeamNeed.details, TeamNeed.topics).where(
    TeamNeed.id.in_(_ASKED.with_only_columns(TeamAsk.need_id).where(TeamAsk.answer_kind == "yes"))
)
_HELPED = select(TeamHelp.id, TeamHelp.receiver_id, TeamHelp.summary).where(
    TeamHelp.team_id == bindparam("team_id"), TeamHelp.giver_id == bindparam("asker_id")
)


def _history(s: Session, team_id: int, asker_id: int) -> History:
    """Return the asker's team history as ranking reads it (see `build_network`)."""
    where = {"team_id": team_id, "asker_id": asker_id}
    asks = []
    for r in s.execute(_ASKED, where):
        kind = CORE_KIND.get(r.answer_kind, r.answer_kind) if r.answer_kind else None
        answer = Answer(kind) if kind else None
        asks.append(
            Ask(r.need_id, r.helper_id, status=r.status, answer=answer, sent_at=r.sent_at, id=r.id)
        )
    needs = [
        Need(r.summary, r.details, topics=tuple(r.topics), id=r.id)
        for r in s.execute(_SAID_YES, where)
    ]
    helped = [HelpGiven(r.receiver_id, r.summary, id=r.id) for r in s.execute(_HELPED, where)]
    boundaries = team_boundaries(s, team_id, asker_id)
    return History(needs=needs, asks=asks, boundaries=boundaries, help_given=helped)


_OPEN_WITH = (
    select(TeamAsk.helper_id, func.count())
    .where(TeamAsk.team_id == bindparam("team_id"), TeamAsk.status == "sent")
    .group_by(TeamAsk.helper_id)
)


def _open_with(s: Session, team_id: int, people: list[Person]) -> np.ndarray:
    """Return, per person, the asks waiting on them from anyone in the team."""
    counts = dict(s.execute(_OPEN_WITH, {"team_id": team_id}).all())
    return np.asarray([counts.get(p.id or 0, 0) for p in people], dtype=np.int32)


def _away(prof: ProfileView | None, today: date) -> bool:
    return prof is not None and prof.away(today)


def _mark_away(c: Candidate, prof: ProfileView, today: date) -> Candidate:
    assert prof.away_until is not None
    note = f": {prof.away_note}" if prof.away_note else ""
    sentence = f"{c.person.name} is not taking requests until {prof.away_until:%Y-%m-%d}{note}."
    capacity = c.factors["capacity"]
    factors = {**c.factors, "capacity": Factor(0.0, capacity.weight, sentence)}
    flags = [*c.flags, f"not taking requests until {prof.away_until:%Y-%m-%d}"]
    return replace(c, factors=factors, flags=flags, excluded=True)


def route(store: Store, user_id: int, need_id: int, *, limit: int = 10) -> Routing:
    """Rank the team's members for your need with the same ranking and reasons as locally.

    Only the people shown get their sentences written: the first `limit` who can be asked,
    and everyone who cannot (at capacity, or in a cooldown).
    """
    now = now_utc()
    with store.session() as s:
        need = visible_need(s, user_id, need_id)
        if need.author_id != user_id:
            raise Forbidden("only the person who posted this need can see who to ask")
        people, profiles = _people(s, need.team_id, user_id)
        history = _history(s, need.team_id, user_id)
        open_with = _open_with(s, need.team_id, people)
    net = build_network(people, history, now)
    net.open_asks = open_with
    ranking = rank_many(core_need(need), net, history.boundaries, now)
    rows = [int(i) for i in ranking.order()]
    away = {i for i in rows if _away(profiles.get(people[i].id or 0), now.date())}
    free = [i for i in rows if not ranking.excluded[i] and i not in away]
    suggested = [ranking.candidate(i) for i in free[:limit]]
    unavailable = []
    for i in rows:
        if ranking.excluded[i] or i in away:
            c = ranking.candidate(i)
            unavailable.append(
                _mark_away(c, profiles[c.person.id or 0], now.date()) if i in away else c
            )
    return Routing(need.id, suggested, unavailable)
