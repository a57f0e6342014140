"""Settings of one web launch: where the data lives, where to listen, the launch secret."""

from __future__ import annotations

import hashlib
import hmac
import secrets
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
    secure_cookie: bool = False

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
        return f"http://{host}:{self.port}{path}{query}"
