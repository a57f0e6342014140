"""The reminders calendar feed: GET /feed/<token>.ics, for calendar apps to subscribe to.

Calendar apps cannot log in or carry the launch cookie, so this one path is outside the launch
token check (see security.PUBLIC_PREFIXES) and is guarded by its own long-lived secret instead:
the feed token (`askwell serve` prints the link; a wrong token is a plain 404).
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from askwell.services import calendar
from askwell.storage.store import Store
from askwell.web.deps import StoreDep

router = APIRouter(tags=["calendar"], include_in_schema=False)
PATH = "/feed/{token}.ics"


def feed_path(token: str) -> str:
    """Return the path of the feed for `token`."""
    return PATH.format(token=token)


@router.get(PATH)
def reminders_feed(token: str, store: StoreDep) -> Response:
    """Return the owner's reminders calendar, if `token` is their feed token."""
    owner = calendar.owner_of_feed(store, token)
    if owner is None:
        raise HTTPException(status_code=404)
    data = calendar.feed(Store(store.engine, owner_id=owner))
    return Response(
        data,
        media_type="text/calendar; charset=utf-8",
        headers={
            "cache-control": "no-store",
            "content-disposition": "inline; filename=askwell.ics",
        },
    )
