"""Opening the database: SQLite on this laptop or a shared PostgreSQL server.

`open_database` checks the file or server, sets SQLite up for a busy day (WAL, foreign
keys, a busy timeout), brings the schema up to date through Alembic (after a backup copy)
and returns a `Database` whose `transaction()` is the one way to write.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from degenks_desktop.config import busy_timeout_ms
from degenks_desktop.errors import DatabaseUnavailable
from degenks_desktop.i18n import _

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
POSTGRES_CONNECT_TIMEOUT_S = 5


class Database:
    """An open database: one engine, and sessions that each live for one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            engine.execution_options(degenks_read_only=True), expire_on_commit=False
        )

    @property
    def url(self) -> URL:
        """The database's URL (print it with `describe()`, which hides the password)."""
        return self.engine.url

    @property
    def is_sqlite(self) -> bool:
        """Whether this is a SQLite file (else a PostgreSQL server)."""
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, or None for a server."""
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    def describe(self) -> str:
        """Where the data is, for people: the file path or the server without password."""
        return describe_url(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed whole when the block ends, rolled back on any error."""
        with translate_database_errors(self.url), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look at the data that does not hold up writers on SQLite."""
        with translate_database_errors(self.url), self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def describe_url(url: URL | str) -> str:
    """A database location as a person reads it: a file path or user@host:port/name."""
    url = make_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True).split("://", 1)[1]


@contextmanager
def translate_database_errors(url: URL) -> Iterator[None]:
    """Turn the driver's errors about reaching the database into one sentence (exit 4)."""
    try:
        yield
    except DBAPIError as error:
        # Integrity and programming errors are the caller's; only failures to reach,
        # open or write the database itself become the user's sentence.
        if isinstance(error, OperationalError) or type(error) is DatabaseError:
            raise DatabaseUnavailable(explain_operational_error(url, error)) from error
        raise


def explain_operational_error(url: URL, error: DBAPIError) -> str:
    """One plain sentence for a failure to open, read or write the database."""
    where = describe_url(url)
    detail = str(error.orig).lower() if error.orig is not None else str(error).lower()
    if url.get_backend_name() == "sqlite":
        if "locked" in detail or "busy" in detail:
            return _(
                "The database {where} is in use by another program: close that program, "
                "or wait a moment and try again."
            ).format(where=where)
        if "readonly" in detail or "read-only" in detail:
            return _(
                "The database file {where} is read-only: copy it to a folder where you can "
                "write, or ask for write permission."
            ).format(where=where)
        if "not a database" in detail or "malformed" in detail:
            return corrupt_message(where)
        return _(
            "The database file {where} cannot be opened: check that the folder exists "
            "and that you may write in it."
        ).format(where=where)
    if "password" in detail or "authentication" in detail:
        return _(
            "The PostgreSQL server {where} refused the user name or password: check them "
            "in Settings."
        ).format(where=where)
    if "does not exist" in detail:
        return _(
            "The PostgreSQL server {where} has no such database: create it, or check its "
            "name in Settings."
        ).format(where=where)
    return _(
        "The PostgreSQL server {where} cannot be reached: check that it is running and "
        "that this laptop is on the venue network."
    ).format(where=where)


def corrupt_message(where: str) -> str:
    """The sentence for a file that is not a (healthy) SQLite database."""
    return _(
        "The file {where} is not a De Genks database or is damaged: choose another file, "
        "or restore a backup with `degenks restore`."
    ).format(where=where)


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse, with one sentence, a SQLite file that is missing, read-only or not SQLite."""
    where = str(path)
    if not path.exists():
        if not create:
            raise DatabaseUnavailable(
                _(
                    "There is no database at {where}: check the path, or create one "
                    "with `degenks demo`."
                ).format(where=where)
            )
        if not path.parent.is_dir():
            raise DatabaseUnavailable(
                _("The folder {folder} does not exist: create it or choose another path.").format(
                    folder=path.parent
                )
            )
        if not os.access(path.parent, os.W_OK):
            raise DatabaseUnavailable(
                _(
                    "You may not write in the folder {folder}: choose another path for "
                    "the database."
                ).format(folder=path.parent)
            )
        return
    if path.is_dir():
        raise DatabaseUnavailable(corrupt_message(where))
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        # WAL mode needs to write the file and its -wal and -shm neighbours.
        raise DatabaseUnavailable(
            _(
                "The database file {where} is read-only: copy it to a folder where you can "
                "write, or ask for write permission."
            ).format(where=where)
        )
    with path.open("rb") as database_file:
        header = database_file.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise DatabaseUnavailable(corrupt_message(where))


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys and a busy timeout on every connection; BEGIN IMMEDIATE for writes."""
    timeout_ms = busy_timeout_ms()

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself, so that a transaction that
        # reads and then writes holds its lock from the start (pysqlite's own handling
        # starts transactions late).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {timeout_ms}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        if connection.get_execution_options().get("degenks_read_only"):
            connection.exec_driver_sql("BEGIN")
        else:
            # Writers queue at the start instead of failing on a lock upgrade mid-way.
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_database_engine(url: str) -> Engine:
    """An engine for `url` with the settings this app needs on each engine."""
    parsed = make_url(url)
    # Bound values are names, e-mails and notes of citizens: keep them out of every
    # error's text (and so out of logs and reports); the SQL itself still shows.
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            parsed, hide_parameters=True, connect_args={"timeout": busy_timeout_ms() / 1000}
        )
        _configure_sqlite(engine)
        return engine
    return create_engine(
        parsed,
        hide_parameters=True,
        pool_pre_ping=True,
        connect_args={"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S},
    )


def open_database(
    url: str,
    *,
    create: bool = True,
    migrate: bool = True,
    script_location: Path | None = None,
) -> Database:
    """Open the database at `url`, upgrading its schema (after a backup) when needed.

    With `create` False a missing SQLite file is refused instead of made. Every failure
    is a `DatabaseUnavailable` with one sentence for the user.
    """
    from degenks_desktop.storage import migrations  # noqa: PLC0415 - imports alembic late

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        _check_sqlite_file(Path(parsed.database), create=create)
    engine = create_database_engine(url)
    try:
        with translate_database_errors(parsed), engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        if migrate:
            migrations.upgrade_to_latest(engine, script_location=script_location)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine)
