"""Migrations: an empty store is built to head, re-opening is a no-op, schema matches the models."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select, text

from askwell.storage import migrations
from askwell.storage.store import (
    LOCAL_OWNER_ID,
    Store,
    current_revision,
    head_revision,
    open_store,
)
from askwell.storage.tables import Base, User


def _user_ids(store: Store) -> list[int]:
    with store.session() as s:
        return list(s.scalars(select(User.id).order_by(User.id)))


def test_migrations_head_constant_matches_alembic_head():
    assert head_revision() == migrations.HEAD


def test_migrations_empty_store_gets_every_table_and_the_local_user(store: Store):
    tables = set(inspect(store.engine).get_table_names())
    assert set(Base.metadata.tables) | {"alembic_version"} <= tables
    assert current_revision(store.engine) == migrations.HEAD
    assert _user_ids(store) == [LOCAL_OWNER_ID]


def test_migrations_reopening_is_a_no_op_that_skips_alembic(
    any_url: str, monkeypatch: pytest.MonkeyPatch
):
    first = open_store(any_url)
    first.close()
    import alembic.command

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("alembic ran although the store is at head")

    monkeypatch.setattr(alembic.command, "upgrade", refuse)
    again = open_store(any_url)
    try:
        assert current_revision(again.engine) == migrations.HEAD
        assert _user_ids(again) == [LOCAL_OWNER_ID]
    finally:
        again.close()


def test_migrations_schema_matches_the_sqlalchemy_models(store: Store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": False}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_migrations_leave_sqlite_in_wal_mode_with_foreign_keys(sqlite_store: Store):
    with sqlite_store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_migrations_0005_keeps_existing_needs_valid(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alembic import command
    from sqlalchemy import create_engine

    from askwell import services
    from askwell.storage.store import _alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0004")
        conn.execute(
            text(
                "INSERT INTO needs (uid, owner_id, created_at, summary, details, support_type, "
                "urgency, barriers, status, topics) VALUES ('n-1', 1, '2026-01-01 00:00:00', "
                "'Review my slides', '', 'feedback', 'low', '{}', 'open', '[]')"
            )
        )
    engine.dispose()
    store = open_store(url)
    try:
        assert current_revision(store.engine) == migrations.HEAD
        (need,) = services.list_needs(store)
        assert need.summary == "Review my slides"
        assert (need.ask, need.size, need.situation) == ("", "", "")
        assert need.id is not None
        services.update_need(store, need.id, ask="look at my first two slides", size="two slides")
        assert services.get_need(store, need.id).size == "two slides"
    finally:
        store.close()
