"""`askwell insights`, `report`, `practice` and `barriers`: the journal that teaches."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from askwell.cli._common import JsonOpt, console, emit_json, esc, store

if TYPE_CHECKING:
    from askwell.core.insights import Insights

TzOpt = Annotated[
    str | None,
    typer.Option("--tz", help="Time zone for weeks, e.g. Europe/Paris (default: this machine's)."),
]
SinceOpt = Annotated[
    str | None, typer.Option("--since", help="Only count what happened on or after YYYY-MM-DD.")
]


def _window(tz: str | None, since: str | None) -> dict[str, Any]:
    """Parse --tz and --since into the keyword arguments of the insights services."""
    from askwell.cli.commands_asks import parse_date
    from askwell.core.validate import check_tz
    from askwell.services import insights as svc

    zone = check_tz(tz) if tz is not None else svc.local_zone_name()
    return {"tz": zone, "since": parse_date(since, "--since date")}


def _compute(tz: str | None, since: str | None) -> Insights:
    from askwell.services import insights as svc

    return svc.insights(store(), **_window(tz, since))


def insights(
    as_json: JsonOpt = False,
    tz: TzOpt = None,
    since: SinceOpt = None,
    plot: Annotated[
        str | None,
        typer.Option(
            "--plot",
            help="Write the charts of the insights shown as PNG and SVG files into this folder.",
        ),
    ] = None,
) -> None:
    """Show what your journal says about your asking: habits, calibration, barriers, people."""
    from askwell.services.insights import insights_payload

    ins = _compute(tz, since)
    written: list[str] = []
    if plot is not None:
        written = _plot(ins, plot)
    if as_json:
        data = insights_payload(ins)
        if plot is not None:
            data["charts"] = written
        emit_json(data)
        return
    _print_insights(ins)
    if plot is not None and written:
        console().print(f"Wrote {len(written)} chart files to {esc(plot)}.")
    if plot is not None and len(written) < 8:
        console().print(
            "[dim]A chart is drawn once its insight has enough data (see the list above).[/]"
        )


def _plot(ins: Insights, folder: str) -> list[str]:
    from pathlib import Path

    from askwell.charts import write_all
    from askwell.errors import AskwellError

    try:
        return [str(p) for p in write_all(ins, Path(folder))]
    except OSError as exc:
        raise AskwellError(f"cannot write charts to {folder}: {exc.strerror or exc}") from None


def _print_insights(ins: Insights) -> None:
    from rich.table import Table

    from askwell.core.insights.sentences import sentences

    out = console()
    since = f", since {ins.since}" if ins.since else ""
    out.print(f"[bold]Your asking, in numbers[/] [dim](weeks in {esc(ins.tz)}{since})[/]")
    said = sentences(ins)
    for s in said:
        if s.enough:
            out.print(f"  • {esc(s.text)}")
    waiting = [s for s in said if not s.enough]
    if waiting:
        out.print("[dim]Still gathering data (each appears once there is enough):[/]")
        for s in waiting:
            out.print(f"[dim]  • {esc(s.text)}[/]")
    groups = ins.activity.by["support_type"]
    if groups:
        table = Table(title="Needs by support type", title_justify="left")
        for col in ("support type", "needs", "not asked yet", "median wait (days)"):
            table.add_column(col, justify="left" if col == "support type" else "right")
        for g in groups:
            wait = "-" if g.median_wait_days is None else f"{g.median_wait_days:.1f}"
            table.add_row(esc(g.group), str(g.needs), str(g.never_asked), wait)
        out.print(table)


def report(
    html: Annotated[str, typer.Option("--html", help="Write a self-contained HTML report here.")],
    tz: TzOpt = None,
    since: SinceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write an HTML report of your insights with the charts embedded (one file, no links)."""
    from pathlib import Path

    from askwell.errors import AskwellError
    from askwell.services.insights import report_html

    page = report_html(store(), **_window(tz, since))
    try:
        Path(html).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise AskwellError(f"cannot write {html}: {exc.strerror or exc}") from None
    if as_json:
        emit_json({"path": html, "bytes": len(page.encode("utf-8"))})
    else:
        console().print(f"Wrote your report to {esc(html)}.")


def practice(as_json: JsonOpt = False) -> None:
    """Suggest small, low-stakes asks to practise and help you could offer back."""
    from askwell.services.insights import practice as practice_svc

    items = practice_svc(store())
    if as_json:
        emit_json(items)
        return
    out = console()
    out.print("[bold]Something to practise[/]")
    for item in items:
        mark = "ask" if item.kind == "small_ask" else "give"
        out.print(f"  • [cyan]{mark}[/] {esc(item.text)}")


def barriers(as_json: JsonOpt = False) -> None:
    """Show the five barriers: a short reframe for each and how often each came up lately."""
    from askwell.services.insights import barrier_lines

    lines = barrier_lines(store())
    if as_json:
        emit_json(lines)
        return
    out = console()
    for r in lines:
        trend = f", {r.trend}" if r.trend else ""
        out.print(
            f"[bold]{esc(r.label).capitalize()}[/] [dim]({r.recent} of your last "
            f"{r.recent_of} need{'' if r.recent_of == 1 else 's'}{trend})[/]"
        )
        out.print(f"  {esc(r.reframe)}")


def register(app: typer.Typer) -> None:
    """Attach the insights, report, practice and barriers commands."""
    app.command("insights")(insights)
    app.command("report")(report)
    app.command("practice")(practice)
    app.command("barriers")(barriers)
