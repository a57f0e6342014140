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
