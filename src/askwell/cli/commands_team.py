"""`askwell team ...`: run the multi-user team server on PostgreSQL and set it up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from askwell.cli import _common

if TYPE_CHECKING:
    from askwell.team.config import TeamSettings

team_app = typer.Typer(
    name="team",
    help="Run askwell for a team: a multi-user server on PostgreSQL.",
    no_args_is_help=True,
)

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="ASKWELL_TEAM_DB_URL",
        help="PostgreSQL URL, e.g. postgresql+psycopg://askwell@localhost/askwell.",
    ),
]
ConfigOpt = Annotated[
    str | None,
    typer.Option("--config", envvar="ASKWELL_TEAM_CONFIG", help="A TOML settings file."),
]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option("--base-url", help="The address people open (used in emailed links)."),
]


def _settings(config: str | None, **overrides: Any) -> TeamSettings:
    from askwell.team.config import load_settings

    return load_settings(config, env=None, **overrides)


@team_app.command("serve")
def serve(
    db: DbOpt = None,
    config: ConfigOpt = None,
    host: Annotated[
        str | None, typer.Option("--host", help="Address to listen on (default 127.0.0.1).")
    ] = None,
    port: Annotated[
        int | None, typer.Option("--port", min=1, max=65535, help="Port (default 8300).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, max=64, help="Worker processes behind the one port."),
    ] = None,
    base_url: BaseUrlOpt = None,
) -> None:
    """Run the team server (migrates the database first; all state lives in PostgreSQL)."""
    import os

    import uvicorn

    from askwell.team.app import migrate, row_security_warning
    from askwell.team.config import as_env

    settings = _settings(
        config, db_url=db, host=host, port=port, workers=workers, base_url=base_url
    )
    store = migrate(settings)
    warning = row_security_warning(store)
    store.close()
    os.environ.update(as_env(settings))
    out = _common.console()
    if warning:
        _common.warn(warning)
    out.print(
        f"askwell team server on http://{settings.host}:{settings.port} "
        f"({settings.workers} worker{'s' if settings.workers > 1 else ''}); "
        f"people open {settings.base_url}",
        markup=False,
    )
    uvicorn.run(
        "askwell.team.app:app_from_env",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        log_level="info",
    )


@team_app.command("init")
def init(
    email: Annotated[str, typer.Option("--email", help="The first admin's email address.")],
    name: Annotated[str, typer.Option("--name", help="The first admin's name.")],
    team: Annotated[str, typer.Option("--team", help="The first team's name.")] = "My team",
    db: DbOpt = None,
    config: ConfigOpt = None,
    base_url: BaseUrlOpt = None,
) -> None:
    """Create the first admin and team; print a one-time sign-in link."""
    from askwell.team import accounts
    from askwell.team.app import migrate

    settings = _settings(config, db_url=db, base_url=base_url)
    store = migrate(settings)
    try:
        started = accounts.init(store, settings, email=email, name=name, team=team)
    finally:
        store.close()
    out = _common.console()
    out.print(f"Welcome, {started.account.name}: you are the admin of '{team}'.", markup=False)
    out.print(f"Open this link within {settings.link_minutes} minutes to sign in (it works once):")
    out.print(started.link, soft_wrap=True, markup=False)


@team_app.command("migrate")
def migrate_cmd(db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Bring the team database's schema up to date (serve does this too)."""
    from askwell.storage.migrations import HEAD
    from askwell.team.app import migrate

    migrate(_settings(config, db_url=db)).close()
    _common.console().print(f"The database is at schema {HEAD}.")


@team_app.command("worker")
def worker(
    db: DbOpt = None,
    config: ConfigOpt = None,
    base_url: BaseUrlOpt = None,
    poll: Annotated[
        float, typer.Option("--poll", min=0.05, max=60, help="Seconds between looks when idle.")
    ] = 1.0,
    once: Annotated[
        bool, typer.Option("--once", help="Deliver what is due now, then stop.")
    ] = False,
) -> None:
    """Send notifications: emails and signed webhooks from the outbox (run one or more)."""
    import signal

    from askwell.storage.store import Store, make_engine
    from askwell.team import deliver, notify

    settings = _settings(config, db_url=db, base_url=base_url)
    store = Store(make_engine(settings.db_url))
    stopping: list[int] = []
    signal.signal(signal.SIGTERM, lambda signum, frame: stopping.append(signum))
    out = _common.console()
    try:
        if once:
            notify.sweep_follow_ups(store)
            count = 0
            while deliver.deliver_one(store, settings) is not None:
                count += 1
            out.print(f"Delivered or retried {count} notification{'s' if count != 1 else ''}.")
            return
        out.print(f"askwell notification worker started (looking every {poll:g} s).")
        deliver.run(store, settings, poll=poll, until=lambda: bool(stopping))
    finally:
        store.close()


def register(app: typer.Typer) -> None:
    """Add the `askwell team` group to the CLI."""
    app.add_typer(team_app)
