"""A restore is all or nothing on both engines: a bad file changes no row, a good one
replaces every row, and the PostgreSQL tools never see the password on their command line."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import make_url, select

from degenks_desktop import i18n
from degenks_desktop.config import backup_dir
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_event
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.front_desk.check_ins import check_in_participant, undo_check_in
from degenks_desktop.services.house.backups import restore_backup, take_backup
from degenks_desktop.storage import database_copy, migrations
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import AuditEntry, Base, CheckIn, Event, Idea, Participant
from tests.conftest import PostgresServer
from tests.helpers.counts import count

PASSWORD = "geheim:wachtwoord\\2013"  # with the two signs .pgpass must escape


def digest(database: Database, *, leave_out: frozenset[str] = frozenset()) -> dict[str, str]:
    """Per table, a digest of every row (by primary key): equal digests, equal data."""
    digests = {}
    with database.reading() as session:
        for name, table in sorted(Base.metadata.tables.items()):
            if name in leave_out:
                continue
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
            digests[name] = hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()
        digests["alembic_version"] = str(migrations.current_revision(session.connection()))
    return digests


def day_counts(database: Database) -> tuple[int, int, int, int]:
    """(participants, check-ins, events, ideas): what the tester counted."""
    return tuple(count(database, model) for model in (Participant, CheckIn, Event, Idea))  # type: ignore[return-value]


@pytest.fixture
def day(database: Database) -> Database:
    """A database holding a small demo event whose day has been simulated."""
    create_demo_event(database, participants=24, days=1, facilitators=3)
    simulate_event(database)
    return database


def is_postgres(database: Database) -> bool:
    return not database.is_sqlite


def undo_one_check_in(database: Database) -> None:
    """A change after the backup: one check-in undone (the restore must bring it back)."""
    with database.reading() as session:
        person = session.scalars(
            select(CheckIn.participant_id).where(CheckIn.undone_at.is_(None))
        ).first()
    assert person is not None
    assert undo_check_in(database, person, desk="onthaal 1")


def pg_dump(database: Database, target: Path, *extra: str) -> Path:
    """A dump made with pg_dump itself, as the app has always made them."""
    tool = database_copy.postgres_tool("pg_dump")
    assert tool is not None
    # The test server wants no password, so its address can stand on this command line.
    address = database.url.set(drivername="postgresql").render_as_string(hide_password=False)
    subprocess.run(
        [tool, "--format=custom", *extra, f"--file={target}", f"--dbname={address}"], check=True
    )
    return target


def cut(source: Path, target: Path, keep: int) -> Path:
    target.write_bytes(source.read_bytes()[:keep])
    return target


def with_revision(database: Database, revision: str, target: Path) -> Path:
    """A whole backup of ours, but stamped with `revision` (for instance a newer one)."""
    if database.sqlite_path is not None:
        take_backup(database, target)
        with sqlite3.connect(target) as copy:
            copy.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        copy.close()
        return target
    with database.engine.begin() as connection:
        real = migrations.current_revision(connection)
        connection.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{revision}'")
    try:
        return pg_dump(database, target)
    finally:
        with database.engine.begin() as connection:
            connection.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{real}'")


@pytest.fixture
def foreign_file(
    database: Database, tmp_path: Path, postgres_server: PostgresServer | None
) -> Iterator[Path]:
    """Another program's database with an `events` table and an alembic_version '0002'."""
    statements = [
        "CREATE TABLE events (id INTEGER PRIMARY KEY, title TEXT, starts TEXT)",
        "INSERT INTO events VALUES (1, 'Kaartavond', '2013-03-04 20:00')",
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
        "INSERT INTO alembic_version VALUES ('0002')",
        "CREATE TABLE recipes (name TEXT)",
    ]
    if database.is_sqlite:
        path = tmp_path / "kaartclub.sqlite"
        with sqlite3.connect(path) as program:
            for statement in statements:
                program.execute(statement)
        program.close()
        yield path
        return
    assert postgres_server is not None
    name = postgres_server.new_name()
    janitor = postgres_server.janitor(name)
    janitor.init()
    other = open_database(postgres_server.url_for(name), migrate=False)
    try:
        with other.engine.begin() as connection:
            for statement in statements:
                connection.exec_driver_sql(statement)
        yield pg_dump(other, tmp_path / "kaartclub.dump")
    finally:
        other.close()
        janitor.drop()


