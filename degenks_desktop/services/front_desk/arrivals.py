"""Who has arrived of whom was expected on a day, per theme and per table.

The check-in station shows these under the scan box; Organisatie → Aankomst shows them
to the organisers, marking what lags behind the room.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from degenks_desktop.domain.registration import EXPECTED_STATUSES
from degenks_desktop.services.house.events import require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import CheckIn, Day, Participant, Seat, Table, Theme


@dataclass(frozen=True)
class ArrivalCount:
    """Who has arrived of whom was expected, for one theme or one table."""

    label: str
    checked_in: int
    expected: int


def arrivals(database: Database, day_number: int) -> tuple[list[ArrivalCount], list[ArrivalCount]]:
    """Checked in against expected on a day: per theme (by first choice) and per table (seated)."""
    with database.reading() as session:
        event = require_event(session)
        day = session.scalars(
            select(Day).where(Day.event_id == event.id, Day.number == day_number)
        ).first()
        if day is None:
            return [], []
        present = set(
            session.scalars(
                select(CheckIn.participant_id).where(
                    CheckIn.day_id == day.id, CheckIn.undone_at.is_(None)
                )
            )
        )
        # Two queries, counted here: this runs on every refresh of the desk's counts.
        expected_by_theme: dict[int | None, set[int]] = defaultdict(set)
        for person, theme_id in session.execute(
            select(Participant.id, Participant.first_theme_id).where(
                Participant.day_id == day.id, Participant.status.in_(EXPECTED_STATUSES)
            )
        ).all():
            expected_by_theme[theme_id].add(person)
        seated_by_table: dict[int, set[int]] = defaultdict(set)
        for person, table_id in session.execute(
            select(Seat.participant_id, Seat.table_id).where(Seat.day_id == day.id)
        ).all():
            seated_by_table[table_id].add(person)
        themes = [
            ArrivalCount(
                theme.name,
                len(expected_by_theme[theme.id] & present),
                len(expected_by_theme[theme.id]),
            )
            for theme in session.scalars(
                select(Theme).where(Theme.event_id == event.id).order_by(Theme.position)
            )
        ]
        tables = [
            ArrivalCount(
                str(table.number),
                len(seated_by_table[table.id] & present),
                len(seated_by_table[table.id]),
            )
            for table in session.scalars(
                select(Table).where(Table.day_id == day.id).order_by(Table.number)
            )
        ]
        return themes, tables
