"""`create_demo_event`: a G360-shaped event in the database, in one transaction, audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from degenks_desktop.config import sqlite_url
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.errors import AccessRefused, Cancelled, InputRejected
from degenks_desktop.services.tables.access import sign_in, tables_to_sign_in
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import (
    AuditEntry,
    Event,
    Facilitator,
    Participant,
    Profile,
    Table,
    Theme,
)
from tests.helpers.counts import count


def names_and_codes(database: Database) -> list[tuple[str, str, str]]:
    with database.reading() as session:
        rows = session.execute(
            select(Participant.first_name, Participant.last_name, Participant.badge_code).order_by(
                Participant.id
            )
        ).all()
    return [(first, last, code) for first, last, code in rows]


def test_the_default_demo_is_the_g360(database: Database) -> None:
    summary = create_demo_event(database)
    assert (summary.participants, summary.days, summary.themes, summary.facilitators) == (
        449,
        2,
        8,
        47,
    )
    assert count(database, Participant) == 449
    assert count(database, Theme) == 8
    assert count(database, Facilitator) == 47
    assert count(database, Table) == summary.tables
    with database.reading() as session:
        without_facilitator = session.scalar(
            select(func.count()).select_from(Table).where(Table.facilitator_id.is_(None))
        )
        consenting = session.scalar(
            select(func.count()).select_from(Participant).where(Participant.profile_consent)
        )
    assert without_facilitator == 0
    # A profile exists exactly for those who consented.
    assert count(database, Profile) == consenting


def test_diversity_answers_live_apart_from_names(database: Database) -> None:
    create_demo_event(database, participants=40)
    with database.engine.connect() as connection:
        columns = {column["name"] for column in inspect(connection).get_columns("profiles")}
    assert "origin" in columns
    assert not columns & {"first_name", "last_name", "email", "phone", "badge_code"}


def test_the_same_seed_gives_the_same_people(database: Database, tmp_path: Path) -> None:
    create_demo_event(database, participants=60, seed=42)
    other = open_database(sqlite_url(tmp_path / "other.sqlite"))
    create_demo_event(other, participants=60, seed=42)
    assert names_and_codes(database) == names_and_codes(other)
    other.close()


def test_a_database_with_an_event_is_refused_and_left_alone(database: Database) -> None:
    create_demo_event(database, participants=30, seed=1)
    before = names_and_codes(database)
    with pytest.raises(InputRejected, match="bevat al het evenement"):
        create_demo_event(database, participants=30, seed=2)
    assert names_and_codes(database) == before
    assert count(database, AuditEntry) == 1


def test_replacing_keeps_the_audit_trail(database: Database) -> None:
    create_demo_event(database, participants=30, seed=1)
    create_demo_event(database, participants=20, seed=2, replace=True)
    assert count(database, Event) == 1
    assert count(database, Participant) == 20
    with database.reading() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["event.demo_created", "event.replaced_by_demo", "event.demo_created"]


def test_cancelling_leaves_nothing_behind(database: Database) -> None:
    def cancel_halfway(done: int, total: int) -> None:
        if done >= total // 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        create_demo_event(database, participants=200, progress=cancel_halfway)
    assert count(database, Event) == 0
    assert count(database, Participant) == 0
    assert count(database, AuditEntry) == 0


@pytest.mark.parametrize(("participants", "days"), [(-1, 2), (449, 0), (20_001, 2), (10, 15)])
def test_impossible_sizes_are_refused(database: Database, participants: int, days: int) -> None:
    with pytest.raises(InputRejected):
        create_demo_event(database, participants=participants, days=days)
    assert count(database, Event) == 0


def test_demo_facilitators_sign_in_with_the_pin_the_readme_gives(database: Database) -> None:
    create_demo_event(database, participants=60)
    choices = tables_to_sign_in(database, 2)
    assert choices and all(choice.has_pin for choice in choices if choice.facilitator)
    table = choices[-1].number
    access = sign_in(database, day_number=2, table_number=table, pin=f"2{table:03d}")
    assert access.table_number == table
    with pytest.raises(AccessRefused):
        sign_in(database, day_number=2, table_number=table, pin=f"1{table:03d}")
