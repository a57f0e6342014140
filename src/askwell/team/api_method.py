"""JSON API for the method across a team: profiles, needs, routing, asks, answers, thanks."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, status
from fastapi.responses import JSONResponse, Response
from pydantic import Field

from askwell.core.model import Need
from askwell.team import insights, method, routing, teams
from askwell.team.guard import CallerDep, TeamStore
from askwell.team.views import AskView, ask_json
from askwell.web.schemas import InBody, NeedStatus, Summary, Topic, Urgency
from askwell.web.schemas import SupportType as Support

router = APIRouter(prefix="/api/team", tags=["team method"])
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
AnswerKind = Literal["yes", "no", "alternative", "not-now"]


class ProfileIn(InBody):
    """What you publish to your teams (leave out what stays the same)."""

    topics: list[str] | None = Field(default=None, max_length=40)
    supports: list[Support] | None = None
    tz: str | None = Field(default=None, max_length=64)
    hours: str | None = Field(default=None, max_length=500)
    stretched: bool | None = None
    away_until: date | None = Field(default=None, description="Not taking requests until then.")
    away_note: str | None = Field(default=None, max_length=2000)
    back: bool = Field(default=False, description="Taking requests again.")


def _profile(p: teams.ProfileView) -> dict[str, Any]:
    return asdict(p)


@router.get("/profile")
def get_profile(who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Return what you publish."""
    return _profile(teams.profile(store, who.account.id))


