"""Open a store: pick the database, make it durable, migrate it to head, hand out sessions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from askwell.errors import AskwellError

LOCAL_OWNER_ID = 1
NOBODY = 0  # an owner with no rows: a store for shared tables only (RLS shows it no private row)
ENV_URL = "ASKWELL_DATABASE_URL"
ENV_BUSY_TIMEOUT = "ASKWELL_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT = 30.0


def default_url(filename: str = "askwell.db") -> str:
    """Return the SQLite URL in the user data folder (created private when missing)."""
    from platformdirs import user_data_dir

    folder = private_folder(Path(user_data_dir("askwell", appauthor=False)))
    return f"sqlite:///{folder / filename}"


def busy_timeout(value: float | None = None) -> float:
    """Return how many seconds a writer waits for another's transaction ($ASKWELL_BUSY_TIMEOUT)."""
    if value is None:
        raw = os.environ.get(ENV_BUSY_TIMEOUT, "").strip()
        try:
            value = float(raw) if raw else DEFAULT_BUSY_TIMEOUT
        except ValueError:
            raise AskwellError(
                f"{ENV_BUSY_TIMEOUT} must be a number of seconds, not {raw!r}"
            ) from None
    if not 0 <= value <= 3600:
        raise AskwellError(f"the busy timeout must be 0 to 3600 seconds, not {value}")
    return value


def _sqlite_pragmas(timeout_ms: int) -> Any:
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        # the one wait that counts: sqlite3's own timeout= sets this same handler, so set it once
        cur.execute(f"PRAGMA busy_timeout={timeout_ms}")
        cur.close()

    return on_connect


_SET_OWNER = text("SELECT set_config('askwell.user_id', :owner, true)")


@dataclass
class Store:
    """A database plus the owner whose rows every query is limited to."""

    engine: Engine
    owner_id: int = LOCAL_OWNER_ID

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._row_security = self.engine.dialect.name == "postgresql"

    @property
    def url(self) -> str:
        """Return the database URL without a password."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Yield a session in one transaction: committed on success, rolled back on error.

        On PostgreSQL the transaction first says whose it is (`askwell.user_id`, local to the
        transaction): row-level security (migration 0006) then shows the private tables' rows
        of that owner only, whatever SQL runs on the session. The shared store (NOBODY) says
        nothing, which row-level security reads the same way: no owner, no private row (the
        team server saves a statement on every request).
        """
        with self._sessions() as session, session.begin():
            if self._row_security and self.owner_id != NOBODY:
                session.execute(_SET_OWNER, {"owner": str(self.owner_id)})
            yield session

    @contextmanager
    def autocommit(self) -> Iterator[Connection]:
        """Yield a connection on which each statement commits by itself (no transaction).

        For one-statement lookups on hot paths (the team server's token check): it saves the
        BEGIN and COMMIT round trips. It names no owner, so row-level security shows it no
        private row: use `session()` for anything of one person's own.
        """
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            yield conn

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()


def make_engine(url: str, *, timeout: float | None = None) -> Engine:
    """Create an engine for `url`; writers wait `timeout` seconds (default 30) for a lock."""
    wait = busy_timeout(timeout)
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": wait})
            event.listen(engine, "connect", _sqlite_pragmas(int(wait * 1000)))
            path = url.removeprefix("sqlite:///")
            if url.startswith("sqlite:///") and path != ":memory:" and "uri=true" not in url:
                _private_sqlite_file(Path(path))
        else:
            options = f"-c lock_timeout={int(wait * 1000)}"
            args = {"options": options} if url.startswith("postgresql") else {}
            engine = create_engine(url, pool_pre_ping=True, connect_args=args)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise AskwellError(f"cannot use database URL {url!r}: {exc}") from None
    except ImportError as exc:
        raise AskwellError(
            f"the driver for {url.split(':', 1)[0]} is not installed ({exc.name}); "
            "for PostgreSQL install askwell[postgres]"
        ) from None
    except OSError as exc:
        raise AskwellError(f"cannot create the database folder: {exc}") from None
    from askwell.storage import guard

    guard.install(engine)
    return engine


def private_folder(folder: Path) -> Path:
    """Create `folder` (and parents) readable by this user only (0700); return it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except FileExistsError:
        raise AskwellError(f"{folder} is a file, not a folder") from None
    except OSError as exc:
        raise AskwellError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None
    return folder


def _private_sqlite_file(path: Path) -> None:
    """Create the database file 0600 before SQLite does (its -wal/-shm files copy the mode)."""
    private_folder(path.parent)
    if path.is_dir():
        raise AskwellError(f"{path} is a folder, not a database file")
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise AskwellError(f"cannot create the database {path}: {exc.strerror or exc}") from None


def open_store(
    url: str | None = None, *, migrate: bool = True, timeout: float | None = None
) -> Store:
    """Open the store at `url` (or $ASKWELL_DATABASE_URL, or the default) and migrate it."""
    url = url or os.environ.get(ENV_URL) or default_url()
    engine = make_engine(url, timeout=timeout)
    store = Store(engine)
    if migrate:
        try:
            upgrade(engine)
        except DBAPIError as exc:
            engine.dispose()
            from askwell.storage.failures import explain

            known = explain(exc)
            reason = str(known) if known else _first_line(exc)
            raise AskwellError("store_open_failed", url=store.url, reason=reason) from None
        except AskwellError:
            engine.dispose()
            raise
    return store


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)


def _migrations_dir() -> str:
    return str(Path(__file__).with_name("migrations"))


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", _migrations_dir())
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """Return the newest migration id shipped with this version."""
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the migration id the database is at (None when empty)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    """Apply every pending migration (cheap no-op when already at head)."""
    from askwell.storage.migrations import HEAD

    current = current_revision(engine)
    if current == HEAD:
        return
    if current is not None and not _known_revision(current):
        raise AskwellError("store_newer", schema=current)
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(_alembic_config(None)).get_revision(revision) is not None
    except CommandError:
        return False
