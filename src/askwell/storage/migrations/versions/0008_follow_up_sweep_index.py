"""a partial index for the follow-up sweep: unanswered asks by when they were sent

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 02:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

WAITING = "status = 'sent' AND followed_up_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("team_asks", schema=None) as batch_op:
        batch_op.create_index(
            "ix_team_asks_waiting_sent_at",
            ["sent_at"],
            unique=False,
            postgresql_where=sa.text(WAITING),
            sqlite_where=sa.text(WAITING),
        )


def downgrade() -> None:
    with op.batch_alter_table("team_asks", schema=None) as batch_op:
        batch_op.drop_index("ix_team_asks_waiting_sent_at")
