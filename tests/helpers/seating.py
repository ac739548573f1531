"""Day 1 of the demo G360 as the seating engine sees it (225 people at 26 tables), and
tables made to order in a database: who sits where, by hand."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from sqlalchemy import select

from degenks_desktop.demo.plan import plan_demo_event
from degenks_desktop.domain.diversity import age_band
from degenks_desktop.domain.seating import SeatPerson, SeatTable
from degenks_desktop.services.organising.seating import move_person
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Participant, Profile, Seat, Table

EVENT_YEAR = 2013


def g360_day_one(
    answers: Sequence[str] = ("gender", "origin"),
) -> tuple[list[SeatPerson], list[SeatTable]]:
    """Day 1's people with their theme choices and the `answers` (plus the age band) that
    their tables should mix, and the day's tables."""
    event = plan_demo_event()
    themes = {theme.code: number for number, theme in enumerate(event.themes)}
    people = [
        SeatPerson(
            number,
            themes[p.first_theme],
            themes.get(p.second_theme or ""),
            (
                *((key, str(getattr(p.profile, key) or "")) for key in answers),
                ("age_band", age_band(p.profile.birth_year or 1970, EVENT_YEAR)),
            )
            if p.profile
            else (),
        )
        for number, p in enumerate(event.people)
        if p.day_number == 1
    ]
    tables = [
        SeatTable(number, themes[t.theme], t.capacity)
        for number, t in enumerate(event.tables)
        if t.day_number == 1
    ]
    return people, tables


def seat_at_table(database: Database, table_id: int, people: Sequence[int]) -> None:
    """Make `people` exactly who sits at `table_id` (moved by hand, as an organiser
    would): everyone else there goes to the emptiest other table of the day."""
    with database.reading() as session:
        table = session.get(Table, table_id)
        assert table is not None
        others = list(
            session.scalars(
                select(Table.id).where(Table.day_id == table.day_id, Table.id != table_id)
            )
        )
        seated = dict(
            session.execute(
                select(Seat.participant_id, Seat.table_id).where(Seat.day_id == table.day_id)
            ).all()
        )
    keep = set(people)
    for person, at in seated.items():
        if at == table_id and person not in keep:
            counts = Counter(seated.values())
            emptiest = min(others, key=lambda other: counts[other])
            move_person(database, person, emptiest)
            seated[person] = emptiest
    for person in people:
        if seated.get(person) != table_id:
            move_person(database, person, table_id)
            seated[person] = table_id


def consenting_by_gender(database: Database, day_id: int) -> dict[str, list[int]]:
    """The people of a day who consented, by their gender answer."""
    with database.reading() as session:
        rows = session.execute(
            select(Participant.id, Profile.gender)
            .join(Profile, Profile.participant_id == Participant.id)
            .where(Participant.day_id == day_id, Participant.profile_consent)
            .order_by(Participant.id)
        ).all()
    found: dict[str, list[int]] = defaultdict(list)
    for person, gender in rows:
        if gender:
            found[gender].append(person)
    return found
