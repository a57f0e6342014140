"""The `askwell` command line: parse, call services, render. Heavy imports stay inside commands."""

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
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="ASKWELL_DATABASE_URL",
            help="Database URL (default: SQLite in your user data folder).",
        ),
    ] = None,
) -> None:
    """Ask for help well: define the need, pick the person and moment, ask kindly, learn."""
    _common.STATE.db_url = db


def _register() -> None:
    from askwell.cli import commands_asks, commands_data, commands_people

    for module in (commands_people, commands_asks, commands_data):
        module.register(app)
    # Feature front doors register the same way (coach, matching, insights, web).
    import importlib

    for name in ("commands_coach", "commands_match", "commands_insights", "commands_web"):
        try:
            module = importlib.import_module(f"askwell.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"askwell.cli.{name}":
                raise
            continue
        module.register(app)


_register()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI with the one error boundary: user errors -> one-line message + exit 1."""
    try:
        app(args=argv, prog_name="askwell")
    except _common.handled_errors() as exc:
        _common.fail(str(exc))
