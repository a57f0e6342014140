"""FastAPI dependency aliases shared by the API and page routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from askwell.storage.store import Store
from askwell.web.settings import WebSettings


def get_store(request: Request) -> Store:
    """Return the store this app was created with."""
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> WebSettings:
    """Return the settings of this launch."""
    settings: WebSettings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[WebSettings, Depends(get_settings)]

PathId = Annotated[int, Path(ge=1, le=2**62, description="The item's id.")]
