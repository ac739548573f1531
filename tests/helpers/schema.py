"""Putting a database at a schema revision this app does not know, as a newer app would."""

from __future__ import annotations

from sqlalchemy import create_engine, text


def stamp_unknown_revision(database_url: str, revision: str = "9999_future") -> None:
    """Mark the database as written by a newer app, at `revision`."""
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE alembic_version SET version_num = :revision"), {"revision": revision}
        )
    engine.dispose()
