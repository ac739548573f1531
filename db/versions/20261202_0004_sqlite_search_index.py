"""A trigram index for the desk's name search on SQLite: FTS5, kept by triggers.

The search matches typed words anywhere in `participants.search_key`, which a B-tree
cannot serve; on PostgreSQL revision 0002's pg_trgm index does. On SQLite an FTS5
table with the trigram tokenizer (SQLite 3.34 or later) holds each person's search key,
with a space before it, and their event, under the person's id; triggers on
`participants` keep it in step with every insert, change and delete, whichever laptop or
command makes it: a walk-in registered a moment ago on another laptop is found at once.
The space makes the start of every word a trigram, so that two typed letters find the
words they start through the index too. Without FTS5 or its trigram tokenizer the search
scans, as before, and nothing else changes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 09:10:00
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "participant_search"
log = logging.getLogger(__name__)

TRIGGERS = {
    # A row left behind under the same id (a REPLACE deletes without triggers) would make
    # the insert fail: it goes first.
    f"{TABLE}_insert": (
        f"AFTER INSERT ON participants BEGIN "
        f"DELETE FROM {TABLE} WHERE rowid = new.id; "
        f"INSERT INTO {TABLE} (rowid, spaced_key, event_id) "
        f"VALUES (new.id, ' ' || new.search_key, new.event_id); END"
    ),
    f"{TABLE}_update": (
        f"AFTER UPDATE OF id, search_key, event_id ON participants BEGIN "
        f"DELETE FROM {TABLE} WHERE rowid IN (old.id, new.id); "
        f"INSERT INTO {TABLE} (rowid, spaced_key, event_id) "
        f"VALUES (new.id, ' ' || new.search_key, new.event_id); END"
    ),
    f"{TABLE}_delete": (
        f"AFTER DELETE ON participants BEGIN DELETE FROM {TABLE} WHERE rowid = old.id; END"
    ),
}


def upgrade() -> None:
    """Add the index, fill it with everyone registered so far, and keep it by triggers."""
    if op.get_context().dialect.name != "sqlite":
        return
    connection = op.get_bind()
    try:
        # The event is kept beside the key (not indexed) so that the search narrows to
        # the event without a look at the wide participants table.
        connection.execute(
            sa.text(
                f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
                "spaced_key, event_id UNINDEXED, tokenize = 'trigram')"
            )
        )
    except sa.exc.OperationalError as error:  # no FTS5, or a SQLite before 3.34
        log.warning("no FTS5 trigram index on this SQLite; the name search scans: %s", error)
        return
    connection.execute(
        sa.text(
            f"INSERT INTO {TABLE} (rowid, spaced_key, event_id) "
            "SELECT id, ' ' || search_key, event_id FROM participants"
        )
    )
    for name, body in TRIGGERS.items():
        connection.execute(sa.text(f"CREATE TRIGGER {name} {body}"))


def downgrade() -> None:
    """Drop the triggers and the index."""
    if op.get_context().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
