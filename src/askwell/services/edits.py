"""Fix a typo in any record: one use-case per kind (ask, journal entry, help given, boundary).

People and needs are changed by `update_person` and `update_need`. Each use-case changes only
the fields it is given, checks them like a new record, and refuses a call that changes
nothing. A date may be a local day (the record keeps its time when it is already on that day)
or an exact time.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from askwell.core import cooldown
from askwell.core.model import (
    ANSWER_KINDS,
    CHANNELS,
    SUMMARY_MAX,
    TEXT_MAX,
    Ask,
    Boundary,
    DomainError,
    HelpGiven,
    JournalEntry,
    check_choice,
    check_text,
)
from askwell.errors import AskwellError
from askwell.services import _rows
from askwell.services.asks import add_cooldown
from askwell.services.dates import local_day, on_or_after, restamp
from askwell.services.people import check_until
from askwell.storage.store import Store
from askwell.storage.tables import (
    AskRow,
    BoundaryRow,
    HelpGivenRow,
    JournalRow,
    PersonRow,
    ThanksRow,
)

When = date | datetime


def _nothing(*values: object) -> None:
    if all(v is None for v in values):
        raise AskwellError("nothing_to_change")


def update_ask(
    store: Store,
    ask_id: int,
    *,
    text: str | None = None,
    channel: str | None = None,
    sent: When | None = None,
    answer: str | None = None,
    answered: When | None = None,
    note: str | None = None,
    offered: str | None = None,
    thanks_note: str | None = None,
    followup_note: str | None = None,
    thanked: When | None = None,
    followed_up: When | None = None,
    now: datetime | None = None,
) -> Ask:
    """Change an ask's text, channel or day, its answer (kind, day, note, offer), its thanks
    and follow-up (note, day).

    A different answer keeps the cooldown right: a no gets one, a no that was not loses it.
    """
    parts = {"answer": answer, "answered": answered, "note": note, "offered": offered}
    late = (thanks_note, followup_note, thanked, followed_up)
    _nothing(text, channel, sent, *late, *parts.values())
    with store.session() as s:
        row = _rows.owned(s, store, AskRow, ask_id)
        if text is not None:
            row.text = check_text(text, "the request text", TEXT_MAX, required=False)
        if channel is not None:
            row.channel = check_choice(channel, CHANNELS, "channel")
        if sent is not None:
            _move_sent(row, sent, now)
        if any(v is not None for v in parts.values()):
            _fix_answer(s, store, row, parts, now)
        if thanks_note is not None:
            _fix_thanks(s, store, row, thanks_note)
        if thanked is not None:
            _move_thanked(s, store, row, thanked, now)
        if followup_note is not None:
            _fix_followup(s, store, row, followup_note)
        if followed_up is not None:
            _move_followed_up(s, store, row, followed_up, now)
        s.flush()
        return _rows.ask(row)


def _fix_answer(
    s: Session, store: Store, row: AskRow, parts: dict[str, Any], now: datetime | None
) -> None:
    if row.answer_kind is None:
        what = next(k for k, v in parts.items() if v is not None)
        raise DomainError("no_answer_yet", id=row.id, what=what)
    if parts["note"] is not None:
        row.answer_note = check_text(parts["note"], "the note", TEXT_MAX, required=False)
    if parts["offered"] is not None:
        row.answer_offered = check_text(
            parts["offered"], "what was offered", TEXT_MAX, required=False
        )
    if parts["answered"] is not None:
        _move_answered(s, store, row, parts["answered"], now)
    if parts["answer"] is not None:
        _change_answer(s, store, row, parts["answer"])


def _fix_thanks(s: Session, store: Store, row: AskRow, note: str) -> None:
    thanks = s.scalars(
        select(ThanksRow)
        .where(ThanksRow.owner_id == store.owner_id, ThanksRow.ask_id == row.id)
        .order_by(ThanksRow.created_at.desc(), ThanksRow.id.desc())
    ).first()
    if thanks is None:
        raise DomainError("no_thanks_yet", id=row.id, what="note")
    thanks.note = check_text(note, "the note", TEXT_MAX, required=False)


def _not_before(
    day: When, stamp: datetime, earliest: datetime | None, code: str, row: AskRow
) -> datetime:
    by_day = not isinstance(day, datetime)
    return on_or_after(stamp, earliest, by_day=by_day, code=code, ask_id=row.id)


def _move_thanked(s: Session, store: Store, row: AskRow, day: When, now: datetime | None) -> None:
    """Move the day you said thanks (on or after their answer), with the thank-you it recorded."""
    if row.thanked_at is None:
        raise DomainError("no_thanks_yet", id=row.id, what="day")
    stamp = restamp(day, row.thanked_at, "a thank-you", now=now)
    stamp = _not_before(day, stamp, row.answered_at, "thanks_before_answered", row)
    mine = ThanksRow.owner_id == store.owner_id
    for thanks in s.scalars(select(ThanksRow).where(mine, ThanksRow.ask_id == row.id)):
        thanks.created_at = stamp
    row.thanked_at = stamp


def _followup_entry(s: Session, store: Store, row: AskRow) -> JournalRow | None:
    return s.scalars(
        select(JournalRow).where(
            JournalRow.owner_id == store.owner_id,
            JournalRow.ask_id == row.id,
            JournalRow.kind == "follow-up",
        )
    ).first()


def _move_followed_up(
    s: Session, store: Store, row: AskRow, day: When, now: datetime | None
) -> None:
    """Move the day of the ask's one follow-up (on or after the ask), with its note."""
    if row.followed_up_at is None:
        raise DomainError("no_followup_yet", id=row.id, what="day")
    stamp = restamp(day, row.followed_up_at, "a follow-up", now=now)
    stamp = _not_before(day, stamp, row.sent_at, "followup_before_ask", row)
    entry = _followup_entry(s, store, row)
    if entry is not None:
        entry.created_at = stamp
    row.followed_up_at = stamp


