"""`askwell delete`, `undo`, `trash` and `people merge`: fix mistakes without fear."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from askwell.cli._common import JsonOpt, console, emit_json, store
from askwell.services.trash import KINDS, TRASH_DAYS

if TYPE_CHECKING:
    from askwell.services.trash import TrashItem

_WHAT = {
    "person": "person",
    "need": "need",
    "ask": "ask",
    "journal": "journal entry",
    "help": "help record",
    "boundary": "boundary",
}


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _about(item: TrashItem) -> str:
    return f"the {_WHAT.get(item.kind, item.kind)} “{_esc(item.label)}”"


def delete(
    kind: Annotated[str, typer.Argument(help=f"What to delete: {', '.join(KINDS)}.")],
    record_id: Annotated[int, typer.Argument(help="Its id (as the lists show it).")],
    as_json: JsonOpt = False,
) -> None:
    """Move a record to the trash (with what belongs to it); `askwell undo` brings it back."""
    from askwell.services import trash

    item = trash.delete_record(store(), kind, record_id)
    if as_json:
        emit_json(item)
        return
    console().print(
        f"Moved {_about(item)} to the trash until {item.until:%Y-%m-%d}. "
        "Changed your mind? [bold]askwell undo[/]"
    )


def undo(
    trash_id: Annotated[
        int | None,
        typer.Argument(help="A trash entry (see `askwell trash`); the latest when left out."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Undo the latest delete or merge (or the one you name)."""
    from askwell.services import trash

    item = trash.undo(store(), trash_id)
    if as_json:
        emit_json(item)
    elif item.merged_into is not None:
        console().print(f"Split “{_esc(item.label)}” off again; they are person #{item.record_id}.")
    else:
        console().print(f"Brought back {_about(item)}.")


def trash_list(as_json: JsonOpt = False) -> None:
    """What you deleted or merged in the last 30 days, newest first."""
    from askwell.cli._table import table
    from askwell.services import trash

    items = trash.list_trash(store())
    if as_json:
        emit_json(items)
        return
    if not items:
        console().print(f"The trash is empty. Deleted records stay here {TRASH_DAYS} days.")
        return
    rows = [
        [
            str(i.id),
            f"merged into #{i.merged_into}" if i.merged_into else _WHAT.get(i.kind, i.kind),
            i.label,
            f"{i.deleted_at:%Y-%m-%d}",
            f"{i.until:%Y-%m-%d}",
        ]
        for i in items
    ]
    console().print(
        table(["trash", "what", "name", "deleted", "kept until"], rows, drop=["deleted"])
    )
    console().print("[dim]Bring one back with: askwell undo TRASH_ID[/]")


def merge(
    keep: Annotated[int, typer.Argument(help="The person to keep (id).")],
    other: Annotated[int, typer.Argument(help="The duplicate to fold into them (id).")],
    as_json: JsonOpt = False,
) -> None:
    """Merge a duplicate person into another: asks, help, boundaries and notes move over."""
    from askwell import services
    from askwell.services import trash

    item = trash.merge_people(store(), keep, other)
    if as_json:
        emit_json(item)
        return
    kept = services.get_person(store(), keep)
    console().print(
        f"Merged “{_esc(item.label)}” into #{kept.id} {_esc(kept.name)}. "
        "Not the same person after all? [bold]askwell undo[/]"
    )


def register(app: typer.Typer) -> None:
    """Attach delete, undo, trash and people merge."""
    app.command("delete")(delete)
    app.command("undo")(undo)
    app.command("trash")(trash_list)
    from askwell.cli.commands_people import people_app

    people_app.command("merge")(merge)
