"""Alembic environment: runs on the connection askwell hands over (see storage.store.upgrade)."""

from alembic import context

from askwell.storage.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("askwell migrations run through askwell.storage.store.upgrade()")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
