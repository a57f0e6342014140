"""JSON API: insights over your history, charts (SVG / PNG), barriers, report and practice."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Response
from pydantic import BaseModel

from askwell.services.insights import BarrierLine
from askwell.storage.store import Store
from askwell.web.deps import StoreDep
from askwell.web.schemas import ERRORS

router = APIRouter(prefix="/api", tags=["insights"], responses=ERRORS)

ChartName = Literal["weekly_asks", "calibration", "barriers", "spread"]
ChartFormat = Literal["svg", "png"]
MEDIA = {"svg": "image/svg+xml", "png": "image/png"}


class SuggestionPublic(BaseModel):
    """One thing to practise: a small ask to make or help to offer."""

    kind: str
    text: str
    person_id: int | None
    need_id: int | None


def compute(store: Store, since: date | None = None) -> Any:
    """Compute insights in this machine's time zone."""
    from askwell.services import insights

    return insights.insights(store, tz=insights.local_zone_name(), since=since)


@router.get("/insights")
def get_insights(store: StoreDep, since: date | None = None) -> dict[str, Any]:
    """Return every insight (asks per week, avoidance, calibration, barriers, spread...)."""
    from askwell.services import insights

    return insights.insights_payload(compute(store, since))


@router.get(
    "/insights/charts/{name}.{fmt}",
    response_class=Response,
    responses={200: {"content": {m: {} for m in MEDIA.values()}, "description": "A chart."}},
)
def chart(
    store: StoreDep, name: ChartName, fmt: ChartFormat, since: date | None = None
) -> Response:
    """Return one chart as SVG or PNG."""
    from askwell.charts import render_chart

    data = render_chart(name, compute(store, since))[fmt]
    body = data.encode() if isinstance(data, str) else data
    return Response(body, media_type=MEDIA[fmt], headers={"Cache-Control": "no-store"})


@router.get("/barriers")
def barriers(store: StoreDep) -> list[BarrierLine]:
    """The five barriers, most frequent first: a short reframe and how often each came up."""
    from askwell.services import insights

    return insights.barrier_lines(store)


@router.get(
    "/insights/report",
    response_class=Response,
    responses={200: {"content": {"text/html": {}}, "description": "The report page."}},
)
def report(store: StoreDep, since: date | None = None) -> Response:
    """Return the self-contained HTML report (insights, practice and charts in one file)."""
    from askwell.services import insights

    page = insights.report_html(store, tz=insights.local_zone_name(), since=since)
    return Response(
        page,
        media_type="text/html; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="askwell-report.html"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/practice")
def practice(store: StoreDep) -> list[SuggestionPublic]:
    """Suggest small, low-stakes asks to practise and help you could offer."""
    from askwell.services import insights

    return [SuggestionPublic(**asdict(s)) for s in insights.practice(store)]
