"""`askwell gave`, `journal`, `export`, `import`, `demo`: the record of your asking."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from askwell.cli._common import (
    PERSON_HELP,
    JsonOpt,
    PersonArg,
    console,
    emit_json,
    esc,
    person_id,
    store,
)
from askwell.core.journal import TIMELINE_KINDS

DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        help='When it happened: "yesterday", "last friday", "3 days ago", "2026-11-20".',
    ),
]

if TYPE_CHECKING:
    from askwell.core.journal import TimelineItem

journal_app = typer.Typer(help="Your journal: reflections on asking.", no_args_is_help=True)


def gave(
    person: PersonArg,
    summary: Annotated[str, typer.Argument(help="What you did for them.")],
    on: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record help you gave someone (it balances the asking)."""
    from askwell import services
    from askwell.services.dates import happened_on

    when = happened_on(on, "help given")
    record = services.give_help(store(), person_id(person), summary, on=when)
    if as_json:
        emit_json(record)
    else:
        console().print(f"Noted (#{record.id}). Helping others is part of a healthy give and take.")


@journal_app.command("add")
def journal_add(
    text: Annotated[
        str | None, typer.Argument(help="Your reflection (leave out with --edit).")
    ] = None,
    need: Annotated[int | None, typer.Option("--need", help="Link to a need id.")] = None,
    person: Annotated[
        str | None, typer.Option("--person", help="Link to a person: " + PERSON_HELP)
    ] = None,
    ask: Annotated[int | None, typer.Option("--ask", help="Link to an ask id.")] = None,
    on: DateOpt = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Write it in $VISUAL / $EDITOR (longer thoughts).")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Write a reflection: what came up, how it went. Add @tags like @work to find it later."""
    from askwell import services
    from askwell.cli._editor import edit_text
    from askwell.errors import AskwellError
    from askwell.services.dates import happened_on

    when = happened_on(on, "a journal entry")
    if edit:
        text = edit_text(text or "")
    if text is None:
        raise AskwellError("write the reflection as an argument, or use --edit")
    who = person_id(person) if person is not None else None
    entry = services.add_entry(store(), text, need_id=need, person_id=who, ask_id=ask, on=when)
    if as_json:
        emit_json(entry)
    else:
        console().print(f"Saved journal entry #{entry.id}.")


@journal_app.command("list")
def journal_list(
    search: Annotated[str | None, typer.Option("--search", "-s", help="Words to look for.")] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help=f"Only these (repeatable): {', '.join(TIMELINE_KINDS)}.",
        ),
    ] = None,
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", help="Only lines with this @tag (e.g. work).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help='From this day: "last friday", "2026-11-01".')
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help='Up to this day: "yesterday", "2026-11-20".')
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Your journal, newest first: needs, asks, answers, thanks, help given and reflections."""
    from askwell import services
    from askwell.services.dates import day_bound

    items = services.timeline(
        store(),
        search=search,
        kinds=kind,
        tag=tag,
        since=day_bound(since),
        until=day_bound(until),
    )
    if as_json:
        emit_json(items)
        return
    if not items:
        filtered = search or kind or tag or since or until
        console().print("Nothing matches." if filtered else "Your journal is empty so far.")
        return
    out = console()
    for item in items:
        out.print(f"[dim]{item.at:%Y-%m-%d} {item.kind:<10}[/] {esc(item.text)}{_ref(item)}")
    out.print("[dim]To fix a line: askwell edit journal|ask|need|help ID (the # at its end).[/]")


def _ref(item: TimelineItem) -> str:
    """Return what a timeline line can be fixed by: its entry, ask, help given or need."""
    if item.entry_id is not None:
        return f"  [dim]journal #{item.entry_id}[/]"
    if item.ask_id is not None:
        return f"  [dim]ask #{item.ask_id}[/]"
    if item.help_id is not None:
        return f"  [dim]help #{item.help_id}[/]"
    return f"  [dim]need #{item.need_id}[/]" if item.kind == "need" and item.need_id else ""


def export(
    path: Annotated[str, typer.Argument(help="Where to write the JSON export.")],
    as_json: JsonOpt = False,
) -> None:
    """Export everything you own to one JSON file."""
    from askwell.services.transfer import export_file

    counts = export_file(store(), path)
    if as_json:
        emit_json({"path": path, "counts": counts})
    else:
        summary = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items())
        console().print(f"Exported to {esc(path)}: {summary}.")


def import_(
    path: Annotated[str, typer.Argument(help="An askwell JSON export.")],
    as_json: JsonOpt = False,
) -> None:
    """Import an export file, merging without duplicates (all or nothing)."""
    from askwell.services.transfer import import_file

    report = import_file(store(), path)
    if as_json:
        emit_json({"added": report.added, "skipped": report.skipped})
    else:
        added = sum(report.added.values())
        skipped = sum(report.skipped.values())
        console().print(f"Imported {added} records ({skipped} already here, skipped).")


def demo(
    db: Annotated[
        str | None, typer.Option("--path", help="Where to build the demo database file.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Build a demo network with three months of history in a separate database."""
    from askwell.services.demo import build_demo

    info = build_demo(db)
    if as_json:
        emit_json(info)
        return
    out = console()
    out.print(
        f"Built a demo with {info['people']} people, {info['needs']} needs and "
        f"{info['asks']} asks over three months."
    )
    out.print(f"It lives in {esc(info['path'])}, apart from your own data. Explore it with:")
    url = info["url"]
    for cmd in ("people list", "need list", "due", "journal list", "suggest 1", "insights"):
        out.print(f"  askwell --db {url} {cmd}", markup=False)
    out.print(f"or for a whole session: export ASKWELL_DATABASE_URL={url}", markup=False)


def register(app: typer.Typer) -> None:
    """Attach the journal, export/import and demo commands."""
    app.add_typer(journal_app, name="journal")
    app.command("gave")(gave)
    app.command("export")(export)
    app.command("import")(import_)
    app.command("demo")(demo)
