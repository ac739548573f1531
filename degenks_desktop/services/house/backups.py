"""Backups of the event database, taken while the day goes on, and restoring one.

SQLite is copied with its online backup API, which gives a consistent copy even while
desks keep writing (a plain file copy of a WAL database would not). PostgreSQL is dumped
with `pg_dump` when the client tools are installed. Automatic copies keep the newest
`KEEP`; a restore first copies the current database aside, so it can be undone too.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from degenks_desktop.config import backup_dir
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.storage import migrations
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.database_copy import (
    copy_sqlite,
    dump_postgres,
    postgres_tool,
    restore_postgres,
)

KEEP = 24  # two hours of copies every five minutes
AUTOMATIC = "auto"
PG_DUMP_MAGIC = b"PGDMP"


@dataclass(frozen=True)
class Backup:
    """A backup file on this laptop."""

    path: Path
    taken_at: dt.datetime
    size: int


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _name(database: Database, kind: str) -> str:
    source = database.sqlite_path
    stem = source.stem if source is not None else database.url.database or "postgresql"
    suffix = ".sqlite" if database.is_sqlite else ".dump"
    return f"{stem}.{kind}-{_stamp()}{suffix}"


def take_backup(database: Database, target: Path | None = None, *, keep: int = KEEP) -> Path:
    """Copy the database to `target` (or an automatic copy in the backup folder); return it."""
    automatic = target is None
    path = target if target is not None else backup_dir() / _name(database, AUTOMATIC)
    try:
        if database.sqlite_path is not None:
            copy_sqlite(database.sqlite_path, path)
        else:
            pg_dump = _required_tool(
                "pg_dump",
                _(
                    "pg_dump is not installed on this laptop: install the PostgreSQL client "
                    "tools, or back up on the server itself."
                ),
            )
            dump_postgres(pg_dump, database.url, path)
    except (OSError, sqlite3.Error) as error:
        raise InputRejected(
            _("The backup {path} cannot be written: choose another folder.").format(path=path)
        ) from error
    if automatic:
        _prune(database, keep)
    return path


def _required_tool(name: str, missing: str) -> str:
    tool = postgres_tool(name)
    if tool is None:
        raise InputRejected(missing)
    return tool


def automatic_backups(database: Database) -> list[Backup]:
    """This database's automatic copies, newest first."""
    copies = []
    prefix = _name(database, AUTOMATIC).split(f".{AUTOMATIC}-")[0] + f".{AUTOMATIC}-"
    for path in backup_dir().glob(f"{prefix}*"):
        stat = path.stat()
        copies.append(Backup(path, dt.datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(copies, key=lambda backup: backup.path.name, reverse=True)


def _prune(database: Database, keep: int) -> None:
    for old in automatic_backups(database)[keep:]:
        old.path.unlink(missing_ok=True)


def _check_sqlite_backup(path: Path) -> None:
    """Refuse a file that is not a whole, readable backup of this app's database."""
    unusable = InputRejected(
        _("The file {path} is not a usable backup of De Genks Desktop: choose another.").format(
            path=path
        )
    )
    if not path.is_file():
        raise unusable
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as backup:
            if backup.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise unusable
            revision = backup.execute("SELECT version_num FROM alembic_version").fetchone()
            backup.execute("SELECT count(*) FROM events").fetchone()
        backup.close()
    except sqlite3.Error as error:
        raise unusable from error
    if revision is None or not migrations.is_known(revision[0]):
        raise unusable


def restore_backup(database: Database, source: Path, *, actor: str = "") -> Path:
    """Put a backup in place of the current data; return the copy of what it replaced."""
    source = Path(source)
    if database.is_sqlite:
        _check_sqlite_backup(source)
    elif not source.is_file() or source.read_bytes()[:5] != PG_DUMP_MAGIC:
        raise InputRejected(
            _("The file {path} is not a usable backup of De Genks Desktop: choose another.").format(
                path=source
            )
        )
    safety = take_backup(database, backup_dir() / _name(database, "before-restore"))
    database.engine.dispose()
    if database.sqlite_path is not None:
        copy_sqlite(source, database.sqlite_path)
    else:
        pg_restore = _required_tool(
            "pg_restore",
            _("pg_restore is not installed on this laptop: install the PostgreSQL client tools."),
        )
        restore_postgres(pg_restore, database.url, source)
    # An older backup is brought up to this version's schema, as at start-up.
    migrations.upgrade_to_latest(database.engine)
    with database.transaction() as session:
        audit.record(
            session,
            action="database.restored",
            actor=actor,
            details={"from": str(source), "previous_data_kept_in": str(safety)},
        )
    return safety
