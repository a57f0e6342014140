"""The Typer application: the root options and every command module, registered explicitly."""

from __future__ import annotations

import functools
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from askwell.cli import _common

REMOTE = "askwell.remote"


class _Commands(TyperGroup):
    """The root group: with --server (or for login/logout) a command runs on a team server."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Note whether a server is named before --help runs (it is eager, so runs first)."""
        import os

        import click

        try:
            opts, rest, _ = self.make_parser(ctx).parse_args(args=list(args))
        except click.UsageError:
            opts, rest = {}, args
        ctx.meta[REMOTE] = bool(opts.get("server") or os.environ.get("ASKWELL_SERVER"))
        if ctx.meta[REMOTE] and not rest and "help" not in opts:  # `askwell --server URL`
            click.echo(ctx.get_help())
            ctx.exit(0)
        return super().parse_args(ctx, args)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """Write the same help as `askwell --help`; with --server, what runs on a server."""
        from askwell.cli._help import render

        formatter.write(render(remote=bool(ctx.meta.get(REMOTE))))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """Pick the server's version of the command when --server is given."""
        name = args[0] if args else ""
        if name and not name.startswith("-"):
            from askwell.cli.commands_remote import ONLY_HERE, resolve

            if ctx.params.get("server") or name in ONLY_HERE:
                return name, resolve(name), args[1:]
        return super().resolve_command(ctx, args)


app = typer.Typer(
    name="askwell",
    cls=_Commands,
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
            help="Database URL, not with --server (default: local SQLite).",
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
    server: Annotated[
        str | None,
        typer.Option(
            "--server",
            envvar="ASKWELL_SERVER",
            help="Run on a team server (askwell --server URL login first).",
        ),
    ] = None,
    team: Annotated[
        str | None,
        typer.Option(
            "--team", envvar="ASKWELL_SERVER_TEAM", help="With --server: which of your teams."
        ),
    ] = None,
) -> None:
    """Ask for help well: define the need, pick the person and moment, ask kindly, learn."""
    if not isinstance(ctx.obj, _common.Context):
        ctx.obj = _common.Context()
    ctx.obj.db_url = db
    ctx.obj.debug = debug
    ctx.obj.server = server
    ctx.obj.team = team
    _common.enter(ctx.obj)


def _register() -> None:
    from askwell.cli import commands_asks, commands_data, commands_people

    for module in (commands_people, commands_asks, commands_data):
        module.register(app)
    from askwell.cli import (
        commands_calendar,
        commands_coach,
        commands_edit,
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
        commands_edit,
    ):
        feature.register(app)
    from askwell.cli import commands_team

    commands_team.register(app)


_register()


def _tidy(command: Any) -> None:
    """Give help plain words: ARGUMENT names in capitals, a value's kind, nothing after a flag."""
    import click

    kinds = {"int": "NUMBER", "float": "NUMBER", "str": "TEXT", "list[str]": "TEXT"}
    for param in command.params:
        if param.param_type_name == "argument":
            _plain_argument(param)
            continue
        if param.metavar is not None:
            continue
        if getattr(param, "is_flag", False):
            param.metavar = ""
        else:
            bare = param.bare_type() if hasattr(param, "bare_type") else "str"
            param.metavar = kinds.get(bare, "TEXT")
    helper = command.get_help_option(click.Context(command))
    if helper is not None:
        helper.metavar = ""
    for sub in getattr(command, "commands", {}).values():
        _tidy(sub)


def _plain_argument(param: Any) -> None:
    """Show an argument as NAME (or [NAME] when optional) in usage, with no type beside it."""
    name = param.metavar or param.name.upper()
    shown = (name if param.required else f"[{name}]") + ("..." if param.nargs != 1 else "")
    param.metavar = name
    param._usage_display_name = lambda: shown
    param.display_type_rich = lambda ctx: None


@functools.cache
def command() -> Any:
    """Return the click command tree of `app` with tidy help (what `askwell` runs).

    Built once per process: building it costs ~0.2 s, which an in-process caller (the tests,
    the fuzz) would otherwise pay on every run; Click's commands keep no state between runs.
    """
    built = typer.main.get_command(app)
    _tidy(built)
    return built
