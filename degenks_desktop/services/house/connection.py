"""Trying a database before the app switches to it (the settings dialog's test button)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect

from degenks_desktop.errors import DatabaseUnavailable
from degenks_desktop.services.house.events import find_event
from degenks_desktop.storage import migrations
from degenks_desktop.storage.database import open_database


@dataclass(frozen=True)
class ConnectionCheck:
    """What a reachable database holds."""

    where: str
    event_name: str | None
    needs_upgrade: bool


def check_connection(url: str) -> ConnectionCheck:
    """Connect to `url` without migrating it; raise DatabaseUnavailable if it is not usable."""
    database = open_database(url, migrate=False)
    try:
        with database.engine.connect() as connection:
            revision = migrations.current_revision(connection)
            tables = inspect(connection).get_table_names()
        if revision is None and tables:
            raise DatabaseUnavailable(migrations.foreign_database_message(database.describe()))
        latest = migrations.latest_revision()
        if revision is not None and revision != latest and not migrations.is_known(revision):
            raise DatabaseUnavailable(migrations.newer_version_message(database.describe()))
        event_name = None
        if revision == latest:
            with database.reading() as session:
                event = find_event(session)
                event_name = event.name if event else None
        return ConnectionCheck(database.describe(), event_name, revision != latest)
    finally:
        database.close()
