"""Copying a whole database to a file and back: SQLite's online backup API, or the
PostgreSQL client tools. Used before a schema upgrade and for the day's backups.

The online backup API gives a consistent copy even while another window writes; a plain
file copy of a WAL database would not.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import URL


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy the SQLite database `source` into `target`, consistently, while it is in use."""
    with sqlite3.connect(source) as from_db, sqlite3.connect(target) as to_db:
        from_db.backup(to_db)
    from_db.close()
    to_db.close()


def postgres_tool(name: str) -> str | None:
    """The path of a PostgreSQL client tool (pg_dump, pg_restore), or None when missing."""
    return shutil.which(name)


def _libpq_url(url: URL) -> str:
    # The client tools take a libpq URL, without SQLAlchemy's driver name.
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def dump_postgres(pg_dump: str, url: URL, target: Path) -> None:
    """`pg_dump` the database at `url` into `target` (custom format, for pg_restore)."""
    subprocess.run(
        [pg_dump, "--format=custom", f"--file={target}", _libpq_url(url)],
        check=True,
        capture_output=True,
    )


def restore_postgres(pg_restore: str, url: URL, source: Path) -> None:
    """Replace the database at `url` with the dump `source`."""
    subprocess.run(
        [pg_restore, "--clean", "--if-exists", f"--dbname={_libpq_url(url)}", str(source)],
        check=True,
        capture_output=True,
    )
