"""Chart builders: every chart renders to SVG and PNG, with titles, labels and the palette."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from askwell.charts import CHARTS, INSIGHT_OF, OKABE_ITO, render_all, render_chart, shown, write_all
from askwell.core.insights import compute
from askwell.core.model import History
from factories_insights import NOW, Builder, days_ago, rich_history

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def rendered():
    return render_all(compute(rich_history(), NOW, "Europe/Paris"))


def test_render_all_returns_svg_and_png_for_every_chart(rendered):
    assert set(rendered) == set(CHARTS) == {"weekly_asks", "calibration", "barriers", "spread"}
    for out in rendered.values():
        assert out["png"].startswith(PNG_MAGIC)
        ET.fromstring(out["svg"].encode("utf-8"))  # well-formed XML


@pytest.mark.parametrize(
    ("name", "texts"),
    [
        (
            "weekly_asks",
            ["Asks per week", "Asks sent (count)", "Week starting Monday (Europe/Paris)"],
        ),
        (
            "calibration",
            ["Expected vs actual yes-rate", "You expected a yes (%)", "People said yes (%)"],
        ),
        ("barriers", ["How often each barrier came up", "Share of needs where it came up (%)"]),
        ("spread", ["Asks and help across people", "Count", "Anna"]),
    ],
)
def test_charts_carry_titles_and_axis_labels(rendered, name, texts):
    for text in texts:
        assert text in rendered[name]["svg"]


def test_charts_use_the_okabe_ito_palette(rendered):
    svg = "".join(out["svg"] for out in rendered.values()).lower()
    used = {name for name, hex_ in OKABE_ITO.items() if hex_.lower() in svg}
    assert {"blue", "orange", "vermillion", "green", "sky"} <= used


def test_charts_of_an_empty_history_are_not_drawn_but_say_why_if_asked():
    ins = compute(History(), NOW, "UTC")
    assert render_all(ins) == {} and shown(ins) == {}
    for name in CHARTS:
        chart = render_chart(name, ins)
        assert "Not enough data yet" in chart["svg"]
        assert chart["png"].startswith(PNG_MAGIC)


def test_charts_are_shown_with_their_insight_sentence_as_text_alternative():
    from askwell.core.insights.sentences import sentences

    ins = compute(rich_history(), NOW, "UTC")
    said = {s.key: s for s in sentences(ins)}
    alt = shown(ins)
    assert set(alt) == {c for c, key in INSIGHT_OF.items() if said[key].enough}
    assert alt["weekly_asks"] == said["asks_per_week"].text


def test_charts_escape_names_in_svg():
    b = Builder()
    odd = b.person("<b>Ann & Co</b>")
    b.ask(b.need(), odd, days_ago(3), "yes")
    svg = render_chart("spread", compute(b.h, NOW, "UTC"))["svg"]
    ET.fromstring(svg.encode("utf-8"))
    assert "&lt;b&gt;Ann &amp; Co&lt;/b&gt;" in svg


def test_write_all_writes_png_and_svg_files(tmp_path):
    paths = write_all(compute(rich_history(), NOW, "UTC"), tmp_path / "charts")
    assert sorted(p.name for p in paths) == sorted(
        f"{name}.{ext}" for name in CHARTS for ext in ("png", "svg")
    )
    assert all(p.stat().st_size > 1000 for p in paths)
