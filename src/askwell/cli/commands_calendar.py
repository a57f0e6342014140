"""`askwell config`, `invite` and `calendar`: who you are on invitations, moving an invited ask,
and the reminders calendar you can subscribe to."""

from __future__ import annotations

from typing import Annotated

import typer

from askwell.cli._common import AllowPastOpt, FoldOpt, JsonOpt, console, emit_json, store


def config(
    name: Annotated[
        str | None, typer.Option("--name", help="Your name, as invitations show it.")
    ] = None,
    email: Annotated[
        str | None,
        typer.Option("--email", help="Your e-mail address: invitations come from it."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Set (or show) your name and e-mail address for calendar invitations."""
    from askwell.services import calendar

    st = store()
    me = calendar.set_me(st, name=name, email=email) if (name or email) else calendar.get_me(st)
    if as_json:
        emit_json({"name": me.name, "email": me.email})
        return
    out = console()
    out.print(f"name: {me.name}", markup=False)
    out.print(f"e-mail: {me.email or '(not set)'}", markup=False)
    if not me.email:
        out.print(
            "[dim]With an e-mail address set, --ics files are invitations the other person "
            "can accept (askwell config --email you@example.org).[/]"
        )


def invite(
    ask_id: Annotated[int, typer.Argument(help="The ask to (re)schedule.")],
    at: Annotated[
        str,
        typer.Option(
            "--at", help="When: a slot number from `askwell when`, or a time like 2026-03-02T10:00."
        ),
    ],
    ics: Annotated[
        str | None, typer.Option("--ics", help="Write the updated invitation to this file.")
    ] = None,
    fold: FoldOpt = None,
    allow_past: AllowPastOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Move an ask to a new time; the invitation keeps its UID, so calendars update it."""
    from askwell import services
    from askwell.services import calendar, matching

    st = store()
    ask = services.get_ask(st, ask_id)
    slot = matching.resolve_slot(
        st, ask.person_id, at, need_id=ask.need_id, fold=fold, allow_past=allow_past
    )
    sequence = calendar.next_sequence(st, ask_id, moved_to=slot.start)
    handoff = matching.handoff_for_ask(st, ask_id, slot=slot)
    if ics is not None and handoff.ics is not None:
        matching.write_ics(ics, handoff.ics)
    if as_json:
        emit_json({"ask_id": ask_id, "at": slot.start, "sequence": sequence, "ics": ics})
        return
    out = console()
    out.print(f"Ask #{ask_id} is now planned for {slot.start:%a %d %b %H:%M} ({slot.tz}).")
    if ics is not None:
        out.print(
            f"Updated invitation written to {ics} (it replaces the earlier one).", markup=False
        )


def calendar_(
    out_path: Annotated[
        str, typer.Option("--out", help="Write the reminders calendar (.ics) to this file.")
    ],
    as_json: JsonOpt = False,
) -> None:
    """Write your reminders (follow-ups due, thank-yous owed, planned asks) as a calendar."""
    from askwell.services import calendar, matching

    st = store()
    items = calendar.reminders(st)
    matching.write_ics(out_path, calendar.feed(st))
    if as_json:
        emit_json({"file": out_path, "events": [i.summary for i in items]})
        return
    console().print(
        f"Wrote {len(items)} reminder{'s' if len(items) != 1 else ''} to {out_path}. "
        "To have them arrive on their own, subscribe to the feed link `askwell serve` prints.",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add `config`, `invite` and `calendar`."""
    app.command("config")(config)
    app.command("invite")(invite)
    app.command("calendar")(calendar_)
