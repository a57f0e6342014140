"""The HTML report: self-contained, charts embedded, every user text escaped."""

from __future__ import annotations

import base64
import re

import pytest

from askwell.core.insights import compute
from askwell.core.model import History
from askwell.core.practice import suggest
from askwell.report import render_html
from factories_insights import NOW, Builder, days_ago, rich_history


@pytest.fixture(scope="module")
def page():
    history = rich_history()
    return render_html(compute(history, NOW, "Europe/Paris"), suggest(history, NOW))


def test_report_embeds_every_chart_as_base64_svg(page):
    images = re.findall(
        r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"]+)"', page
    )
    assert len(images) == 4
    for data, alt in images:
        assert b"<svg" in base64.b64decode(data)
        assert alt


def test_report_is_self_contained(page):
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "<link" not in page and "<script" not in page


def test_report_shows_sentences_reframes_and_practice(page):
    assert "You expected 40 % of people to say yes" in page
    assert "Most people like being asked" in page
    assert "Something to practise" in page
    assert "<td>Anna</td>" in page


def test_report_escapes_user_text():
    b = Builder()
    evil = b.person("<script>alert(1)</script>")
    b.ask(b.need(summary="<img src=x onerror=alert(1)>"), evil, days_ago(3), "yes")
    html = render_html(compute(b.h, NOW, "UTC"), suggest(b.h, NOW))
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_report_of_an_empty_history_renders():
    html = render_html(compute(History(), NOW, "UTC"))
    assert "not enough data yet" in html
    assert html.count('<img src="data:image/svg+xml;base64,') == 0  # no chart without its insight
