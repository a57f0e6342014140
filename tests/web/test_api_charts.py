"""The chart endpoints: each chart a valid SVG or PNG with its content type; 4xx on bad input."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import httpx
import pytest

from askwell.charts import CHARTS
from askwell.storage.store import Store

from .conftest import add_need, add_person

pytestmark = pytest.mark.anyio

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", sorted(CHARTS))
async def test_api_charts_every_chart_is_a_valid_svg_and_png(
    client: httpx.AsyncClient, store: Store, name: str
) -> None:
    from askwell import services

    person = add_person(store)
    need = add_need(store)
    ask = services.create_ask(store, need.id, person.id, "Could you look at my CV?").ask
    services.record_answer(store, ask.id, "yes")
    svg = await client.get(f"/api/insights/charts/{name}.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(svg.content)  # well-formed XML, an <svg> root
    assert root.tag.endswith("svg") and svg.headers["cache-control"] == "no-store"
    png = await client.get(f"/api/insights/charts/{name}.png", params={"since": "2026-01-01"})
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(PNG_MAGIC) and len(png.content) > 1000


async def test_api_charts_of_an_empty_store_say_there_is_not_enough_data(
    client: httpx.AsyncClient,
) -> None:
    r = await client.get("/api/insights/charts/calibration.svg")
    assert r.status_code == 200 and "Not enough data yet" in r.text


@pytest.mark.parametrize(
    "path",
    [
        "/api/insights/charts/pie.svg",
        "/api/insights/charts/weekly_asks.gif",
        "/api/insights/charts/weekly_asks.svg?since=yesterday",
        "/api/insights/charts/weekly_asks.svg?since=2026-02-30",
    ],
)
async def test_api_charts_bad_input_is_a_4xx_with_a_json_error(
    client: httpx.AsyncClient, path: str
) -> None:
    r = await client.get(path)
    assert 400 <= r.status_code < 500 and r.headers["content-type"] == "application/json"
    assert r.json()


async def test_api_charts_need_the_launch_token(anon: httpx.AsyncClient) -> None:
    r = await anon.get("/api/insights/charts/spread.svg")
    assert r.status_code in (401, 403) and not r.content.startswith(b"<svg")
