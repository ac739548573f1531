"""A new event from the wizard: made whole in one go, or refused with nothing made."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from degenks_desktop.errors import InputRejected
from degenks_desktop.services.organising.event_setup import EventSetup, ThemeSetup, create_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Event, Table, Theme

DAY = dt.date(2027, 3, 6)
HOUSING = ThemeSetup("Wonen", "Hoe kunnen we betaalbaar wonen?", 2)


def good(**changes: object) -> EventSetup:
    values: dict[str, object] = {
        "name": "Genk Morgen",
        "venue": "C-mine",
        "dates": (DAY,),
        "themes": (HOUSING, ThemeSetup("Werk", "Hoe kunnen we meer werk maken?", 1)),
        "facilitators": ("Sofie Claes",),
    }
    values.update(changes)
    return EventSetup(**values)  # type: ignore[arg-type]  # mypy cannot split mixed values


@pytest.mark.parametrize(
    ("setup", "sentence"),
    [
        (good(name=" "), "naam"),
        (good(dates=()), "minstens één dag"),
        (good(dates=(DAY, DAY)), "dezelfde datum"),
        (good(themes=(ThemeSetup("", "", 1),)), "minstens één thema"),
        (good(themes=(ThemeSetup("Wonen", " ", 1),)), "nog geen vraag"),
        (good(themes=(ThemeSetup("Wonen", "Vraag?", 0),)), "1 tot 40 tafels"),
        (good(themes=(HOUSING, ThemeSetup("wonen", "Nog eens?", 1))), "dezelfde naam"),
    ],
)
def test_a_wrong_setup_is_refused_and_makes_nothing(
    database: Database, setup: EventSetup, sentence: str
) -> None:
    with pytest.raises(InputRejected, match=sentence):
        create_event(database, setup)
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 0


def test_tables_are_numbered_per_day_and_a_second_event_is_refused(database: Database) -> None:
    create_event(database, good(dates=(DAY, DAY + dt.timedelta(days=1))))
    with database.reading() as session:
        numbers = session.execute(select(Table.day_id, Table.number).order_by(Table.id)).all()
        codes = set(session.scalars(select(Theme.code)))
    assert [number for _day, number in numbers] == [1, 2, 3, 1, 2, 3]
    assert codes == {"wonen", "werk"}
    with pytest.raises(InputRejected, match="bevat al het evenement"):
        create_event(database, good(name="Nog een"))
