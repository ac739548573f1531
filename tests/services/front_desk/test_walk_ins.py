"""Walk-ins: registered and checked in at once; bad input changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from degenks_desktop.domain.badge_codes import is_valid_badge_code
from degenks_desktop.domain.profiles import ProfileAnswers
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.front_desk.walk_ins import (
    WalkIn,
    register_walk_in,
    same_name_registrations,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, CheckIn, Participant, Profile, Theme
from tests.helpers.counts import count
from tests.helpers.events import SmallEvent, add_small_event


def theme_id(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalars(select(Theme.id).order_by(Theme.id)).first() or 0)


@pytest.fixture
def small(database: Database) -> SmallEvent:
    return add_small_event(database)


def test_a_walk_in_is_registered_and_checked_in(database: Database, small: SmallEvent) -> None:
    made = register_walk_in(
        database,
        WalkIn(
            first_name=" Şükrü ",
            last_name="Karaağaçlıoğlu",
            day_id=small.day_id,
            theme_id=theme_id(database),
            language_need="Fluistertolk Turks",
        ),
        desk="onthaal 2",
    )
    assert is_valid_badge_code(made.badge_code)
    assert made.name == "Şükrü Karaağaçlıoğlu"
    with database.reading() as session:
        person = session.get(Participant, made.participant_id)
        assert person is not None
        assert person.status == RegistrationStatus.WALK_IN
        assert person.profile is None
        check_in = session.scalars(
            select(CheckIn).where(CheckIn.participant_id == made.participant_id)
        ).one()
        assert (check_in.day_id, check_in.desk) == (small.day_id, "onthaal 2")
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["participant.walk_in", "check_in.created"]


def test_answers_are_kept_with_consent_and_apart(database: Database, small: SmallEvent) -> None:
    made = register_walk_in(
        database,
        WalkIn(
            first_name="Fatima",
            last_name="Bouzidi",
            day_id=small.day_id,
            theme_id=theme_id(database),
            consent=True,
            answers=ProfileAnswers(gender="f", birth_year=1980, origin="moroccan"),
        ),
        desk="onthaal 1",
    )
    with database.reading() as session:
        profile = session.get(Profile, made.participant_id)
        assert profile is not None
        assert (profile.gender, profile.birth_year, profile.origin) == ("f", 1980, "moroccan")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"first_name": " ", "last_name": ""}, "naam"),
        ({"first_name": "x" * 201}, "200"),
        ({"day_id": 99999}, "dag"),
        ({"theme_id": 99999}, "thema"),
        ({"answers": ProfileAnswers(origin="turkish")}, "toestemming"),
        ({"consent": True, "answers": ProfileAnswers(birth_year=1850)}, "geboortejaar"),
        ({"consent": True, "answers": ProfileAnswers(gender="q")}, "q"),
    ],
)
def test_wrong_input_is_refused_and_nothing_is_stored(
    database: Database, small: SmallEvent, changes: dict[str, object], message: str
) -> None:
    fields: dict[str, object] = {
        "first_name": "Lien",
        "last_name": "Claes",
        "day_id": small.day_id,
        "theme_id": theme_id(database),
    }
    fields.update(changes)
    with pytest.raises(InputRejected, match=f"(?i){message}"):
        register_walk_in(database, WalkIn(**fields), desk="onthaal 1")  # type: ignore[arg-type]  # mixed values
    assert count(database, Participant) == 3
    assert count(database, CheckIn) == 0
    assert count(database, AuditEntry) == 0


def test_namesakes_are_found_before_registering(database: Database, small: SmallEvent) -> None:
    found = same_name_registrations(database, "ayse", "yilmaz")
    assert [match.id for match in found] == [small.participant_ids[0]]
    assert same_name_registrations(database, "Nieuw", "Iemand") == []


def test_invisible_characters_typed_or_pasted_into_a_name_are_dropped(
    database: Database, small: SmallEvent
) -> None:
    made = register_walk_in(
        database,
        WalkIn(
            first_name="\u202eAhmed",  # a right-to-left override pasted along
            last_name="Jan\u200bssens\ufeff",
            day_id=small.day_id,
            theme_id=theme_id(database),
        ),
        desk="onthaal 2",
    )
    assert made.name == "Ahmed Janssens"  # as the clerk saw it, and as the search finds it
