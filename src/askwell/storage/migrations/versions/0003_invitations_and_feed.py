"""invitation sequence per ask, calendar feed token per user

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 23:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("asks", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("invite_sequence", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("feed_token", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_users_feed_token"), ["feed_token"])


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_users_feed_token"), type_="unique")
        batch_op.drop_column("feed_token")
    with op.batch_alter_table("asks", schema=None) as batch_op:
        batch_op.drop_column("invite_sequence")
