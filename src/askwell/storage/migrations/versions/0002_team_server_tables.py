"""team server tables: accounts, teams, sessions, invitations, needs, asks, answers, help

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 22:29:21.448174
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "team_login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_login_attempts")),
    )
    with op.batch_alter_table("team_login_attempts", schema=None) as batch_op:
        batch_op.create_index("ix_team_login_attempts_email_at", ["email", "at"], unique=False)
        batch_op.create_index("ix_team_login_attempts_ip_at", ["ip", "at"], unique=False)

    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
    )
    op.create_table(
        "team_accounts",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_team_accounts_user_id_users")
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_team_accounts")),
    )
    op.create_table(
        "team_api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_team_api_tokens_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_team_api_tokens_token_hash")),
    )
    with op.batch_alter_table("team_api_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_api_tokens_user_id"), ["user_id"], unique=False)

    op.create_table(
        "team_invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("invited_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["invited_by"], ["users.id"], name=op.f("fk_team_invitations_invited_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_team_invitations_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_invitations")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_team_invitations_token_hash")),
    )
    with op.batch_alter_table("team_invitations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_invitations_team_id"), ["team_id"], unique=False)

    op.create_table(
        "team_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_team_links_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_links")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_team_links_token_hash")),
    )
    with op.batch_alter_table("team_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_links_user_id"), ["user_id"], unique=False)

    op.create_table(
        "team_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_team_members_team_id_teams")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_team_members_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_members")),
        sa.UniqueConstraint("team_id", "user_id", name="uq_team_members_team_user"),
    )
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_members_team_id"), ["team_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_team_members_user_id"), ["user_id"], unique=False)

    op.create_table(
        "team_needs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("to_user_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(length=200), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("support_type", sa.String(length=20), nullable=False),
        sa.Column("urgency", sa.String(length=10), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_team_needs_author_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_team_needs_team_id_teams")
        ),
        sa.ForeignKeyConstraint(
            ["to_user_id"], ["users.id"], name=op.f("fk_team_needs_to_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_needs")),
    )
    with op.batch_alter_table("team_needs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_needs_author_id"), ["author_id"], unique=False)
        batch_op.create_index("ix_team_needs_team_status", ["team_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_team_needs_to_user_id"), ["to_user_id"], unique=False)

    op.create_table(
        "team_profiles",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("supports", sa.JSON(), nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.Column("hours", sa.Text(), nullable=False),
        sa.Column("stretched", sa.Boolean(), nullable=False),
        sa.Column("away_until", sa.Date(), nullable=True),
        sa.Column("away_note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_team_profiles_user_id_users")
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_team_profiles")),
    )
    op.create_table(
        "team_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("user_agent", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_team_sessions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_team_sessions_token_hash")),
    )
    with op.batch_alter_table("team_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_sessions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "team_asks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.Column("asker_id", sa.Integer(), nullable=False),
        sa.Column("helper_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer_kind", sa.String(length=12), nullable=True),
        sa.Column("answer_note", sa.Text(), nullable=False),
        sa.Column("answer_offered", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("thanked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("thanks_note", sa.Text(), nullable=False),
        sa.Column("followed_up_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("follow_up_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["asker_id"], ["users.id"], name=op.f("fk_team_asks_asker_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["helper_id"], ["users.id"], name=op.f("fk_team_asks_helper_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["need_id"], ["team_needs.id"], name=op.f("fk_team_asks_need_id_team_needs")
        ),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_team_asks_team_id_teams")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_asks")),
    )
    with op.batch_alter_table("team_asks", schema=None) as batch_op:
        batch_op.create_index("ix_team_asks_asker_status", ["asker_id", "status"], unique=False)
        batch_op.create_index("ix_team_asks_helper_status", ["helper_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_team_asks_need_id"), ["need_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_team_asks_team_id"), ["team_id"], unique=False)

    op.create_table(
        "team_boundaries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("helper_id", sa.Integer(), nullable=False),
        sa.Column("asker_id", sa.Integer(), nullable=True),
        sa.Column("need_id", sa.Integer(), nullable=True),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["asker_id"], ["users.id"], name=op.f("fk_team_boundaries_asker_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["helper_id"], ["users.id"], name=op.f("fk_team_boundaries_helper_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["need_id"], ["team_needs.id"], name=op.f("fk_team_boundaries_need_id_team_needs")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_team_boundaries_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_boundaries")),
    )
    with op.batch_alter_table("team_boundaries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_boundaries_helper_id"), ["helper_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_team_boundaries_team_id"), ["team_id"], unique=False)

    op.create_table(
        "team_help",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("giver_id", sa.Integer(), nullable=False),
        sa.Column("receiver_id", sa.Integer(), nullable=False),
        sa.Column("ask_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ask_id"], ["team_asks.id"], name=op.f("fk_team_help_ask_id_team_asks")
        ),
        sa.ForeignKeyConstraint(
            ["giver_id"], ["users.id"], name=op.f("fk_team_help_giver_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["receiver_id"], ["users.id"], name=op.f("fk_team_help_receiver_id_users")
        ),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_team_help_team_id_teams")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_help")),
        sa.UniqueConstraint("ask_id", name=op.f("uq_team_help_ask_id")),
    )
    with op.batch_alter_table("team_help", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_help_giver_id"), ["giver_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_team_help_receiver_id"), ["receiver_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_team_help_team_id"), ["team_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("team_help", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_help_team_id"))
        batch_op.drop_index(batch_op.f("ix_team_help_receiver_id"))
        batch_op.drop_index(batch_op.f("ix_team_help_giver_id"))

    op.drop_table("team_help")
    with op.batch_alter_table("team_boundaries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_boundaries_team_id"))
        batch_op.drop_index(batch_op.f("ix_team_boundaries_helper_id"))

    op.drop_table("team_boundaries")
    with op.batch_alter_table("team_asks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_asks_team_id"))
        batch_op.drop_index(batch_op.f("ix_team_asks_need_id"))
        batch_op.drop_index("ix_team_asks_helper_status")
        batch_op.drop_index("ix_team_asks_asker_status")

    op.drop_table("team_asks")
    with op.batch_alter_table("team_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_sessions_user_id"))

    op.drop_table("team_sessions")
    op.drop_table("team_profiles")
    with op.batch_alter_table("team_needs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_needs_to_user_id"))
        batch_op.drop_index("ix_team_needs_team_status")
        batch_op.drop_index(batch_op.f("ix_team_needs_author_id"))

    op.drop_table("team_needs")
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_members_user_id"))
        batch_op.drop_index(batch_op.f("ix_team_members_team_id"))

    op.drop_table("team_members")
    with op.batch_alter_table("team_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_links_user_id"))

    op.drop_table("team_links")
    with op.batch_alter_table("team_invitations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_invitations_team_id"))

    op.drop_table("team_invitations")
    with op.batch_alter_table("team_api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_api_tokens_user_id"))

    op.drop_table("team_api_tokens")
    op.drop_table("team_accounts")
    op.drop_table("teams")
    with op.batch_alter_table("team_login_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_team_login_attempts_ip_at")
        batch_op.drop_index("ix_team_login_attempts_email_at")

    op.drop_table("team_login_attempts")
