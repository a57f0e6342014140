"""`askwell check` (coach a request) and `askwell draft` (compose one from parts or a template)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from askwell.cli._common import (
    PERSON_HELP,
    JsonOpt,
    console,
    emit_json,
    err_console,
    read_stdin,
    store,
)
from askwell.core.model import CHANNELS, choices

if TYPE_CHECKING:
    from rich.text import Text

    from askwell.core.coach import Report

ChannelOpt = Annotated[str | None, typer.Option("--channel", help=f"{choices(CHANNELS)}.")]
STYLE = {"problem": "bold red underline", "strength": "green", "suggestion": "cyan"}


def _error(message: str) -> Exception:
    from askwell.errors import AskwellError

    return AskwellError(message)


MAX_RECORDS_BYTES = 100_000_000


def read_records(path: str) -> list[tuple[str, str]]:
    """Read (id, text) records from a JSONL file ({"id", "text"}) or a CSV file (id,text)."""
    import csv
    import json

    from askwell.services._files import read_user_file

    file = Path(path)
    try:
        raw = read_user_file(file, max_bytes=MAX_RECORDS_BYTES, what="a CSV or JSONL file").decode()
    except UnicodeDecodeError as exc:
        raise _error(f"cannot read {path}: {exc}") from None
    records: list[tuple[str, str]] = []
    if file.suffix.lower() == ".csv" or (
        file.suffix.lower() not in (".jsonl", ".json") and not raw.lstrip().startswith("{")
    ):
        try:
            rows = list(csv.reader(raw.splitlines(keepends=True)))
        except csv.Error as exc:
            raise _error(f"{path} is not a CSV file askwell can read ({exc})") from None
        for n, row in enumerate(rows, 1):
            if n == 1 and [c.strip().lower() for c in row] == ["id", "text"]:
                continue
            if len(row) != 2:
                raise _error(f"{path} row {n}: expected 2 columns (id,text), found {len(row)}")
            records.append((row[0], row[1]))
        return records
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            raise _error(f"{path} line {n}: not valid JSON") from None
        if not isinstance(obj, dict) or "text" not in obj or not isinstance(obj["text"], str):
            raise _error(f'{path} line {n}: expected an object with "id" and a string "text"')
        records.append((str(obj.get("id", n)), obj["text"]))
    return records


def highlight(text: str, report: Report) -> Text:
    """Return the text with problem and strength spans styled."""
    from rich.text import Text

    out = Text(text)
    for kind in ("strength", "problem"):
        for finding in report.findings:
            if finding.kind == kind:
                for start, end in finding.spans:
                    out.stylize(STYLE[kind], start, end)
    return out


def render(text: str, report: Report) -> None:
    """Print a report for people: the highlighted text, the score and every finding."""
    from rich.markup import escape

    out = console()
    if report.crisis:
        out.print(f"[bold]{escape(report.crisis_message or '')}[/]")
        return
    out.print(highlight(text, report))
    out.print(
        f"\n[bold]Score {report.score}/100[/]  politeness {report.politeness:.0%}  "
        f"strength {report.strength:.0%}"
    )
    marks = {"problem": "[red]✗[/]", "strength": "[green]✓[/]", "suggestion": "[cyan]→[/]"}
    for f in sorted(
        report.findings, key=lambda f: ("problem", "suggestion", "strength").index(f.kind)
    ):
        quoted = "; ".join(f'"{escape(text[s:e])}"' for s, e in f.spans[:3])
        out.print(
            f"{marks[f.kind]} [bold]{f.rule}[/] {escape(f.message)}"
            + (f"  {quoted}" if quoted else "")
        )
        if f.kind == "problem":
            out.print(f"    [dim]{escape(f.suggestion)}[/]")
    tips = [c["advice"] for c in report.strength_cues if c["advice"]]
    if tips:
        out.print("[dim]To make a yes more likely: " + escape(" ".join(tips[:2])) + "[/]")


def _check_file(path: str, channel: str | None, as_json: bool) -> None:
    import json

    from rich.progress import Progress

    from askwell.services.checking import check_many
    from askwell.services.locale import country

    records = read_records(path)
    with Progress(console=err_console(), transient=True) as progress:
        task = progress.add_task("checking", total=len(records))
        reports = check_many(
            [text for _, text in records],
            channel=channel,
            country=country(),
            progress=lambda n: progress.advance(task, n),
        )
        rows = [{"id": rid, **report} for (rid, _), report in zip(records, reports, strict=True)]
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    table = Table("id", "score", "problems", "politeness", "strength")
    for row in rows:
        if "error" in row:  # the id comes from the file: a Text cell, never markup
            table.add_row(Text(row["id"]), "-", Text(row["error"]), "", "")
            continue
        problems = ", ".join(f["rule"] for f in row["findings"] if f["kind"] == "problem")
        score = "crisis" if row["crisis"] else str(row["score"])
        pol = "" if row["politeness"] is None else f"{row['politeness']:.0%}"
        strong = "" if row["strength"] is None else f"{row['strength']:.0%}"
        table.add_row(Text(row["id"]), score, problems or "-", pol, strong)
    console().print(table)


def check_cmd(
    text: Annotated[
        str | None, typer.Argument(help="The request to check; - reads it from stdin.")
    ] = None,
    file: Annotated[
        str | None, typer.Option("--file", help="Check many: JSONL {id, text} or CSV id,text.")
    ] = None,
    channel: ChannelOpt = None,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="Print the text with every rewrite the coach offers applied."),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Check a help request: a score, what works, what to change, with the spans."""
    from askwell.core.coach import check

    if file is not None:
        if text is not None:
            raise _error("give a text or --file, not both")
        if fix:
            raise _error("--fix works on one text, not a --file")
        _check_file(file, channel, as_json)
        return
    if text is None:
        raise _error("give the text to check, - for stdin, or --file")
    body = read_stdin() if text == "-" else text
    if not body.strip():
        from askwell.core.model import DomainError

        raise DomainError("empty", what="the text to check")
    from askwell.services.locale import country

    if fix:
        _fix(body, channel, country(), as_json)
        return
    report = check(body, channel=channel, country=country())
    if as_json:
        emit_json(report.to_dict())
    else:
        render(body, report)