def bad_files(database: Database, tmp_path: Path, foreign: Path) -> dict[str, Path]:
    """Every kind of file that is not a whole backup of ours, for this engine."""
    good = take_backup(database, tmp_path / ("goed.sqlite" if database.is_sqlite else "goed.dump"))
    size = good.stat().st_size
    notes = tmp_path / "notities.txt"
    notes.write_text("geen databank\n", encoding="utf-8")
    files = {
        "cut in half": cut(good, tmp_path / "half", size // 2),
        "its end cut off": cut(good, tmp_path / "staart", size - 100),
        "another program's": foreign,
        "no database at all": notes,
        "missing": tmp_path / "weg.dump",
        "from a newer version": with_revision(database, "0099", tmp_path / "nieuwer"),
    }
    if database.is_sqlite:
        damaged = bytearray(good.read_bytes())
        damaged[4096:8192] = b"\x00" * 4096
        (tmp_path / "beschadigd.sqlite").write_bytes(bytes(damaged))
        files["damaged"] = tmp_path / "beschadigd.sqlite"
        # Our tables, but the header says the file is a GeoPackage's ("GPKG").
        files["marked as another program's"] = take_backup(database, tmp_path / "kaart.gpkg")
        with closing(sqlite3.connect(files["marked as another program's"])) as other:
            other.execute(f"PRAGMA application_id = {0x47504B47}")
        files["a PostgreSQL dump"] = tmp_path / "dump"
        files["a PostgreSQL dump"].write_bytes(b"PGDMP\x01\x0e\x00" + b"\x00" * 400)
    else:
        files["a fake header"] = tmp_path / "nep.dump"
        files["a fake header"].write_bytes(b"PGDMP" + os.urandom(4000))
        files["a SQLite file"] = tmp_path / "kaartclub.sqlite"
        with sqlite3.connect(files["a SQLite file"]) as other:
            other.execute("CREATE TABLE recipes (name TEXT)")
        other.close()
    return files


def test_a_bad_file_is_refused_and_not_one_row_changes(
    day: Database, tmp_path: Path, foreign_file: Path
) -> None:
    i18n.set_language("en")  # the newer-version sentence has no Dutch yet
    files = bad_files(day, tmp_path, foreign_file)
    counts, before = day_counts(day), digest(day)
    assert counts[0] == 24 and counts[1] > 0 and counts[2] == 1 and counts[3] > 0
    for what, bad in files.items():
        with pytest.raises(InputRejected) as refused:
            restore_backup(day, bad, actor="test")
        assert str(bad) in refused.value.message, what
        if what == "from a newer version":
            assert "newer version" in refused.value.message
        else:
            assert "not a usable backup" in refused.value.message, what
        assert day_counts(day) == counts, what
        assert digest(day) == before, what
    if is_postgres(day):
        with day.engine.connect() as connection:
            tables = connection.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).scalars()
            assert "recipes" not in set(tables)  # another program's tables stay out


def damage_inside(dump: Path, database: Database) -> Path:
    """Put a NUL byte in one idea's text: the dump reads to its end, but its data is bad."""
    with database.reading() as session:
        text = session.scalars(select(Idea.text).order_by(Idea.id.desc())).first()
    assert text is not None
    data = dump.read_bytes()
    at = data.index(text.encode())
    damaged = dump.with_name("van-binnen-beschadigd.dump")
    damaged.write_bytes(data[:at] + b"\x00" + data[at + 1 :])
    return damaged


def test_a_dump_that_fails_part_way_leaves_the_server_as_it_was(
    day: Database, tmp_path: Path
) -> None:
    if not is_postgres(day):
        pytest.skip("a PostgreSQL dump's data is read only as it is restored")
    damaged = damage_inside(pg_dump(day, tmp_path / "ruw.dump", "--compress=0"), day)
    counts, before = day_counts(day), digest(day)
    earlier = set(backup_dir().glob("*.before-restore-*"))
    with pytest.raises(InputRejected) as refused:
        restore_backup(day, damaged, actor="test")
    # The sentence names the safety copy, which holds the data as it was.
    (safety,) = set(backup_dir().glob("*.before-restore-*")) - earlier
    assert str(safety) in refused.value.message
    assert safety.read_bytes()[:5] == b"PGDMP"
    assert day_counts(day) == counts
    assert digest(day) == before


def test_our_own_backup_restores_every_row_on_both_engines(day: Database, tmp_path: Path) -> None:
    backup = take_backup(day, tmp_path / ("kopie.sqlite" if day.is_sqlite else "kopie.dump"))
    at_backup = digest(day, leave_out=frozenset({"audit_entries"}))
    audited = count(day, AuditEntry)
    undo_one_check_in(day)
    assert digest(day, leave_out=frozenset({"audit_entries"})) != at_backup
    safety = restore_backup(day, backup, actor="test")
    assert digest(day, leave_out=frozenset({"audit_entries"})) == at_backup
    assert count(day, AuditEntry) == audited + 1  # the backup's entries, and the restore
    # The safety copy holds the data as it was just before, with the undone check-in.
    assert safety.is_file()
    undone = restore_backup(day, safety, actor="test")
    assert undone.is_file()
    with day.reading() as session:
        assert session.scalar(select(CheckIn).where(CheckIn.undone_at.is_not(None))) is not None


