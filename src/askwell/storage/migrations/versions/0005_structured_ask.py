"""structured ask: what they would do, its size and the situation, beside a need's summary

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 00:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_COLUMNS = ("ask", "size", "situation")


def upgrade() -> None:
    with op.batch_alter_table("needs", schema=None) as batch_op:
        for name in _COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("needs", schema=None) as batch_op:
        for name in reversed(_COLUMNS):
            batch_op.drop_column(name)
