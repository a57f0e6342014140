"""Load everything a user owns as plain core data (the input of matching and insights)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from askwell.core.model import History
from askwell.services import _rows
from askwell.storage.store import Store
from askwell.storage.tables import (
    AskRow,
    BoundaryRow,
    HelpGivenRow,
    JournalRow,
    NeedRow,
    PersonRow,
    ThanksRow,
)


def load_history(store: Store) -> History:
    """Return the owner's people, needs, asks, boundaries, thanks, help given and journal."""
    o = store.owner_id
    with store.session() as s:

        def rows(table: Any) -> list[Any]:
            # Core rows, not ORM objects: the same attributes, without the identity map's
            # cost (about six times faster at 100,000 entries; see docs/benchmarks.md).
            t = table.__table__
            return list(s.execute(select(t).where(t.c.owner_id == o).order_by(t.c.id)))

        return History(
            people=[_rows.person(r) for r in rows(PersonRow)],
            needs=[_rows.need(r) for r in rows(NeedRow)],
            asks=[_rows.ask(r) for r in rows(AskRow)],
            boundaries=[_rows.boundary(r) for r in rows(BoundaryRow)],
            thanks=[_rows.thanks(r) for r in rows(ThanksRow)],
            help_given=[_rows.help_given(r) for r in rows(HelpGivenRow)],
            journal=[_rows.journal(r) for r in rows(JournalRow)],
        )
