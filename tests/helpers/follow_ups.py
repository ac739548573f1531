"""A small day after its tables: two themes' locked tens, a table still open, a concept,
and the organisers' list of destinations; what the follow-up's tests start from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    Concept,
    FollowUpDestination,
    Idea,
    SelectedIdea,
    Selection,
    Vote,
)
from tests.helpers.events import add_small_event

HOUSING_IDEAS = (
    "Een buurtfeest in elke straat",
    "Meer groen tussen de blokken",
    "Een deelauto per wijk",
)
WORK_IDEAS = ("Een jobbeurs in de wijk", "Stages bij lokale bedrijven")
OPEN_IDEA = "Een idee van een tafel die nog stemt"
CONCEPT_TITLE = "Werkplekleren in Genk"
DESTINATIONS = ("Wonen en wijken", "Economie en werk")


@dataclass(frozen=True)
class FollowedDay:
    """Ids of what `add_followed_day` made."""

    event_id: int
    first_day: dt.date
    housing_ideas: tuple[int, ...]
    work_ideas: tuple[int, ...]
    unlocked_idea: int
    unselected_idea: int
    concept_id: int
    destination_ids: tuple[int, ...]


def _idea(session: Session, table_id: int, text: str, dots: int) -> Idea:
    idea = Idea(table_id=table_id, text=text)
    session.add(idea)
    session.flush()
    session.add(Vote(idea_id=idea.id, dots=dots))
    return idea


def add_followed_day(database: Database) -> FollowedDay:
    """The small event with table 1 (Wonen) and table 2 (Werk) of day 1 locked, the other
    day's table selected but unlocked, a concept at table 2, and two destinations."""
    small = add_small_event(database)
    housing_table, work_table = small.table_ids
    with database.transaction() as session:
        housing = [
            _idea(session, housing_table, text, 9 - n) for n, text in enumerate(HOUSING_IDEAS)
        ]
        work = [_idea(session, work_table, text, 5 - n) for n, text in enumerate(WORK_IDEAS)]
        unselected = _idea(session, housing_table, "Een idee zonder stippen", 0)
        unlocked = _idea(session, small.other_day_table_id, OPEN_IDEA, 3)
        locked_at = dt.datetime(2013, 3, 4, 15, 0, tzinfo=dt.UTC)
        for table_id, ideas, locked in (
            (housing_table, housing, True),
            (work_table, work, True),
            (small.other_day_table_id, [unlocked], False),
        ):
            selection = Selection(table_id=table_id, locked_at=locked_at if locked else None)
            session.add(selection)
            session.flush()
            for rank, idea in enumerate(ideas, start=1):
                session.add(SelectedIdea(selection_id=selection.id, idea_id=idea.id, rank=rank))
        concept = Concept(
            table_id=work_table,
            title=CONCEPT_TITLE,
            what_the_city_can_do="Bedrijven en scholen samenbrengen.",
        )
        destinations = [
            FollowUpDestination(event_id=small.event_id, name=name, position=n)
            for n, name in enumerate(DESTINATIONS)
        ]
        session.add_all([concept, *destinations])
        session.flush()
        return FollowedDay(
            event_id=small.event_id,
            first_day=dt.date(2013, 3, 4),
            housing_ideas=tuple(idea.id for idea in housing),
            work_ideas=tuple(idea.id for idea in work),
            unlocked_idea=unlocked.id,
            unselected_idea=unselected.id,
            concept_id=concept.id,
            destination_ids=tuple(destination.id for destination in destinations),
        )
