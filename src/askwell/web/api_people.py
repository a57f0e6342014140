"""JSON API: the people in your network."""

from __future__ import annotations

from fastapi import APIRouter, status

from askwell import services
from askwell.web.deps import PathId, StoreDep
from askwell.web.schemas import (
    ERRORS,
    BoundaryCreate,
    BoundaryPublic,
    PersonCreate,
    PersonPublic,
    PersonUpdate,
)

router = APIRouter(prefix="/api/people", tags=["people"], responses=ERRORS)


@router.get("")
def list_people(store: StoreDep) -> list[PersonPublic]:
    """List everyone in your network, by name."""
    return [PersonPublic.of(p) for p in services.list_people(store)]


@router.post("", status_code=status.HTTP_201_CREATED)
def add_person(store: StoreDep, body: PersonCreate) -> PersonPublic:
    """Add a person."""
    person = services.add_person(store, body.to_domain(), allow_duplicate=body.allow_duplicate)
    return PersonPublic.of(person)


@router.get("/{person_id}")
def get_person(store: StoreDep, person_id: PathId) -> PersonPublic:
    """Show one person."""
    return PersonPublic.of(services.get_person(store, person_id))


@router.patch("/{person_id}")
def update_person(store: StoreDep, person_id: PathId, body: PersonUpdate) -> PersonPublic:
    """Change some fields of a person."""
    return PersonPublic.of(services.update_person(store, person_id, **body.changes()))


@router.get("/{person_id}/boundaries")
def list_boundaries(store: StoreDep, person_id: PathId) -> list[BoundaryPublic]:
    """List a person's boundaries and cooldowns, latest end first."""
    services.get_person(store, person_id)
    return [BoundaryPublic.of(b) for b in services.list_boundaries(store, person_id)]


@router.post("/{person_id}/boundaries", status_code=status.HTTP_201_CREATED)
def add_boundary(store: StoreDep, person_id: PathId, body: BoundaryCreate) -> BoundaryPublic:
    """Respect a boundary: no asks to this person (about a topic) before a date."""
    return BoundaryPublic.of(
        services.add_boundary(store, person_id, body.until, topic=body.topic, reason=body.reason)
    )
