"""row-level security: on PostgreSQL, each private table shows its owner's rows only

A second wall behind the services layer. Every query on a table that holds a person's own
askwell (their people, needs with barriers and yes-guesses, asks, cooldowns, thank-yous, help
given, journal and reflections, trash) only sees and writes rows whose owner_id is the
transaction's `askwell.user_id` setting, which `Store.session` sets (`set_config(..., true)`,
so it never outlives the transaction on a pooled connection). FORCE makes the rule hold for
the table owner too, which is the role the server connects as; only a superuser or a role
with BYPASSRLS passes it, and the team server must connect as neither. SQLite: nothing to do.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 01:40:00
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

PRIVATE_TABLES = (
    "people",
    "needs",
    "asks",
    "boundaries",
    "thanks",
    "help_given",
    "journal",
    "trash",
)
# unset, or reset to '' after a transaction that set it, both mean: nobody
CURRENT_USER = "NULLIF(current_setting('askwell.user_id', true), '')::integer"
POLICY = "owner_only"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in PRIVATE_TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY {POLICY} ON {table} "
            f"USING (owner_id = {CURRENT_USER}) WITH CHECK (owner_id = {CURRENT_USER})"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in reversed(PRIVATE_TABLES):
        op.execute(f"DROP POLICY IF EXISTS {POLICY} ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