def _fix(body: str, channel: str | None, where: str | None, as_json: bool) -> None:
    """Print the text with the coach's rewrites applied (--json: the text and each rewrite)."""
    from rich.markup import escape

    from askwell.core.coach.fix import fix

    fixed = fix(body, channel=channel, country=where)
    if as_json:
        emit_json(fixed.to_dict(body))
        return
    if fixed.before.crisis:
        console().print(f"[bold]{escape(fixed.before.crisis_message or '')}[/]")
        return
    sys.stdout.write(fixed.text if fixed.text.endswith("\n") else fixed.text + "\n")
    note = err_console()
    if not fixed.applied:
        left = ", ".join(sorted({f.rule for f in fixed.before.problems}))
        note.print(
            "[dim]Nothing to rewrite."
            + (f" What is left needs your own words: {left}.[/]" if left else "[/]")
        )
        return
    done = ", ".join(f.rule for f in fixed.applied)
    note.print(
        f"[dim]{len(fixed.applied)} rewrite{'s' if len(fixed.applied) > 1 else ''} applied "
        f"({done}); score {fixed.before.score} -> {fixed.after.score}.[/]"
    )


def _opt(help_text: str) -> Any:
    return typer.Option(help=help_text)


def draft_cmd(
    need_id: Annotated[
        int | None,
        typer.Argument(help="A need id: print the draft the web wizard pre-fills (with --person)."),
    ] = None,
    person: Annotated[
        str | None, typer.Option("--person", help=PERSON_HELP, metavar="PERSON")
    ] = None,
    to: Annotated[str | None, typer.Option("--to", help="Their name.")] = None,
    situation: Annotated[str | None, _opt("Brief context.")] = None,
    challenge: Annotated[str | None, _opt("What you're finding hard.")] = None,
    ask: Annotated[str | None, _opt("One specific ask.")] = None,
    time: Annotated[str | None, _opt("Time or effort needed, e.g. '15 minutes'.")] = None,
    deadline: Annotated[str | None, _opt("By when, e.g. 'by Friday'.")] = None,
    why: Annotated[str | None, _opt("Why them.")] = None,
    easy_out: Annotated[str | None, typer.Option("--easy-out", help="An easy no.")] = None,
    thanks: Annotated[str | None, _opt("Your thanks.")] = None,
    need: Annotated[str | None, _opt("For replies: what the ask was about.")] = None,
    note: Annotated[str | None, _opt("For replies: a personal line.")] = None,
    template: Annotated[str | None, typer.Option("--template", help="A template id.")] = None,
    channel: Annotated[
        str | None,
        typer.Option("--channel", help="chat, email, text, in-person or call (default: chat)."),
    ] = None,
    list_templates: Annotated[
        bool, typer.Option("--list-templates", help="List the templates and exit.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Compose a request from its parts (or a template) for a channel; replies too.

    With a need id and --person, print the draft the web wizard pre-fills for them.
    """
    from askwell.core import compose

    if list_templates:
        _list_templates(as_json)
        return
    if need_id is not None or person is not None:
        _draft_for_need(need_id, person, channel, template, as_json)
        return
    channel = channel or "chat"
    given = {
        "name": to,
        "situation": situation,
        "challenge": challenge,
        "ask": ask,
        "time": time,
        "deadline": deadline,
        "why": why,
        "easy_out": easy_out,
        "thanks": thanks,
        "need": need,
        "note": note,
    }
    parts = {k: v for k, v in given.items() if v is not None}
    text = compose.draft(parts, channel, template)
    if as_json:
        from askwell.core.coach import check

        emit_json(
            {"template": template, "channel": channel, "text": text, "check": check(text).to_dict()}
        )
        return
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _draft_for_need(
    need_id: int | None,
    person: str | None,
    channel: str | None,
    template: str | None,
    as_json: bool,
) -> None:
    from askwell import services
    from askwell.errors import AskwellError

    if need_id is None or person is None:
        raise AskwellError("give both a need id and --person PERSON to draft for a need")
    st = store()
    who = services.find_person(st, person)
    assert who.id is not None
    made = services.first_draft(st, need_id, who.id, channel=channel, template=template)
    if as_json:
        emit_json({"text": made.text, "parts": made.parts, "template": made.template})
        return
    sys.stdout.write(made.text if made.text.endswith("\n") else made.text + "\n")


def _list_templates(as_json: bool) -> None:
    from askwell.core.compose import TEMPLATES

    if as_json:
        emit_json(
            [
                {
                    "id": t.id,
                    "title": t.title,
                    "description": t.description,
                    "kind": t.kind,
                    "fields": list(t.fields),
                }
                for t in TEMPLATES.values()
            ]
        )
        return
    from rich.table import Table

    table = Table("id", "title", "what it is for")
    for t in TEMPLATES.values():
        table.add_row(t.id, t.title, t.description)
    console().print(table)


def register(app: typer.Typer) -> None:
    """Attach `check` and `draft`."""
    app.command("check")(check_cmd)
    app.command("draft")(draft_cmd)
