"""Schema upgrades through Alembic: from empty, after a backup, never backwards.

The Alembic environment and its versions live in the repository's `db/` folder. A
database that an older app wrote is upgraded after a backup copy is taken; one that a
newer app wrote is refused, since this app would not understand it.

Alembic (with Mako and Pygments) is imported only when a schema is to be compared or
changed: a database already at the newest revision, as on every start but the first
after an update, is recognised from the migration files' own lines (`schema_is_current`).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from degenks_desktop.config import backup_dir
from degenks_desktop.errors import DatabaseUnavailable
from degenks_desktop.i18n import _
from degenks_desktop.storage.database import describe_url, translate_database_errors
from degenks_desktop.storage.database_copy import copy_sqlite, dump_postgres, postgres_tool

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

DEFAULT_SCRIPT_LOCATION = Path(__file__).resolve().parents[2] / "db"
POSTGRES_MIGRATION_LOCK = 360_2013  # any constant: serialises laptops upgrading at once


# Indexes that exist only where the database can have them (PostgreSQL with pg_trgm, SQLite
# with FTS5's trigram tokenizer), made by a migration and not by the models: schema
# comparisons leave them out, the SQLite one with the shadow tables FTS5 keeps it in.
DATABASE_ONLY_INDEXES = frozenset({"participants_search_key_trgm"})
DATABASE_ONLY_TABLE = "participant_search"


def include_in_comparison(
    _obj: object, name: str | None, type_: str, _reflected: bool, _compare_to: object
) -> bool:
    """Alembic's `include_object` hook: everything but the database-only indexes."""
    if type_ == "table" and name is not None:
        return name != DATABASE_ONLY_TABLE and not name.startswith(f"{DATABASE_ONLY_TABLE}_")
    return not (type_ == "index" and name in DATABASE_ONLY_INDEXES)


# A migration file's own revision lines, as `alembic revision` writes them.
REVISION_LINE = re.compile(r"^revision(?:: str)? = [\"']([^\"']+)[\"']$", re.MULTILINE)
DOWN_REVISION_LINE = re.compile(
    r"^down_revision(?:: [^=]+)? = (?:None|[\"']([^\"']+)[\"'])$", re.MULTILINE
)


def alembic_config(script_location: Path | None = None) -> Config:
    """An Alembic configuration pointing at the migrations in `db/`."""
    from alembic.config import Config  # noqa: PLC0415 - Alembic only when it works

    config = Config()
    config.set_main_option("script_location", str(script_location or DEFAULT_SCRIPT_LOCATION))
    return config


def latest_revision(script_location: Path | None = None) -> str:
    """The newest schema revision this app knows."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    head = ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()
    assert head is not None, "db/versions holds no migration"
    return head


def current_revision(connection: Connection) -> str | None:
    """The schema revision the database is at, or None when it has none."""
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415

    return MigrationContext.configure(connection).get_current_revision()


def latest_revision_from_files(script_location: Path | None = None) -> str | None:
    """The newest revision read from the migration files' `revision` and `down_revision`
    lines, without Alembic; None when the files do not make one plain line of revisions
    (then Alembic itself decides)."""
    versions = (script_location or DEFAULT_SCRIPT_LOCATION) / "versions"
    revisions: set[str] = set()
    replaced: set[str] = set()
    for path in versions.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision = REVISION_LINE.findall(source)
        down = DOWN_REVISION_LINE.findall(source)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        if down[0]:
            replaced.add(down[0])
    heads = revisions - replaced
    return heads.pop() if len(heads) == 1 else None


def schema_is_current(engine: Engine, script_location: Path | None = None) -> bool:
    """Whether the database is at this app's newest revision, asked without Alembic."""
    head = latest_revision_from_files(script_location)
    if head is None:
        return False
    with translate_database_errors(engine.url), engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return False
        stored = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return [row[0] for row in stored] == [head]


def is_known(revision: str, script_location: Path | None = None) -> bool:
    """Whether `revision` is one of this app's schema revisions (else a newer app wrote it)."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415
    from alembic.util import CommandError  # noqa: PLC0415

    script = ScriptDirectory.from_config(alembic_config(script_location))
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def newer_version_message(where: str) -> str:
    """The sentence for a database whose schema is newer than this app."""
    return _(
        "The database {where} was written by a newer version of De Genks Desktop: update "
        "the app on this laptop before opening it."
    ).format(where=where)


def foreign_database_message(where: str) -> str:
    """The sentence for a database that holds another program's tables."""
    return _(
        "The database {where} belongs to another program: choose an empty database or a "
        "De Genks database."
    ).format(where=where)


def upgrade_to_latest(engine: Engine, *, script_location: Path | None = None) -> bool:
    """Bring the schema to the newest revision; return whether anything was upgraded."""
    if schema_is_current(engine, script_location):
        return False  # the start of every day: no Alembic needed
    from alembic import command  # noqa: PLC0415
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    config = alembic_config(script_location)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    where = describe_url(engine.url)
    with translate_database_errors(engine.url), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({POSTGRES_MIGRATION_LOCK})")
        revision = current_revision(connection)
        if revision == head:
            return False
        if revision is None:
            if inspect(connection).get_table_names():
                raise DatabaseUnavailable(foreign_database_message(where))
        else:
            if not is_known(revision, script_location):
                raise DatabaseUnavailable(newer_version_message(where))
            backup_before_upgrade(engine, revision)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        log.info("Upgraded %s from %s to %s", where, revision, head)
    return True


def backup_before_upgrade(engine: Engine, revision: str) -> Path | None:
    """Copy the database aside before its schema changes; return the copy's path."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    if engine.dialect.name == "sqlite" and engine.url.database:
        source = Path(engine.url.database)
        target = source.with_name(f"{source.stem}.before-upgrade-{revision}-{stamp}.sqlite")
        copy_sqlite(source, target)
        log.info("Backed up %s to %s before upgrading", source, target)
        return target
    pg_dump = postgres_tool("pg_dump")
    if pg_dump is None:
        log.warning("pg_dump is not installed: upgrading %s without a backup copy", engine.url)
        return None
    target = backup_dir() / f"postgresql.before-upgrade-{revision}-{stamp}.dump"
    dump_postgres(pg_dump, engine.url, target)
    return target
