"""A day whose table 1 has locked its ten best, with people who came or not, agreed to be
contacted or not, and gave a postal address or not: the postcards' world."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from degenks_desktop.services.tables.dots import set_tally
from degenks_desktop.services.tables.ideas import add_idea
from degenks_desktop.services.tables.top_ten import lock_selection
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import CheckIn, Event, Participant
from tests.helpers.tables import TwoTables, add_two_tables


@dataclass(frozen=True)
class PostcardWorld:
    """The two tables of day 1; table 1's ten best ideas in rank order."""

    tables: TwoTables
    event_id: int
    ten_best: tuple[str, ...]


def idea_text(rank: int) -> str:
    """The text of the idea that ends on place `rank` of table 1."""
    return f"Idee op plaats {rank}: een buurtmoestuin in wijk {rank}"


def add_postcard_world(database: Database, *, came: int = 8) -> PostcardWorld:
    """Two tables; table 1 has twelve ideas, its ten best locked; the first `came` people
    of table 1 and both of table 2 are checked in on day 1, the others are not."""
    tables = add_two_tables(database)
    for rank in range(1, 13):
        idea = add_idea(database, tables.mine, text=idea_text(rank), duo_id=tables.duos[rank % 5])
        set_tally(database, tables.mine, idea, 20 - rank, allow_over=True)
    lock_selection(database, tables.mine)
    with database.transaction() as session:
        event_id = session.scalars(select(Event.id)).one()
        for person_id in (*tables.people[:came], *tables.other_people):
            person = session.get(Participant, person_id)
            assert person is not None and person.day_id is not None
            session.add(CheckIn(participant_id=person_id, day_id=person.day_id, desk="onthaal 1"))
    return PostcardWorld(tables, event_id, tuple(idea_text(rank) for rank in range(1, 11)))


def give_address(
    database: Database,
    participant_id: int,
    *,
    street: str | None,
    postcode: str | None,
    town: str | None = "Genk",
    consent: bool = True,
    language: str = "nl",
) -> None:
    """Set a participant's postal address, consent to be contacted and language, as the
    registration would."""
    with database.transaction() as session:
        person = session.get(Participant, participant_id)
        assert person is not None
        person.street, person.postcode, person.town = street, postcode, town
        person.contact_consent = consent
        person.language = language
