"""`askwell suggest` (whom to ask) and `askwell when` (good moments and the pre-ask)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from askwell.cli._common import JsonOpt, PersonArg, console, emit_json, esc, person_id, store

if TYPE_CHECKING:
    from datetime import tzinfo

    from askwell.core.match import Candidate
    from askwell.core.moment import Slot


def candidate_public(c: Candidate) -> dict[str, Any]:
    """Return a candidate as plain JSON-ready data."""
    return {
        "person_id": c.person.id,
        "name": c.person.name,
        "total": c.total,
        "excluded": c.excluded,
        "flags": c.flags,
        "summary": c.summary,
        "factors": {
            name: {"score": f.score, "weight": f.weight, "reason": f.reason}
            for name, f in c.factors.items()
        },
    }


SHOWN = 3


def _line(c: Candidate, width: int) -> str:
    """Return one line of reasons: the first clause of the two factors that count most."""
    import re
    import textwrap

    best = sorted(c.factors.items(), key=lambda kv: kv[1].score * kv[1].weight, reverse=True)
    parts = [re.split(r"[;(]|\. ", f.reason)[0].strip().rstrip(".,") for _, f in best[:2]]
    return textwrap.shorten(" · ".join(p for p in parts if p), width, placeholder="…")


def _why(c: Candidate, need_id: int) -> None:
    from rich.table import Table

    out = console()
    state = "set aside: " + ", ".join(c.flags) if c.excluded else f"score {round(c.total * 100)}"
    out.print(f"[bold]{esc(c.person.name)}[/] (#{c.person.id}) for need #{need_id}: {state}")
    table = Table("factor", "score", "weight", "why", box=None, pad_edge=False)
    for name, f in c.factors.items():
        table.add_row(name, str(round(f.score * 100)), f"{f.weight:g}", esc(f.reason))
    out.print(table)
    if c.flags and not c.excluded:
        out.print(f"[yellow]{esc(', '.join(c.flags))}[/]")


def suggest(
    need_id: Annotated[int, typer.Argument(help="The need to find a person for.")],
    weights: Annotated[
        str | None,
        typer.Option("--weights", help='Change factor weights: "expertise=2,capacity=0.5".'),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Everyone, one line each (not only the top 3).")
    ] = False,
    why: Annotated[
        str | None,
        typer.Option(
            "--why", help="Every factor for one person: their id or name.", metavar="PERSON"
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Whom to ask: the top 3 with one line of reasons each (--all, --why PERSON for more)."""
    from askwell.core.match import parse_weights
    from askwell.services import matching

    candidates = matching.suggest(store(), need_id, weights=parse_weights(weights))
    if as_json:
        emit_json([candidate_public(c) for c in candidates])
        return
    out = console()
    if not candidates:
        out.print("Your network is empty. Add someone with [bold]askwell people add[/].")
        return
    if why is not None:
        wanted = person_id(why)
        chosen = next((c for c in candidates if c.person.id == wanted), None)
        if chosen is None:
            from askwell.errors import NotFound

            raise NotFound("not_found", what="person", id=wanted)
        _why(chosen, need_id)
        return
    ranked = [c for c in candidates if not c.excluded]
    shown = candidates if show_all else ranked[:SHOWN]
    from askwell.cli._table import terminal_width

    width = max(40, (terminal_width() or 100) - 6)
    out.print(f"[bold]Whom to ask about need #{need_id}[/]")
    rank_no = 0
    for c in shown:
        if c.excluded:
            label = "  -"
        else:
            rank_no += 1
            label = f"{rank_no:>3}"
        score = "set aside" if c.excluded else str(round(c.total * 100))
        out.print(f"{label}. [bold]{esc(c.person.name)}[/] (#{c.person.id}) · {score}")
        extra = f" [yellow]({esc(', '.join(c.flags))})[/]" if c.flags else ""
        out.print(f"     {esc(_line(c, width))}{extra}")
    if candidates[0].summary and not show_all:
        out.print(esc(candidates[0].summary))
    hidden = len(candidates) - len(shown)
    if hidden > 0:
        out.print(f"[dim]{hidden} more: askwell suggest {need_id} --all[/]")
    out.print(f"[dim]Every factor for one person: askwell suggest {need_id} --why NAME[/]")


def _user_zone(tz: str | None) -> tzinfo:
    from zoneinfo import ZoneInfo

    from askwell.core.validate import check_tz

    if tz:
        return ZoneInfo(check_tz(tz))
    from datetime import datetime

    local = datetime.now().astimezone().tzinfo
    assert local is not None
    return local


def slot_public(slot: Slot, mine: tzinfo) -> dict[str, Any]:
    """Return a slot as JSON-ready data, in their zone and in the user's zone."""
    return {
        "start": slot.start.isoformat(),
        "end": slot.end.isoformat(),
        "tz": slot.tz,
        "your_start": slot.local(mine).isoformat(),
        "reason": slot.reason,
    }


def when(
    person: PersonArg,
    need: Annotated[int | None, typer.Option("--need", help="The need you will ask about.")] = None,
    count: Annotated[int, typer.Option("--count", help="How many slots (1-20).")] = 3,
    tz: Annotated[
        str | None, typer.Option("--tz", help="Your time zone (default: this computer's).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Suggest good moments to ask someone, in their zone and yours, plus a lighter pre-ask."""
    from askwell.services import matching

    result = matching.when(store(), person_id(person), need_id=need, count=count)
    mine = _user_zone(tz)
    if as_json:
        emit_json(
            {
                "person_id": result.person.id,
                "name": result.person.name,
                "need_id": need,
                "slots": [slot_public(s, mine) for s in result.slots],
                "pre_ask": result.pre_ask,
            }
        )
        return
    out = console()
    if not result.slots:
        out.print(f"No good moment for {esc(result.person.name)} in the next four weeks.")
    for number, slot in enumerate(result.slots, start=1):
        theirs = f"{slot.start:%a %d %b %H:%M} {slot.tz}"
        yours = f"{slot.local(mine):%a %d %b %H:%M} your time"
        out.print(f"[bold]{number}.[/] {theirs}  ({yours})  [dim]{esc(slot.reason)}[/]")
    out.print(f"\n[bold]Pre-ask[/] (a lighter first message):\n{esc(result.pre_ask)}")


def register(app: typer.Typer) -> None:
    """Attach `suggest` and `when`."""
    app.command("suggest")(suggest)
    app.command("when")(when)