def _fix_followup(s: Session, store: Store, row: AskRow, note: str) -> None:
    """Rewrite the note of the ask's follow-up (empty: no note; a note can be added later)."""
    if row.followed_up_at is None:
        raise DomainError("no_followup_yet", id=row.id, what="note")
    body = check_text(note, "the note", TEXT_MAX, required=False)
    entry = _followup_entry(s, store, row)
    if entry is not None and body:
        entry.text = body
    elif entry is not None:
        s.delete(entry)
    elif body:
        s.add(
            JournalRow(
                uid=_rows.new_uid(),
                owner_id=store.owner_id,
                created_at=row.followed_up_at,
                text=body,
                kind="follow-up",
                ask_id=row.id,
                need_id=row.need_id,
                person_id=row.person_id,
            )
        )


def _move_answered(s: Session, store: Store, row: AskRow, day: When, now: datetime | None) -> None:
    old = row.answered_at
    assert old is not None
    stamp = restamp(day, old, "an answer", now=now)
    by_day = not isinstance(day, datetime)
    stamp = _not_before(day, stamp, row.sent_at, "answer_before_ask", row)
    if row.thanked_at is not None and stamp > row.thanked_at:
        if not (by_day and day == local_day(row.thanked_at)):
            raise DomainError("answer_after_thanks", id=row.id, on=f"{local_day(row.thanked_at)}")
        stamp = row.thanked_at
    if row.answer_kind == "no":  # the cooldown that no set moves along with it
        shift = local_day(stamp) - local_day(old)
        for brow in s.scalars(_cooldown_of(store, row, old)):
            brow.created_at = stamp
            brow.until = brow.until + shift if brow.until < date(9000, 1, 1) else brow.until
    row.answered_at = stamp


def _cooldown_of(store: Store, row: AskRow, answered_at: datetime) -> Select[BoundaryRow]:
    return select(BoundaryRow).where(
        BoundaryRow.owner_id == store.owner_id,
        BoundaryRow.person_id == row.person_id,
        BoundaryRow.need_id == row.need_id,
        BoundaryRow.created_at == answered_at,
    )


