"""`askwell people ...`: the people in your network."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from askwell.cli._common import (
    ExitStatus,
    JsonOpt,
    PersonArg,
    console,
    emit_json,
    esc,
    person_id,
    store,
)
from askwell.core.model import CHANNELS, RELATIONSHIPS, choices

if TYPE_CHECKING:
    from askwell.core.model import Person
    from askwell.services.people import PersonView

people_app = typer.Typer(help="The people you might ask (your supporters).", no_args_is_help=True)

RelOpt = Annotated[
    str | None,
    typer.Option("--relationship", "-r", help=f"{choices(RELATIONSHIPS)}."),
]
TopicsOpt = Annotated[
    str | None, typer.Option("--topics", help='What they know: "python, careers".')
]
SupportsOpt = Annotated[
    str | None, typer.Option("--supports", help="Support types they are good at: advice,feedback.")
]
TzOpt = Annotated[str | None, typer.Option("--tz", help="Their time zone, e.g. Europe/Berlin.")]
HoursOpt = Annotated[
    str | None,
    typer.Option(
        "--hours",
        help='Usual availability: "Mon-Fri 09:00-17:00", night shifts "Mon-Fri 22:00-07:00", '
        'split shifts "Mon-Fri 07:00-11:00, 17:00-21:00", rotas "odd weeks Sat 08:00-16:00".',
    ),
]
EmailOpt = Annotated[str | None, typer.Option("--email", help="E-mail address.")]
PhoneOpt = Annotated[str | None, typer.Option("--phone", help="Phone number.")]
ChannelOpt = Annotated[str | None, typer.Option("--channel", help=f"{choices(CHANNELS)}.")]
NotesOpt = Annotated[str | None, typer.Option("--notes", help="Anything worth remembering.")]


def _changes(**opts: Any) -> dict[str, Any]:
    from askwell.core.model import parse_hours, parse_list

    out: dict[str, Any] = {}
    for key, value in opts.items():
        if value is None:
            continue
        if key in ("topics", "supports"):
            out[key] = parse_list(value)
        elif key == "hours":
            out[key] = parse_hours(value)
        else:
            out[key] = value
    return out


def person_public(p: Person) -> dict[str, Any]:
    """Return the JSON shape of a person."""
    from dataclasses import asdict

    from askwell.core.model import render_hours

    data = asdict(p)
    data["hours"] = render_hours(p.hours)
    return data


def _show(view: PersonView) -> None:
    from rich.table import Table

    from askwell.core.model import render_hours

    p = view.person
    table = Table(show_header=False, box=None, title=f"#{p.id} {esc(p.name)}", title_justify="left")
    rows = {
        "relationship": p.relationship,
        "topics": ", ".join(p.topics) or "-",
        "supports": ", ".join(p.supports) or "-",
        "time zone": p.tz,
        "hours": render_hours(p.hours) or "-",
        "email": p.email or "-",
        "phone": p.phone or "-",
        "channel": p.channel or "-",
        "stretched thin": "yes" if p.stretched else "no",
        "notes": p.notes or "-",
    }
    for key, value in rows.items():
        table.add_row(f"[dim]{key}[/]", esc(value))
    out = console()
    out.print(table)
    for b, line in zip(view.boundaries, view.boundary_lines, strict=True):
        out.print(f"[dim]boundary #{b.id}:[/] {esc(line)} [dim](askwell edit boundary {b.id})[/]")
    for a in view.asks:
        need = view.needs.get(a.need_id)
        state = a.answer.kind if a.answer else a.status
        when = f"{a.created_at:%Y-%m-%d}" if a.created_at else ""
        summary = need.summary if need else ""
        out.print(f"[dim]ask #{a.id}:[/] {esc(summary)} [dim]({state}, {when})[/]")
    if not view.asks:
        out.print(f"[dim]You have not asked {esc(p.name)} for anything yet.[/]")


@people_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Their name.")],
    relationship: RelOpt = None,
    topics: TopicsOpt = None,
    supports: SupportsOpt = None,
    tz: TzOpt = None,
    hours: HoursOpt = None,
    email: EmailOpt = None,
    phone: PhoneOpt = None,
    channel: ChannelOpt = None,
    notes: NotesOpt = None,
    stretched: Annotated[
        bool, typer.Option("--stretched", help="They are stretched thin.")
    ] = False,
    allow_duplicate: Annotated[
        bool,
        typer.Option(
            "--allow-duplicate", help="Add them even if someone has the same name or e-mail."
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Add a person to your network (someone with the same name or e-mail is asked about)."""
    import sys

    from askwell import services
    from askwell.cli._words import word
    from askwell.core.model import Person
    from askwell.errors import Conflict

    fields = _changes(
        relationship=relationship,
        topics=topics,
        supports=supports,
        tz=tz,
        hours=hours,
        email=email,
        phone=phone,
        channel=channel,
        notes=notes,
    )
    new = Person(name=name, stretched=stretched, **fields)
    try:
        person = services.add_person(store(), new, allow_duplicate=allow_duplicate)
    except Conflict as exc:
        if exc.code != "duplicate_person" or not sys.stdin.isatty():
            raise
        if not typer.confirm(f"{word(exc)}. Add {name} anyway?", default=False):
            raise typer.Exit(ExitStatus.ERROR) from None
        person = services.add_person(store(), new, allow_duplicate=True)
    if as_json:
        emit_json(person_public(person))
    else:
        console().print(f"Added [bold]{esc(person.name)}[/] as person #{person.id}.")


