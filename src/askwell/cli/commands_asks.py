"""`askwell need ...`, `ask`, `answer`, `thank`, `followup`, `due`: from a need to a thank-you."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from askwell.cli._common import (
    PERSON_HELP,
    AllowPastOpt,
    AskPartOpt,
    ByPartOpt,
    FoldOpt,
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
    read_text_arg,
    store,
    warn,
)
from askwell.core.model import (
    ANSWER_KINDS,
    CHANNELS,
    NEED_STATES,
    choices,
)

if TYPE_CHECKING:
    from askwell.core.model import Ask, Need

from askwell.cli.commands_data import DateOpt

need_app = typer.Typer(help="Needs: what you could use help with.", no_args_is_help=True)


def parse_barriers(values: list[str]) -> dict[str, int]:
    """Read `burden=2`, `shame` (= 1) items into a barrier map."""
    from askwell.errors import AskwellError

    out: dict[str, int] = {}
    for item in values:
        name, _, level = item.partition("=")
        try:
            out[name.strip()] = int(level) if level.strip() else 1
        except ValueError:
            raise AskwellError(f"barrier {item!r}: the intensity must be a number 0-3") from None
    return out


def parse_date(value: str | None, what: str = "deadline") -> Any:
    """Parse YYYY-MM-DD or raise a friendly error."""
    if value is None:
        return None
    from datetime import date

    from askwell.errors import AskwellError

    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise AskwellError(f"bad {what} {value!r}; use YYYY-MM-DD, e.g. 2026-12-01") from None


def suggested_ask(need: Need) -> str:
    """Return the ask drafts read from a need's summary ("Could you review my CV?")."""
    from askwell.core.compose_parts import THINK_IT_THROUGH, verb_phrase

    phrase = verb_phrase(need.summary, need.support_type)
    return f"Could you {phrase}?" if phrase and phrase != THINK_IT_THROUGH else ""


def need_public(need: Need) -> dict[str, Any]:
    """Return the JSON shape of a need."""
    from dataclasses import asdict

    return asdict(need)


def ask_public(ask: Ask) -> dict[str, Any]:
    """Return the JSON shape of an ask."""
    from dataclasses import asdict

    return asdict(ask)


