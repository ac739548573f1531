"""A clerk types a real surname letter by letter: every keystroke finds that person.

The demo's own names, in every script and shape (Yıldırım, Παπαδόπουλος, Van den Bosch,
D'Angelo): each prefix of two letters or more finds the person among everyone; in the
desk's short list they show unless it is full of people whose names start the same way.
"""

from __future__ import annotations

from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.services.front_desk.search import find_participants
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Participant

PEOPLE = 120
DESK_LIST = 12  # the rows the desk shows per keystroke


def typed_surnames(database: Database) -> list[tuple[int, str]]:
    """(id, last name) of people whose surnames between them hold every space, apostrophe,
    hyphen and non-ASCII letter of the demo's names, and of a few plain ones."""
    with database.reading() as session:
        people = session.execute(
            select(Participant.id, Participant.last_name).order_by(Participant.id)
        ).all()
    chosen: list[tuple[int, str]] = []
    covered: set[str] = set()
    for person, last in people:
        special = {c for c in last if not (c.isascii() and c.isalpha())}
        if special - covered:
            chosen.append((person, last))
            covered |= special
    plain = [(pid, last) for pid, last in people if last.isascii() and last.isalpha()]
    return chosen + plain[:3]


def starts_like(first_name: str, last_name: str, typed: str) -> bool:
    folded = fold(typed)
    return fold(last_name).startswith(folded) or fold(first_name).startswith(folded)


def test_every_prefix_of_a_real_surname_finds_that_person(database: Database) -> None:
    create_demo_event(database, participants=PEOPLE)
    surnames = typed_surnames(database)
    assert any(not last.isascii() for _pid, last in surnames)
    assert any(" " in last for _pid, last in surnames)
    for person, last in surnames:
        for length in range(2, len(last) + 1):
            typed = last[:length]
            shown = find_participants(database, typed, limit=DESK_LIST)
            if person not in [m.id for m in shown]:
                everyone = find_participants(database, typed, limit=PEOPLE)
                assert person in [m.id for m in everyone], (last, typed)
                # Pushed out only by as good a match, never by a name that merely contains it.
                assert len(shown) == DESK_LIST, (last, typed)
                assert all(starts_like(m.first_name, m.last_name, typed) for m in shown), (
                    last,
                    typed,
                    [m.name for m in shown],
                )
