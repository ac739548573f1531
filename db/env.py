"""Alembic environment: runs migrations on the connection the app hands over.

The app passes its connection in `config.attributes["connection"]`. From a shell,
`alembic` (with alembic.ini at the top of the repository) uses `DEGENKS_DB` or the
default database.
"""

from __future__ import annotations

from alembic import context

from degenks_desktop.config import resolve_database_url
from degenks_desktop.storage.database import create_database_engine
from degenks_desktop.storage.migrations import include_in_comparison
from degenks_desktop.storage.models import Base

connection = context.config.attributes.get("connection")

if connection is None:
    # The app's own engine set-up: the same pragmas, and bound values hidden in errors.
    engine = create_database_engine(resolve_database_url(None))
    with engine.begin() as own_connection:
        context.configure(
            connection=own_connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            include_object=include_in_comparison,
        )
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_in_comparison,
    )
    with context.begin_transaction():
        context.run_migrations()
