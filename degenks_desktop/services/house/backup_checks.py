"""Is this file a whole backup of De Genks Desktop? Asked before a restore touches anything.

A backup is ours when it carries what only this app's migrations write, not just a
revision number any program could have: the append-only guard of the audit log (SQLite
triggers, a PostgreSQL function), an Alembic revision that is one of ours, and every
table of our schema. SQLite copies made by this app also carry its `application_id`;
older copies, made before that mark, have none and are known by the rest alone, while a
file that names another application is refused. A PostgreSQL dump is read to its end
here, so one cut short is refused before the restore begins.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.storage import migrations
from degenks_desktop.storage.database_copy import (
    SQLITE_APPLICATION_ID,
    dump_table_data,
    dump_to_script,
    list_dump,
)

# The tables of the first revision, which every later revision keeps.
OUR_TABLES = frozenset(
    {
        "audit_entries",
        "badge_prints",
        "check_ins",
        "concept_ideas",
        "concepts",
        "days",
        "diversity_targets",
        "duos",
        "events",
        "facilitators",
        "ideas",
        "import_mappings",
        "neighbourhoods",
        "participants",
        "profiles",
        "seats",
        "selected_ideas",
        "selections",
        "tables",
        "themes",
        "votes",
        "watched_categories",
    }
)
# Written by the first migration (db/versions/…_0001_initial_schema.py) and by no one else.
SQLITE_AUDIT_GUARDS = frozenset({"audit_entries_no_update", "audit_entries_no_delete"})
POSTGRES_AUDIT_GUARD = "audit_entries_append_only()"
REVISION_TABLE = "alembic_version"


def unusable_backup(path: Path) -> InputRejected:
    """The refusal of a file that is not a whole backup of this app."""
    return InputRejected(
        _("The file {path} is not a usable backup of De Genks Desktop: choose another.").format(
            path=path
        )
    )


def newer_backup(path: Path) -> InputRejected:
    """The refusal of a backup whose schema this version of the app does not know."""
    return InputRejected(
        _(
            "The backup {path} was made by a newer version of De Genks Desktop: update the "
            "app on this laptop before restoring it."
        ).format(path=path)
    )


def _known_revision(path: Path, revisions: list[str]) -> str:
    if len(revisions) != 1:
        raise unusable_backup(path)
    if not migrations.is_known(revisions[0]):
        raise newer_backup(path)
    return revisions[0]


def _wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def check_sqlite_backup(path: Path) -> str:
    """Refuse a SQLite file that is not a whole backup of ours; return its revision."""
    if not path.is_file():
        raise unusable_backup(path)
    # Read as it lies, leaving no -wal or -shm files beside it, unless a write-ahead log
    # was copied along with it: that is part of the database.
    with_wal = _wal_of(path).exists()
    uri = path.resolve().as_uri() + ("?mode=ro" if with_wal else "?mode=ro&immutable=1")
    try:
        with closing(sqlite3.connect(uri, uri=True)) as backup:
            if backup.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                raise unusable_backup(path)
            # SQLite reads the missing end of a file cut short as zeros, which can pass
            # the integrity check: every page it counts must be in the file (unless part
            # of them waits in a write-ahead log copied along with it).
            pages = backup.execute("PRAGMA page_count").fetchone()[0]
            length = pages * backup.execute("PRAGMA page_size").fetchone()[0]
            if length != path.stat().st_size and not with_wal:
                raise unusable_backup(path)
            application_id = backup.execute("PRAGMA application_id").fetchone()[0]
            objects = set(backup.execute("SELECT type, name FROM sqlite_master"))
            revisions = (
                [row[0] for row in backup.execute(f"SELECT version_num FROM {REVISION_TABLE}")]
                if ("table", REVISION_TABLE) in objects
                else []
            )
    except sqlite3.Error as error:  # not a database, or damaged beyond reading
        raise unusable_backup(path) from error
    guards = {name for kind, name in objects if kind == "trigger"}
    if application_id not in (0, SQLITE_APPLICATION_ID) or not guards.issuperset(
        SQLITE_AUDIT_GUARDS
    ):
        raise unusable_backup(path)
    revision = _known_revision(path, revisions)
    if not OUR_TABLES.issubset(name for kind, name in objects if kind == "table"):
        raise unusable_backup(path)
    return revision


def _listed(listing: str, kind: str, name: str) -> bool:
    # A line of `pg_restore --list`: "215; 1259 17548 TABLE public alembic_version owner".
    pattern = rf"^\d+; \d+ \d+ {kind} public {re.escape(name)}( |$)"
    return re.search(pattern, listing, flags=re.MULTILINE) is not None


def _dump_revisions(data: str) -> list[str]:
    # The COPY block of alembic_version: a header line, one row a line, then "\.".
    lines = data.splitlines()
    header = f"COPY public.{REVISION_TABLE} "
    starts = [n for n, line in enumerate(lines) if line.startswith(header)]
    if len(starts) != 1:
        return []
    rows: list[str] = []
    for line in lines[starts[0] + 1 :]:
        if line == "\\.":
            return rows
        rows.append(line)
    return []


def check_postgres_dump(pg_restore: str, path: Path, script: Path) -> str:
    """Refuse a file that is not a whole `pg_dump` of ours; return its revision.

    On success `script` holds the SQL that replaces the database's tables with the dump's.
    """
    if not path.is_file():
        raise unusable_backup(path)
    try:
        listing = list_dump(pg_restore, path)
        has_revision = _listed(listing, "TABLE DATA", REVISION_TABLE)
        revisions = _dump_revisions(dump_table_data(pg_restore, path, REVISION_TABLE))
    except subprocess.CalledProcessError as error:  # no dump, or its table of contents cut
        raise unusable_backup(path) from error
    if not (has_revision and _listed(listing, "FUNCTION", POSTGRES_AUDIT_GUARD)):
        raise unusable_backup(path)
    revision = _known_revision(path, revisions)
    if not all(_listed(listing, "TABLE", table) for table in OUR_TABLES):
        raise unusable_backup(path)
    try:
        dump_to_script(pg_restore, path, script)
    except subprocess.CalledProcessError as error:  # a data block cut short or damaged
        raise unusable_backup(path) from error
    return revision
