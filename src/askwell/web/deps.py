"""FastAPI dependency aliases shared by the API and page routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from askwell.storage.store import Store
from askwell.web.settings import WebSettings


def get_store(request: Request) -> Store:
    """Return the store this app was created with (or, where the app says, the caller's own).

    An app serving several people sets `app.state.store_for(request)`: the team server gives
    each signed-in caller a store limited to their own rows. (A function on the app's state,
    not `app.dependency_overrides`: with any override set, FastAPI analyses every dependency's
    signature again on every request.)
    """
    store_for = getattr(request.app.state, "store_for", None)
    store: Store = store_for(request) if store_for is not None else request.app.state.store
    return store


def get_settings(request: Request) -> WebSettings:
    """Return the settings of this launch."""
    settings: WebSettings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[WebSettings, Depends(get_settings)]

PathId = Annotated[int, Path(ge=1, le=2**62, description="The item's id.")]

# what a path id names, for "no person with id ..." (ids whose name is not listed: "record")
_ID_WHAT = {
    "person_id": "person",
    "need_id": "need",
    "ask_id": "ask",
    "entry_id": "journal entry",
    "trash_id": "trash entry",
    "team_id": "team",
    "user_id": "member",
    "token_id": "token",
    "session_id": "session",
}


async def ids_in_range(request: Request) -> None:
    """Answer 404 for a path id no database row can have (past 2**31 - 1, PostgreSQL's INTEGER).

    Runs before the route's own parameters and body are read, so every id route answers an
    out-of-range id the same way on SQLite and PostgreSQL: "no person with id 3000000000".
    """
    from askwell.errors import NotFound
    from askwell.storage.guard import INT_MAX, INT_MIN

    for name, value in request.path_params.items():
        if not (name == "id" or name.endswith("_id")) or not isinstance(value, str):
            continue
        digits = value[1:] if value.startswith("-") else value
        if digits.isascii() and digits.isdigit() and len(digits) > 9:
            number = int(value)
            if not INT_MIN <= number <= INT_MAX:
                raise NotFound("not_found", what=_ID_WHAT.get(name, "record"), id=value)
