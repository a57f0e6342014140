"""Fix mistakes without fear: need and journal edits, delete, undo, trash, people merge."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from askwell.cli._common import (
    PERSON_HELP,
    AskPartOpt,
    ByPartOpt,
    JsonOpt,
    NeedBarrierOpt,
    NeedDeadlineOpt,
    NeedDetailsOpt,
    NeedExpectOpt,
    NeedTopicsOpt,
    NeedTypeOpt,
    NeedUrgencyOpt,
    SituationPartOpt,
    SizePartOpt,
    console,
    emit_json,
    esc,
    person_id,
    store,
    usage_choice,
)
from askwell.cli.commands_data import DateOpt
from askwell.services.trash import KINDS, TRASH_DAYS, WORDS

if TYPE_CHECKING:
    from askwell.services.trash import TrashItem


def _about(item: TrashItem) -> str:
    return f"the {WORDS.get(item.kind, item.kind)} “{esc(item.label)}”"


def delete(
    kind: Annotated[str, typer.Argument(help=f"What to delete: {', '.join(KINDS)}.")],
    record_id: Annotated[int, typer.Argument(help="Its id (as the lists show it).")],
    as_json: JsonOpt = False,
) -> None:
    """Move a record (and what belongs to it) to the trash for 30 days."""
    from askwell.services import trash

    item = trash.delete_record(store(), usage_choice(kind, KINDS, "kind of record"), record_id)
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
        console().print(f"Split “{esc(item.label)}” off again; they are person #{item.record_id}.")
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
            f"merged into #{i.merged_into}" if i.merged_into else WORDS.get(i.kind, i.kind),
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
    keep: Annotated[str, typer.Argument(help="The person to keep. " + PERSON_HELP, metavar="KEEP")],
    other: Annotated[
        str, typer.Argument(help="The duplicate to fold into them. " + PERSON_HELP, metavar="OTHER")
    ],
    as_json: JsonOpt = False,
) -> None:
    """Merge a duplicate person into another: asks, help, boundaries and notes move over."""
    from askwell import services
    from askwell.services import trash

    keep_id, other_id = person_id(keep), person_id(other)
    item = trash.merge_people(store(), keep_id, other_id)
    if as_json:
        emit_json(item)
        return
    kept = services.get_person(store(), keep_id)
    console().print(
        f"Merged “{esc(item.label)}” into #{kept.id} {esc(kept.name)}. "
        "Not the same person after all? [bold]askwell undo[/]"
    )


def need_edit(
    need_id: Annotated[int, typer.Argument(help="Need id.")],
    summary: Annotated[str | None, typer.Option("--summary", help="New one-line summary.")] = None,
    details: NeedDetailsOpt = None,
    support_type: NeedTypeOpt = None,
    urgency: NeedUrgencyOpt = None,
    deadline: NeedDeadlineOpt = None,
    expect: NeedExpectOpt = None,
    topics: NeedTopicsOpt = None,
    barrier: NeedBarrierOpt = None,
    ask: AskPartOpt = None,
    size: SizePartOpt = None,
    by: ByPartOpt = None,
    situation: SituationPartOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Change some details of a need (only the options you give), to fix a typo or sharpen it."""
    from askwell import services
    from askwell.cli.commands_asks import need_public, parse_barriers, parse_date
    from askwell.core.model import parse_list
    from askwell.errors import AskwellError

    changes: dict[str, Any] = {
        key: value
        for key, value in {
            "summary": summary,
            "details": details,
            "support_type": support_type,
            "urgency": urgency,
            "expect": expect,
            "ask": ask,
            "size": size,
            "situation": situation,
        }.items()
        if value is not None
    }
    if topics is not None:
        changes["topics"] = parse_list(topics)
    if barrier:
        changes["barriers"] = parse_barriers(barrier)
    deadline = deadline if deadline is not None else by
    if deadline is not None:
        changes["deadline"] = None if deadline.strip().lower() == "none" else parse_date(deadline)
    if not changes:
        raise AskwellError("nothing_to_change")
    need = services.update_need(store(), need_id, **changes)
    if as_json:
        emit_json(need_public(need))
    else:
        console().print(f"Updated need #{need.id}: {esc(need.summary)}")


def journal_edit(
    entry_id: Annotated[
        int, typer.Argument(help="Its id (journal list ends its line: journal #ID).")
    ],
    text: Annotated[str | None, typer.Argument(help="The new text (its @tags with it).")] = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Open the entry in $EDITOR instead.")
    ] = False,
    on: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Rewrite a journal entry (pass the text, or --edit for your editor) or move it (--date)."""
    from askwell import services
    from askwell.cli._editor import edit_text
    from askwell.errors import AskwellError
    from askwell.services.dates import said_day

    st = store()
    if edit:
        old = next((e for e in services.list_entries(st) if e.id == entry_id), None)
        if old is None:
            from askwell.errors import NotFound

            raise NotFound("not_found", what="journal entry", id=entry_id)
        text = edit_text(old.text)
    if text is None and on is None:
        raise AskwellError("give the new text, --edit to open your editor, or --date")
    at = said_day(on, "a journal entry") if on is not None else None
    entry = services.update_entry(st, entry_id, text=text, at=at)
    if as_json:
        emit_json(entry)
    else:
        day = f" ({entry.created_at:%Y-%m-%d})" if entry.created_at else ""
        console().print(f"Saved journal entry #{entry.id}{day}.")


def register(app: typer.Typer) -> None:
    """Attach delete, undo, trash, need edit, journal edit and people merge."""
    from askwell.cli.commands_asks import need_app
    from askwell.cli.commands_data import journal_app
    from askwell.cli.commands_people import people_app

    app.command("delete")(delete)
    app.command("undo")(undo)
    app.command("trash")(trash_list)
    need_app.command("edit")(need_edit)
    journal_app.command("edit")(journal_edit)
    people_app.command("merge")(merge)
