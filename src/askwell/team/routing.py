"""Whom to ask in a team: the local ranking (core.match) over the members, with its reasons.

Each member becomes a core Person (topics, support types, zone and hours they publish), the
asker's own team history becomes the core History (their asks, answers, help given, the
cooldowns that apply to them), and the open asks with each member count team-wide. Members who
are not taking requests, or who are inside a cooldown for this need, are never suggested: they
come back separately with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from askwell.core.match import Candidate, Factor, build_network
from askwell.core.match.rank import rank_many
from askwell.core.model import HelpGiven, History, Person, parse_hours
from askwell.storage.store import Store
from askwell.team.common import Forbidden, now_utc
from askwell.team.method import team_boundaries, visible_need
from askwell.team.tables import Profile, TeamAsk, TeamHelp, TeamNeed
from askwell.team.teams import member_rows
from askwell.team.views import core_ask, core_need

RELATIONSHIP = "colleague"


@dataclass
class Routing:
    """Who to ask, best first, and who cannot be asked now (with the reason)."""

    need_id: int
    suggested: list[Candidate]
    unavailable: list[Candidate]


def _people(s: Session, team_id: int, asker_id: int) -> tuple[list[Person], dict[int, Profile]]:
    people: list[Person] = []
    profiles: dict[int, Profile] = {}
    for user, _, prof in member_rows(s, team_id, leave_out=asker_id):
        person = Person(name=user.name, relationship=RELATIONSHIP, id=user.id)
        if prof is not None:
            profiles[user.id] = prof
            person = replace(
                person,
                topics=tuple(prof.topics),
                supports=tuple(prof.supports),
                tz=prof.tz,
                hours=parse_hours(prof.hours),
                stretched=prof.stretched,
            )
        people.append(person)
    return people, profiles


def _history(s: Session, team_id: int, asker_id: int) -> History:
    asks = list(
        s.scalars(select(TeamAsk).where(TeamAsk.team_id == team_id, TeamAsk.asker_id == asker_id))
    )
    needs = s.scalars(
        select(TeamNeed).where(TeamNeed.team_id == team_id, TeamNeed.author_id == asker_id)
    )
    helped = s.scalars(
        select(TeamHelp).where(TeamHelp.team_id == team_id, TeamHelp.giver_id == asker_id)
    )
    return History(
        needs=[core_need(n) for n in needs],
        asks=[core_ask(a) for a in asks],
        boundaries=team_boundaries(s, team_id, asker_id),
        help_given=[HelpGiven(h.receiver_id, h.summary, id=h.id) for h in helped],
    )


def _open_with(s: Session, team_id: int, people: list[Person]) -> np.ndarray:
    """Return, per person, the asks waiting on them from anyone in the team."""
    found = s.execute(
        select(TeamAsk.helper_id, func.count())
        .where(TeamAsk.team_id == team_id, TeamAsk.status == "sent")
        .group_by(TeamAsk.helper_id)
    )
    counts = {helper_id: count for helper_id, count in found}
    return np.asarray([counts.get(p.id or 0, 0) for p in people], dtype=np.int32)


def _mark_away(c: Candidate, prof: Profile | None, today: datetime) -> Candidate:
    if prof is None or prof.away_until is None or today.date() >= prof.away_until:
        return c
    note = f": {prof.away_note}" if prof.away_note else ""
    sentence = f"{c.person.name} is not taking requests until {prof.away_until:%Y-%m-%d}{note}."
    capacity = c.factors["capacity"]
    factors = {**c.factors, "capacity": Factor(0.0, capacity.weight, sentence)}
    flags = [*c.flags, f"not taking requests until {prof.away_until:%Y-%m-%d}"]
    return replace(c, factors=factors, flags=flags, excluded=True)


def route(store: Store, user_id: int, need_id: int, *, limit: int = 10) -> Routing:
    """Rank the team's members for your need with the same ranking and reasons as locally."""
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
    ranked = [_mark_away(c, profiles.get(c.person.id or 0), now) for c in ranking.candidates()]
    suggested = [c for c in ranked if not c.excluded][:limit]
    unavailable = [c for c in ranked if c.excluded]
    return Routing(need.id, suggested, unavailable)
