"""Use-cases for the journal (free reflections) and for help given to others."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from askwell.core.journal import TimelineItem
from askwell.core.model import TEXT_MAX, HelpGiven, JournalEntry, check_text
from askwell.errors import AskwellError
from askwell.services import _rows
from askwell.services.dates import dated
from askwell.storage.store import Store
from askwell.storage.tables import AskRow, HelpGivenRow, JournalRow, NeedRow, PersonRow

SEARCH_MAX = 200


def add_entry(
    store: Store,
    text: str,
    *,
    need_id: int | None = None,
    person_id: int | None = None,
    ask_id: int | None = None,
    on: date | datetime | None = None,
    now: datetime | None = None,
) -> JournalEntry:
    """Store a reflection, optionally linked to a need, a person or an ask.

    `on`: the day (or time) it was written when not just now; `now`: the clock.
    """
    body = check_text(text, "the journal entry", TEXT_MAX)
    when = dated(on, "a journal entry", now=now)
    with store.session() as s:
        if need_id is not None:
            _rows.owned(s, store, NeedRow, need_id)
        if person_id is not None:
            _rows.owned(s, store, PersonRow, person_id)
        if ask_id is not None:
            _rows.owned(s, store, AskRow, ask_id)
        row = JournalRow(
            uid=_rows.new_uid(),
            owner_id=store.owner_id,
            created_at=when,
            text=body,
            kind="reflection",
            need_id=need_id,
            person_id=person_id,
            ask_id=ask_id,
        )
        s.add(row)
        s.flush()
        return _rows.journal(row)


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_entries(
    store: Store,
    *,
    search: str | None = None,
    need_id: int | None = None,
    person_id: int | None = None,
) -> list[JournalEntry]:
    """Return journal entries, newest first; `search` matches words case-insensitively."""
    query = select(JournalRow).where(JournalRow.owner_id == store.owner_id)
    if search is not None:
        if len(search) > SEARCH_MAX:
            raise AskwellError("search_too_long", limit=SEARCH_MAX)
        for word in search.split():
            query = query.where(JournalRow.text.ilike(_like(word), escape="\\"))
    if need_id is not None:
        query = query.where(JournalRow.need_id == need_id)
    if person_id is not None:
        query = query.where(JournalRow.person_id == person_id)
    with store.session() as s:
        rows = s.scalars(query.order_by(JournalRow.created_at.desc(), JournalRow.id.desc()))
        return [_rows.journal(r) for r in rows]


def timeline(
    store: Store,
    *,
    search: str | None = None,
    kinds: list[str] | None = None,
    tag: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[TimelineItem]:
    """Return the journal as one timeline (events and reflections), newest first.

    `tag` keeps lines with that @tag; `since` / `until` are days in this machine's time zone.
    """
    from askwell.core import journal
    from askwell.core.model import check_choice
    from askwell.services.history import load_history

    if search is not None and len(search) > SEARCH_MAX:
        raise AskwellError("search_too_long", limit=SEARCH_MAX)
    wanted = {check_choice(k, journal.TIMELINE_KINDS, "journal kind") for k in kinds or ()}
    from askwell.core.moment import zone_of
    from askwell.services.insights import local_zone_name

    items = journal.timeline(load_history(store))
    zone = zone_of(local_zone_name())
    return journal.search(items, search, wanted or None, tag=tag, since=since, until=until, tz=zone)


def give_help(
    store: Store,
    person_id: int,
    summary: str,
    *,
    on: date | datetime | None = None,
    now: datetime | None = None,
) -> HelpGiven:
    """Record help the user gave someone.

    `on`: the day (or time) it was given when not just now; `now`: the clock.
    """
    body = check_text(summary, "the summary", TEXT_MAX)
    when = dated(on, "help given", now=now)
    with store.session() as s:
        _rows.owned(s, store, PersonRow, person_id)
        row = HelpGivenRow(
            uid=_rows.new_uid(),
            owner_id=store.owner_id,
            created_at=when,
            person_id=person_id,
            summary=body,
        )
        s.add(row)
        s.flush()
        return _rows.help_given(row)