@router.put("/profile")
def put_profile(body: ProfileIn, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Publish topics, support types, zone, hours and capacity."""
    return _profile(teams.publish(store, who.account.id, **body.model_dump()))


@router.get("/teams/{team_id}/members")
def members(team_id: Id, who: CallerDep, store: TeamStore) -> list[dict[str, Any]]:
    """List the team's members and what they publish."""
    return [asdict(m) for m in teams.members(store, who.account.id, team_id)]


class NeedIn(InBody):
    """A need to share: with the whole team, or sent to one member (`to`) with a message."""

    summary: Summary
    details: str = Field(default="", max_length=20000)
    support_type: Support | None = Field(
        default=None, description="Left out, it is suggested from the summary and details."
    )
    urgency: Urgency = "medium"
    deadline: date | None = None
    topics: list[Topic] = Field(default_factory=list, max_length=40)
    to: int | None = Field(default=None, ge=1, description="A member's id; leave out for the team.")
    text: str = Field(default="", max_length=20000, description="The ask, when sent to someone.")


@router.post("/teams/{team_id}/needs", status_code=status.HTTP_201_CREATED)
def post_need(team_id: Id, body: NeedIn, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Share a need with the team, or ask one member directly."""
    need = Need(
        summary=body.summary,
        details=body.details,
        support_type=body.support_type or "",
        urgency=body.urgency,
        deadline=body.deadline,
        topics=tuple(body.topics),
    )
    view, ask = method.post_need(
        store, who.account.id, team_id, need, to_user_id=body.to, text=body.text
    )
    return {"need": asdict(view), "ask": asdict(ask) if ask else None}


@router.get("/teams/{team_id}/needs")
def board(
    team_id: Id,
    who: CallerDep,
    store: TeamStore,
    status: Annotated[NeedStatus, Query()] = "open",
) -> list[dict[str, Any]]:
    """List the needs shared with the whole team."""
    return [asdict(n) for n in method.board(store, who.account.id, team_id, status=status)]


@router.get("/needs/{need_id}")
def get_need(need_id: Id, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Return a need shared with you."""
    return asdict(method.get_need(store, who.account.id, need_id))


class StatusIn(InBody):
    """A need's new status."""

    status: NeedStatus


@router.put("/needs/{need_id}/status")
def need_status(need_id: Id, body: StatusIn, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Resolve, drop or reopen your need."""
    return asdict(method.set_need_status(store, who.account.id, need_id, body.status))


def _candidate(c: Any) -> dict[str, Any]:
    return {
        "person": {"id": c.person.id, "name": c.person.name},
        "total": c.total,
        "factors": {
            k: {"score": f.score, "weight": f.weight, "reason": f.reason}
            for k, f in c.factors.items()
        },
        "flags": list(c.flags),
        "excluded": c.excluded,
    }


@router.get("/needs/{need_id}/route")
def route(
    need_id: Id,
    who: CallerDep,
    store: TeamStore,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    """Rank the team for your need: who to ask, why, and who cannot be asked now."""
    found = routing.route(store, who.account.id, need_id, limit=limit)
    return {
        "need_id": found.need_id,
        "suggested": [_candidate(c) for c in found.suggested],
        "unavailable": [_candidate(c) for c in found.unavailable],
    }


class AskIn(InBody):
    """Whom to ask, and the message."""

    helper_id: int = Field(ge=1)
    text: str = Field(default="", max_length=20000)


@router.post("/needs/{need_id}/asks", status_code=status.HTTP_201_CREATED)
def ask(need_id: Id, body: AskIn, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Ask a member about your need (refused while they are at capacity or in a cooldown)."""
    return asdict(method.ask(store, who.account.id, need_id, body.helper_id, body.text))


class NoteIn(InBody):
    """A short note."""

    note: str = Field(default="", max_length=20000)


@router.post("/needs/{need_id}/offer", status_code=status.HTTP_201_CREATED)
def offer(need_id: Id, body: NoteIn, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Offer help with a need shared with the whole team."""
    return asdict(method.offer(store, who.account.id, need_id, body.note))


PAGE = 50
Limit = Annotated[
    int, Query(ge=1, le=method.PAGE_MAX, description=f"Asks per page (default {PAGE}).")
]
Before = Annotated[
    int | None, Query(ge=1, le=2**31 - 1, description="Only asks older than this ask id.")
]


def _page(request: Request, found: list[AskView], limit: int) -> Response:
    """Answer one page of asks; a full page links to the next one (`Link: <...>; rel="next"`)."""
    answer = JSONResponse([ask_json(a) for a in found])
    if len(found) == limit:
        following = request.url.include_query_params(before=found[-1].id, limit=limit)
        answer.headers["link"] = f'<{following.path}?{following.query}>; rel="next"'
    return answer


@router.get("/inbox", response_model=list[dict[str, Any]])
def inbox(
    request: Request,
    who: CallerDep,
    store: TeamStore,
    waiting: Annotated[bool, Query()] = False,
    limit: Limit = PAGE,
    before: Before = None,
) -> Response:
    """List asks made of you, newest first, a page at a time (?waiting=true: those waiting).

    A full page has a `Link` header to the next (older) one: `</api/team/inbox?before=ID&...>;
    rel="next"`.
    """
    found = method.inbox(store, who.account.id, waiting_only=waiting, limit=limit, before=before)
    return _page(request, found, limit)


@router.get("/asks", response_model=list[dict[str, Any]])
def sent(
    request: Request, who: CallerDep, store: TeamStore, limit: Limit = PAGE, before: Before = None
) -> Response:
    """List the asks you made, newest first, a page at a time (as the inbox)."""
    return _page(request, method.sent(store, who.account.id, limit=limit, before=before), limit)


@router.get("/asks/{ask_id}")
def get_ask(ask_id: Id, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Return an ask you made or were asked."""
    return asdict(method.get_ask(store, who.account.id, ask_id))


class AnswerIn(InBody):
    """Your answer: yes, no, an alternative (say what you offer) or not now."""

    kind: AnswerKind
    note: str = Field(default="", max_length=20000)
    offered: str = Field(default="", max_length=20000)
    until: date | None = Field(default=None, description="For no / not-now: ask again from.")


@router.post("/asks/{ask_id}/answer")
def answer(ask_id: Id, body: AnswerIn, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Answer an ask made of you."""
    view = method.answer(
        store,
        who.account.id,
        ask_id,
        body.kind,
        note=body.note,
        offered=body.offered,
        until=body.until,
    )
    return asdict(view)


@router.post("/asks/{ask_id}/thanks")
def thank(ask_id: Id, body: NoteIn, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Thank the person who answered your ask."""
    return asdict(method.thank(store, who.account.id, ask_id, body.note))


@router.post("/asks/{ask_id}/follow-up")
def follow_up(ask_id: Id, body: NoteIn, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Send the one gentle follow-up of an unanswered ask."""
    return asdict(method.follow_up(store, who.account.id, ask_id, body.note))


class BoundaryIn(InBody):
    """A topic you are not taking asks about, until a date, for everyone in the team."""

    topic: str = Field(max_length=200)
    until: date
    reason: str = Field(default="", max_length=20000)


@router.post("/teams/{team_id}/boundaries", status_code=status.HTTP_201_CREATED)
def boundary(team_id: Id, body: BoundaryIn, who: CallerDep, store: TeamStore) -> dict[str, int]:
    """Publish a boundary: no asks about this topic until the date."""
    made = method.set_boundary(
        store, who.account.id, team_id, topic=body.topic, until=body.until, reason=body.reason
    )
    return {"id": made}


@router.get("/teams/{team_id}/help")
def help_ledger(team_id: Id, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Return the help you gave and received in the team."""
    return method.help_ledger(store, who.account.id, team_id)


@router.get("/teams/{team_id}/insights")
def team_insights(team_id: Id, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Return the team's figures: aggregates over at least 5 members, never per person."""
    return asdict(insights.team_insights(store, who.account.id, team_id))
