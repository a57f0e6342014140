"""JSON API for fixing mistakes: edit a need or a reflection, delete anything, undo, merge."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter
from pydantic import BaseModel

from askwell import services
from askwell.services import trash
from askwell.web.deps import PathId, StoreDep
from askwell.web.schemas import (
    ERRORS,
    AskPublic,
    AskUpdate,
    BoundaryPublic,
    BoundaryUpdate,
    HelpGivenPublic,
    HelpGivenUpdate,
    Id,
    InBody,
    JournalPublic,
    JournalUpdate,
)

router = APIRouter(tags=["fixing mistakes"], responses=ERRORS)

PATHS = {
    "person": "/api/people",
    "need": "/api/needs",
    "ask": "/api/asks",
    "journal": "/api/journal",
    "help": "/api/help",
    "boundary": "/api/boundaries",
}
"""Where each kind of record lives in the API (DELETE `{path}/{id}` moves it to the trash)."""


class TrashPublic(BaseModel):
    """A delete or merge that can be undone until `until`."""

    id: int
    kind: str
    record_id: int
    label: str
    deleted_at: datetime
    until: date
    merged_into: int | None = None

    @classmethod
    def of(cls, item: trash.TrashItem) -> TrashPublic:
        """Return the public shape of a trash entry."""
        return cls(**vars(item))


class MergeBody(InBody):
    """The duplicate to fold into the person in the path."""

    other_id: Id


def _delete_route(kind: str) -> None:
    def delete(store: StoreDep, record_id: PathId) -> TrashPublic:
        return TrashPublic.of(trash.delete_record(store, kind, record_id))

    delete.__doc__ = f"Move the {trash.WORDS[kind]} (and what belongs to it) to the trash."
    router.add_api_route(
        f"{PATHS[kind]}/{{record_id}}",
        delete,
        methods=["DELETE"],
        name=f"delete_{kind}",
        summary=f"Delete a {trash.WORDS[kind]}",
    )


for _kind in trash.KINDS:
    _delete_route(_kind)


@router.get("/api/trash")
def list_trash(store: StoreDep) -> list[TrashPublic]:
    """List what can still be undone (deleted or merged in the last 30 days), newest first."""
    return [TrashPublic.of(i) for i in trash.list_trash(store)]


@router.post("/api/trash/undo")
def undo_latest(store: StoreDep) -> TrashPublic:
    """Undo the latest delete or merge."""
    return TrashPublic.of(trash.undo(store))


@router.post("/api/trash/{trash_id}/restore")
def restore(store: StoreDep, trash_id: PathId) -> TrashPublic:
    """Bring back one trash entry with its parts and links."""
    return TrashPublic.of(trash.undo(store, trash_id))


@router.post("/api/people/{person_id}/merge")
def merge(store: StoreDep, person_id: PathId, body: MergeBody) -> TrashPublic:
    """Fold a duplicate (`other_id`) into this person; undo splits them again."""
    return TrashPublic.of(trash.merge_people(store, person_id, body.other_id))


@router.patch("/api/journal/{entry_id}")
def update_entry(store: StoreDep, entry_id: PathId, body: JournalUpdate) -> JournalPublic:
    """Fix a journal entry: its text (with its @tags) or its day."""
    return JournalPublic.of(services.update_entry(store, entry_id, **body.changes()))


@router.patch("/api/asks/{ask_id}")
def update_ask(store: StoreDep, ask_id: PathId, body: AskUpdate) -> AskPublic:
    """Fix an ask: text, channel, sending day, the answer's note or offer, the thank-you note."""
    return AskPublic.of(services.update_ask(store, ask_id, **body.changes()))


@router.patch("/api/help/{help_id}")
def update_help(store: StoreDep, help_id: PathId, body: HelpGivenUpdate) -> HelpGivenPublic:
    """Fix help you gave: what you did, for whom, or the day."""
    return HelpGivenPublic.of(services.update_help(store, help_id, **body.changes()))


@router.patch("/api/boundaries/{boundary_id}")
def update_boundary(store: StoreDep, boundary_id: PathId, body: BoundaryUpdate) -> BoundaryPublic:
    """Fix a boundary: its end, topic or reason."""
    return BoundaryPublic.of(services.update_boundary(store, boundary_id, **body.changes()))