@need_app.command("add")
def need_add(
    summary: Annotated[str, typer.Argument(help="One line: what do you need?")],
    details: NeedDetailsOpt = None,
    support_type: NeedTypeOpt = None,
    urgency: NeedUrgencyOpt = None,
    deadline: NeedDeadlineOpt = None,
    barrier: NeedBarrierOpt = None,
    expect: NeedExpectOpt = None,
    topics: NeedTopicsOpt = None,
    ask: AskPartOpt = None,
    size: SizePartOpt = None,
    by: ByPartOpt = None,
    situation: SituationPartOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Define a need: what, how urgent, what holds you back, and your yes-guess.

    --ask, --size, --by and --situation make the drafts say exactly what you need.
    """
    from askwell import services
    from askwell.core.model import Need, parse_list
    from askwell.core.need_check import assess

    check = assess(summary, details or "")
    need = services.add_need(
        store(),
        Need(
            summary=summary,
            details=details or "",
            support_type=support_type or "",
            urgency=urgency or "medium",
            deadline=parse_date(deadline or by),
            barriers=parse_barriers(barrier or []),
            expect=expect,
            topics=parse_list(topics),
            ask=ask or "",
            size=size or "",
            situation=situation or "",
        ),
    )
    suggested = "" if need.ask else suggested_ask(need)
    if as_json:
        data = need_public(need)
        data["suggested_ask"] = suggested
        data["assessment"] = {
            "vague": check.vague,
            "reasons": check.reasons,
            "suggested_type": check.suggested_type,
            "self_serve": check.self_serve,
        }
        emit_json(data)
        return
    out = console()
    out.print(f"Saved need #{need.id}: {esc(need.summary)} [dim]({need.support_type})[/]")
    if support_type is None:
        out.print(f"[dim]Support type suggested from your words: {need.support_type}.[/]")
    if suggested:
        out.print(
            f"[dim]Drafts will ask: {esc(suggested)} (--ask on need edit says it your way).[/]"
        )
    if check.vague:
        out.print(
            f"[yellow]This need is still vague:[/] {'; '.join(check.reasons)}. "
            "Try naming what, how much and by when before you ask anyone."
        )
    if check.self_serve:
        out.print(f"[dim]{check.only_a_person} {check.self_serve}[/]")
    _print_reframes(need.barriers)
    out.print(f"Next: [bold]askwell suggest {need.id}[/] to see who could help.")


def _print_reframes(barriers: dict[str, int]) -> None:
    from askwell.core.barriers import reframe

    for name in barriers:
        console().print(f"[cyan]{name}:[/] {esc(reframe(name))}")


@need_app.command("list")
def need_list(
    status: Annotated[str | None, typer.Option("--status", help=f"{choices(NEED_STATES)}.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List your needs, newest first."""
    from askwell import services
    from askwell.cli._table import table

    needs = services.list_needs(store(), status)
    if as_json:
        emit_json([need_public(n) for n in needs])
        return
    if not needs:
        console().print('No needs yet. Add one with: askwell need add "what you need"')
        return
    rows = [
        [
            str(n.id),
            n.summary,
            n.support_type,
            n.urgency,
            f"{n.deadline:%Y-%m-%d}" if n.deadline else "",
            ", ".join(f"{k}={v}" for k, v in n.barriers.items()),
            n.status,
        ]
        for n in needs
    ]
    headers = ["id", "summary", "type", "urgency", "deadline", "barriers", "status"]
    console().print(table(headers, rows, drop=["barriers", "deadline", "urgency", "type"]))


@need_app.command("show")
def need_show(
    need_id: Annotated[int, typer.Argument(help="Need id.")], as_json: JsonOpt = False
) -> None:
    """Show a need and the asks made about it."""
    from askwell import services

    st = store()
    need = services.get_need(st, need_id)
    asks = services.list_asks(st, need_id=need_id)
    if as_json:
        data = need_public(need)
        data["asks"] = [ask_public(a) for a in asks]
        emit_json(data)
        return
    out = console()
    out.print(f"[bold]#{need.id} {esc(need.summary)}[/]  [dim]{need.status}[/]")
    if need.details:
        out.print(esc(need.details))
    out.print(
        f"type {need.support_type} · urgency {need.urgency}"
        + (f" · deadline {need.deadline:%Y-%m-%d}" if need.deadline else "")
        + (f" · you expected {need.expect} % yes" if need.expect is not None else "")
    )
    if need.barriers:
        out.print("barriers: " + ", ".join(f"{k} {v}/3" for k, v in need.barriers.items()))
    names = {p.id: p.name for p in services.list_people(st)}
    for a in asks:
        answer = a.answer.kind if a.answer else "-"
        out.print(f"  ask #{a.id} to {esc(names.get(a.person_id, '?'))}: {a.status} ({answer})")


def _set_status(need_id: int, status: str, as_json: bool, message: str) -> None:
    from askwell import services

    need = services.set_need_status(store(), need_id, status)
    if as_json:
        emit_json(need_public(need))
    else:
        console().print(message.format(id=need.id))


@need_app.command("resolve")
def need_resolve(
    need_id: Annotated[int, typer.Argument(help="Need id.")], as_json: JsonOpt = False
) -> None:
    """Mark a need as resolved."""
    _set_status(need_id, "resolved", as_json, "Need #{id} is resolved. Well done for asking.")


@need_app.command("drop")
def need_drop(
    need_id: Annotated[int, typer.Argument(help="Need id.")], as_json: JsonOpt = False
) -> None:
    """Mark a need as dropped (no longer needed)."""
    _set_status(need_id, "dropped", as_json, "Need #{id} is dropped.")


def ask(
    need_id: Annotated[int, typer.Argument(help="The need you are asking about.")],
    to: Annotated[str, typer.Option("--to", help=PERSON_HELP, metavar="PERSON")],
    text: Annotated[str | None, typer.Option("--text", help="The request as you sent it.")] = None,
    text_file: Annotated[
        str | None, typer.Option("--text-file", help="Read the request from a file (- = stdin).")
    ] = None,
    channel: Annotated[str, typer.Option("--channel", help=f"{choices(CHANNELS)}.")] = "chat",
    override: Annotated[
        bool, typer.Option("--override", help="Ask even during a cooldown (recorded).")
    ] = False,
    draft: Annotated[bool, typer.Option("--draft", help="Save as a draft, not sent yet.")] = False,
    parent: Annotated[
        int | None,
        typer.Option("--from", help="The ask whose alternative answer led to this one."),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(
            "--at", help="When: a slot number from `askwell when`, or a time like 2026-03-02T10:00."
        ),
    ] = None,
    fold: FoldOpt = None,
    allow_past: AllowPastOpt = False,
    ics: Annotated[
        str | None, typer.Option("--ics", help="Write the slot (--at) as a calendar invite file.")
    ] = None,
    mailto: Annotated[
        bool, typer.Option("--mailto", help="Print a mailto: link with the request.")
    ] = False,
    on: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record an ask of one person about one need (--date for one you made earlier)."""

    from askwell import services
    from askwell.errors import AskwellError
    from askwell.services import matching
    from askwell.services._files import check_writable
    from askwell.services.dates import happened_on

    body = read_text_arg(text, text_file)
    if ics is not None and at is None:
        raise AskwellError("--ics needs a time: add --at SLOT (see `askwell when PERSON_ID`)")
    if ics is not None:
        check_writable(ics)  # before the ask is recorded: a retry must not duplicate it
    st = store()
    whom = person_id(to)
    slot = (
        matching.resolve_slot(st, whom, at, need_id=need_id, fold=fold, allow_past=allow_past)
        if at is not None
        else None
    )
    result = services.create_ask(
        st,
        need_id,
        whom,
        body,
        channel,
        draft=draft,
        override=override,
        parent_id=parent,
        scheduled_for=slot.start if slot else None,
        on=happened_on(on, "an ask"),
    )
    for message in result.warnings:
        warn(message)
    assert result.ask.id is not None
    handoff = matching.handoff_for_ask(st, result.ask.id, slot=slot) if (ics or mailto) else None
    if ics is not None and handoff is not None and handoff.ics is not None:
        matching.write_ics(ics, handoff.ics)
    if as_json:
        data = ask_public(result.ask)
        if handoff is not None:
            data["mailto"] = handoff.mailto if mailto else None
            data["ics"] = ics
        emit_json(data)
        return
    out = console()
    state = "saved as a draft" if draft else "recorded as sent"
    out.print(
        f"Ask #{result.ask.id} {state}. When they answer: "
        f"[bold]askwell answer {result.ask.id} yes|no|alternative|no-reply[/]"
    )
    if slot is not None:
        out.print(f"Planned for {slot.start:%a %d %b %H:%M} ({slot.tz}).")
    if ics is not None:
        out.print(f"Calendar invite written to {esc(ics)}.")
    if handoff is not None and mailto:
        out.print(handoff.mailto, markup=False, soft_wrap=True)


def send(
    ask_id: Annotated[int, typer.Argument(help="Draft ask id.")], as_json: JsonOpt = False
) -> None:
    """Mark a draft ask as sent."""
    from askwell import services

    a = services.send_ask(store(), ask_id)
    if as_json:
        emit_json(ask_public(a))
    else:
        console().print(f"Ask #{a.id} is sent. Good luck, and well done for asking.")


def answer(
    ask_id: Annotated[int, typer.Argument(help="Ask id.")],
    kind: Annotated[str, typer.Argument(help=f"{choices(ANSWER_KINDS)}.")],
    note: Annotated[str, typer.Option("--note", help="What they said.")] = "",
    offered: Annotated[
        str, typer.Option("--offered", help="For an alternative: what they offered instead.")
    ] = "",
    cooldown: Annotated[
        int, typer.Option("--cooldown", help="After a no: days before asking them again.")
    ] = 30,
    on: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record their answer; a no sets a gentle cooldown before asking them again."""
    from askwell import services
    from askwell.services.dates import happened_on

    st = store()
    result = services.record_answer(
        st,
        ask_id,
        kind,
        note=note,
        offered=offered,
        cooldown_days=cooldown,
        on=happened_on(on, "an answer"),
    )
    got = result.ask.answer.kind if result.ask.answer else kind
    next_one = services.next_reply(st, ask_id)
    reply = next_one.text if next_one else None
    if as_json:
        data = ask_public(result.ask)
        data["boundary"] = result.boundary
        data["reply_draft"] = reply
        emit_json(data)
        return
    out = console()
    out.print(f"Recorded {got!r} for ask #{ask_id}.")
    if result.boundary is not None:
        out.print(
            f"A no is fine. askwell will not suggest asking them about this again before "
            f"{result.boundary.until:%Y-%m-%d}."
        )
    if got == "alternative":
        out.print(
            "They offered something else. To take it up with someone new: "
            f"askwell ask {result.ask.need_id} --to PERSON_ID --from {ask_id}"
        )
    if next_one is None:
        out.print("No reply yet. askwell due will tell you when one gentle follow-up is fair.")
    elif next_one.action == "follow-up":
        out.print("\n[dim]A gentle follow-up you could send:[/]")
        out.print(next_one.text, markup=False, highlight=False)
        out.print(f"\nWhen you have sent it: [bold]askwell followup {ask_id}[/]")
    else:
        out.print("\n[dim]A reply you could send:[/]")
        out.print(next_one.text, markup=False, highlight=False)
        out.print(f"\nWhen you have said thanks: [bold]askwell thank {ask_id}[/]")


def thank(
    ask_id: Annotated[int, typer.Argument(help="Ask id.")],
    note: Annotated[str, typer.Option("--note", help="What you thanked them for.")] = "",
    on: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record that you thanked them (--date when it was another day)."""
    from askwell import services
    from askwell.services.dates import happened_on

    a = services.thank(store(), ask_id, note=note, on=happened_on(on, "a thank-you"))
    if as_json:
        emit_json(ask_public(a))
    else:
        console().print(f"Thank-you recorded for ask #{a.id}.")


def followup(
    ask_id: Annotated[int, typer.Argument(help="Ask id.")],
    note: Annotated[str, typer.Option("--note", help="What you wrote.")] = "",
    on: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the one gentle follow-up of an ask that got no reply (--date: another day)."""
    from askwell import services
    from askwell.services.dates import happened_on

    st = store()
    a = services.follow_up(st, ask_id, note=note, on=happened_on(on, "a follow-up"))
    if as_json:
        data = ask_public(a)
        data["draft"] = services.reply_draft(st, ask_id)
        emit_json(data)
        return
    out = console()
    out.print(f"Follow-up recorded for ask #{a.id}. One is enough; let it rest now.")
    if not note:
        out.print("[dim]A gentle follow-up you could send:[/]")
        out.print(services.reply_draft(st, ask_id), markup=False, highlight=False)


def close(
    ask_id: Annotated[int, typer.Argument(help="Ask id.")],
    ics: Annotated[
        str | None,
        typer.Option("--ics", help="Write a cancellation of its calendar invitation to this file."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Close (withdraw) an ask; with --ics, also cancel the invitation you sent for it."""
    from askwell import services
    from askwell.services import calendar, matching

    st = store()
    a = services.close_ask(st, ask_id)
    slot = matching.planned_slot(st, ask_id) if ics is not None else None
    if ics is not None and slot is None:
        warn("this ask had no planned time, so there is no invitation to cancel")
    elif ics is not None and slot is not None:
        calendar.next_sequence(st, ask_id)
        cancel = matching.handoff_for_ask(st, ask_id, slot=slot, cancel=True).ics
        matching.write_ics(ics, cancel or b"")
        if not as_json:
            console().print(f"Cancellation written to {esc(ics)}; send it to them.")
    if as_json:
        emit_json(ask_public(a))
    else:
        console().print(f"Ask #{a.id} is closed.")


def due(as_json: JsonOpt = False) -> None:
    """What is waiting on you: one gentle follow-up, or a thank-you."""
    from askwell import services
    from askwell.cli._table import table

    items = services.due(store())
    if as_json:
        emit_json(
            [
                {
                    "action": i.action,
                    "ask_id": i.ask.id,
                    "person": i.person_name,
                    "need": i.need_summary,
                    "sent_at": i.ask.sent_at,
                    "answer": i.ask.answer.kind if i.ask.answer else None,
                }
                for i in items
            ]
        )
        return
    if not items:
        console().print("Nothing due. You are all caught up.")
        return
    rows = []
    for i in items:
        since = i.ask.answer.at if (i.action == "thank" and i.ask.answer) else i.ask.sent_at
        rows.append(
            [
                str(i.ask.id),
                "gentle follow-up" if i.action == "follow-up" else "say thanks",
                i.person_name,
                i.need_summary,
                f"{since:%Y-%m-%d}" if since else "",
            ]
        )
    console().print(table(["ask", "to do", "person", "need", "since"], rows, drop=["since"]))


def register(app: typer.Typer) -> None:
    """Attach the need and ask commands."""
    app.add_typer(need_app, name="need")
    for fn, name in (
        (ask, "ask"),
        (send, "send"),
        (answer, "answer"),
        (thank, "thank"),
        (followup, "followup"),
        (close, "close"),
        (due, "due"),
    ):
        app.command(name)(fn)
