"""After the day: the theme team's clusters, the follow-up of ideas and concepts with its
history, each participant's own commitment, and the postal address and consent to be
contacted that the postcard needs.

Adding nullable columns (and one with a default) to `participants` is a plain ALTER TABLE
on SQLite as on PostgreSQL, so the search index's triggers stay as they are.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the tables of the weeks after the day and the participant's address."""
    op.create_table(
        "follow_up_destinations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "length(name) > 0", name=op.f("ck_follow_up_destinations_name_not_empty")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_follow_up_destinations_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_destinations")),
        sa.UniqueConstraint(
            "event_id", "name", name=op.f("uq_follow_up_destinations_event_id_name")
        ),
    )
    op.create_table(
        "follow_up_settings",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("report_link", sa.String(length=300), nullable=False),
        sa.Column("postcards_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_follow_up_settings_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_follow_up_settings")),
    )
    op.create_table(
        "idea_clusters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_edited", sa.Boolean(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IS NULL OR kind IN ('key', 'barrier')", name=op.f("ck_idea_clusters_kind_known")
        ),
        sa.CheckConstraint("length(title) > 0", name=op.f("ck_idea_clusters_title_not_empty")),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_idea_clusters_theme_id_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idea_clusters")),
    )
    op.create_index("ix_idea_clusters_theme", "idea_clusters", ["theme_id"], unique=False)
    op.create_table(
        "theme_syntheses",
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("clustered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("clustered_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint(
            "threshold > 0 AND threshold <= 2", name=op.f("ck_theme_syntheses_threshold_in_range")
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_theme_syntheses_theme_id_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("theme_id", name=op.f("pk_theme_syntheses")),
    )
    op.create_table(
        "commitments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("day_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("entered_by", sa.String(length=100), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("length(text) > 0", name=op.f("ck_commitments_text_not_empty")),
        sa.ForeignKeyConstraint(
            ["day_id"], ["days.id"], name=op.f("fk_commitments_day_id_days"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_commitments_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitments")),
        sa.UniqueConstraint(
            "participant_id", "day_id", name=op.f("uq_commitments_participant_id_day_id")
        ),
    )
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idea_id", sa.Integer(), nullable=True),
        sa.Column("concept_id", sa.Integer(), nullable=True),
        sa.Column("destination_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("status_on", sa.Date(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint(
            "status IN ('received', 'under_study', 'in_plan', 'not_taken_up', 'done')",
            name=op.f("ck_follow_ups_status_known"),
        ),
        sa.CheckConstraint(
            "(idea_id IS NULL) <> (concept_id IS NULL)",
            name=op.f("ck_follow_ups_one_idea_or_concept"),
        ),
        sa.ForeignKeyConstraint(
            ["concept_id"],
            ["concepts.id"],
            name=op.f("fk_follow_ups_concept_id_concepts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["destination_id"],
            ["follow_up_destinations.id"],
            name=op.f("fk_follow_ups_destination_id_follow_up_destinations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["idea_id"], ["ideas.id"], name=op.f("fk_follow_ups_idea_id_ideas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
        sa.UniqueConstraint("concept_id", name=op.f("uq_follow_ups_concept_id")),
        sa.UniqueConstraint("idea_id", name=op.f("uq_follow_ups_idea_id")),
    )
    op.create_table(
        "idea_cluster_members",
        sa.Column("idea_id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["idea_clusters.id"],
            name=op.f("fk_idea_cluster_members_cluster_id_idea_clusters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["idea_id"],
            ["ideas.id"],
            name=op.f("fk_idea_cluster_members_idea_id_ideas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("idea_id", name=op.f("pk_idea_cluster_members")),
    )
    op.create_index(
        op.f("ix_idea_cluster_members_cluster_id"),
        "idea_cluster_members",
        ["cluster_id"],
        unique=False,
    )
    op.create_table(
        "follow_up_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("follow_up_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("destination", sa.String(length=200), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("status_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint(
            "status IN ('received', 'under_study', 'in_plan', 'not_taken_up', 'done')",
            name=op.f("ck_follow_up_steps_status_known"),
        ),
        sa.ForeignKeyConstraint(
            ["follow_up_id"],
            ["follow_ups.id"],
            name=op.f("fk_follow_up_steps_follow_up_id_follow_ups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_steps")),
    )
    op.create_index(
        op.f("ix_follow_up_steps_follow_up_id"), "follow_up_steps", ["follow_up_id"], unique=False
    )
    op.add_column("participants", sa.Column("street", sa.String(length=200), nullable=True))
    op.add_column("participants", sa.Column("postcode", sa.String(length=20), nullable=True))
    op.add_column("participants", sa.Column("town", sa.String(length=100), nullable=True))
    op.add_column(
        "participants",
        sa.Column("contact_consent", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )


def downgrade() -> None:
    """Drop them again."""
    for column in ("contact_consent", "town", "postcode", "street"):
        op.drop_column("participants", column)
    op.drop_index(op.f("ix_follow_up_steps_follow_up_id"), table_name="follow_up_steps")
    op.drop_index(op.f("ix_idea_cluster_members_cluster_id"), table_name="idea_cluster_members")
    op.drop_index("ix_idea_clusters_theme", table_name="idea_clusters")
    for table in (
        "follow_up_steps",
        "idea_cluster_members",
        "follow_ups",
        "commitments",
        "theme_syntheses",
        "idea_clusters",
        "follow_up_settings",
        "follow_up_destinations",
    ):
        op.drop_table(table)
