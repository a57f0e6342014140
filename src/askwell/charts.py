"""Charts of the insights as SVG and PNG bytes (matplotlib Agg, imported lazily)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from askwell.core.barriers import SHORT
from askwell.core.insights import Insights

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO: Final = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
GREY: Final = "#6b6b6b"
SIZE: Final = (8.0, 4.5)
DPI: Final = 110
RC: Final[dict[str, Any]] = {
    "font.size": 11,
    "axes.titlesize": 14,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "svg.fonttype": "none",
    "svg.hashsalt": "askwell",
    "font.family": "DejaVu Sans",
}
MAX_PEOPLE: Final = 8


def _figure() -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    return fig, fig.add_subplot()


def _integer_ticks(axis: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _legend(fig: Figure, ax: Axes) -> None:
    """Place the legend under the plot, where it can never hide a bar or a point."""
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=len(labels), frameon=False)


def _empty(ax: Axes, title: str) -> None:
    ax.set_title(title, loc="left")
    ax.text(0.5, 0.5, "Not enough data yet", ha="center", va="center", color=GREY, fontsize=13)
    ax.set_axis_off()


def weekly_asks(ins: Insights) -> Figure:
    """Bars of asks per local ISO week, with the average as a dashed line."""
    fig, ax = _figure()
    title = "Asks per week"
    weeks = ins.activity.weeks
    if not weeks:
        _empty(ax, title)
        return fig
    xs = list(range(len(weeks)))
    ax.bar(xs, [w.asks for w in weeks], color=OKABE_ITO["blue"], label="asks that week")
    if ins.activity.asks_per_week is not None:
        ax.axhline(
            ins.activity.asks_per_week,
            color=OKABE_ITO["orange"],
            linestyle="--",
            linewidth=2,
            label=f"average ({ins.activity.asks_per_week:.1f} a week)",
        )
    step = max(1, len(weeks) // 12)
    ax.set_xticks(xs[::step], [f"{w.start:%d %b}" for w in weeks][::step], rotation=45, ha="right")
    ax.set_title(title, loc="left")
    ax.set_ylim(0, max(1, max(w.asks for w in weeks)) * 1.1)
    ax.set_xlabel(f"Week starting Monday ({ins.tz})")
    ax.set_ylabel("Asks sent (count)")
    _integer_ticks(ax.yaxis)
    ax.grid(axis="x", visible=False)
    _legend(fig, ax)
    return fig


def calibration(ins: Insights) -> Figure:
    """Expected versus actual yes-rate per band of predictions, against the diagonal."""
    fig, ax = _figure()
    title = "Expected vs actual yes-rate"
    cal = ins.calibration
    if not cal.n:
        _empty(ax, title)
        return fig
    ax.plot([0, 100], [0, 100], color=GREY, linestyle="--", label="if guesses were exact")
    bins = [b for b in cal.bins if b.n and b.mean_expected is not None and b.actual is not None]
    xs = [(b.mean_expected or 0) * 100 for b in bins]
    ys = [(b.actual or 0) * 100 for b in bins]
    ax.plot(xs, ys, color=OKABE_ITO["blue"], marker="o", markersize=8, label="your asks, by band")
    for x, y, b in zip(xs, ys, bins, strict=True):
        ax.annotate(f"n={b.n}", (x, y), textcoords="offset points", xytext=(6, -14), fontsize=9)
    if cal.mean_expected is not None and cal.actual_rate is not None:
        ax.scatter(
            [cal.mean_expected * 100],
            [cal.actual_rate * 100],
            marker="D",
            s=90,
            color=OKABE_ITO["vermillion"],
            zorder=3,
            label=f"overall: expected {cal.mean_expected:.0%}, got {cal.actual_rate:.0%}",
        )
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 105)
    ax.set_title(title, loc="left")
    ax.set_xlabel("You expected a yes (%)")
    ax.set_ylabel("People said yes (%)")
    _legend(fig, ax)
    return fig


def barriers(ins: Insights) -> Figure:
    """Horizontal bars: share of needs where each barrier came up, earlier vs recently."""
    fig, ax = _figure()
    title = "How often each barrier came up"
    stats = ins.barriers.stats
    if not ins.barriers.needs:
        _empty(ax, title)
        return fig
    ordered = list(reversed(stats))
    ys = list(range(len(ordered)))
    labels = [SHORT[s.barrier] for s in ordered]
    earlier = [(s.trend.earlier_share or 0) * 100 if s.trend else 0 for s in ordered]
    recent = [(s.trend.recent_share or 0) * 100 if s.trend else 0 for s in ordered]
    window = ordered[0].trend.recent_of if ordered and ordered[0].trend else 0
    h = 0.38
    if any(s.trend and s.trend.earlier_of for s in ordered):
        bars = ax.barh(
            [y + h / 2 for y in ys], earlier, h, color=OKABE_ITO["sky"], label="earlier needs"
        )
        ax.bar_label(bars, fmt="%.0f %%", padding=3, fontsize=9)
    bars = ax.barh(
        [y - h / 2 for y in ys],
        recent,
        h,
        color=OKABE_ITO["vermillion"],
        label=f"last {window} needs",
    )
    ax.bar_label(bars, fmt="%.0f %%", padding=3, fontsize=9)
    ax.set_yticks(ys, labels)
    ax.set_xlim(0, 100)
    ax.set_title(title, loc="left")
    ax.set_xlabel("Share of needs where it came up (%)")
    ax.grid(axis="y", visible=False)
    _legend(fig, ax)
    return fig


def spread(ins: Insights) -> Figure:
    """Grouped bars per person: asks made, help received and help given."""
    fig, ax = _figure()
    title = "Asks and help across people"
    people = ins.spread.people[:MAX_PEOPLE]
    if not people:
        _empty(ax, title)
        return fig
    ordered = list(reversed(people))
    ys = list(range(len(ordered)))
    h = 0.27
    series = (
        ("asks", "asks you made", OKABE_ITO["blue"], h),
        ("received", "help you got (yes or alternative)", OKABE_ITO["green"], 0.0),
        ("given", "help you gave", OKABE_ITO["orange"], -h),
    )
    for attr, label, colour, offset in series:
        values = [getattr(p, attr) for p in ordered]
        bars = ax.barh([y + offset for y in ys], values, h, color=colour, label=label)
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], padding=3, fontsize=9)
    ax.set_yticks(ys, [p.name for p in ordered])
    ax.set_title(title, loc="left")
    share = ins.spread.top_share
    if share is not None:
        ax.set_title(f"top person: {share:.0%} of asks", loc="right", fontsize=10, color=GREY)
    ax.set_xlabel("Count")
    _integer_ticks(ax.xaxis)
    ax.grid(axis="y", visible=False)
    _legend(fig, ax)
    return fig


CHARTS: Final[dict[str, Callable[[Insights], Figure]]] = {
    "weekly_asks": weekly_asks,
    "calibration": calibration,
    "barriers": barriers,
    "spread": spread,
}


def render(fig: Figure) -> dict[str, Any]:
    """Return a figure as {"svg": str, "png": bytes}."""
    import matplotlib

    with matplotlib.rc_context(cast(Any, RC)):
        svg, png = io.StringIO(), io.BytesIO()
        fig.savefig(svg, format="svg", metadata={"Date": None})
        fig.savefig(png, format="png", metadata={"Software": None})
    return {"svg": svg.getvalue(), "png": png.getvalue()}


def render_chart(name: str, ins: Insights) -> dict[str, Any]:
    """Build and render one chart by name."""
    import matplotlib

    with matplotlib.rc_context(cast(Any, RC)):
        return render(CHARTS[name](ins))


INSIGHT_OF: Final = {
    "weekly_asks": "asks_per_week",
    "calibration": "calibration",
    "barriers": "barriers",
    "spread": "spread",
}
"""The insight each chart draws: a chart is shown only when its insight has enough data."""


def shown(ins: Insights) -> dict[str, str]:
    """Return {chart name: its insight's sentence} for the charts whose insight is shown.

    The sentence doubles as the chart's text alternative.
    """
    from askwell.core.insights.sentences import sentences

    said = {s.key: s for s in sentences(ins)}
    return {name: said[key].text for name, key in INSIGHT_OF.items() if said[key].enough}


def render_all(ins: Insights) -> dict[str, dict[str, Any]]:
    """Return the charts whose insight is shown as {name: {"svg": str, "png": bytes}}."""
    return {name: render_chart(name, ins) for name in shown(ins)}


def write_all(ins: Insights, folder: Path) -> list[Path]:
    """Write the charts whose insight is shown as NAME.png and NAME.svg; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, out in render_all(ins).items():
        png, svg = folder / f"{name}.png", folder / f"{name}.svg"
        png.write_bytes(out["png"])
        svg.write_text(out["svg"], encoding="utf-8")
        paths += [png, svg]
    return paths
