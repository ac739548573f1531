"""A trigram index for the desk's name search on SQLite: FTS5, kept by triggers.

The search matches typed words anywhere in `participants.search_key`, which a B-tree
cannot serve; on PostgreSQL revision 0002's pg_trgm index does. On SQLite two tables
hold each person's search key, with a space before it, and their event, under the
person's id: `participant_search`, an FTS5 table with the trigram tokenizer (SQLite 3.34
or later), which finds the rows holding three typed letters or more; and
`participant_search_keys`, a narrow plain table that a shorter text is scanned in (the
wide participants table takes twice as long to read). The space makes the start of every
word a trigram, so that two typed letters find the words they start through the index.

Triggers on `participants` keep both in step with every insert, change and delete,
whichever laptop or command makes it: a walk-in registered a moment ago on another
laptop is found at once. Without FTS5 or its trigram tokenizer neither table is made,
the search scans the participants as before, and nothing else changes.

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

INDEX = "participant_search"
KEYS = "participant_search_keys"
log = logging.getLogger(__name__)


def _write(row: str) -> str:
    """The statements that put participant `row` (new) in both tables."""
    return "".join(
        f"INSERT INTO {table} (rowid, spaced_key, event_id) "
        f"VALUES ({row}.id, ' ' || {row}.search_key, {row}.event_id); "
        for table in (INDEX, KEYS)
    )


def _forget(*ids: str) -> str:
    """The statements that take the people with `ids` out of both tables."""
    return "".join(
        f"DELETE FROM {table} WHERE rowid IN ({', '.join(ids)}); " for table in (INDEX, KEYS)
    )


# A row left behind under the same id (a REPLACE deletes without triggers) would make an
# insert fail: it goes first.
TRIGGERS = {
    f"{INDEX}_insert": f"AFTER INSERT ON participants BEGIN {_forget('new.id')}{_write('new')}END",
    f"{INDEX}_update": (
        "AFTER UPDATE OF id, search_key, event_id ON participants BEGIN "
        f"{_forget('old.id', 'new.id')}{_write('new')}END"
    ),
    f"{INDEX}_delete": f"AFTER DELETE ON participants BEGIN {_forget('old.id')}END",
}


def upgrade() -> None:
    """Add both tables, fill them with everyone registered so far, and keep them by
    triggers."""
    if op.get_context().dialect.name != "sqlite":
        return
    connection = op.get_bind()
    try:
        # The event is kept beside the key (not indexed) so that the search narrows to
        # the event without a look at the wide participants table.
        connection.execute(
            sa.text(
                f"CREATE VIRTUAL TABLE {INDEX} USING fts5("
                "spaced_key, event_id UNINDEXED, tokenize = 'trigram')"
            )
        )
    except sa.exc.OperationalError as error:  # no FTS5, or a SQLite before 3.34
        log.warning("no FTS5 trigram index on this SQLite; the name search scans: %s", error)
        return
    connection.execute(
        sa.text(f"CREATE TABLE {KEYS} (id INTEGER PRIMARY KEY, spaced_key TEXT, event_id INTEGER)")
    )
    for table in (INDEX, KEYS):
        connection.execute(
            sa.text(
                f"INSERT INTO {table} (rowid, spaced_key, event_id) "
                "SELECT id, ' ' || search_key, event_id FROM participants"
            )
        )
    for name, body in TRIGGERS.items():
        connection.execute(sa.text(f"CREATE TRIGGER {name} {body}"))


def downgrade() -> None:
    """Drop the triggers and both tables."""
    if op.get_context().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DROP TABLE IF EXISTS {KEYS}")
    op.execute(f"DROP TABLE IF EXISTS {INDEX}")
