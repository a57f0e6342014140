"""The insights dashboard: what your asking looks like over time, in words and charts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from askwell.web.api_insights import compute
from askwell.web.deps import StoreDep
from askwell.web.render import render

router = APIRouter(include_in_schema=False)

CHARTS = (
    ("weekly_asks", "Asks per week", "How many asks you made each week, and needs left unasked."),
    ("calibration", "Predicted vs actual yes", "Your guesses of a yes next to what happened."),
    ("barriers", "What holds you back", "How often each barrier came up in your needs."),
    ("spread", "Who you lean on", "Asks per person, and help you gave back."),
)


@router.get("/insights", response_class=HTMLResponse)
def insights_page(request: Request, store: StoreDep) -> HTMLResponse:
    """Show the insight sentences, the practice suggestions and the charts."""
    from askwell.charts import shown
    from askwell.services import insights

    ins = compute(store)
    alt = shown(ins)
    return render(
        request,
        "insights.html",
        section="insights",
        title="Insights",
        sentences=insights.insight_sentences(ins),
        practice=insights.practice(store),
        barriers=insights.barrier_lines(store),
        charts=[
            (name, title, caption, alt[name]) for name, title, caption in CHARTS if name in alt
        ],
    )
