"""Use-cases for needs."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select

from askwell.core import validate
from askwell.core.model import NEED_STATES, Need, check_choice
from askwell.services import _rows
from askwell.storage.store import Store
from askwell.storage.tables import NeedRow


def suggest_type(summary: str, details: str = "") -> str:
    """Return the support type a need's words suggest (what `add_need` fills in when none)."""
    from askwell.core.need_check import assess

    return assess(summary, details).suggested_type


def add_need(store: Store, need: Need, *, now: datetime | None = None) -> Need:
    """Check and store a new need (a need with no support type gets the one its words suggest)."""
    if not need.support_type:
        need = replace(need, support_type=suggest_type(need.summary, need.details))
    checked = validate.need(need)
    with store.session() as s:
        row = NeedRow(
            uid=checked.uid or _rows.new_uid(),
            owner_id=store.owner_id,
            created_at=checked.created_at or now or _rows.now_utc(),
            **_rows.need_fields(checked),
        )
        s.add(row)
        s.flush()
        return _rows.need(row)


def get_need(store: Store, need_id: int) -> Need:
    """Return one need or raise NotFound."""
    with store.session() as s:
        return _rows.need(_rows.owned(s, store, NeedRow, need_id))


def list_needs(store: Store, status: str | None = None) -> list[Need]:
    """Return needs, newest first, optionally only those with `status`."""
    query = select(NeedRow).where(NeedRow.owner_id == store.owner_id)
    if status is not None:
        query = query.where(NeedRow.status == check_choice(status, NEED_STATES, "need status"))
    with store.session() as s:
        rows = s.scalars(query.order_by(NeedRow.created_at.desc(), NeedRow.id.desc()))
        return [_rows.need(r) for r in rows]


def set_need_status(store: Store, need_id: int, status: str) -> Need:
    """Mark a need open, resolved or dropped."""
    with store.session() as s:
        row = _rows.owned(s, store, NeedRow, need_id)
        checked = validate.need(replace(_rows.need(row), status=status))
        row.status = checked.status
        return _rows.need(row)


NEED_EDITABLE = (
    "summary",
    "details",
    "support_type",
    "urgency",
    "deadline",
    "barriers",
    "expect",
    "topics",
    "ask",
    "size",
    "situation",
)


def update_need(store: Store, need_id: int, **changes: Any) -> Need:
    """Change some fields of a need (only the ones given), checked like a new one."""
    unknown = set(changes) - set(NEED_EDITABLE)
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
    with store.session() as s:
        row = _rows.owned(s, store, NeedRow, need_id)
        checked = validate.need(replace(_rows.need(row), **changes))
        for key, value in _rows.need_fields(checked).items():
            setattr(row, key, value)
        s.flush()
        return _rows.need(row)
