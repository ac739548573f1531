"""Copying a whole database to a file and back: SQLite's online backup API, or the
PostgreSQL client tools. Used before a schema upgrade and for the day's backups.

The online backup API gives a consistent copy even while another window writes; a plain
file copy of a WAL database would not. Every SQLite copy made here carries this app's
`PRAGMA application_id`, so a file can say whose it is.

The PostgreSQL tools (`pg_dump`, `pg_restore`, `psql`) get the server's address on their
command line but never its password, which anyone on the laptop could read there (`ps`):
the password goes through a temporary `.pgpass` file that only we can read, deleted as
soon as the tool is done.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL

# "DGKS": SQLite's header field for the application a file belongs to (`file` prints it).
SQLITE_APPLICATION_ID = 0x44474B53


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy the SQLite database `source` into `target`, consistently, while it is in use.

    The copy is written in one step, so `target` holds either all of `source` or what it
    held before; it is marked as this app's file.
    """
    with sqlite3.connect(source) as from_db, sqlite3.connect(target) as to_db:
        from_db.backup(to_db)
        # The backup copies the mark along; a copy of an unmarked file gets it here.
        if to_db.execute("PRAGMA application_id").fetchone()[0] != SQLITE_APPLICATION_ID:
            to_db.execute(f"PRAGMA application_id = {SQLITE_APPLICATION_ID}")
    from_db.close()
    to_db.close()


def postgres_tool(name: str) -> str | None:
    """The path of a PostgreSQL client tool (pg_dump, pg_restore, psql), or None."""
    return shutil.which(name)


def sibling_tool(tool: str, name: str) -> str | None:
    """The client tool `name` next to `tool` (same version), else the one on PATH."""
    beside = Path(tool).with_name(name + Path(tool).suffix)
    return str(beside) if beside.is_file() else postgres_tool(name)


def _pgpass_field(value: str) -> str:
    # .pgpass separates fields with ':' and escapes with '\'.
    return value.replace("\\", "\\\\").replace(":", "\\:")


@contextmanager
def libpq_connection(url: URL) -> Iterator[tuple[str, dict[str, str]]]:
    """A libpq URL without the password, and the environment that supplies the password.

    The password, if any, is written to a `.pgpass` in a private temporary folder (the
    file mode 0600, as libpq demands) that is deleted when the block ends.
    """
    password = url.password if url.password is not None else url.query.get("password")
    bare = url.set(drivername="postgresql", password=None).difference_update_query(["password"])
    address = bare.render_as_string()
    env = dict(os.environ)
    if password is None:
        yield address, env
        return
    folder = tempfile.mkdtemp(prefix="degenks-pgpass-")  # mode 0700
    try:
        pgpass = Path(folder) / "pgpass"
        descriptor = os.open(pgpass, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(f"*:*:*:*:{_pgpass_field(str(password))}\n")
        env["PGPASSFILE"] = str(pgpass)
        env.pop("PGPASSWORD", None)  # it would win over the file
        yield address, env
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(argv: Sequence[str], env: dict[str, str] | None = None) -> str:
    """Run a client tool; return its stdout. A failure raises CalledProcessError."""
    done = subprocess.run(list(argv), check=True, capture_output=True, text=True, env=env)
    return done.stdout


def dump_postgres(pg_dump: str, url: URL, target: Path) -> None:
    """`pg_dump` the database at `url` into `target` (custom format, for pg_restore)."""
    with libpq_connection(url) as (address, env):
        _run([pg_dump, "--format=custom", f"--file={target}", f"--dbname={address}"], env)


def list_dump(pg_restore: str, source: Path) -> str:
    """The table of contents of the dump `source` (`pg_restore --list`)."""
    return _run([pg_restore, "--list", str(source)])


def dump_table_data(pg_restore: str, source: Path, table: str) -> str:
    """The SQL that would load `table`'s rows from the dump `source` (its COPY block)."""
    return _run([pg_restore, "--data-only", f"--table={table}", "--file=-", str(source)])


def dump_to_script(pg_restore: str, source: Path, script: Path) -> None:
    """Turn the whole dump `source` into an SQL script that replaces what it holds.

    Reading every block of the dump here is what finds a dump cut short. Objects end up
    owned by whoever restores, so a dump from another server's account restores too.
    """
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            f"--file={script}",
            str(source),
        ]
    )


def run_scripts_in_one_transaction(psql: str, url: URL, scripts: Sequence[Path]) -> None:
    """Run `scripts` on the database at `url` in a single transaction: all, or none."""
    with libpq_connection(url) as (address, env):
        files = [f"--file={script}" for script in scripts]
        _run(
            [
                psql,
                "--no-psqlrc",
                "--single-transaction",
                "--set=ON_ERROR_STOP=1",
                "--quiet",
                "--output=" + os.devnull,
                f"--dbname={address}",
                *files,
            ],
            env,
        )
