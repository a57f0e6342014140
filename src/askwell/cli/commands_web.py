"""`askwell serve`: run the local web app on 127.0.0.1 and open it in the browser."""

from __future__ import annotations

import logging
import os
import re
import socket
from typing import Annotated

import typer

from askwell.cli import _common


def _listen(host: str, port: int) -> socket.socket:
    """Bind a listening socket now (port 0 picks a free one), so the URL is known and ours."""
    from askwell.errors import AskwellError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # made as IPPROTO_TCP: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and
    # without it every reused (keep-alive) connection waits ~40 ms for Nagle's algorithm
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise AskwellError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


class _NoSecrets(logging.Filter):
    """Hide launch tokens, one-time codes and feed secrets in access-log lines."""

    SECRET = re.compile(r"((?:token|launch)=)[^&\s\"]+|(/feed/)[^/.\s\"]+")

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the request line of `record` with its secrets replaced by '…'."""
        if isinstance(record.args, tuple):
            record.args = tuple(
                self.SECRET.sub(lambda m: (m[1] or m[2]) + "…", a) if isinstance(a, str) else a
                for a in record.args
            )
        return True


def _check_exposure(host: str, tls_cert: str | None, tls_key: str | None, lan: bool) -> bool:
    """Return True for TLS; refuse a non-loopback bind that has neither TLS nor --insecure-lan."""
    from askwell.errors import AskwellError
    from askwell.web.settings import LOOPBACK_NAMES

    if (tls_cert is None) != (tls_key is None):
        raise AskwellError("give both --tls-cert and --tls-key (or neither)")
    tls = tls_cert is not None
    if host.strip("[]") not in LOOPBACK_NAMES and not tls and not lan:
        raise AskwellError(
            f"listening on {host} lets other machines reach askwell; give --tls-cert and "
            "--tls-key to encrypt it, or --insecure-lan if you trust everyone on this network"
        )
    for path in (tls_cert, tls_key):
        if path is not None and not os.path.isfile(path):
            raise AskwellError(f"file not found: {path}")
    return tls


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
    tls_cert: Annotated[
        str | None, typer.Option("--tls-cert", help="TLS certificate (PEM) to serve HTTPS.")
    ] = None,
    tls_key: Annotated[
        str | None, typer.Option("--tls-key", help="The certificate's private key (PEM).")
    ] = None,
    insecure_lan: Annotated[
        bool,
        typer.Option(
            "--insecure-lan", help="Allow plain HTTP on a non-loopback --host (not encrypted)."
        ),
    ] = False,
    access_log: Annotated[
        bool,
        typer.Option("--access-log", help="Print one line per request (secrets hidden)."),
    ] = False,
) -> None:
    """Open askwell in your browser (listens on 127.0.0.1; the link carries a one-time secret)."""
    import threading
    import webbrowser

    import uvicorn
    from rich.text import Text

    from askwell.web import WebSettings, create_app

    tls = _check_exposure(host, tls_cert, tls_key, insecure_lan)
    sock = _listen(host, port)
    settings = WebSettings(
        db_url=_common.current().db_url, host=host, port=sock.getsockname()[1], tls=tls
    )
    app = create_app(settings, store=_common.store())
    url = settings.url()
    out = _common.console()
    out.print(Text.assemble("askwell is running at ", (url, "bold")))
    out.print("Keep this link private: it is the key to your data. Press Ctrl+C to stop.")
    from askwell.services.calendar import feed_token
    from askwell.web.feed import feed_path

    feed = settings.url(feed_path(feed_token(_common.store())), with_token=False)
    out.print(f"Reminders calendar to subscribe to (while askwell runs): {feed}", markup=False)
    if not settings.is_loopback and not tls:
        _common.warn(
            f"listening on {host} without encryption (--insecure-lan): anyone on this network "
            "can read what you send, and the link's token is all that keeps them out"
        )
    config = uvicorn.Config(
        app,
        log_level="info" if access_log else "warning",
        access_log=access_log,
        lifespan="off",
        ssl_certfile=tls_cert,
        ssl_keyfile=tls_key,
    )
    server = uvicorn.Server(config)
    logging.getLogger("uvicorn.access").addFilter(_NoSecrets())
    if not no_browser:  # a one-time code: `ps` shows the browser's command line to everyone
        threading.Timer(0.6, webbrowser.open, args=(settings.launch_url(),)).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


def register(app: typer.Typer) -> None:
    """Add `askwell serve` to the CLI."""
    app.command("serve")(serve)
