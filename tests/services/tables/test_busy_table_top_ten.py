"""The live top ten at a busy table (200 ideas, 1,000 dots in separate votes): ten places,
filled by the ideas with the most dots, a tie across place ten left open."""

from __future__ import annotations

import random
from collections import Counter

from sqlalchemy import insert

from degenks_desktop.services.tables.top_ten import table_selection
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Idea, Vote
from tests.helpers.tables import add_two_tables

IDEAS = 200
VOTES = 1_000


def test_the_live_top_ten_of_a_busy_table(database: Database) -> None:
    tables = add_two_tables(database)
    rng = random.Random(7)
    with database.transaction() as session:
        ids = [
            session.execute(
                insert(Idea)
                .values(table_id=tables.mine.table_id, duo_id=tables.duos[n % 5], text=f"Idee {n}")
                .returning(Idea.id)
            ).scalar_one()
            for n in range(IDEAS)
        ]
        votes = [
            {"idea_id": rng.choice(ids), "participant_id": tables.people[n % 10], "dots": 1}
            for n in range(VOTES)
        ]
        session.execute(insert(Vote), votes)
    dots = Counter({idea: 0 for idea in ids})
    dots.update(vote["idea_id"] for vote in votes)

    standing = table_selection(database, tables.mine).standing

    assert len(standing.sure) + standing.open_places == 10
    sure, tied = set(standing.sure), set(standing.tied)
    outside = set(ids) - sure - tied
    assert sure | tied <= set(ids)
    assert min(dots[i] for i in sure) > max(dots[i] for i in tied | outside)
    if tied:
        assert len({dots[i] for i in tied}) == 1
        assert all(dots[i] < dots[next(iter(tied))] for i in outside)
