"""Two tables of one day with facilitators, PINs, duos and people: the facilitators' world."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import insert

from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.services.tables.access import TableAccess, set_pin, sign_in
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Duo, Facilitator, Idea, Participant, Seat, Table, Vote
from tests.helpers.events import add_small_event

PIN_MINE = "246802"
PIN_OTHER = "135791"
FIRST_NAMES = (
    "Lies",
    "Mehmet",
    "Rachida",
    "Tom",
    "Giuseppe",
    "An",
    "Youssef",
    "Els",
    "Piotr",
    "Fatma",
)


@dataclass(frozen=True)
class TwoTables:
    """My table (1) and the other table (2) of day 1, signed in."""

    mine: TableAccess
    other: TableAccess
    duos: tuple[int, ...]
    people: tuple[int, ...]
    other_duo: int
    other_people: tuple[int, ...]


def add_two_tables(database: Database) -> TwoTables:
    """Store the small event plus facilitators, ten people in five duos at table 1 and a
    duo at table 2; set both PINs and sign in at both tables."""
    small = add_small_event(database)
    with database.transaction() as session:
        mine = Facilitator(event_id=small.event_id, first_name="Sofie", last_name="Claes")
        other = Facilitator(event_id=small.event_id, first_name="Karim", last_name="Haddou")
        session.add_all([mine, other])
        session.flush()
        table_one = session.get(Table, small.table_ids[0])
        table_two = session.get(Table, small.table_ids[1])
        assert table_one is not None and table_two is not None
        table_one.facilitator_id, table_two.facilitator_id = mine.id, other.id
        duos = [Duo(table_id=table_one.id, number=n) for n in range(1, 6)]
        other_duo = Duo(table_id=table_two.id, number=1)
        session.add_all([*duos, other_duo])
        session.flush()
        people = []
        for index, first in enumerate(FIRST_NAMES):
            person = Participant(
                event_id=small.event_id,
                first_name=first,
                last_name="Tafel",
                badge_code=new_badge_code(),
                day_id=small.day_id,
            )
            session.add(person)
            session.flush()
            session.add(
                Seat(
                    participant_id=person.id,
                    day_id=small.day_id,
                    table_id=table_one.id,
                    duo_id=duos[index // 2].id,
                )
            )
            people.append(person.id)
        for person_id in small.participant_ids[:2]:
            session.add(
                Seat(
                    participant_id=person_id,
                    day_id=small.day_id,
                    table_id=table_two.id,
                    duo_id=other_duo.id,
                )
            )
        ids = (mine.id, other.id, tuple(d.id for d in duos), other_duo.id)
    set_pin(database, ids[0], PIN_MINE, actor="organisatie")
    set_pin(database, ids[1], PIN_OTHER, actor="organisatie")
    return TwoTables(
        mine=sign_in(database, day_number=1, table_number=1, pin=PIN_MINE),
        other=sign_in(database, day_number=1, table_number=2, pin=PIN_OTHER),
        duos=ids[2],
        people=tuple(people),
        other_duo=ids[3],
        other_people=small.participant_ids[:2],
    )


def fill_busy_table(
    database: Database, tables: TwoTables, *, ideas: int = 200, votes: int = 1_000, seed: int = 7
) -> tuple[list[int], list[int]]:
    """`ideas` ideas at my table and `votes` single dots spread over them at random, as a
    busy table ends its vote; returns the ideas' ids and the idea each dot went to."""
    rng = random.Random(seed)
    with database.transaction() as session:
        ids = [
            session.execute(
                insert(Idea)
                .values(table_id=tables.mine.table_id, duo_id=tables.duos[n % 5], text=f"Idee {n}")
                .returning(Idea.id)
            ).scalar_one()
            for n in range(ideas)
        ]
        dotted = [rng.choice(ids) for _n in range(votes)]
        session.execute(
            insert(Vote),
            [
                {"idea_id": idea, "participant_id": tables.people[n % 10], "dots": 1}
                for n, idea in enumerate(dotted)
            ],
        )
    return ids, dotted
