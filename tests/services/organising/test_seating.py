"""Seating the demo day in the database: one seat per person, duos stored, audited."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
from sqlalchemy import func, select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.table_mix import Mix
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.front_desk.check_ins import check_in_participant
from degenks_desktop.services.front_desk.walk_ins import WalkIn, WalkInResult, register_walk_in
from degenks_desktop.services.organising.seating import (
    assign_seats,
    move_person,
    reform_day,
    seat_newcomer,
    seating_board,
    swap_partners,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    AuditEntry,
    CheckIn,
    Day,
    Participant,
    Seat,
    Table,
    Theme,
)
from tests.helpers.seating import consenting_by_gender, seat_at_table


def test_the_demo_day_is_seated(database: Database) -> None:
    create_demo_event(database, participants=120, seated=False)
    report = assign_seats(database, day_number=1, effort=0.1)
    result = report.as_json()
    for key in (
        "participants",
        "tables",
        "seated",
        "unseated",
        "not_checked_in",
        "first_choice_share",
        "duos",
        "trios",
        "objective",
        "bound",
        "gap",
        "seconds",
        "solver",
    ):
        assert key in result
    assert report.seated == report.participants == 60
    assert (report.unseated, report.not_checked_in) == (0, 0)
    with database.reading() as session:
        seats = session.execute(select(Seat.table_id, Seat.duo_id)).all()
        capacity = dict(session.execute(select(Table.id, Table.capacity)).all())
        audited = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "seating.assigned")
        )
    assert len(seats) == 60 and all(duo is not None for _table, duo in seats)
    for table, count in Counter(table for table, _duo in seats).items():
        assert count <= capacity[table]
    assert audited == 1


def test_a_rerun_keeps_people_where_they_are(database: Database) -> None:
    create_demo_event(database, participants=80)
    assign_seats(database, day_number=2, effort=0.1)
    again = assign_seats(database, day_number=2, effort=0.1)
    assert again.moved == 0


def test_once_check_in_started_only_present_people_are_seated(database: Database) -> None:
    create_demo_event(database, participants=80)
    with database.transaction() as session:
        day = session.scalars(select(Day).where(Day.number == 1)).one()
        people = session.scalars(
            select(Participant.id).where(Participant.day_id == day.id).limit(9)
        ).all()
        for person in people:
            session.add(
                CheckIn(
                    participant_id=person,
                    day_id=day.id,
                    desk="1",
                    checked_in_at=dt.datetime.now(dt.UTC),
                )
            )
    report = assign_seats(database, day_number=1, effort=0.1)
    assert (report.participants, report.seated) == (9, 9)
    assert report.trios >= 1  # nine people cannot all be in pairs


def test_seating_after_check_in_started_says_who_it_leaves_unseated_and_why(
    database: Database,
) -> None:
    create_demo_event(database, participants=60)  # seated at creation: all 30 of day one
    with database.transaction() as session:
        day = session.scalars(select(Day).where(Day.number == 1)).one()
        people = session.scalars(
            select(Participant.id).where(Participant.day_id == day.id).order_by(Participant.id)
        ).all()
        for person in people[:18]:
            session.add(
                CheckIn(
                    participant_id=person,
                    day_id=day.id,
                    desk="1",
                    checked_in_at=dt.datetime.now(dt.UTC),
                )
            )
    assert len(people) == 30
    report = assign_seats(database, day_number=1, effort=0.1)
    assert (report.participants, report.seated, report.not_checked_in) == (18, 18, 12)
    assert report.as_json()["not_checked_in"] == 12
    assert report.describe().endswith(
        "12 ingeschreven mensen zijn nog niet ingecheckt en krijgen geen plaats: zodra het "
        "inchecken begonnen is, krijgen alleen aanwezigen een plaats. Wie later incheckt, "
        "krijgt een plaats met Bijwerken voor aankomsten (of door de dag opnieuw in te delen)."
    )
    with database.reading() as session:
        seated = set(session.scalars(select(Seat.participant_id).where(Seat.day_id == day.id)))
        audited = session.scalars(
            select(AuditEntry.details)
            .where(AuditEntry.action == "seating.assigned")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert seated == set(people[:18])  # what the sentence says: the twelve lost their seat
    assert audited is not None and json.loads(audited)["not_checked_in"] == 12
    # One more arrives: the live re-form seats them, and the count follows.
    with database.transaction() as session:
        session.add(
            CheckIn(
                participant_id=people[18],
                day_id=day.id,
                desk="1",
                checked_in_at=dt.datetime.now(dt.UTC),
            )
        )
    again = reform_day(database, day_number=1)
    assert (again.seated, again.not_checked_in) == (19, 11)
    assert "11 ingeschreven mensen" in again.describe()


def test_before_check_in_nobody_is_left_for_not_having_checked_in(database: Database) -> None:
    create_demo_event(database, participants=60)
    report = assign_seats(database, day_number=2, effort=0.1)
    assert (report.seated, report.not_checked_in) == (30, 0)
    assert "ingecheckt" not in report.describe()


def test_an_unknown_day_is_refused(database: Database) -> None:
    create_demo_event(database, participants=10)
    with pytest.raises(InputRejected):
        assign_seats(database, day_number=5)


def test_a_move_by_hand_is_pinned_and_kept_by_the_next_run(database: Database) -> None:
    create_demo_event(database, participants=60)
    assign_seats(database, day_number=1, effort=0.1)
    with database.reading() as session:
        person, table = session.execute(select(Seat.participant_id, Seat.table_id).limit(1)).one()
        other = session.scalars(
            select(Table.id).where(
                Table.id != table,
                Table.day_id
                == select(Seat.day_id).where(Seat.participant_id == person).scalar_subquery(),
            )
        ).first()
    assert other is not None
    move_person(database, person, other, actor="organisatie")
    report = assign_seats(database, day_number=1, effort=0.1)
    with database.reading() as session:
        now = session.scalars(select(Seat.table_id).where(Seat.participant_id == person)).one()
    assert now == other
    assert report.moved <= 1  # only the moved person's old duo partner may need a new seat


def test_a_full_table_refuses_one_more(database: Database) -> None:
    create_demo_event(database, participants=60)
    assign_seats(database, day_number=1, effort=0.1)
    with database.transaction() as session:
        table = session.scalars(select(Table).join(Seat, Seat.table_id == Table.id)).first()
        assert table is not None
        table.capacity = int(
            session.scalar(select(func.count()).select_from(Seat).where(Seat.table_id == table.id))
            or 0
        )
        day, full = table.day_id, table.id
        outsider = session.scalars(
            select(Seat.participant_id).where(Seat.day_id == day, Seat.table_id != full)
        ).first()
    assert outsider is not None
    with pytest.raises(InputRejected, match="vol"):
        move_person(database, outsider, full)
    with database.reading() as session:
        still = session.scalars(select(Seat.table_id).where(Seat.participant_id == outsider)).one()
    assert still != full


def test_what_changed_is_reported_after_no_shows(database: Database) -> None:
    create_demo_event(database, participants=60)
    assign_seats(database, day_number=1, effort=0.1)
    with database.transaction() as session:
        day = session.scalars(select(Day).where(Day.number == 1)).one()
        people = session.scalars(select(Participant.id).where(Participant.day_id == day.id)).all()
        for person in people[2:]:  # two people did not come
            session.add(
                CheckIn(
                    participant_id=person,
                    day_id=day.id,
                    desk="1",
                    checked_in_at=dt.datetime.now(dt.UTC),
                )
            )
    report = assign_seats(database, day_number=1, effort=0.1)
    assert report.seated == len(people) - 2
    assert all(isinstance(change[0], str) for change in report.changes)
    assert report.as_json()["changes"] == [
        {"name": n, "from_table": a, "to_table": b} for n, a, b in report.changes
    ]


def test_partners_can_be_swapped_at_one_table(database: Database) -> None:
    create_demo_event(database, participants=60)
    assign_seats(database, day_number=1, effort=0.1)
    with database.reading() as session:
        table = session.scalars(
            select(Seat.table_id).group_by(Seat.table_id).order_by(func.count().desc()).limit(1)
        ).one()
        seats = session.execute(
            select(Seat.participant_id, Seat.duo_id)
            .where(Seat.table_id == table)
            .order_by(Seat.duo_id)
        ).all()
    (a, duo_a), (b, duo_b) = seats[0], seats[-1]
    assert duo_a != duo_b
    swap_partners(database, a, b, actor="tafel")
    with database.reading() as session:
        now = dict(
            session.execute(
                select(Seat.participant_id, Seat.duo_id).where(Seat.participant_id.in_([a, b]))
            ).all()
        )
    assert now == {a: duo_b, b: duo_a}
    with pytest.raises(InputRejected):
        swap_partners(database, a, a)


def test_a_live_reform_seats_walk_ins_and_moves_nobody_else(database: Database) -> None:
    create_demo_event(database, participants=60)
    assign_seats(database, day_number=1, effort=0.1)
    with database.reading() as session:
        before = dict(session.execute(select(Seat.participant_id, Seat.table_id)).all())
    walk_in = _walk_in(database, "Nieuw", "Binnen")
    report = reform_day(database, day_number=1)
    with database.reading() as session:
        after = dict(session.execute(select(Seat.participant_id, Seat.table_id)).all())
    assert walk_in.participant_id in after
    # Check-in has started (the walk-in checked in), so only present people keep a seat.
    assert report.moved == 0
    assert all(after[p] == before[p] for p in after if p in before)


def test_a_walk_in_takes_a_chair_and_nobody_else_loses_theirs(database: Database) -> None:
    create_demo_event(database, participants=60)  # seated at creation, nobody arrived yet
    with database.reading() as session:
        before = dict(session.execute(select(Seat.participant_id, Seat.table_id)).all())
        duos_before = dict(session.execute(select(Seat.participant_id, Seat.duo_id)).all())
    theme = _a_theme(database)
    made = _walk_in(database, "Nieuw", "Binnen", theme)
    seat = seat_newcomer(database, made.participant_id, day_number=1, actor="onthaal 1")
    assert seat is not None
    with database.reading() as session:
        after = dict(session.execute(select(Seat.participant_id, Seat.table_id)).all())
        duos_after = dict(session.execute(select(Seat.participant_id, Seat.duo_id)).all())
        table_number, table_theme = session.execute(
            select(Table.number, Table.theme_id).where(Table.id == after[made.participant_id])
        ).one()
        audited = session.scalars(
            select(AuditEntry.action).where(AuditEntry.subject_id == made.participant_id)
        ).all()
    assert (table_number, table_theme) == (seat[0], theme)
    # Everyone seated before keeps their table and partner, arrived or not.
    assert {p: after[p] for p in before} == before
    assert {p: duos_after[p] for p in duos_before} == duos_before
    assert len(after) == len(before) + 1
    partners = [p for p, duo in duos_after.items() if duo == duos_after[made.participant_id]]
    assert 1 <= len(partners) <= 3
    assert "seat.walk_in" in audited
    # Asked again, the walk-in keeps the chair they have.
    assert seat_newcomer(database, made.participant_id, day_number=1) == seat


def test_a_walk_in_on_a_day_not_seated_yet_waits_for_the_seating(database: Database) -> None:
    create_demo_event(database, participants=20, seated=False)
    made = _walk_in(database, "Nog", "Niet")
    assert seat_newcomer(database, made.participant_id, day_number=1) is None


def _gender_mix(database: Database, table_id: int) -> Mix:
    card = next(card for card in seating_board(database, 1) if card.table_id == table_id)
    return next(category.mix for category in card.make_up if category.key == "gender")


def test_the_board_says_how_far_each_table_is_from_the_days_mix(database: Database) -> None:
    create_demo_event(database, participants=60, seated=False)
    assign_seats(database, day_number=1, effort=0.1)
    genders = consenting_by_gender(database, _day_one(database))
    first, second = (card.table_id for card in seating_board(database, 1)[:2])
    seat_at_table(database, first, genders["f"][:6])
    seat_at_table(database, second, genders["f"][6:9] + genders["m"][:3])
    assert _gender_mix(database, first) is Mix.FAR_OFF
    assert _gender_mix(database, second) is Mix.CLOSE
    card = seating_board(database, 1)[0]
    # Every watched category gets a verdict, and nothing more: no counts per answer.
    assert [category.key for category in card.make_up] == [
        "gender",
        "age_band",
        "origin",
        "neighbourhood",
        "education",
        "work_situation",
    ]


def test_only_answers_given_with_consent_count_on_the_board(database: Database) -> None:
    create_demo_event(database, participants=60, seated=False)
    assign_seats(database, day_number=1, effort=0.1)
    women = consenting_by_gender(database, _day_one(database))["f"][:5]
    table = seating_board(database, 1)[0].table_id
    seat_at_table(database, table, women)
    assert _gender_mix(database, table) is Mix.FAR_OFF
    with database.transaction() as session:
        person = session.get(Participant, women[0])
        assert person is not None
        person.profile_consent = False
    # Four answers left: too few to compare, and too few to say anything about.
    assert _gender_mix(database, table) is Mix.TOO_FEW


def test_the_board_counts_who_checked_in_once_the_day_has_started(database: Database) -> None:
    create_demo_event(database, participants=60)
    before = seating_board(database, 1)
    assert all(card.checked_in is None for card in before)
    first = next(card for card in before if card.members)
    arrived = first.members[0].participant_id
    check_in_participant(database, arrived, desk="onthaal 1", day_number=1)
    after = {card.table_id: card for card in seating_board(database, 1)}
    assert after[first.table_id].checked_in == 1
    assert [m.participant_id for m in after[first.table_id].members if m.checked_in] == [arrived]
    assert all(card.checked_in == 0 for card in after.values() if card is not after[first.table_id])


def test_a_card_groups_its_members_by_duo(database: Database) -> None:
    create_demo_event(database, participants=60)
    with database.reading() as session:
        duo_of = dict(session.execute(select(Seat.participant_id, Seat.duo_id)).all())
    for card in seating_board(database, 1):
        groups = card.duos()
        numbers = [duo for duo, _members in groups if duo is not None]
        assert numbers == sorted(numbers) and len(numbers) == len(groups)
        for _duo, members in groups:
            assert len({duo_of[member.participant_id] for member in members}) == 1


def _walk_in(
    database: Database, first: str, last: str, theme_id: int | None = None
) -> WalkInResult:
    """Someone registered and checked in at the desk on day 1, at the first theme."""
    return register_walk_in(
        database,
        WalkIn(
            first_name=first,
            last_name=last,
            day_id=_day_one(database),
            theme_id=theme_id if theme_id is not None else _a_theme(database),
        ),
        desk="onthaal 1",
    )


def _day_one(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalars(select(Day.id).where(Day.number == 1)).one())


def _a_theme(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalars(select(Theme.id).order_by(Theme.position)).first() or 0)
