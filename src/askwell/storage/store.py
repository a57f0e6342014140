"""Open a store: pick the database, make it durable, migrate it to head, hand out sessions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from askwell.errors import AskwellError

LOCAL_OWNER_ID = 1
ENV_URL = "ASKWELL_DATABASE_URL"


def default_url(filename: str = "askwell.db") -> str:
    """Return the SQLite URL in the user data folder (created when missing)."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("askwell", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / filename}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


@dataclass
class Store:
    """A database plus the owner whose rows every query is limited to."""

    engine: Engine
    owner_id: int = LOCAL_OWNER_ID

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def url(self) -> str:
        """Return the database URL without a password."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Yield a session in one transaction: committed on success, rolled back on error."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()


def make_engine(url: str) -> Engine:
    """Create an engine for `url` with askwell's connection settings."""
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
            if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
                Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise AskwellError(f"cannot use database URL {url!r}: {exc}") from None
    except ImportError as exc:
        raise AskwellError(
            f"the driver for {url.split(':', 1)[0]} is not installed ({exc.name}); "
            "for PostgreSQL install askwell[postgres]"
        ) from None
    except OSError as exc:
        raise AskwellError(f"cannot create the database folder: {exc}") from None
    return engine


def open_store(url: str | None = None, *, migrate: bool = True) -> Store:
    """Open the store at `url` (or $ASKWELL_DATABASE_URL, or the default) and migrate it."""
    url = url or os.environ.get(ENV_URL) or default_url()
    engine = make_engine(url)
    store = Store(engine)
    if migrate:
        try:
            upgrade(engine)
        except DBAPIError as exc:
            engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise AskwellError(f"cannot open the database {store.url}: {reason}") from None
    return store


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

    if current_revision(engine) == HEAD:
        return
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
