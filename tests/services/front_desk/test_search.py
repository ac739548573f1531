"""The front desk's name search: forgiving of case, accents and the Turkish i, best first."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from degenks_desktop.domain.badge_codes import format_badge_code, new_badge_code
from degenks_desktop.services.front_desk.search import find_participants
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import CheckIn, Day, Event, Participant, Seat, Table, Theme

PEOPLE = [
    ("Ayşe", "Yılmaz", "ayse.yilmaz@example.org"),
    ("İbrahim", "Öztürk", None),
    ("Mohamed", "El Amrani", "m.elamrani@example.be"),
    ("Giuseppe", "D'Angelo", None),
    ("Jan", "Van den Bosch", "jan@example.com"),
    ("Γιώργος", "Παπαδόπουλος", None),
    ("Marie-Louise", "Peeters-Yılmaz", None),
    ("Yilmaz", "Janssens", None),
]


CODES = [new_badge_code(random.Random(number)) for number in range(len(PEOPLE))]


@pytest.fixture
def people(database: Database) -> dict[str, int]:
    ids = {}
    with database.transaction() as session:
        event = Event(name="Proefdag")
        session.add(event)
        session.flush()
        day = Day(event_id=event.id, number=1, date=dt.date(2013, 3, 4))
        theme = Theme(event_id=event.id, code="wonen", name="Wonen", question="?", colour="#C0392B")
        session.add_all([day, theme])
        session.flush()
        table = Table(day_id=day.id, theme_id=theme.id, number=12, capacity=10)
        session.add(table)
        for number, (first, last, email) in enumerate(PEOPLE):
            person = Participant(
                event_id=event.id,
                first_name=first,
                last_name=last,
                email=email,
                badge_code=CODES[number],
                day_id=day.id,
            )
            session.add(person)
            session.flush()
            ids[last] = person.id
        session.add(Seat(participant_id=ids["Yılmaz"], day_id=day.id, table_id=table.id))
        session.add(CheckIn(participant_id=ids["Yılmaz"], day_id=day.id, desk="1"))
    return ids


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("yilmaz", "Yılmaz"),
        ("YILMAZ", "Yılmaz"),
        ("ozturk", "Öztürk"),
        ("ibrahim", "Öztürk"),
        ("el amrani", "El Amrani"),
        ("elamrani", "El Amrani"),
        ("dangelo", "D'Angelo"),
        ("d'angelo", "D'Angelo"),
        ("van den bosch", "Van den Bosch"),
        ("jan@example", "Van den Bosch"),
        ("γιωργος", "Παπαδόπουλος"),
        ("ayşe", "Yılmaz"),
    ],
)
def test_a_typed_name_finds_the_person(
    database: Database, people: dict[str, int], typed: str, expected: str
) -> None:
    matches = find_participants(database, typed)
    assert matches, typed
    assert matches[0].id == people[expected]


def test_best_matches_come_first(database: Database, people: dict[str, int]) -> None:
    names = [m.last_name for m in find_participants(database, "yilmaz")]
    # The surname itself first, then a double surname, then a first name that matches.
    assert names[0] == "Yılmaz"
    assert set(names) == {"Yılmaz", "Peeters-Yılmaz", "Janssens"}


def test_a_badge_code_finds_exactly_its_person(database: Database, people: dict[str, int]) -> None:
    typed = format_badge_code(CODES[4]).lower()
    matches = find_participants(database, typed)
    assert [m.id for m in matches] == [people["Van den Bosch"]]


def test_a_match_tells_table_and_check_in(database: Database, people: dict[str, int]) -> None:
    ayse = find_participants(database, "ayse yilmaz")[0]
    assert (ayse.table, ayse.checked_in) == (12, True)
    assert ayse.as_json()["code"] == CODES[0]
    jan = find_participants(database, "jan van")[0]
    assert (jan.table, jan.checked_in) == (None, False)


@pytest.mark.parametrize("typed", ["", "   ", "%", "_", "zzzz", "yilmaz zzzz"])
def test_nothing_or_wildcards_find_nobody(
    database: Database, people: dict[str, int], typed: str
) -> None:
    assert find_participants(database, typed) == []


def test_the_search_follows_a_changed_name(database: Database, people: dict[str, int]) -> None:
    with database.transaction() as session:
        person = session.get(Participant, people["Öztürk"])
        assert person is not None
        person.last_name = "Öztürk-Şahin"
    assert find_participants(database, "sahin")[0].id == people["Öztürk"]
