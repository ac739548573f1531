"""A small real event in a database: one day, two themes, two tables, three people."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Day, Event, Participant, Table, Theme


@dataclass(frozen=True)
class SmallEvent:
    """Ids of what `add_small_event` made."""

    event_id: int
    day_id: int
    other_day_id: int
    table_ids: tuple[int, int]
    other_day_table_id: int
    participant_ids: tuple[int, int, int]
    badge_codes: tuple[str, str, str]


def add_small_event(database: Database, seed: int = 1) -> SmallEvent:
    """Store a small event and return the ids of its rows."""
    rng = random.Random(seed)
    with database.transaction() as session:
        event = Event(name="Proefdag", venue="Stadhuis")
        session.add(event)
        session.flush()
        day = Day(event_id=event.id, number=1, date=dt.date(2013, 3, 4))
        other_day = Day(event_id=event.id, number=2, date=dt.date(2013, 3, 5))
        housing = Theme(
            event_id=event.id,
            code="wonen",
            name="Wonen",
            question="Hoe kunnen we beter wonen?",
            colour="#C0392B",
        )
        work = Theme(
            event_id=event.id,
            code="werk",
            name="Werk",
            question="Hoe kunnen we meer werk maken?",
            colour="#1F618D",
            position=1,
        )
        session.add_all([day, other_day, housing, work])
        session.flush()
        tables = [
            Table(day_id=day.id, theme_id=housing.id, number=1, capacity=10),
            Table(day_id=day.id, theme_id=work.id, number=2, capacity=10),
            Table(day_id=other_day.id, theme_id=work.id, number=1, capacity=10),
        ]
        codes = tuple(new_badge_code(rng) for _ in range(3))
        people = [
            Participant(
                event_id=event.id,
                first_name="Ayşe",
                last_name="Yılmaz",
                badge_code=codes[0],
                day_id=day.id,
                first_theme_id=housing.id,
            ),
            Participant(
                event_id=event.id,
                first_name="Jan",
                last_name="Peeters",
                badge_code=codes[1],
                day_id=day.id,
                first_theme_id=work.id,
            ),
            Participant(
                event_id=event.id,
                first_name="Γιώργος",
                last_name="Παπαδόπουλος",
                badge_code=codes[2],
                day_id=other_day.id,
                first_theme_id=work.id,
            ),
        ]
        session.add_all([*tables, *people])
        session.flush()
        return SmallEvent(
            event_id=event.id,
            day_id=day.id,
            other_day_id=other_day.id,
            table_ids=(tables[0].id, tables[1].id),
            other_day_table_id=tables[2].id,
            participant_ids=(people[0].id, people[1].id, people[2].id),
            badge_codes=(codes[0], codes[1], codes[2]),
        )
