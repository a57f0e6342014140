"""A self-contained HTML report of the insights: sentences, tables and embedded charts."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any, Final

from askwell.core.barriers import LABELS, REFRAMES
from askwell.core.insights import Insights
from askwell.core.insights.sentences import sentences
from askwell.core.practice import Suggestion

CHART_ALT: Final = {
    "weekly_asks": "Bar chart of asks sent per week",
    "calibration": "Line chart of the yes-rate you expected against the yes-rate you got",
    "barriers": "Bar chart of how often each barrier came up, earlier and recently",
    "spread": "Bar chart of asks and help given and received, per person",
}

TEMPLATE: Final = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>askwell report</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
         padding: 0 1rem; color: #1d1d1d; }
  h1 { margin-bottom: 0.2rem; } .meta { color: #555; margin-top: 0; }
  ul.sentences li { margin: 0.3rem 0; } .dim { color: #6b6b6b; }
  figure { margin: 1.5rem 0; } figure img { max-width: 100%; height: auto; }
  table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
  th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.75rem; text-align: left; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .reframe { margin: 0.3rem 0 0.8rem; }
</style>
</head>
<body>
<h1>Your asking, in numbers</h1>
<p class="meta">Made {{ generated }} &middot; weeks in {{ ins.tz }}
{%- if ins.since %} &middot; since {{ ins.since }}{% endif %}</p>

<h2>What stands out</h2>
<ul class="sentences">
{% for s in sentences %}  <li{% if not s.enough %} class="dim"{% endif %}>{{ s.text }}</li>
{% endfor %}</ul>

{% for name, chart in charts.items() %}<figure>
  <img src="data:image/svg+xml;base64,{{ chart }}" alt="{{ alt[name] }}">
</figure>
{% endfor %}
<h2>Needs by support type</h2>
<table>
  <tr><th>Support type</th><th>Needs</th><th>Not asked yet</th><th>Median wait (days)</th></tr>
{% for g in ins.activity.by.support_type %}  <tr><td>{{ g.group }}</td>
    <td class="n">{{ g.needs }}</td>
    <td class="n">{{ g.never_asked }}</td><td class="n">{{ fmt(g.median_wait_days) }}</td></tr>
{% endfor %}</table>

<h2>People</h2>
<table>
  <tr><th>Person</th><th>Asks</th><th>Share</th><th>Help received</th><th>Help given</th></tr>
{% for p in ins.spread.people %}  <tr><td>{{ p.name }}</td><td class="n">{{ p.asks }}</td>
    <td class="n">{{ pct(p.share) }}</td><td class="n">{{ p.received }}</td>
    <td class="n">{{ p.given }}</td></tr>
{% endfor %}</table>

<h2>The five barriers</h2>
{% for b in ins.barriers.stats %}<p class="reframe">
  <strong>{{ labels[b.barrier]|capitalize }}</strong>
  ({{ b.needs }} of {{ ins.barriers.needs }} needs).<br>{{ reframes[b.barrier] }}</p>
{% endfor %}
{% if practice %}<h2>Something to practise</h2>
<ul>
{% for p in practice %}  <li>{{ p.text }}</li>
{% endfor %}</ul>
{% endif %}
</body>
</html>
"""


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)} %"


def render_html(
    ins: Insights,
    practice: list[Suggestion] | None = None,
    charts: dict[str, dict[str, Any]] | None = None,
) -> str:
    """Return one self-contained HTML page (charts as base64 SVG, no outside links)."""
    from jinja2 import Environment

    if charts is None:
        from askwell.charts import render_all

        charts = render_all(ins)
    env = Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string(TEMPLATE).render(
        ins=ins,
        generated=f"{datetime.now():%Y-%m-%d %H:%M}",
        sentences=sentences(ins),
        charts={
            name: base64.b64encode(c["svg"].encode("utf-8")).decode("ascii")
            for name, c in charts.items()
        },
        alt=CHART_ALT,
        labels=LABELS,
        reframes=REFRAMES,
        practice=practice or [],
        fmt=_fmt,
        pct=_pct,
    )
