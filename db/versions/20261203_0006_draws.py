"""The draw: a day's draw settings, each draw done, and where every registrant came out.

A registrant not drawn gets a status of their own, `not_selected`. The status column's
CHECK lists the statuses; on PostgreSQL it is dropped and made again. On SQLite a CHECK
can only change with the table, and rebuilding `participants` would drop the search
index's triggers and, with foreign keys on, cascade into every check-in: SQLite's own
documented procedure for loosening a constraint (lang_altertable.html, "making other
kinds of table schema changes") rewrites the table's definition in place instead. Adding
a value to the list only lets more rows in, so no row on disk changes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES_BEFORE = ("registered", "waitlisted", "cancelled", "walk_in")
STATUSES_AFTER = (*STATUSES_BEFORE, "not_selected")
CHECK_NAME = "ck_participants_registration_status"


def _listed(statuses: Sequence[str]) -> str:
    return ", ".join(f"'{status}'" for status in statuses)


def _set_statuses(before: Sequence[str], after: Sequence[str]) -> None:
    """Let the status column hold `after` where it held `before`."""
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        op.execute(f"ALTER TABLE participants DROP CONSTRAINT {CHECK_NAME}")
        op.execute(
            f"ALTER TABLE participants ADD CONSTRAINT {CHECK_NAME} "
            f"CHECK (status IN ({_listed(after)}))"
        )
        return
    definition = connection.execute(
        sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'participants'")
    ).scalar_one()
    old = f"status IN ({_listed(before)})"
    if definition.count(old) != 1:
        raise RuntimeError("the participants table's status check is not as revision 0001 made it")
    version = connection.execute(sa.text("PRAGMA schema_version")).scalar_one()
    connection.execute(sa.text("PRAGMA writable_schema = ON"))
    connection.execute(
        sa.text(
            "UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'participants'"
        ),
        {"sql": definition.replace(old, f"status IN ({_listed(after)})")},
    )
    connection.execute(sa.text(f"PRAGMA schema_version = {int(version) + 1}"))
    connection.execute(sa.text("PRAGMA writable_schema = OFF"))


def upgrade() -> None:
    """Add the status and the three tables."""
    _set_statuses(STATUSES_BEFORE, STATUSES_AFTER)
    op.create_table(
        "draw_settings",
        sa.Column("day_id", sa.Integer(), nullable=False),
        sa.Column("places", sa.Integer(), nullable=False),
        sa.Column("waiting_list", sa.Integer(), nullable=False),
        sa.Column("households_together", sa.Boolean(), nullable=False),
        sa.Column("tolerance", sa.Float(), nullable=False),
        sa.Column("quotas", sa.Text(), nullable=False),
        sa.CheckConstraint("places >= 1", name=op.f("ck_draw_settings_places_positive")),
        sa.CheckConstraint(
            "waiting_list >= 0", name=op.f("ck_draw_settings_waiting_list_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["day_id"], ["days.id"], name=op.f("fk_draw_settings_day_id_days"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("day_id", name=op.f("pk_draw_settings")),
    )
    op.create_table(
        "draws",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day_id", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("algorithm", sa.String(length=20), nullable=False),
        sa.Column("places", sa.Integer(), nullable=False),
        sa.Column("registered", sa.Integer(), nullable=False),
        sa.Column("quotas", sa.Text(), nullable=False),
        sa.Column("households_together", sa.Boolean(), nullable=False),
        sa.Column("lowest_probability", sa.Float(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("drawn_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["day_id"], ["days.id"], name=op.f("fk_draws_day_id_days"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draws")),
    )
    op.create_table(
        "draw_outcomes",
        sa.Column("draw_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("waiting_position", sa.Integer(), nullable=True),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("moved_up_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "outcome IN ('selected', 'waiting', 'not_selected')",
            name=op.f("ck_draw_outcomes_outcome_known"),
        ),
        sa.CheckConstraint(
            "probability >= 0 AND probability <= 1",
            name=op.f("ck_draw_outcomes_probability_is_a_fraction"),
        ),
        sa.ForeignKeyConstraint(
            ["draw_id"],
            ["draws.id"],
            name=op.f("fk_draw_outcomes_draw_id_draws"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_draw_outcomes_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("draw_id", "participant_id", name=op.f("pk_draw_outcomes")),
    )
    op.create_index(
        "ix_draw_outcomes_participant", "draw_outcomes", ["participant_id"], unique=False
    )


def downgrade() -> None:
    """Drop the tables; people not selected become waiting-listed again."""
    op.drop_index("ix_draw_outcomes_participant", table_name="draw_outcomes")
    op.drop_table("draw_outcomes")
    op.drop_table("draws")
    op.drop_table("draw_settings")
    op.execute("UPDATE participants SET status = 'waitlisted' WHERE status = 'not_selected'")
    _set_statuses(STATUSES_AFTER, STATUSES_BEFORE)
