"""Persistence: SQLAlchemy 2 tables, the Store handle, and the shipped Alembic migrations."""
