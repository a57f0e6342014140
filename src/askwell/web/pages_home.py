"""The home page: what is waiting on you today, open needs, and one thing to practise."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from askwell import services
from askwell.web.deps import StoreDep
from askwell.web.render import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    """Show due follow-ups and thank-yous, open needs and a practice suggestion."""
    due = services.due(store)
    needs = services.list_needs(store, status="open")
    people = {p.id: p for p in services.list_people(store)}
    asks = services.list_asks(store)
    asked = {a.need_id for a in asks}
    recent = list(reversed(asks))[:5]
    from askwell.services import insights

    tips = insights.practice(store)
    return render(
        request,
        "home.html",
        section="home",
        title="Today",
        due=due,
        needs=needs[:6],
        asked=asked,
        recent=recent,
        people=people,
        needs_by_id={n.id: n for n in services.list_needs(store)},
        tip=tips[0] if tips else None,
    )
