"""The Typer application: the root options and every command module, registered explicitly."""

from __future__ import annotations

from typing import Annotated

import typer

from askwell.cli import _common

app = typer.Typer(
    name="askwell",
    help="Ask for help well: define the need, pick the person and moment, ask kindly, learn.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="ASKWELL_DATABASE_URL",
            help="Database URL (default: SQLite in your user data folder).",
        ),
    ] = None,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            envvar="ASKWELL_DEBUG",
            help="Print the traceback of an unexpected error (always logged).",
        ),
    ] = False,
) -> None:
    """Ask for help well: define the need, pick the person and moment, ask kindly, learn."""
    if not isinstance(ctx.obj, _common.Context):
        ctx.obj = _common.Context()
    ctx.obj.db_url = db
    ctx.obj.debug = debug
    _common.enter(ctx.obj)


def _register() -> None:
    from askwell.cli import commands_asks, commands_data, commands_people

    for module in (commands_people, commands_asks, commands_data):
        module.register(app)
    from askwell.cli import (
        commands_calendar,
        commands_coach,
        commands_fix,
        commands_insights,
        commands_match,
        commands_web,
    )

    for feature in (
        commands_coach,
        commands_match,
        commands_insights,
        commands_web,
        commands_calendar,
        commands_fix,
    ):
        feature.register(app)
    from askwell.cli import commands_team

    commands_team.register(app)


_register()
