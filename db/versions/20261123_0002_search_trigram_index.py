"""A trigram index for the desk's name search on PostgreSQL.

The search matches typed words anywhere in `participants.search_key` (LIKE '%word%'),
which a B-tree cannot serve. On PostgreSQL with the pg_trgm extension a GIN trigram
index can; without the extension (or the right to create it) the search scans, as on
SQLite, and nothing else changes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 00:35:00
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "participants_search_key_trgm"
log = logging.getLogger(__name__)


def upgrade() -> None:
    """Add the trigram index where PostgreSQL offers pg_trgm."""
    if op.get_context().dialect.name != "postgresql":
        return
    connection = op.get_bind()
    # A savepoint: a server without pg_trgm must not spoil the rest of the upgrade.
    savepoint = connection.begin_nested()
    try:
        connection.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError as error:
        savepoint.rollback()
        log.warning("no pg_trgm on this server; the name search scans instead: %s", error)
        return
    savepoint.commit()
    op.execute(f"CREATE INDEX {INDEX} ON participants USING gin (search_key gin_trgm_ops)")


def downgrade() -> None:
    """Drop the index (the extension stays: other databases may use it)."""
    if op.get_context().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")
