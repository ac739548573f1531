"""Backups taken while the day goes on restore to a consistent database; bad files are refused."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from degenks_desktop.config import sqlite_url
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.front_desk.check_ins import check_in_participant
from degenks_desktop.services.house.backups import automatic_backups, restore_backup, take_backup
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import AuditEntry, CheckIn, Participant


def consistent_counts(path: Path) -> tuple[int, int]:
    """(check-ins, their audit entries): written in one transaction, so always equal."""
    with sqlite3.connect(path) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        check_ins = copy.execute("SELECT count(*) FROM check_ins").fetchone()[0]
        audited = copy.execute(
            "SELECT count(*) FROM audit_entries WHERE action = 'check_in.created'"
        ).fetchone()[0]
    copy.close()
    return check_ins, audited


def test_a_backup_taken_during_check_ins_restores_consistently(
    sqlite_database: Database, tmp_path: Path
) -> None:
    create_demo_event(sqlite_database, participants=120, facilitators=6)
    with sqlite_database.reading() as session:
        people = list(session.scalars(select(Participant.id).order_by(Participant.id)))
    stop = threading.Event()

    def desk() -> None:
        for person in people:
            if stop.is_set():
                return
            check_in_participant(sqlite_database, person, desk="onthaal 1")

    writer = threading.Thread(target=desk)
    writer.start()
    copies = [take_backup(sqlite_database, tmp_path / f"copy-{n}.sqlite") for n in range(5)]
    stop.set()
    writer.join()
    for copy in copies:
        check_ins, audited = consistent_counts(copy)
        assert check_ins == audited
    # Restore the last copy in place of the live data: what it held, no more, no less.
    expected = consistent_counts(copies[-1])[0]
    safety = restore_backup(sqlite_database, copies[-1], actor="test")
    with sqlite_database.reading() as session:
        assert session.scalar(select(func.count()).select_from(CheckIn)) == expected
        restored = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "database.restored")
        )
    assert restored == 1
    assert consistent_counts(safety)[0] >= expected  # what was replaced is kept aside


def test_a_corrupt_or_foreign_backup_is_refused_and_changes_nothing(
    sqlite_database: Database, tmp_path: Path
) -> None:
    create_demo_event(sqlite_database, participants=20, facilitators=2)
    good = take_backup(sqlite_database, tmp_path / "good.sqlite")
    corrupt = tmp_path / "corrupt.sqlite"
    data = bytearray(good.read_bytes())
    data[4096:8192] = b"\x00" * 4096
    corrupt.write_bytes(bytes(data))
    foreign = tmp_path / "recepten.sqlite"
    with sqlite3.connect(foreign) as other:
        other.execute("CREATE TABLE recipes (name TEXT)")
    other.close()
    text = tmp_path / "notes.sqlite"
    text.write_text("geen databank")
    for bad in (corrupt, foreign, text, tmp_path / "missing.sqlite"):
        with pytest.raises(InputRejected, match="geen bruikbare reservekopie"):
            restore_backup(sqlite_database, bad)
    with sqlite_database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == 20


def test_automatic_copies_keep_only_the_newest(sqlite_database: Database) -> None:
    create_demo_event(sqlite_database, participants=10, facilitators=1)
    made = [take_backup(sqlite_database, keep=3) for _n in range(5)]
    kept = automatic_backups(sqlite_database)
    assert [backup.path for backup in kept] == made[:-4:-1]


def test_a_backup_opens_as_a_database(sqlite_database: Database, tmp_path: Path) -> None:
    create_demo_event(sqlite_database, participants=10, facilitators=1)
    copy = take_backup(sqlite_database, tmp_path / "kopie.sqlite")
    opened = open_database(sqlite_url(copy))
    with opened.reading() as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == 10
    opened.close()
