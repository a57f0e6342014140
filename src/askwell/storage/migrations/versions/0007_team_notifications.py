"""team notifications: outbox (the job queue), webhooks, email preferences

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 01:35:14
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_mail_prefs",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("unsubscribe_key", sa.String(length=64), nullable=False),
        sa.Column("muted", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_team_mail_prefs_user_id_users")
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_team_mail_prefs")),
        sa.UniqueConstraint("unsubscribe_key", name=op.f("uq_team_mail_prefs_unsubscribe_key")),
    )
    op.create_table(
        "team_webhooks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("secret", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_team_webhooks_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_webhooks")),
    )
    with op.batch_alter_table("team_webhooks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_webhooks_user_id"), ["user_id"], unique=False)

    op.create_table(
        "team_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("webhook_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("dedupe_key", sa.String(length=120), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_team_outbox_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["webhook_id"],
            ["team_webhooks.id"],
            name=op.f("fk_team_outbox_webhook_id_team_webhooks"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_outbox")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_team_outbox_dedupe_key")),
    )
    with op.batch_alter_table("team_outbox", schema=None) as batch_op:
        batch_op.create_index("ix_team_outbox_status_next_at", ["status", "next_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_team_outbox_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("team_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_outbox_user_id"))
        batch_op.drop_index("ix_team_outbox_status_next_at")

    op.drop_table("team_outbox")
    with op.batch_alter_table("team_webhooks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_webhooks_user_id"))

    op.drop_table("team_webhooks")
    op.drop_table("team_mail_prefs")
