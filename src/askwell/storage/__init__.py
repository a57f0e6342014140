"""Persistence: SQLAlchemy 2 tables, the Store handle, and Alembic migrations shipped in the package."""
