"""Two people with the same name: the desk's search tells them apart by their day and a
glimpse of their contact details, never by a diversity answer."""

from __future__ import annotations

from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.services.front_desk.search import contact_hint, find_participants
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Participant, Profile
from tests.helpers.events import add_small_event


def test_namesakes_are_told_apart_and_others_are_not(database: Database) -> None:
    small = add_small_event(database)
    with database.transaction() as session:
        for day_id, email, phone in (
            (small.day_id, "elke.db@telenet.be", None),
            (small.other_day_id, None, "+32 89 44 12 34"),
        ):
            person = Participant(
                event_id=small.event_id,
                first_name="Elke",
                last_name="De Backer",
                email=email,
                phone=phone,
                day_id=day_id,
                badge_code=new_badge_code(),
                profile_consent=True,
            )
            person.profile = Profile(birth_year=1971, neighbourhood="Winterslag")
            session.add(person)
    found = find_participants(database, "elke de backer")
    assert sorted((m.name, m.day_number) for m in found) == [
        ("Elke De Backer", 1),
        ("Elke De Backer", 2),
    ]
    hints = {m.day_number: m.tell_apart for m in found}
    assert hints == {1: "e…@telenet.be", 2: "…12 34"}
    for match in found:  # the diversity answers stay out of the desk's list
        assert "1971" not in match.tell_apart and "Winterslag" not in match.tell_apart
    alone = find_participants(database, small_first_name(database, small.participant_ids[0]))
    assert alone and all(m.tell_apart == "" for m in alone if m.name != "Elke De Backer")


def small_first_name(database: Database, participant_id: int) -> str:
    with database.reading() as session:
        person = session.get(Participant, participant_id)
        assert person is not None
        return person.first_name


def test_a_contact_hint_shows_only_a_glimpse() -> None:
    assert contact_hint("anna.peeters@genk.be", "0470 12 34 56") == "a…@genk.be"
    assert contact_hint(None, "0470 12 34 56") == "…34 56"
    assert contact_hint(None, "12") == ""
    assert contact_hint("", None) == ""
