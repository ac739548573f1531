"""`create_demo_event`: a G360-shaped event in the database, in one transaction, audited."""

from __future__ import annotations

from collections import Counter
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
    Day,
    Duo,
    Event,
    Facilitator,
    Participant,
    Profile,
    Seat,
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
    assert count(database, Seat) == 449  # everyone has a chair from the start
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
    assert count(database, AuditEntry) == 2  # the first demo and its organiser account


def test_replacing_keeps_the_audit_trail(database: Database) -> None:
    create_demo_event(database, participants=30, seed=1)
    create_demo_event(database, participants=20, seed=2, replace=True)
    assert count(database, Event) == 1
    assert count(database, Participant) == 20
    with database.reading() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == [
        "organiser.created",  # the demo's organiser account, made once and then kept
        "event.demo_created",
        "event.replaced_by_demo",
        "event.demo_created",
    ]


def test_cancelling_leaves_nothing_behind(database: Database) -> None:
    def cancel_halfway(done: int, total: int) -> None:
        if done >= total // 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        create_demo_event(database, participants=200, progress=cancel_halfway)
    assert count(database, Event) == 0
    assert count(database, Participant) == 0
    assert count(database, AuditEntry) == 0


def test_the_demo_is_seated_at_creation_in_duos_at_tables_of_their_theme(
    database: Database,
) -> None:
    steps: list[tuple[int, int]] = []
    summary = create_demo_event(
        database, participants=60, progress=lambda *step: steps.append(step)
    )
    assert steps[-1] == (120, 120)  # each person counted once made and once seated
    with database.reading() as session:
        people = session.execute(
            select(
                Participant.id,
                Participant.day_id,
                Participant.first_theme_id,
                Participant.second_theme_id,
            )
        ).all()
        seats = {
            person: (day, table, duo)
            for person, day, table, duo in session.execute(
                select(Seat.participant_id, Seat.day_id, Seat.table_id, Seat.duo_id)
            ).all()
        }
        tables = {
            table: (day, theme, capacity)
            for table, day, theme, capacity in session.execute(
                select(Table.id, Table.day_id, Table.theme_id, Table.capacity)
            ).all()
        }
        duo_table = dict(session.execute(select(Duo.id, Duo.table_id)).all())
        days = session.scalars(select(Day.id)).all()
    assert len(days) == 2
    for day in days:
        assert {p for p, d, _first, _second in people if d == day} == {
            p for p, (d, _table, _duo) in seats.items() if d == day
        }
    for person, registered_for, first, second in people:
        seat_day, table, duo = seats[person]
        assert seat_day == registered_for == tables[table][0]
        assert tables[table][1] in {first, second}  # a table of their theme
        assert duo is not None and duo_table[duo] == table
    members = Counter(duo for _day, _table, duo in seats.values())
    at_table = Counter(table for _day, table, _duo in seats.values())
    for pair, size in members.items():
        # Pairs, a trio for an odd table; alone only as the one person of a theme that day.
        assert pair is not None
        assert size in {2, 3} or (size == 1 and at_table[duo_table[pair]] == 1)
    assert all(count <= tables[table][2] for table, count in at_table.items())
    assert summary.seating is not None
    assert (summary.seating.seated, summary.seating.participants) == (60, 60)
    assert (summary.seating.duos, summary.seating.trios) == (
        sum(1 for size in members.values() if size == 2),
        sum(1 for size in members.values() if size == 3),
    )
    with database.reading() as session:
        audited = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    # One write: the event (seated is in its details) and the demo's organiser account.
    assert audited == ["organiser.created", "event.demo_created"]


def test_a_demo_asked_unseated_has_no_seats(database: Database) -> None:
    summary = create_demo_event(database, participants=60, seated=False)
    assert summary.seating is None
    assert (count(database, Seat), count(database, Duo)) == (0, 0)


def test_replacing_a_seated_demo_seats_the_new_one_only(database: Database) -> None:
    create_demo_event(database, participants=60, seed=1)
    create_demo_event(database, participants=20, seed=2, replace=True)
    assert count(database, Seat) == count(database, Participant) == 20


def test_cancelling_while_the_days_are_seated_leaves_nothing_behind(database: Database) -> None:
    def cancel_after_the_first_day(done: int, total: int) -> None:
        if done > total // 2:  # the people are made and day 1 is seated
            raise Cancelled

    with pytest.raises(Cancelled):
        create_demo_event(database, participants=60, progress=cancel_after_the_first_day)
    for model in (Event, Participant, Seat, Duo, AuditEntry):
        assert count(database, model) == 0


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


def test_the_demos_people_have_an_address_and_some_may_be_contacted(database: Database) -> None:
    create_demo_event(database, participants=60, seated=False)
    with database.reading() as session:
        rows = session.execute(
            select(
                Participant.street,
                Participant.postcode,
                Participant.town,
                Participant.contact_consent,
            )
        ).all()
    assert all(street and postcode and town for street, postcode, town, _agreed in rows)
    assert {postcode for _street, postcode, _town, _agreed in rows} <= {
        "3600",
        "3500",
        "3590",
        "3530",
    }
    agreed = sum(1 for *_address, agreed in rows if agreed)
    assert 0 < agreed < len(rows)
