"""Organiser accounts, bounded guessing, and a version on each registration.

- `organisers`: who may do what only organisers may (sign in with name and password,
  stored as an argon2id hash, as the facilitators' PINs are).
- `guarded_tries`: the wrong PINs and passwords in a row per table or account, and until
  when further tries wait; in the database, so a restart does not reset them.
- `participants.version`: counts the saves of a registration, so that the later of two
  laptops saving the same person is refused instead of silently overwriting the first.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 15:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the two tables and the registrations' version (1 for every existing one)."""
    op.create_table(
        "organisers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisers")),
        sa.UniqueConstraint("name", name=op.f("uq_organisers_name")),
    )
    op.create_table(
        "guarded_tries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("wrong_in_a_row", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_wrong_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("wait_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guarded_tries")),
        sa.UniqueConstraint("kind", "subject", name=op.f("uq_guarded_tries_kind_subject")),
    )
    op.add_column(
        "participants",
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )


def downgrade() -> None:
    """Remove them again."""
    # Plain ALTER TABLE (SQLite 3.35+), not batch mode: batch would copy and drop the
    # participants table, and dropping it cascades to every check-in.
    op.execute("ALTER TABLE participants DROP COLUMN version")
    op.drop_table("guarded_tries")
    op.drop_table("organisers")
