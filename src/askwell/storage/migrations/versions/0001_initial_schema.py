"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 19:08:58.449229
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "needs",
        sa.Column("summary", sa.String(length=200), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("support_type", sa.String(length=20), nullable=False),
        sa.Column("urgency", sa.String(length=10), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("barriers", sa.JSON(), nullable=False),
        sa.Column("expect", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_needs_owner_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_needs")),
        sa.UniqueConstraint("uid", name=op.f("uq_needs_uid")),
    )
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_needs_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "people",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("relationship", sa.String(length=20), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("supports", sa.JSON(), nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.Column("hours", sa.Text(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=64), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=True),
        sa.Column("stretched", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_people_owner_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("uid", name=op.f("uq_people_uid")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "asks",
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("thanked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("followed_up_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("scheduled_for", sa.DateTime(timezone=True), nullable=True),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("urgency_at_ask", sa.String(length=10), nullable=True),
        sa.Column("answer_kind", sa.String(length=12), nullable=True),
        sa.Column("answer_note", sa.Text(), nullable=False),
        sa.Column("answer_offered", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["need_id"], ["needs.id"], name=op.f("fk_asks_need_id_needs")),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_asks_owner_id_users")),
        sa.ForeignKeyConstraint(["parent_id"], ["asks.id"], name=op.f("fk_asks_parent_id_asks")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_asks_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asks")),
        sa.UniqueConstraint("uid", name=op.f("uq_asks_uid")),
    )
    with op.batch_alter_table("asks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_asks_need_id"), ["need_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_asks_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_asks_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_asks_status"), ["status"], unique=False)

    op.create_table(
        "boundaries",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=True),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["need_id"], ["needs.id"], name=op.f("fk_boundaries_need_id_needs")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_boundaries_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_boundaries_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boundaries")),
        sa.UniqueConstraint("uid", name=op.f("uq_boundaries_uid")),
    )
    with op.batch_alter_table("boundaries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_boundaries_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_boundaries_person_id"), ["person_id"], unique=False)

    op.create_table(
        "help_given",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_help_given_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_help_given_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_given")),
        sa.UniqueConstraint("uid", name=op.f("uq_help_given_uid")),
    )
    with op.batch_alter_table("help_given", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_help_given_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_help_given_person_id"), ["person_id"], unique=False)

    op.create_table(
        "journal",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("ask_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["ask_id"], ["asks.id"], name=op.f("fk_journal_ask_id_asks")),
        sa.ForeignKeyConstraint(["need_id"], ["needs.id"], name=op.f("fk_journal_need_id_needs")),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_journal_owner_id_users")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_journal_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal")),
        sa.UniqueConstraint("uid", name=op.f("uq_journal_uid")),
    )
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journal_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "thanks",
        sa.Column("ask_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["ask_id"], ["asks.id"], name=op.f("fk_thanks_ask_id_asks")),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_thanks_owner_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thanks")),
        sa.UniqueConstraint("uid", name=op.f("uq_thanks_uid")),
    )
    with op.batch_alter_table("thanks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_thanks_ask_id"), ["ask_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_thanks_owner_id"), ["owner_id"], unique=False)

    users = sa.table(
        "users",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(users, [{"id": 1, "name": "me", "created_at": datetime.now(UTC)}])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SELECT setval(pg_get_serial_sequence('users', 'id'), 1)")


def downgrade() -> None:

    with op.batch_alter_table("thanks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_thanks_owner_id"))
        batch_op.drop_index(batch_op.f("ix_thanks_ask_id"))

    op.drop_table("thanks")
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_owner_id"))

    op.drop_table("journal")
    with op.batch_alter_table("help_given", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_help_given_person_id"))
        batch_op.drop_index(batch_op.f("ix_help_given_owner_id"))

    op.drop_table("help_given")
    with op.batch_alter_table("boundaries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_boundaries_person_id"))
        batch_op.drop_index(batch_op.f("ix_boundaries_owner_id"))

    op.drop_table("boundaries")
    with op.batch_alter_table("asks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_asks_status"))
        batch_op.drop_index(batch_op.f("ix_asks_person_id"))
        batch_op.drop_index(batch_op.f("ix_asks_owner_id"))
        batch_op.drop_index(batch_op.f("ix_asks_need_id"))

    op.drop_table("asks")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_owner_id"))

    op.drop_table("people")
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_needs_owner_id"))

    op.drop_table("needs")
    op.drop_table("users")
