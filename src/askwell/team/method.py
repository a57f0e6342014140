"""The method across a team: needs to a person or the team, asks, answers, thanks, help given."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, or_, select
from sqlalchemy.orm import Session

from askwell.core import cooldown, lifecycle
from askwell.core.model import TEXT_MAX, Boundary, Need, check_choice, check_text
from askwell.core.validate import need as check_need
from askwell.errors import AskwellError, Conflict, NotFound
from askwell.storage.guard import INT_MAX
from askwell.storage.store import Store
from askwell.storage.tables import User
from askwell.team import notify
from askwell.team.common import Forbidden, now_utc, role_in
from askwell.team.tables import Membership, Profile, TeamAsk, TeamBoundary, TeamHelp, TeamNeed
from askwell.team.views import (
    CORE_KIND,
    TEAM_ANSWERS,
    AskView,
    NeedView,
    ask_view,
    core_ask,
    core_need,
    need_view,
)

NOT_NOW_DAYS = 7
OPEN_ASK_STATES = ("sent",)
PAGE_MAX = 200  # asks in one inbox or sent page, at most


# The statements the hot paths run are built once, with parameters: building a SQLAlchemy
# statement costs more CPU than PostgreSQL takes to run these.
_NAMES = select(User.id, User.name).where(User.id.in_(bindparam("ids", expanding=True)))


def _names(s: Session, ids: set[int]) -> dict[int, str]:
    ids.discard(0)
    if not ids:
        return {}
    return {user_id: name for user_id, name in s.execute(_NAMES, {"ids": list(ids)})}


_IN_TEAM = select(Membership.id).where(
    Membership.team_id == bindparam("team_id"), Membership.user_id == bindparam("user_id")
)
_ASKED_ABOUT = select(TeamAsk.id).where(
    TeamAsk.need_id == bindparam("need_id"), TeamAsk.helper_id == bindparam("user_id")
)


def _can_see_need(s: Session, user_id: int, row: TeamNeed) -> bool:
    if user_id in (row.author_id, row.to_user_id):
        return True
    if row.to_user_id is None:
        return s.scalar(_IN_TEAM, {"team_id": row.team_id, "user_id": user_id}) is not None
    return s.scalar(_ASKED_ABOUT, {"need_id": row.id, "user_id": user_id}) is not None


def visible_need(s: Session, user_id: int, need_id: int) -> TeamNeed:
    """Return a need the person may see; any other id does not exist for them."""
    row = s.get(TeamNeed, need_id)
    if row is None or not _can_see_need(s, user_id, row):
        raise NotFound(f"there is no need {need_id} shared with you")
    return row


def _own_ask(s: Session, user_id: int, ask_id: int, side: str) -> TeamAsk:
    row = s.get(TeamAsk, ask_id, with_for_update=True)
    if row is None or user_id not in (row.asker_id, row.helper_id):
        raise NotFound(f"there is no ask {ask_id} of yours")
    if side == "helper" and row.helper_id != user_id:
        raise Forbidden("only the person who was asked can answer this ask")
    if side == "asker" and row.asker_id != user_id:
        raise Forbidden("only the person who asked can do that")
    return row


_HELPER = (
    select(User.name, Profile.away_until, Profile.away_note)
    .select_from(Membership)
    .join(User, User.id == Membership.user_id)
    .outerjoin(Profile, Profile.user_id == Membership.user_id)
    .where(Membership.team_id == bindparam("team_id"), Membership.user_id == bindparam("user_id"))
)


def _why_not(s: Session, need: TeamNeed, asker_id: int, helper_id: int) -> str | None:
    """Return why this member must not be asked about this need now (None when they may).

    Raises NotFound when they are not in the need's team.
    """
    today = now_utc().date()
    helper = s.execute(_HELPER, {"team_id": need.team_id, "user_id": helper_id}).first()
    if helper is None:
        raise NotFound("that person is not in this team")
    name, away_until, away_note = helper
    if away_until is not None and today < away_until:
        note = f" ({away_note})" if away_note else ""
        return f"{name} is not taking requests until {away_until:%Y-%m-%d}{note}"
    blocking = cooldown.blocking(
        team_boundaries(s, need.team_id, asker_id), helper_id, core_need(need), today
    )
    if blocking is not None:
        return (
            f"{name} has a cooldown on this until {blocking.until:%Y-%m-%d}; "
            "please ask someone else or wait until then"
        )
    return None


_BOUNDARIES = select(
    TeamBoundary.id,
    TeamBoundary.helper_id,
    TeamBoundary.until,
    TeamBoundary.need_id,
    TeamBoundary.topic,
    TeamBoundary.reason,
    TeamBoundary.created_at,
).where(
    TeamBoundary.team_id == bindparam("team_id"),
    or_(TeamBoundary.asker_id == bindparam("asker_id"), TeamBoundary.asker_id.is_(None)),
)


def team_boundaries(s: Session, team_id: int, asker_id: int) -> list[Boundary]:
    """Return the cooldowns that apply to this asker in the team (theirs and everyone's)."""
    rows = s.execute(_BOUNDARIES, {"team_id": team_id, "asker_id": asker_id})
    return [
        Boundary(
            r.helper_id, r.until, r.need_id, r.topic, r.reason, id=r.id, created_at=r.created_at
        )
        for r in rows
    ]


_OPEN_ALREADY = select(TeamAsk.id).where(
    TeamAsk.need_id == bindparam("need_id"),
    TeamAsk.helper_id == bindparam("helper_id"),
    TeamAsk.status.in_(OPEN_ASK_STATES),
)


def _new_ask(s: Session, need: TeamNeed, asker_id: int, helper_id: int, text: str) -> TeamAsk:
    if helper_id == asker_id:
        raise AskwellError("you cannot ask yourself; pick someone else in the team")
    reason = _why_not(s, need, asker_id, helper_id)
    if reason is not None:
        raise Conflict(reason)
    open_already = s.scalar(_OPEN_ALREADY, {"need_id": need.id, "helper_id": helper_id})
    if open_already is not None:
        raise Conflict("you already asked them about this need; their answer will come here")
    now = now_utc()
    row = TeamAsk(
        team_id=need.team_id,
        need_id=need.id,
        asker_id=asker_id,
        helper_id=helper_id,
        text=check_text(text, "the ask", TEXT_MAX, required=False),
        status="sent",
        sent_at=now,
        created_at=now,
        answer_note="",
        answer_offered="",
        thanks_note="",
        follow_up_note="",
    )
    s.add(row)
    s.flush()
    notify.record(s, "ask", row, need)
    return row


def post_need(
    store: Store,
    user_id: int,
    team_id: int,
    need: Need,
    *,
    to_user_id: int | None = None,
    text: str = "",
) -> tuple[NeedView, AskView | None]:
    """Share a need with the team, or send it straight to one member as an ask.

    A need with no support type gets the one its words suggest, as a personal need does.
    """
    if not need.support_type:
        from askwell.services.needs import suggest_type

        need = replace(need, support_type=suggest_type(need.summary, need.details))
    need = check_need(need)
    with store.session() as s:
        role_in(s, user_id, team_id)
        now = now_utc()
        row = TeamNeed(
            team_id=team_id,
            author_id=user_id,
            to_user_id=to_user_id,
            summary=need.summary,
            details=need.details,
            support_type=need.support_type,
            urgency=need.urgency,
            deadline=need.deadline,
            topics=list(need.topics),
            status="open",
            created_at=now,
        )
        s.add(row)
        s.flush()
        ask = _new_ask(s, row, user_id, to_user_id, text) if to_user_id is not None else None
        names = _names(s, {user_id, to_user_id or 0})
        view = need_view(row, names)
        return view, ask_view(ask, row.summary, names) if ask else None


def get_need(store: Store, user_id: int, need_id: int) -> NeedView:
    """Return one need the person may see."""
    with store.session() as s:
        row = visible_need(s, user_id, need_id)
        return need_view(row, _names(s, {row.author_id, row.to_user_id or 0}))


def board(store: Store, user_id: int, team_id: int, *, status: str = "open") -> list[NeedView]:
    """Return the team's shared needs (to the whole team), newest first."""
    with store.session() as s:
        role_in(s, user_id, team_id)
        rows = list(
            s.scalars(
                select(TeamNeed)
                .where(
                    TeamNeed.team_id == team_id,
                    TeamNeed.to_user_id.is_(None),
                    TeamNeed.status == status,
                )
                .order_by(TeamNeed.id.desc())
                .limit(200)
            )
        )
        names = _names(s, {r.author_id for r in rows})
        return [need_view(r, names) for r in rows]


def set_need_status(store: Store, user_id: int, need_id: int, status: str) -> NeedView:
    """Resolve, drop or reopen one of your own needs."""
    status = check_choice(status, ("open", "resolved", "dropped"), "need status")
    with store.session() as s:
        row = visible_need(s, user_id, need_id)
        if row.author_id != user_id:
            raise Forbidden("only the person who posted this need can change its status")
        row.status = status
        return need_view(row, _names(s, {row.author_id, row.to_user_id or 0}))


def ask(store: Store, user_id: int, need_id: int, helper_id: int, text: str = "") -> AskView:
    """Ask one member about your need (refused while they are at capacity or in a cooldown)."""
    with store.session() as s:
        need = visible_need(s, user_id, need_id)
        if need.author_id != user_id:
            raise Forbidden("only the person who posted this need can ask someone about it")
        row = _new_ask(s, need, user_id, helper_id, text)
        return ask_view(row, need.summary, _names(s, {user_id, helper_id}))


def offer(store: Store, user_id: int, need_id: int, note: str = "") -> AskView:
    """Offer help with a need shared with the whole team (recorded as a yes)."""
    with store.session() as s:
        need = visible_need(s, user_id, need_id)
        if need.to_user_id is not None or need.author_id == user_id:
            raise AskwellError("you can offer help on needs shared with the whole team by others")
        if need.status != "open":
            raise Conflict("this need is no longer open")
        now = now_utc()
        row = TeamAsk(
            team_id=need.team_id,
            need_id=need.id,
            asker_id=need.author_id,
            helper_id=user_id,
            text="",
            status="answered",
            sent_at=now,
            created_at=now,
            answer_kind="yes",
            answer_note=check_text(note, "the note", TEXT_MAX, required=False),
            answer_offered="",
            answered_at=now,
            thanks_note="",
            follow_up_note="",
        )
        s.add(row)
        s.flush()
        _record_help(s, row, need.summary)
        notify.record(s, "answer", row, need)
        return ask_view(row, need.summary, _names(s, {need.author_id, user_id}))


def _name_of(user_id: Any) -> Any:
    """Return a scalar subquery for a user's name (one primary-key lookup per row)."""
    return select(User.name).where(User.id == user_id).scalar_subquery()


def _listing(*where: Any) -> Select[Any]:
    """Return the query for a page of asks, newest first, with their need's summary and names.

    The page is chosen first (an index scan and a sort of one member's asks), then only its
    rows are joined, so no user or need is read beyond the page's own. Parameters: `who`,
    `before` (an ask id) and `limit`. Built once: building a statement costs more CPU than
    running it.
    """
    page = (
        select(TeamAsk)
        .where(*where, TeamAsk.id < bindparam("before"))
        .order_by(TeamAsk.id.desc())
        .limit(bindparam("limit"))
        .subquery()
    )
    return (
        select(
            page,
            TeamNeed.summary,
            _name_of(page.c.asker_id).label("asker_name"),
            _name_of(page.c.helper_id).label("helper_name"),
        )
        .join(TeamNeed, TeamNeed.id == page.c.need_id)
        .order_by(page.c.id.desc())
    )


_WHO: BindParameter[int] = bindparam("who")
_INBOX = _listing(TeamAsk.helper_id == _WHO)
_WAITING = _listing(TeamAsk.helper_id == _WHO, TeamAsk.status.in_(OPEN_ASK_STATES))
_SENT = _listing(TeamAsk.asker_id == _WHO)
_ONE = _listing(TeamAsk.id == _WHO)


def _asks(
    s: Session, query: Select[Any], who: int, *, limit: int = PAGE_MAX, before: int | None = None
) -> list[AskView]:
    """Return one page of asks from a `_listing` query."""
    values = {"who": who, "limit": limit, "before": INT_MAX if before is None else before}
    return [
        ask_view(r, r.summary, {r.asker_id: r.asker_name, r.helper_id: r.helper_name})
        for r in s.execute(query, values)
    ]


def inbox(
    store: Store,
    user_id: int,
    *,
    waiting_only: bool = False,
    limit: int = PAGE_MAX,
    before: int | None = None,
) -> list[AskView]:
    """Return asks made of you, newest first (only those waiting for your answer if asked).

    One page: at most `limit` asks, those older than the ask id `before` when it is given.
    """
    with store.session() as s:
        query = _WAITING if waiting_only else _INBOX
        return _asks(s, query, user_id, limit=limit, before=before)


def sent(
    store: Store, user_id: int, *, limit: int = PAGE_MAX, before: int | None = None
) -> list[AskView]:
    """Return the asks you made, newest first (one page, as `inbox`)."""
    with store.session() as s:
        return _asks(s, _SENT, user_id, limit=limit, before=before)


def get_ask(store: Store, user_id: int, ask_id: int) -> AskView:
    """Return one ask you made or were asked."""
    with store.session() as s:
        row = _own_ask(s, user_id, ask_id, "either")
        return _asks(s, _ONE, row.id)[0]


def _need_of(s: Session, row: TeamAsk) -> TeamNeed:
    need = s.get(TeamNeed, row.need_id)
    assert need is not None
    return need


def _record_help(s: Session, row: TeamAsk, summary: str) -> None:
    s.add(
        TeamHelp(
            team_id=row.team_id,
            giver_id=row.helper_id,
            receiver_id=row.asker_id,
            ask_id=row.id,
            summary=summary,
            created_at=now_utc(),
        )
    )


def answer(
    store: Store,
    user_id: int,
    ask_id: int,
    kind: str,
    *,
    note: str = "",
    offered: str = "",
    until: date | None = None,
) -> AskView:
    """Answer an ask made of you: yes / no / alternative / not-now (a no sets a cooldown)."""
    kind = check_choice(kind, TEAM_ANSWERS, "answer")
    note = check_text(note, "the note", TEXT_MAX, required=False)
    offered = check_text(offered, "what you offer", TEXT_MAX, required=False)
    now = now_utc()
    with store.session() as s:
        row = _own_ask(s, user_id, ask_id, "helper")
        core = CORE_KIND.get(kind, kind)
        lifecycle.answer(core_ask(row), core, now, note=note, offered=offered)
        row.status, row.answer_kind, row.answered_at = "answered", kind, now
        row.answer_note, row.answer_offered = note, offered
        need = s.get(TeamNeed, row.need_id)
        assert need is not None
        if kind in ("no", "not-now"):
            days = NOT_NOW_DAYS if kind == "not-now" else cooldown.DEFAULT_COOLDOWN_DAYS
            end = until or cooldown.cooldown_end(now.date(), days)
            if end <= now.date():
                raise AskwellError("the date to ask again must be in the future")
            s.add(
                TeamBoundary(
                    team_id=row.team_id,
                    helper_id=row.helper_id,
                    asker_id=row.asker_id,
                    need_id=row.need_id,
                    topic=need.summary,
                    until=end,
                    reason=note,
                    created_at=now,
                )
            )
        if kind == "yes":
            _record_help(s, row, need.summary)
        notify.record(s, "answer", row, need)
        return ask_view(row, need.summary, _names(s, {row.asker_id, row.helper_id}))


def thank(store: Store, user_id: int, ask_id: int, note: str = "") -> AskView:
    """Thank the person who answered your ask (after any answer, yes or no)."""
    note = check_text(note, "the thank-you", TEXT_MAX, required=False)
    now = now_utc()
    with store.session() as s:
        row = _own_ask(s, user_id, ask_id, "asker")
        updated = lifecycle.thank(core_ask(row), now)
        row.status, row.thanked_at, row.thanks_note = updated.status, now, note
        notify.record(s, "thanks", row, _need_of(s, row))
        return _asks(s, _ONE, row.id)[0]


def follow_up(store: Store, user_id: int, ask_id: int, note: str = "") -> AskView:
    """Send the one gentle follow-up an unanswered ask may get."""
    note = check_text(note, "the follow-up", TEXT_MAX, required=False)
    now = now_utc()
    with store.session() as s:
        row = _own_ask(s, user_id, ask_id, "asker")
        lifecycle.follow_up(core_ask(row), now)
        row.followed_up_at, row.follow_up_note = now, note
        notify.record(s, "follow_up", row, _need_of(s, row))
        return _asks(s, _ONE, row.id)[0]


def set_boundary(
    store: Store, user_id: int, team_id: int, *, topic: str, until: date, reason: str = ""
) -> int:
    """Publish a cooldown on a topic for everyone in the team; return its id."""
    topic = check_text(topic, "the topic", 200)
    if until <= now_utc().date():
        raise AskwellError("the date to ask again must be in the future")
    with store.session() as s:
        role_in(s, user_id, team_id)
        row = TeamBoundary(
            team_id=team_id,
            helper_id=user_id,
            asker_id=None,
            need_id=None,
            topic=topic,
            until=until,
            reason=check_text(reason, "the reason", TEXT_MAX, required=False),
            created_at=now_utc(),
        )
        s.add(row)
        s.flush()
        return row.id


def help_ledger(store: Store, user_id: int, team_id: int) -> dict[str, list[dict[str, object]]]:
    """Return the help you gave and received in a team (each entry names the other person)."""
    with store.session() as s:
        role_in(s, user_id, team_id)
        rows = list(
            s.scalars(
                select(TeamHelp)
                .where(
                    TeamHelp.team_id == team_id,
                    or_(TeamHelp.giver_id == user_id, TeamHelp.receiver_id == user_id),
                )
                .order_by(TeamHelp.id.desc())
            )
        )
        names = _names(s, {r.giver_id for r in rows} | {r.receiver_id for r in rows})
        out: dict[str, list[dict[str, object]]] = {"given": [], "received": []}
        for r in rows:
            given = r.giver_id == user_id
            other = r.receiver_id if given else r.giver_id
            out["given" if given else "received"].append(
                {
                    "with": {"id": other, "name": names[other]},
                    "summary": r.summary,
                    "ask_id": r.ask_id,
                    "at": r.created_at,
                }
            )
        return out
