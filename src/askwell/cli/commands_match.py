"""`askwell suggest` (whom to ask) and `askwell when` (good moments and the pre-ask)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from askwell.cli._common import JsonOpt, PersonArg, console, emit_json, person_id, store

if TYPE_CHECKING:
    from datetime import tzinfo

    from askwell.core.match import Candidate
    from askwell.core.moment import Slot


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


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


def suggest(
    need_id: Annotated[int, typer.Argument(help="The need to find a person for.")],
    weights: Annotated[
        str | None,
        typer.Option("--weights", help='Change factor weights: "expertise=2,capacity=0.5".'),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Rank the people in your network for a need, with a reason for every factor."""
    from askwell.core.match import parse_weights
    from askwell.services import matching

    candidates = matching.suggest(store(), need_id, weights=parse_weights(weights))
    if as_json:
        emit_json([candidate_public(c) for c in candidates])
        return
    out = console()
    if not candidates:
        out.print("Your network is empty. Add someone with [bold]askwell person add[/].")
        return
    from rich.table import Table

    table = Table(title=f"Whom to ask about need #{need_id}", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("Person")
    table.add_column("Score", justify="right")
    table.add_column("Why")
    for rank_no, c in enumerate(candidates, start=1):
        why = "\n".join(
            f"[bold]{name}[/] {round(f.score * 100)}: {_esc(f.reason)}"
            for name, f in c.factors.items()
        )
        flags = f"\n[yellow]{_esc(', '.join(c.flags))}[/]" if c.flags else ""
        label = "excluded" if c.excluded else str(rank_no)
        table.add_row(
            label, f"{_esc(c.person.name)} (#{c.person.id}){flags}", str(round(c.total * 100)), why
        )
    out.print(table)
    if candidates[0].summary:
        out.print(_esc(candidates[0].summary))


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
        out.print(f"No good moment for {_esc(result.person.name)} in the next four weeks.")
    for number, slot in enumerate(result.slots, start=1):
        theirs = f"{slot.start:%a %d %b %H:%M} {slot.tz}"
        yours = f"{slot.local(mine):%a %d %b %H:%M} your time"
        out.print(f"[bold]{number}.[/] {theirs}  ({yours})  [dim]{_esc(slot.reason)}[/]")
    out.print(f"\n[bold]Pre-ask[/] (a lighter first message):\n{_esc(result.pre_ask)}")


def register(app: typer.Typer) -> None:
    """Attach `suggest` and `when`."""
    app.command("suggest")(suggest)
    app.command("when")(when)
