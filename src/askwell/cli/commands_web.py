"""`askwell serve`: run the local web app on 127.0.0.1 and open it in the browser."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from askwell.cli import _common


def _listen(host: str, port: int) -> socket.socket:
    """Bind a listening socket now (port 0 picks a free one), so the URL is known and ours."""
    from askwell.errors import AskwellError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise AskwellError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: a free one).")
    ] = 0,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Do not open the browser; just print the link.")
    ] = False,
    host: Annotated[
        str,
        typer.Option(
            "--host", help="Address to listen on. Keep 127.0.0.1 unless you know you need more."
        ),
    ] = "127.0.0.1",
) -> None:
    """Open askwell in your browser (listens on 127.0.0.1; the link carries a one-time secret)."""
    import threading
    import webbrowser

    import uvicorn

    from askwell.web import WebSettings, create_app

    sock = _listen(host, port)
    settings = WebSettings(db_url=_common.STATE.db_url, host=host, port=sock.getsockname()[1])
    app = create_app(settings, store=_common.store())
    url = settings.url()
    out = _common.console()
    out.print(f"askwell is running at [bold]{url}[/]", markup=True)
    out.print("Keep this link private: it is the key to your data. Press Ctrl+C to stop.")
    from askwell.services.calendar import feed_token
    from askwell.web.feed import feed_path

    feed = settings.url(feed_path(feed_token(_common.store())), with_token=False)
    out.print(f"Reminders calendar to subscribe to (while askwell runs): {feed}", markup=False)
    if not settings.is_loopback:
        _common.warn(
            f"listening on {host}: other machines can reach this port; the link's token is "
            "the only thing keeping them out"
        )
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    if not no_browser:
        threading.Timer(0.6, webbrowser.open, args=(url,)).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


def register(app: typer.Typer) -> None:
    """Add `askwell serve` to the CLI."""
    app.command("serve")(serve)
