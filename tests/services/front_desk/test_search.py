"""The front desk's name search: forgiving of case, accents and the Turkish i, best first."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import delete, select, text

from degenks_desktop.domain.badge_codes import format_badge_code, new_badge_code
from degenks_desktop.services.front_desk.search import (
    CANDIDATE_LIMIT,
    find_participants,
    has_search_index,
)
from degenks_desktop.storage.database import Database, open_database
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
    return add_people(database)


def add_people(database: Database) -> dict[str, int]:
    """PEOPLE at a small event, one of them seated and checked in; their ids by last name."""
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


def test_someone_registered_on_another_laptop_is_found_at_once(
    database_url: str, people: dict[str, int]
) -> None:
    """Two laptops on one database: the desk has searched before (the index is in use);
    a walk-in registered on the other laptop a moment later is found by the next keystroke,
    and a name changed there is found by its new spelling only."""
    desk = open_database(database_url)
    other_laptop = open_database(database_url)
    try:
        assert find_participants(desk, "yilmaz")  # the desk's search is warm
        with other_laptop.transaction() as session:
            event_id = session.scalars(select(Event.id)).one()
            session.add(
                Participant(
                    event_id=event_id,
                    first_name="Nurhan",
                    last_name="Kılıçarslan",
                    badge_code=new_badge_code(random.Random(99)),
                )
            )
        assert [m.name for m in find_participants(desk, "kilicars")] == ["Nurhan Kılıçarslan"]
        assert [m.name for m in find_participants(desk, "nu")] == ["Nurhan Kılıçarslan"]
        with other_laptop.transaction() as session:
            person = session.scalars(
                select(Participant).where(Participant.first_name == "Nurhan")
            ).one()
            person.last_name = "Kaya"
        assert find_participants(desk, "kilicars") == []
        assert [m.name for m in find_participants(desk, "kaya")] == ["Nurhan Kaya"]
        with other_laptop.transaction() as session:
            session.execute(delete(Participant).where(Participant.first_name == "Nurhan"))
        assert find_participants(desk, "kaya") == []
    finally:
        desk.close()
        other_laptop.close()


def test_two_letters_show_the_names_that_start_with_them_first(database: Database) -> None:
    """Two typed letters find every name holding them, but when hundreds hold them inside
    a word, the few whose name starts with them are the ones the desk shows."""
    with database.transaction() as session:
        event = Event(name="Drukke dag")
        session.add(event)
        session.flush()
        rng = random.Random(7)
        session.add_all(
            Participant(
                event_id=event.id,
                first_name=first,
                last_name=f"Janssens-{number:03d}",
                badge_code=new_badge_code(rng),
            )
            for number, first in enumerate(["Jan"] * 2 * CANDIDATE_LIMIT + ["Anke", "Anouk"])
        )
    shown = find_participants(database, "an", limit=12)
    assert len(shown) == 12
    assert {"Anke", "Anouk"} <= {m.first_name for m in shown}
    assert all(m.first_name in {"Anke", "Anouk", "Jan"} for m in shown)
    # A rare pair of letters that only ever stands inside a word is still found.
    assert len(find_participants(database, "ss", limit=5)) == 5


def test_without_the_sqlite_index_the_search_finds_the_same(sqlite_database_url: str) -> None:
    """A SQLite without FTS5's trigram tokenizer has no index table: the search scans and
    finds the same people."""
    database = open_database(sqlite_database_url)
    try:
        add_people(database)
        with database.transaction() as session:
            for trigger in ("insert", "update", "delete"):
                session.execute(text(f"DROP TRIGGER participant_search_{trigger}"))
            session.execute(text("DROP TABLE participant_search"))
            session.execute(text("DROP TABLE participant_search_keys"))
        assert not has_search_index(database)
        assert find_participants(database, "yilmaz")[0].last_name == "Yılmaz"
        assert find_participants(database, "ozturk")[0].last_name == "Öztürk"
        assert {m.last_name for m in find_participants(database, "el")} >= {"El Amrani"}
    finally:
        database.close()
