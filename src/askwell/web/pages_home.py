"""The home page: what is waiting on you today, open needs, and one thing to practise."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from askwell import services
from askwell.storage.store import Store
from askwell.web.cache import PageCache
from askwell.web.deps import StoreDep
from askwell.web.render import Pages

router = APIRouter(include_in_schema=False)


def _home(request: Request, store: Store) -> str:
    from askwell.services import insights

    needs = services.list_needs(store)
    asks = services.list_asks(store)
    tips = insights.practice(store)
    pages: Pages = request.app.state.pages
    return pages.page(
        request,
        "home.html",
        section="home",
        title="Today",
        due=services.due(store),
        needs=[n for n in needs if n.status == "open"][:6],
        asked={a.need_id for a in asks},
        recent=list(reversed(asks))[:5],
        people={p.id: p for p in services.list_people(store)},
        needs_by_id={n.id: n for n in needs},
        tip=tips[0] if tips else None,
    )


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, store: StoreDep) -> HTMLResponse:
    """Show due follow-ups and thank-yous, open needs and a practice suggestion."""
    cache: PageCache = request.app.state.page_cache
    return HTMLResponse(await cache.get("home", lambda: _home(request, store)))
