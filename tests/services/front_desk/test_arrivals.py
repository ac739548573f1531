"""`arrivals`: checked in against expected, per theme and per table, as the desk shows it."""

from __future__ import annotations

from degenks_desktop.services.front_desk.arrivals import arrivals
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import CheckIn, Seat
from tests.helpers.events import add_small_event


def test_arrivals_per_theme_and_table(database: Database) -> None:
    small = add_small_event(database)
    with database.transaction() as session:
        session.add(
            Seat(
                participant_id=small.participant_ids[0],
                day_id=small.day_id,
                table_id=small.table_ids[0],
            )
        )
        session.add(CheckIn(participant_id=small.participant_ids[0], day_id=small.day_id, desk="1"))
    themes, tables = arrivals(database, 1)
    assert [(c.label, c.checked_in, c.expected) for c in themes] == [
        ("Wonen", 1, 1),
        ("Werk", 0, 1),
    ]
    assert [(c.label, c.checked_in, c.expected) for c in tables] == [("1", 1, 1), ("2", 0, 0)]
    assert arrivals(database, 9) == ([], [])