def _change_answer(s: Session, store: Store, row: AskRow, answer: str) -> None:
    kind = check_choice(answer, ANSWER_KINDS, "answer")
    if kind == row.answer_kind:
        return
    if kind == "no-reply" and row.status == "thanked":
        raise DomainError("thanked_no_reply", id=row.id)
    if kind == "alternative" and not (row.answer_offered or row.answer_note):
        raise DomainError("offer_missing")
    assert row.answered_at is not None
    if row.answer_kind == "no":  # the cooldown that no set goes with it
        for brow in s.scalars(_cooldown_of(store, row, row.answered_at)):
            s.delete(brow)
    if kind == "no":
        until = cooldown.cooldown_end(row.answered_at.date(), cooldown.DEFAULT_COOLDOWN_DAYS)
        add_cooldown(s, store, row, until, row.answered_at)
    row.answer_kind = kind


def _move_sent(row: AskRow, sent: When, now: datetime | None) -> None:
    if row.sent_at is None:
        raise DomainError("draft_has_no_date", id=row.id)
    stamp = restamp(sent, row.sent_at, "an ask", now=now)
    answered = row.answered_at
    on_answer_day = not isinstance(sent, datetime) and answered and sent == local_day(answered)
    if answered is not None and on_answer_day and stamp > answered:
        stamp = answered  # the day they answered: just before the answer
    if row.answered_at is not None and stamp > row.answered_at:
        raise DomainError("ask_after_answer", id=row.id, on=f"{row.answered_at:%Y-%m-%d}")
    if row.created_at == row.sent_at or stamp < row.created_at:
        row.created_at = stamp
    row.sent_at = stamp


def update_entry(
    store: Store,
    entry_id: int,
    *,
    text: str | None = None,
    at: When | None = None,
    now: datetime | None = None,
) -> JournalEntry:
    """Rewrite a journal entry (its @tags live in the text) or move it to another day."""
    _nothing(text, at)
    with store.session() as s:
        row = _rows.owned(s, store, JournalRow, entry_id)
        if text is not None:
            row.text = check_text(text, "the journal entry", TEXT_MAX)
        if at is not None:
            row.created_at = restamp(at, row.created_at, "a journal entry", now=now)
        s.flush()
        return _rows.journal(row)


def update_help(
    store: Store,
    help_id: int,
    *,
    summary: str | None = None,
    person_id: int | None = None,
    at: When | None = None,
    now: datetime | None = None,
) -> HelpGiven:
    """Change what you did for someone, whom you helped, or the day."""
    _nothing(summary, person_id, at)
    with store.session() as s:
        row = _rows.owned(s, store, HelpGivenRow, help_id)
        if summary is not None:
            row.summary = check_text(summary, "the summary", TEXT_MAX)
        if person_id is not None:
            row.person_id = _rows.owned(s, store, PersonRow, person_id).id
        if at is not None:
            row.created_at = restamp(at, row.created_at, "help given", now=now)
        s.flush()
        return _rows.help_given(row)


def update_boundary(
    store: Store,
    boundary_id: int,
    *,
    until: date | None = None,
    topic: str | None = None,
    reason: str | None = None,
    now: datetime | None = None,
) -> Boundary:
    """Change a boundary's end, topic or reason (to end it now, delete it)."""
    _nothing(until, topic, reason)
    today = (now or _rows.now_utc()).date()
    with store.session() as s:
        row = _rows.owned(s, store, BoundaryRow, boundary_id)
        if until is not None:
            check_until(until, today)
            row.until = until
        if topic is not None:
            row.topic = check_text(topic, "the topic", SUMMARY_MAX, required=False)
        if reason is not None:
            row.reason = check_text(reason, "the reason", TEXT_MAX, required=False)
        s.flush()
        return _rows.boundary(row)
