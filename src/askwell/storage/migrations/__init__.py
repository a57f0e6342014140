"""Alembic migrations shipped with askwell; HEAD lets start-up skip Alembic when up to date."""

HEAD = "0008"