def test_a_sqlite_backup_says_it_is_ours(sqlite_database: Database, tmp_path: Path) -> None:
    backup = take_backup(sqlite_database, tmp_path / "kopie.sqlite")
    with closing(sqlite3.connect(backup)) as copy:
        assert copy.execute("PRAGMA application_id").fetchone() == (0x44474B53,)  # "DGKS"


def test_a_backup_made_before_the_mark_or_an_older_schema_still_restores(
    day: Database, tmp_path: Path
) -> None:
    head = migrations.latest_revision()
    old = tmp_path / ("oud.sqlite" if day.is_sqlite else "oud.dump")
    # The app's backups before this change: SQLite's backup API with no application id,
    # pg_dump as it is; and at the first revision of the schema.
    config = migrations.alembic_config()
    with day.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    if day.sqlite_path is not None:
        with sqlite3.connect(day.sqlite_path) as live, sqlite3.connect(old) as copy:
            live.backup(copy)
            assert copy.execute("PRAGMA application_id").fetchone() == (0,)
        live.close()
        copy.close()
    else:
        pg_dump(day, old)
    with day.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    at_backup = digest(day, leave_out=frozenset({"audit_entries", "alembic_version"}))
    undo_one_check_in(day)
    restore_backup(day, old, actor="test")
    assert digest(day, leave_out=frozenset({"audit_entries"})) == {
        **at_backup,
        "alembic_version": head,  # brought up to this version's schema
    }


def test_a_backup_with_another_page_size_restores(
    sqlite_database: Database, tmp_path: Path
) -> None:
    create_demo_event(sqlite_database, participants=12, days=1, facilitators=2)
    backup = take_backup(sqlite_database, tmp_path / "kopie.sqlite")
    with sqlite3.connect(backup, isolation_level=None) as copy:
        copy.execute("PRAGMA journal_mode = DELETE")
        copy.execute("PRAGMA page_size = 8192")
        copy.execute("VACUUM")
        assert copy.execute("PRAGMA page_size").fetchone() == (8192,)
    copy.close()
    at_backup = digest(sqlite_database, leave_out=frozenset({"audit_entries"}))
    with sqlite_database.reading() as session:
        person = session.scalars(select(Participant.id)).first()
    assert person is not None
    check_in_participant(sqlite_database, person, desk="onthaal 1")
    restore_backup(sqlite_database, backup, actor="test")
    assert digest(sqlite_database, leave_out=frozenset({"audit_entries"})) == at_backup


class RecordedRun:
    """`subprocess.run` as it is, noting each command line and its password file."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], str | None]] = []
        self.real = subprocess.run

    def __call__(self, argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        env = kwargs.get("env") or {}
        pgpass = env.get("PGPASSFILE")
        noted = None
        if pgpass is not None:
            mode = stat.S_IMODE(Path(pgpass).stat().st_mode)
            noted = f"{mode:o} {Path(pgpass).read_text(encoding='utf-8').strip()}"
            assert "PGPASSWORD" not in env
        self.calls.append((list(argv), noted))
        return self.real(argv, **kwargs)


def test_the_password_never_reaches_a_command_line(
    postgres_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = make_url(postgres_database_url).set(password=PASSWORD)
    database = open_database(url.render_as_string(hide_password=False))
    try:
        create_demo_event(database, participants=8, days=1, facilitators=1)
        recorded = RecordedRun()
        monkeypatch.setattr(database_copy.subprocess, "run", recorded)
        backup = take_backup(database, tmp_path / "kopie.dump")
        restore_backup(database, backup, actor="test")
        assert count(database, Participant) == 8
    finally:
        database.close()
    secrets = (PASSWORD, "geheim", "wachtwoord")
    for argv, pgpass in recorded.calls:
        assert not any(secret in part for part in argv for secret in secrets), argv
        if any(part.startswith("--dbname=") for part in argv):
            # The tools that connect got the password from a file only we could read.
            assert pgpass == "600 *:*:*:*:geheim\\:wachtwoord\\\\2013"
    tools = {Path(argv[0]).name for argv, _pgpass in recorded.calls}
    assert {"pg_dump", "pg_restore", "psql"} <= tools
    assert not list(Path(tempfile.gettempdir()).glob("degenks-pgpass-*"))  # deleted
