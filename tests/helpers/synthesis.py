"""A small event whose themes have ideas that say the same in other words, at several
tables, with dots and a locked ten: what a theme team finds after the day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Idea, SelectedIdea, Selection, Table, Vote
from tests.helpers.events import SmallEvent, add_small_event

# Work's ideas, at its table on day 1 and its table on day 2: three proposals.
WORK_IDEAS = (
    (0, "Meer stageplaatsen voor jongeren bij Genkse bedrijven"),
    (0, "Bedrijven moeten jongeren een stage aanbieden"),
    (1, "stageplaatsen voor jongeren in de bedrijven van Genk"),
    (0, "Een jobbeurs in elke wijk"),
    (1, "jobbeurs in de wijk organiseren"),
    (1, "Elke wijk een eigen jobbeurs"),
    (0, "Cursussen Nederlands op de werkvloer"),
    (1, "Nederlandse les op het werk"),
)
HOUSING_IDEAS = (
    "Meer betaalbare huurwoningen",
    "betaalbare huur woningen bijbouwen",
    "Meer groen tussen de huizen",
)


@dataclass(frozen=True)
class ThemeIdeas:
    """The small event and the ids of its ideas, in the order of the texts above."""

    small: SmallEvent
    housing_theme_id: int
    work_theme_id: int
    work_ideas: tuple[int, ...]
    housing_ideas: tuple[int, ...]


def add_themes_with_ideas(database: Database) -> ThemeIdeas:
    """The small event with the ideas above; the first work idea got 5 dots and is in
    day 1's locked ten."""
    small = add_small_event(database)
    work_tables = (small.table_ids[1], small.other_day_table_id)
    with database.transaction() as session:
        work = [Idea(table_id=work_tables[at], text=text) for at, text in WORK_IDEAS]
        housing = [Idea(table_id=small.table_ids[0], text=text) for text in HOUSING_IDEAS]
        session.add_all([*work, *housing])
        session.flush()
        session.add(Vote(idea_id=work[0].id, dots=5))
        session.add(Vote(idea_id=work[3].id, dots=2))
        selection = Selection(
            table_id=work_tables[0], locked_at=dt.datetime(2013, 3, 4, 15, tzinfo=dt.UTC)
        )
        session.add(selection)
        session.flush()
        session.add(SelectedIdea(selection_id=selection.id, idea_id=work[0].id, rank=1))
        housing_theme_id = session.get_one(Table, small.table_ids[0]).theme_id
        work_theme_id = session.get_one(Table, work_tables[0]).theme_id
        work_ids = tuple(idea.id for idea in work)
        housing_ids = tuple(idea.id for idea in housing)
    return ThemeIdeas(small, housing_theme_id, work_theme_id, work_ids, housing_ids)