@people_app.command("list")
def list_(as_json: JsonOpt = False) -> None:
    """List everyone in your network."""
    from askwell import services
    from askwell.cli._table import table

    people = services.list_people(store())
    if as_json:
        emit_json([person_public(p) for p in people])
        return
    if not people:
        console().print("No one here yet. Add someone with: askwell people add NAME")
        return
    rows = [
        [
            str(p.id),
            p.name,
            p.relationship,
            ", ".join(p.topics),
            ", ".join(p.supports),
            p.tz,
            "stretched thin" if p.stretched else "",
        ]
        for p in people
    ]
    headers = ["id", "name", "relationship", "topics", "supports", "tz", "load"]
    console().print(table(headers, rows, drop=["supports", "tz", "topics", "relationship"]))


@people_app.command("show")
def show(person: PersonArg, as_json: JsonOpt = False) -> None:
    """Show one person: details, boundaries (who set each, and why) and the asks made to them."""
    from dataclasses import asdict

    from askwell import services

    st = store()
    view = services.person_view(st, person_id(person))
    if as_json:
        emit_json(
            {
                **person_public(view.person),
                "boundaries": view.boundaries,
                "asks": [asdict(a) for a in view.asks],
                "help_given": view.help_given,
            }
        )
    else:
        _show(view)


@people_app.command("edit")
def edit(
    person: PersonArg,
    name: Annotated[str | None, typer.Option("--name", help="New name.")] = None,
    relationship: RelOpt = None,
    topics: TopicsOpt = None,
    supports: SupportsOpt = None,
    tz: TzOpt = None,
    hours: HoursOpt = None,
    email: EmailOpt = None,
    phone: PhoneOpt = None,
    channel: ChannelOpt = None,
    notes: NotesOpt = None,
    stretched: Annotated[
        bool | None, typer.Option("--stretched/--not-stretched", help="Stretched thin right now?")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Change some details of a person (only the options you give)."""
    from askwell import services
    from askwell.errors import AskwellError

    changes = _changes(
        name=name,
        relationship=relationship,
        topics=topics,
        supports=supports,
        tz=tz,
        hours=hours,
        email=email,
        phone=phone,
        channel=channel,
        notes=notes,
        stretched=stretched,
    )
    if not changes:
        raise AskwellError("nothing_to_change")
    updated = services.update_person(store(), person_id(person), **changes)
    if as_json:
        emit_json(person_public(updated))
    else:
        console().print(f"Updated #{updated.id} {esc(updated.name)}.")


@people_app.command("boundary")
def boundary(
    person: PersonArg,
    until: Annotated[
        str, typer.Option("--until", help="Do not ask before this date (YYYY-MM-DD).")
    ],
    topic: Annotated[
        str, typer.Option("--topic", help="Only about this topic (default: anything).")
    ] = "",
    reason: Annotated[str, typer.Option("--reason", help="Why, in a few words.")] = "",
    as_json: JsonOpt = False,
) -> None:
    """Respect a boundary: askwell will not suggest asking them (about a topic) before a date."""
    from askwell import services
    from askwell.cli.commands_asks import parse_date

    b = services.add_boundary(
        store(), person_id(person), parse_date(until, "date"), topic=topic, reason=reason
    )
    if as_json:
        emit_json(b)
    else:
        about = f" about {esc(b.topic)}" if b.topic else ""
        console().print(f"Noted: no asks{about} before {b.until:%Y-%m-%d}.")


@people_app.command("import")
def import_(
    path: Annotated[
        str, typer.Argument(help="A .vcf file, or a Google / Outlook contacts .csv export.")
    ],
    as_json: JsonOpt = False,
) -> None:
    """Import people from a vCard (.vcf) or contacts CSV; each card's problems are reported."""
    from askwell.services.vcard import import_contacts

    result = import_contacts(store(), path)
    if as_json:
        emit_json(
            {
                "imported": [person_public(p) for p in result.imported],
                "skipped": result.skipped,
                "errors": [{"line": e.line, "message": e.message} for e in result.errors],
                "notes": [
                    {"line": n.line, "name": n.name, "message": n.message} for n in result.notes
                ],
            }
        )
    else:
        out = console()
        out.print(f"Imported {len(result.imported)} people.")
        for name in result.skipped:
            out.print(f"  skipped {esc(name)} (already in your network)")
        lines: list[tuple[int, str | None, str, bool]] = [
            (e.line, None, e.message, True) for e in result.errors
        ]
        lines += [(n.line, n.name, n.message, False) for n in result.notes]
        for line, who_name, message, bad in sorted(lines, key=lambda item: item[0]):
            who = f", {esc(who_name)}" if who_name else ""
            colour = "yellow" if bad else "dim"
            out.print(f"  [{colour}]line {line}{who}:[/] {esc(message)}")
    if result.errors and not result.imported:
        raise typer.Exit(ExitStatus.ERROR)


@people_app.command("export")
def export(
    vcf: Annotated[str, typer.Option("--vcf", help="Write everyone to this .vcf file.")],
    as_json: JsonOpt = False,
) -> None:
    """Export your network as vCard 4.0 (askwell's fields kept as X- properties)."""
    from askwell.services.vcard import export_vcards

    count = export_vcards(store(), vcf)
    if as_json:
        emit_json({"file": vcf, "people": count})
    else:
        console().print(f"Wrote {count} people to {esc(vcf)}.")


def register(app: typer.Typer) -> None:
    """Attach the people commands."""
    app.add_typer(people_app, name="people")
