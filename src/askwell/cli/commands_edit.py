"""`askwell edit KIND ID`: fix a typo in any record, as `askwell delete KIND ID` removes one."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from askwell.cli._common import (
    PERSON_HELP,
    JsonOpt,
    console,
    emit_json,
    esc,
    person_id,
    store,
    usage_choice,
)
from askwell.cli.commands_data import DateOpt
from askwell.core.model import ANSWER_KINDS, CHANNELS, choices


class _Kinds(TyperGroup):
    """`askwell edit KIND`: a kind it does not know is told as `askwell delete KIND` tells it."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """Return the command for KIND (any case), or name the kinds there are and exit 2."""
        if args and not args[0].startswith("-"):
            kind = usage_choice(args[0], tuple(self.commands), "kind of record")
            args = [kind, *args[1:]]
        return super().resolve_command(ctx, args)


edit_app = typer.Typer(
    cls=_Kinds,
    help="Fix a typo in any record: a person, need, ask, journal entry, help given or boundary.",
    no_args_is_help=True,
)


def ask_edit(
    ask_id: Annotated[int, typer.Argument(help="Ask id (need show, or ask --json).")],
    text: Annotated[str | None, typer.Option("--text", help="The request as you sent it.")] = None,
    text_file: Annotated[
        str | None, typer.Option("--text-file", help="Read the request from a file (- = stdin).")
    ] = None,
    channel: Annotated[str | None, typer.Option("--channel", help=f"{choices(CHANNELS)}.")] = None,
    on: DateOpt = None,
    answer: Annotated[
        str | None,
        typer.Option("--answer", help=f"Their answer, corrected: {choices(ANSWER_KINDS)}."),
    ] = None,
    answered: Annotated[
        str | None,
        typer.Option("--answered-date", help='The day they answered: "yesterday", "2026-11-20".'),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="What they said (the answer).")] = None,
    offered: Annotated[
        str | None, typer.Option("--offered", help="What they offered instead (the answer).")
    ] = None,
    thanks_note: Annotated[
        str | None, typer.Option("--thanks-note", help="What you thanked them for.")
    ] = None,
    followup_note: Annotated[
        str | None, typer.Option("--followup-note", help="What you wrote in your follow-up.")
    ] = None,
    thanked: Annotated[
        str | None,
        typer.Option("--thanked-date", help='The day you thanked them: "yesterday", "2026-11-20".'),
    ] = None,
    followed_up: Annotated[
        str | None,
        typer.Option("--followup-date", help='The day you followed up: "3 days ago".'),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Fix an ask: text, channel, day (--date), the answer, the thanks and follow-up (note, day)."""
    from askwell import services
    from askwell.cli._common import read_text_arg
    from askwell.cli.commands_asks import ask_public
    from askwell.services.dates import said_day

    updated = services.update_ask(
        store(),
        ask_id,
        text=read_text_arg(text, text_file),
        channel=channel,
        sent=said_day(on, "an ask") if on is not None else None,
        answer=answer,
        answered=said_day(answered, "an answer") if answered is not None else None,
        note=note,
        offered=offered,
        thanks_note=thanks_note,
        followup_note=followup_note,
        thanked=said_day(thanked, "a thank-you") if thanked is not None else None,
        followed_up=said_day(followed_up, "a follow-up") if followed_up is not None else None,
    )
    if as_json:
        emit_json(ask_public(updated))
    else:
        console().print(f"Updated ask #{updated.id}.")


def help_edit(
    help_id: Annotated[int, typer.Argument(help="The id `askwell gave` printed.")],
    summary: Annotated[str | None, typer.Option("--summary", help="What you did for them.")] = None,
    person: Annotated[
        str | None, typer.Option("--person", help="Whom you helped: " + PERSON_HELP)
    ] = None,
    on: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Fix help you gave: what you did (--summary), for whom (--person), or the day (--date)."""
    from askwell import services
    from askwell.services.dates import said_day

    updated = services.update_help(
        store(),
        help_id,
        summary=summary,
        person_id=person_id(person) if person is not None else None,
        at=said_day(on, "help given") if on is not None else None,
    )
    if as_json:
        emit_json(updated)
    else:
        console().print(f"Updated help given #{updated.id}: {esc(updated.summary)}")


def boundary_edit(
    boundary_id: Annotated[int, typer.Argument(help="Boundary id (people show PERSON).")],
    until: Annotated[
        str | None, typer.Option("--until", help="Do not ask before this date (YYYY-MM-DD).")
    ] = None,
    topic: Annotated[str | None, typer.Option("--topic", help="About what ('' for all).")] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why, in a few words.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Fix a boundary: its end (--until), its topic or its reason; delete it to end it now."""
    from askwell import services
    from askwell.cli.commands_asks import parse_date

    updated = services.update_boundary(
        store(),
        boundary_id,
        until=parse_date(until, "until") if until is not None else None,
        topic=topic,
        reason=reason,
    )
    if as_json:
        emit_json(updated)
    else:
        console().print(f"Updated boundary #{updated.id}: until {updated.until:%Y-%m-%d}.")


def register(app: typer.Typer) -> None:
    """Attach `askwell edit` with one sub-command per kind of record."""
    from askwell.cli.commands_fix import journal_edit, need_edit
    from askwell.cli.commands_people import edit as person_edit

    for name, fn in (
        ("person", person_edit),
        ("need", need_edit),
        ("ask", ask_edit),
        ("journal", journal_edit),
        ("help", help_edit),
        ("boundary", boundary_edit),
    ):
        edit_app.command(name)(fn)
    app.add_typer(edit_app, name="edit")
