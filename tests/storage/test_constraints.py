"""Wrong states are impossible in the database itself, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from degenks_desktop.errors import ConflictingChange
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, CheckIn, Event, Participant, Seat
from tests.helpers.counts import count
from tests.helpers.events import add_small_event


@contextmanager
def refused_by_the_database() -> Iterator[None]:
    """The database's own constraint refuses the write: the user gets a sentence, with
    the driver's IntegrityError underneath."""
    with pytest.raises(ConflictingChange) as refused:
        yield
    assert isinstance(refused.value.__cause__, IntegrityError)


@contextmanager
def refused_as_append_only() -> Iterator[None]:
    """The audit table's trigger refuses the change (SQLite reports it as a constraint,
    PostgreSQL as a raised exception)."""
    with pytest.raises((ConflictingChange, DBAPIError)) as refused:
        yield
    driver_error = refused.value.__cause__ or refused.value
    assert "append-only" in str(driver_error)


def test_a_second_active_check_in_for_the_same_day_fails(database: Database) -> None:
    small = add_small_event(database)
    person = small.participant_ids[0]
    with database.transaction() as session:
        session.add(CheckIn(participant_id=person, day_id=small.day_id, desk="onthaal 1"))
    with refused_by_the_database(), database.transaction() as session:
        session.add(CheckIn(participant_id=person, day_id=small.day_id, desk="onthaal 2"))
    assert count(database, CheckIn) == 1


def test_after_an_undo_the_person_can_check_in_again(database: Database) -> None:
    small = add_small_event(database)
    person = small.participant_ids[0]
    with database.transaction() as session:
        first = CheckIn(participant_id=person, day_id=small.day_id, desk="onthaal 1")
        session.add(first)
    with database.transaction() as session:
        session.execute(
            update(CheckIn)
            .where(CheckIn.id == first.id)
            .values(undone_at=dt.datetime.now(dt.UTC), undone_by="onthaal 1")
        )
        session.add(CheckIn(participant_id=person, day_id=small.day_id, desk="onthaal 2"))
        # The same person may also be checked in on the other day.
        session.add(CheckIn(participant_id=person, day_id=small.other_day_id, desk="onthaal 1"))
    assert count(database, CheckIn) == 3


def test_badge_codes_are_unique(database: Database) -> None:
    small = add_small_event(database)
    with refused_by_the_database(), database.transaction() as session:
        session.add(
            Participant(
                event_id=small.event_id,
                first_name="Kopie",
                last_name="Persoon",
                badge_code=small.badge_codes[0],
            )
        )
    assert count(database, Participant) == 3


def test_one_seat_per_person_per_day(database: Database) -> None:
    small = add_small_event(database)
    person = small.participant_ids[0]
    with database.transaction() as session:
        session.add(Seat(participant_id=person, day_id=small.day_id, table_id=small.table_ids[0]))
    with refused_by_the_database(), database.transaction() as session:
        session.add(Seat(participant_id=person, day_id=small.day_id, table_id=small.table_ids[1]))
    assert count(database, Seat) == 1


def test_a_seat_must_be_at_a_table_of_its_own_day(database: Database) -> None:
    small = add_small_event(database)
    with refused_by_the_database(), database.transaction() as session:
        session.add(
            Seat(
                participant_id=small.participant_ids[0],
                day_id=small.day_id,
                table_id=small.other_day_table_id,
            )
        )
    assert count(database, Seat) == 0


def test_audit_entries_can_be_added_but_never_changed_or_deleted(database: Database) -> None:
    with database.transaction() as session:
        session.add(AuditEntry(action="check_in.created", actor="onthaal 1"))
    with refused_as_append_only(), database.transaction() as session:
        session.execute(update(AuditEntry).values(actor="iemand anders"))
    with refused_as_append_only(), database.transaction() as session:
        session.execute(delete(AuditEntry))
    with database.reading() as session:
        entries = session.execute(select(AuditEntry.action, AuditEntry.actor)).all()
    assert entries == [("check_in.created", "onthaal 1")]


def test_deleting_an_event_removes_its_rows_but_keeps_the_audit_log(database: Database) -> None:
    add_small_event(database)
    with database.transaction() as session:
        session.add(AuditEntry(action="event.created"))
    with database.transaction() as session:
        session.execute(delete(Event))
    assert count(database, Participant) == 0
    assert count(database, AuditEntry) == 1


def test_a_failed_transaction_leaves_nothing_behind(database: Database) -> None:
    small = add_small_event(database)
    with refused_by_the_database(), database.transaction() as session:
        session.add(AuditEntry(action="participant.added"))
        session.add(
            Participant(
                event_id=small.event_id,
                first_name="Nieuw",
                last_name="Iemand",
                badge_code=small.badge_codes[1],
            )
        )
    assert count(database, AuditEntry) == 0
    assert count(database, Participant) == 3


def test_moments_come_back_in_utc(database: Database) -> None:
    brussels = dt.timezone(dt.timedelta(hours=1))
    moment = dt.datetime(2013, 3, 4, 9, 42, tzinfo=brussels)
    with database.transaction() as session:
        session.add(AuditEntry(action="x", at=moment))
    with database.reading() as session:
        stored = session.scalars(select(AuditEntry.at)).one()
    assert stored == moment
    assert stored.utcoffset() == dt.timedelta(0)


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_database: Database) -> None:
    with sqlite_database.reading() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert int(session.execute(text("PRAGMA busy_timeout")).scalar() or 0) > 0
