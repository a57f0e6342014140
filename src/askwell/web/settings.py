"""Settings of one web launch: where the data lives, where to listen, the launch secret."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})


def new_token() -> str:
    """Return a fresh, unguessable per-launch secret."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class WebSettings:
    """What `create_app` needs; build one per launch (nothing is read at import time)."""

    db_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 0
    token: str = field(default_factory=new_token, repr=False)
    extra_hosts: tuple[str, ...] = ()
    max_body_bytes: int = 5_000_000
    max_upload_bytes: int = 50_000_000
    secure_cookie: bool = False
    tls: bool = False
    launch: LaunchCodes = field(default_factory=lambda: LaunchCodes(), repr=False, compare=False)

    @property
    def scheme(self) -> str:
        """Return https when serving with a certificate, else http."""
        return "https" if self.tls else "http"

    @property
    def cookie_secure(self) -> bool:
        """Return True when the launch cookie must only travel over TLS."""
        return self.secure_cookie or self.tls

    @property
    def csrf_token(self) -> str:
        """Return the CSRF token derived from the launch secret (stable for the launch)."""
        return hmac.new(self.token.encode(), b"askwell-csrf", hashlib.sha256).hexdigest()

    @property
    def allowed_hosts(self) -> frozenset[str]:
        """Return the Host header names this launch answers to (guards against DNS rebinding)."""
        names = set(LOOPBACK_NAMES) | {h.lower() for h in self.extra_hosts}
        if self.host not in WILDCARD_HOSTS:
            names.add(self.host.lower().strip("[]"))
        return frozenset(names)

    @property
    def is_loopback(self) -> bool:
        """Return True when the server only listens on this machine."""
        return self.host.strip("[]") in LOOPBACK_NAMES

    def url(self, path: str = "/", *, with_token: bool = True) -> str:
        """Return the address to open, with the launch secret when asked."""
        host = self.host
        if host in WILDCARD_HOSTS:
            host = "127.0.0.1"
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"
        query = f"?token={self.token}" if with_token else ""
        return f"{self.scheme}://{host}:{self.port}{path}{query}"

    def launch_url(self) -> str:
        """Return an address carrying a fresh one-time launch code (for the browser to open)."""
        return self.url(with_token=False) + f"?launch={self.launch.issue()}"


class LaunchCodes:
    """One-time codes to open the browser with, so the long-lived token never is on a command line.

    A code is good once (the browser's first request trades it for the token cookie) and
    for LIFETIME seconds at most; anyone reading it later from `ps` finds it spent.
    """

    LIFETIME = 300.0

    def __init__(self) -> None:
        self._codes: dict[str, float] = {}
        self._lock = threading.Lock()

    def issue(self) -> str:
        """Return a new one-time code."""
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._codes[code] = time.monotonic() + self.LIFETIME
        return code

    def redeem(self, code: str) -> bool:
        """Return True once for a code that was issued and has not expired; spend it."""
        now = time.monotonic()
        with self._lock:
            for known, expires in list(self._codes.items()):
                if hmac.compare_digest(known.encode(), code.encode()):
                    del self._codes[known]
                    return expires >= now
        return False
