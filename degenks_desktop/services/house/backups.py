"""Backups of the event database, taken while the day goes on, and restoring one.

SQLite is copied with its online backup API, which gives a consistent copy even while
desks keep writing (a plain file copy of a WAL database would not). PostgreSQL is dumped
with `pg_dump` when the client tools are installed. Automatic copies keep the newest
`KEEP`. A restore is all or nothing: the file is checked whole first (`backup_checks`),
the current database is copied aside, so the restore can be undone too, and the backup
replaces it in one transaction (on SQLite one step of the backup API, on PostgreSQL one
`psql --single-transaction`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from degenks_desktop.config import backup_dir, sqlite_url
from degenks_desktop.errors import DatabaseUnavailable, InputRejected, KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.backup_checks import (
    REVISION_TABLE,
    check_postgres_dump,
    check_sqlite_backup,
)
from degenks_desktop.storage import migrations
from degenks_desktop.storage.database import Database, describe_url, open_database
from degenks_desktop.storage.database_copy import (
    copy_sqlite,
    dump_postgres,
    postgres_tool,
    run_scripts_in_one_transaction,
    sibling_tool,
)
from degenks_desktop.storage.models import Base

KEEP = 24  # two hours of copies every five minutes
AUTOMATIC = "auto"


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
    except subprocess.CalledProcessError as error:
        raise DatabaseUnavailable(
            _(
                "pg_dump could not copy the database {where}: check that the server answers "
                "and that pg_dump is not older than the server."
            ).format(where=describe_url(database.url))
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


def _not_restored(source: Path, safety: Path) -> InputRejected:
    return InputRejected(
        _(
            "The backup {path} could not be restored, so nothing was changed; a safety copy "
            "of the database as it was is at {safety}."
        ).format(path=source, safety=safety)
    )


def _record_restore(database: Database, source: Path, safety: Path, actor: str) -> None:
    with database.transaction() as session:
        audit.record(
            session,
            action="database.restored",
            actor=actor,
            details={"from": str(source), "previous_data_kept_in": str(safety)},
        )


def restore_backup(database: Database, source: Path, *, actor: str = "") -> Path:
    """Put a backup in place of the current data, all or nothing; return the safety copy.

    The file is checked whole before anything changes (`backup_checks`); then the current
    data is copied aside and replaced in one transaction, so a failure on the way leaves
    it exactly as it was, and the sentence names the safety copy.
    """
    source = Path(source)
    if database.sqlite_path is not None:
        return _restore_sqlite(database, database.sqlite_path, source, actor)
    return _restore_postgres(database, source, actor)


def _restore_sqlite(database: Database, live: Path, source: Path, actor: str) -> Path:
    check_sqlite_backup(source)
    safety = take_backup(database, backup_dir() / _name(database, "before-restore"))
    with tempfile.TemporaryDirectory(prefix="degenks-restore-") as folder:
        try:
            # Staged aside: brought to this version's schema and audited there, then
            # copied over the live file in one step (the backup API's single transaction).
            staged = Path(folder) / "staged.sqlite"
            copy_sqlite(source, staged)
            _match_page_size(staged, live)
            restored = open_database(sqlite_url(staged))
            try:
                _record_restore(restored, source, safety, actor)
            finally:
                restored.close()
            database.engine.dispose()
            copy_sqlite(staged, live)
        except (OSError, sqlite3.Error, KnownError) as error:
            raise _not_restored(source, safety) from error
    database.engine.dispose()
    return safety


def _match_page_size(staged: Path, live: Path) -> None:
    # The backup API cannot change the page size of a WAL database such as the live one.
    with closing(sqlite3.connect(live)) as live_db:
        page_size = int(live_db.execute("PRAGMA page_size").fetchone()[0])
    with closing(sqlite3.connect(staged)) as staged_db:
        if int(staged_db.execute("PRAGMA page_size").fetchone()[0]) != page_size:
            staged_db.execute("PRAGMA journal_mode = DELETE")
            staged_db.execute(f"PRAGMA page_size = {page_size}")
            staged_db.execute("VACUUM")


def _drop_our_tables() -> str:
    """SQL that drops this app's tables, even those an older dump does not hold."""
    tables = [*Base.metadata.tables, REVISION_TABLE]
    return "".join(f'DROP TABLE IF EXISTS public."{table}" CASCADE;\n' for table in tables)


def _restore_postgres(database: Database, source: Path, actor: str) -> Path:
    pg_restore = _required_tool(
        "pg_restore",
        _("pg_restore is not installed on this laptop: install the PostgreSQL client tools."),
    )
    psql = sibling_tool(pg_restore, "psql")
    if psql is None:
        raise InputRejected(
            _("psql is not installed on this laptop: install the PostgreSQL client tools.")
        )
    with tempfile.TemporaryDirectory(prefix="degenks-restore-") as folder:
        script = Path(folder) / "restore.sql"
        check_postgres_dump(pg_restore, source, script)
        prelude = Path(folder) / "drop-tables.sql"
        prelude.write_text(_drop_our_tables(), encoding="utf-8")
        safety = take_backup(database, backup_dir() / _name(database, "before-restore"))
        database.engine.dispose()
        try:
            run_scripts_in_one_transaction(psql, database.url, [prelude, script])
        except (OSError, subprocess.CalledProcessError) as error:
            raise _not_restored(source, safety) from error
    # An older backup is brought up to this version's schema, as at start-up.
    migrations.upgrade_to_latest(database.engine)
    _record_restore(database, source, safety, actor)
    return safety
