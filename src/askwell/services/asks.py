"""Use-cases for asks: create, send, answer, thank, follow up, close, and what is due."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from askwell.core import cooldown, lifecycle
from askwell.core.compose import Drafted
from askwell.core.model import CHANNELS, TEXT_MAX, Ask, Boundary, check_choice, check_text
from askwell.errors import AskwellError, Conflict
from askwell.services import _rows
from askwell.services.needs import get_need
from askwell.services.people import get_person
from askwell.storage.store import Store
from askwell.storage.tables import (
    AskRow,
    BoundaryRow,
    JournalRow,
    NeedRow,
    PersonRow,
    ThanksRow,
)


@dataclass
class AskResult:
    """An ask plus anything the user should be told about it."""

    ask: Ask
    warnings: list[str] = field(default_factory=list)
    boundary: Boundary | None = None


@dataclass
class DueItem:
    """Something waiting on the user: a follow-up or a thank-you."""

    ask: Ask
    person_name: str
    need_summary: str
    action: str  # "follow-up" or "thank"


def _blocking(
    s: Session, store: Store, person_id: int, need_row: NeedRow, today: date
) -> Boundary | None:
    rows = s.scalars(
        select(BoundaryRow).where(
            BoundaryRow.owner_id == store.owner_id, BoundaryRow.person_id == person_id
        )
    )
    return cooldown.blocking(
        (_rows.boundary(r) for r in rows), person_id, _rows.need(need_row), today
    )


def create_ask(
    store: Store,
    need_id: int,
    person_id: int,
    text: str | None = None,
    channel: str = "chat",
    *,
    draft: bool = False,
    override: bool = False,
    scheduled_for: datetime | None = None,
    parent_id: int | None = None,
    on: date | datetime | None = None,
    now: datetime | None = None,
) -> AskResult:
    """Record an ask (sent unless `draft`); refuse during a cooldown unless `override`.

    `on`: the day (or time) it was made when not just now; `now`: the clock.
    """
    now = _dated(on, now, None, "an ask", "", 0)
    body = "" if text is None else check_text(text, "the request text", TEXT_MAX)
    channel = check_choice(channel, CHANNELS, "channel")
    warnings: list[str] = []
    with store.session() as s:
        need = _rows.owned(s, store, NeedRow, need_id)
        person = _rows.owned(s, store, PersonRow, person_id)
        if parent_id is not None:
            _rows.owned(s, store, AskRow, parent_id)
        block = _blocking(s, store, person_id, need, now.date())
        if block is not None:
            code, data = cooldown.refusal(block, person.name)
            if not override:
                raise Conflict(code, **data)
            warnings.append(
                f"asking {person.name} before {block.until:%Y-%m-%d} anyway; noted as overridden"
            )
        row = AskRow(
            uid=_rows.new_uid(),
            owner_id=store.owner_id,
            created_at=now,
            need_id=need.id,
            person_id=person.id,
            text=body,
            channel=channel,
            status="draft" if draft else "sent",
            sent_at=None if draft else now,
            scheduled_for=scheduled_for,
            overridden=block is not None,
            parent_id=parent_id,
            urgency_at_ask=need.urgency,
        )
        s.add(row)
        s.flush()
        return AskResult(_rows.ask(row), warnings)


def get_ask(store: Store, ask_id: int) -> Ask:
    """Return one ask or raise NotFound."""
    with store.session() as s:
        return _rows.ask(_rows.owned(s, store, AskRow, ask_id))


def list_asks(
    store: Store,
    *,
    need_id: int | None = None,
    person_id: int | None = None,
    status: str | None = None,
) -> list[Ask]:
    """Return asks, oldest first, filtered by need, person or status."""
    query = select(AskRow).where(AskRow.owner_id == store.owner_id)
    if need_id is not None:
        query = query.where(AskRow.need_id == need_id)
    if person_id is not None:
        query = query.where(AskRow.person_id == person_id)
    if status is not None:
        query = query.where(AskRow.status == status)
    with store.session() as s:
        return [_rows.ask(r) for r in s.scalars(query.order_by(AskRow.created_at, AskRow.id))]


def _apply(row: AskRow, ask: Ask) -> Ask:
    for key, value in _rows.ask_fields(ask).items():
        setattr(row, key, value)
    return ask


def send_ask(store: Store, ask_id: int, *, now: datetime | None = None) -> Ask:
    """Mark a draft as sent."""
    with store.session() as s:
        row = _rows.owned(s, store, AskRow, ask_id)
        return _apply(row, lifecycle.send(_rows.ask(row), now or _rows.now_utc()))


def record_answer(
    store: Store,
    ask_id: int,
    kind: str,
    *,
    note: str = "",
    offered: str = "",
    cooldown_days: int = cooldown.DEFAULT_COOLDOWN_DAYS,
    on: date | datetime | None = None,
    now: datetime | None = None,
) -> AskResult:
    """Record yes / no / alternative / no-reply; a no sets a boundary with a cooldown.

    `on`: the day (or time) they answered when not just now, never before the ask was sent
    (`answer_before_ask`); `now`: the clock.
    """
    note = check_text(note, "the note", TEXT_MAX, required=False)
    offered = check_text(offered, "what was offered", TEXT_MAX, required=False)
    with store.session() as s:
        row = _rows.owned(s, store, AskRow, ask_id)
        sent = row.sent_at if on is not None else None  # a clock time passed in is trusted
        now = _dated(on, now, sent, "an answer", "answer_before_ask", ask_id)
        until = cooldown.cooldown_end(now.date(), cooldown_days)
        updated = _apply(
            row, lifecycle.answer(_rows.ask(row), kind, now, note=note, offered=offered)
        )
        result = AskResult(updated)
        if updated.answer is not None and updated.answer.kind == "no":
            result.boundary = add_cooldown(s, store, row, until, now)
        return result


def add_cooldown(s: Session, store: Store, row: AskRow, until: date, now: datetime) -> Boundary:
    """Store the cooldown a no sets: no asks of that person about that need before `until`."""
    need = s.get(NeedRow, row.need_id)
    assert need is not None
    brow = BoundaryRow(
        uid=_rows.new_uid(),
        owner_id=store.owner_id,
        created_at=now,
        person_id=row.person_id,
        need_id=row.need_id,
        topic=need.summary,
        until=until,
        reason=row.answer_note,
    )
    s.add(brow)
    s.flush()
    return _rows.boundary(brow)


def _dated(
    on: date | datetime | None,
    now: datetime | None,
    earliest: datetime | None,
    what: str,
    code: str,
    ask_id: int,
) -> datetime:
    """Return when something happened, never before `earliest` (`code` if so).

    `on` is the day (or exact time) a person named, checked like every date they give (not
    to come, not before 1900); a day that is the day of `earliest` comes just after it.
    Without `on` it happened `now` (the clock, or a time a caller already worked out).
    """
    from askwell.services.dates import on_or_after, restamp

    if on is None:
        if now is None:
            return _rows.now_utc()
        return on_or_after(now, earliest, by_day=True, code=code, ask_id=ask_id)
    stamp = restamp(on, None, what, now=now)
    by_day = not isinstance(on, datetime)
    return on_or_after(stamp, earliest, by_day=by_day, code=code, ask_id=ask_id)


def thank(
    store: Store,
    ask_id: int,
    *,
    note: str = "",
    on: date | datetime | None = None,
    now: datetime | None = None,
) -> Ask:
    """Record that a thank-you was sent after an answer.

    `on`: the day (or time) it was sent when not just now; `now`: the clock.
    """
    note = check_text(note, "the note", TEXT_MAX, required=False)
    with store.session() as s:
        row = _rows.owned(s, store, AskRow, ask_id)
        now = _dated(on, now, row.answered_at, "a thank-you", "thanks_before_answered", ask_id)
        updated = _apply(row, lifecycle.thank(_rows.ask(row), now))
        s.add(
            ThanksRow(
                uid=_rows.new_uid(),
                owner_id=store.owner_id,
                created_at=now,
                ask_id=row.id,
                note=note,
            )
        )
        return updated


FOLLOWUP_ENV = "ASKWELL_FOLLOWUP_DAYS"


def followup_delay() -> timedelta:
    """Return how long an ask waits before its one follow-up: $ASKWELL_FOLLOWUP_DAYS or 3 days."""
    import os

    raw = os.environ.get(FOLLOWUP_ENV, "").strip()
    if not raw:
        return lifecycle.FOLLOWUP_AFTER
    if not raw.isdigit() or not 1 <= int(raw) <= 60:
        raise AskwellError("bad_followup_days", value=raw, setting=FOLLOWUP_ENV)
    return timedelta(days=int(raw))


def local_zone() -> tzinfo:
    """Return the zone whose days a follow-up delay counts in (this machine's, or $ASKWELL_TZ)."""
    from askwell.core.moment import zone_of
    from askwell.services.insights import local_zone_name

    return zone_of(local_zone_name())


def follow_up(
    store: Store,
    ask_id: int,
    *,
    note: str = "",
    on: date | datetime | None = None,
    now: datetime | None = None,
) -> Ask:
    """Record the one gentle follow-up of an unanswered ask.

    `on`: the day (or time) it was sent when not just now; `now`: the clock.
    """
    note = check_text(note, "the note", TEXT_MAX, required=False)
    with store.session() as s:
        row = _rows.owned(s, store, AskRow, ask_id)
        now = _dated(on, now, row.sent_at, "a follow-up", "followup_before_ask", ask_id)
        updated = _apply(
            row, lifecycle.follow_up(_rows.ask(row), now, followup_delay(), local_zone())
        )
        if note:
            s.add(
                JournalRow(
                    uid=_rows.new_uid(),
                    owner_id=store.owner_id,
                    created_at=now,
                    text=note,
                    kind="follow-up",
                    ask_id=row.id,
                    need_id=row.need_id,
                    person_id=row.person_id,
                )
            )
        return updated


def close_ask(store: Store, ask_id: int, *, now: datetime | None = None) -> Ask:
    """Close an ask."""
    with store.session() as s:
        row = _rows.owned(s, store, AskRow, ask_id)
        return _apply(row, lifecycle.close(_rows.ask(row), now or _rows.now_utc()))


def due(store: Store, *, now: datetime | None = None) -> list[DueItem]:
    """Return asks that may get their one follow-up, then answers not yet thanked."""
    now = now or _rows.now_utc()
    wait, zone = followup_delay(), local_zone()
    query = (
        select(AskRow, PersonRow.name, NeedRow.summary)
        .join(PersonRow, PersonRow.id == AskRow.person_id)
        .join(NeedRow, NeedRow.id == AskRow.need_id)
        .where(AskRow.owner_id == store.owner_id, AskRow.status.in_(("sent", "answered")))
        .order_by(AskRow.sent_at, AskRow.id)
    )
    followups: list[DueItem] = []
    thanks: list[DueItem] = []
    with store.session() as s:
        for row, name, summary in s.execute(query):
            ask = _rows.ask(row)
            if lifecycle.may_follow_up(ask, now, wait, zone):
                followups.append(DueItem(ask, name, summary, "follow-up"))
            elif lifecycle.needs_thanks(ask):
                thanks.append(DueItem(ask, name, summary, "thank"))
    return followups + thanks


def reply_draft(store: Store, ask_id: int) -> str:
    """Draft the next message for an ask: a thank-you, a gracious reply to a no, or a follow-up."""
    from askwell.core import compose

    with store.session() as s:
        row = _rows.owned(s, store, AskRow, ask_id)
        ask = _rows.ask(row)
        person = _rows.person(_rows.owned(s, store, PersonRow, row.person_id))
        need = _rows.need(_rows.owned(s, store, NeedRow, row.need_id))
    kind = ask.answer.kind if ask.answer else "no-reply"
    return compose.reply_for(kind, person, need, channel=ask.channel, answer=ask.answer)


@dataclass(frozen=True)
class NextReply:
    """The message an ask is waiting for from you now: a thank-you or the one follow-up."""

    action: str  # "thank" or "follow-up"
    text: str


def next_reply(store: Store, ask_id: int, *, now: datetime | None = None) -> NextReply | None:
    """Return the reply to offer now (thanks after an answer, a follow-up once due), or None."""
    ask = get_ask(store, ask_id)
    if lifecycle.needs_thanks(ask):
        action = "thank"
    elif lifecycle.may_follow_up(ask, now or _rows.now_utc(), followup_delay(), local_zone()):
        action = "follow-up"
    else:
        return None
    return NextReply(action, reply_draft(store, ask_id))


def first_draft(
    store: Store,
    need_id: int,
    person_id: int,
    *,
    channel: str | None = None,
    template: str | None = None,
) -> Drafted:
    """Return the draft the wizard pre-fills for a need and a person (`askwell draft` prints it)."""
    from askwell.core import compose
    from askwell.core.match.reasons import matching_topic

    need = get_need(store, need_id)
    person = get_person(store, person_id)
    query = (
        select(NeedRow)
        .join(AskRow, AskRow.need_id == NeedRow.id)
        .where(
            AskRow.owner_id == store.owner_id,
            AskRow.person_id == person_id,
            AskRow.answer_kind == "yes",
        )
        .order_by(AskRow.answered_at.desc(), AskRow.id.desc())
    )
    with store.session() as s:
        helped = [_rows.need(row) for row in s.scalars(query)]
    # Their topics that match the need come first; an earlier yes to a close need next.
    reason = "" if matching_topic(need, person.topics) else compose.past_reason(need, helped)
    return compose.compose_for(
        person, need, channel=channel, template=template or None, reason=reason
    )
