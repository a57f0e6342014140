"""Team-server settings: defaults, then a TOML file, then ASKWELL_TEAM_* variables, then flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from askwell.errors import AskwellError

ENV_PREFIX = "ASKWELL_TEAM_"
ENV_CONFIG = "ASKWELL_TEAM_CONFIG"


@dataclass(frozen=True)
class TeamSettings:
    """Everything the team server reads; build one with `load_settings` (never at import)."""

    db_url: str = ""
    base_url: str = "http://127.0.0.1:8300"
    host: str = "127.0.0.1"
    port: int = 8300
    workers: int = 1
    extra_hosts: tuple[str, ...] = ()
    forwarded_allow_ips: str = "127.0.0.1"
    cookie_secure: bool | None = None
    session_days: int = 14
    invite_days: int = 7
    link_minutes: int = 60
    max_failures: int = 5
    lockout_minutes: int = 15
    ip_max_attempts: int = 30
    ip_window_minutes: int = 10
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = field(default="", repr=False)
    smtp_starttls: bool = False
    mail_from: str = "askwell <askwell@localhost>"
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    notify_max_attempts: int = 8
    notify_backoff_seconds: int = 30
    webhook_timeout_seconds: int = 10
    webhook_private_ok: bool = False

    @property
    def secure_cookies(self) -> bool:
        """Return True when cookies carry Secure (always, unless the server is plain http)."""
        if self.cookie_secure is not None:
            return self.cookie_secure
        return urlsplit(self.base_url).scheme == "https"

    @property
    def allowed_hosts(self) -> frozenset[str]:
        """Return the Host names this server answers to: its public name, loopback, extras."""
        names = {"127.0.0.1", "localhost", "::1", *(h.lower() for h in self.extra_hosts)}
        public = urlsplit(self.base_url).hostname
        if public:
            names.add(public.lower())
        return frozenset(names)

    def link(self, path: str) -> str:
        """Return the public address of `path` on this server."""
        return self.base_url.rstrip("/") + path


def _coerce(name: str, kind: Any, value: Any) -> Any:
    text = str(value).strip()
    try:
        if kind in (int, "int"):
            return int(value)
        if kind in (bool, "bool", "bool | None"):
            if isinstance(value, bool):
                return value
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(text)
        if kind in ("tuple[str, ...]",):
            items = value if isinstance(value, list) else text.split(",")
            return tuple(str(v).strip() for v in items if str(v).strip())
    except ValueError:
        raise AskwellError(f"setting {name} = {text!r} is not a valid {kind}") from None
    return text


def _read_toml(path: Path) -> dict[str, Any]:
    from askwell.services._files import read_user_file

    raw = read_user_file(path, max_bytes=1_000_000, what="a TOML config file")  # capped reading
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AskwellError(f"cannot read config file {path}: {exc}") from None
    section = data.get("team", data)
    if not isinstance(section, dict):
        raise AskwellError(f"config file {path}: [team] must be a table")
    return section


def load_settings(
    config: str | None = None,
    env: dict[str, str] | None = None,
    **overrides: Any,
) -> TeamSettings:
    """Merge defaults, the TOML file, ASKWELL_TEAM_* variables and explicit overrides."""
    env = dict(os.environ) if env is None else env
    kinds = {f.name: f.type for f in fields(TeamSettings)}
    values: dict[str, Any] = {}
    path = config or env.get(ENV_CONFIG)
    if path:
        for key, value in _read_toml(Path(path)).items():
            name = key.replace("-", "_")
            if name not in kinds:
                raise AskwellError(f"config file {path}: unknown setting {key!r}")
            values[name] = _coerce(name, kinds[name], value)
    for name, kind in kinds.items():
        raw = env.get(ENV_PREFIX + name.upper())
        if raw is not None and raw != "":
            values[name] = _coerce(name, kind, raw)
    for name, value in overrides.items():
        if value is not None:
            values[name] = value
    settings = replace(TeamSettings(), **values)
    check(settings)
    return settings


def check(settings: TeamSettings) -> None:
    """Refuse settings team mode cannot run with (PostgreSQL only, sane numbers)."""
    if not settings.db_url:
        raise AskwellError(
            "team mode needs a PostgreSQL database: set db_url to a "
            "postgresql+psycopg://user@host/dbname address"
        )
    if not settings.db_url.startswith(("postgresql", "postgres:")):
        raise AskwellError(
            "team mode runs on PostgreSQL only (many people, many workers); "
            "set db_url to a postgresql+psycopg://user@host/dbname address"
        )
    if urlsplit(settings.base_url).scheme not in ("http", "https"):
        raise AskwellError(f"base_url must start with http:// or https://, not {settings.base_url}")
    for name in (
        "workers",
        "session_days",
        "invite_days",
        "link_minutes",
        "max_failures",
        "notify_max_attempts",
        "notify_backoff_seconds",
        "webhook_timeout_seconds",
    ):
        if getattr(settings, name) < 1:
            raise AskwellError(f"setting {name} must be at least 1")


def as_env(settings: TeamSettings) -> dict[str, str]:
    """Return the settings as ASKWELL_TEAM_* variables (how worker processes receive them)."""
    out = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if value is None:
            continue
        if isinstance(value, tuple):
            value = ",".join(value)
        out[ENV_PREFIX + f.name.upper()] = str(value)
    return out
