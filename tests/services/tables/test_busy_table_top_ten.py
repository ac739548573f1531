"""The live top ten at a busy table (200 ideas, 1,000 dots in separate votes): ten places,
filled by the ideas with the most dots, a tie across place ten left open."""

from __future__ import annotations

from collections import Counter

from degenks_desktop.services.tables.top_ten import table_selection
from degenks_desktop.storage.database import Database
from tests.helpers.tables import add_two_tables, fill_busy_table

IDEAS = 200
VOTES = 1_000


def test_the_live_top_ten_of_a_busy_table(database: Database) -> None:
    tables = add_two_tables(database)
    ids, dotted = fill_busy_table(database, tables, ideas=IDEAS, votes=VOTES)
    dots = Counter({idea: 0 for idea in ids})
    dots.update(dotted)

    standing = table_selection(database, tables.mine).standing

    assert len(standing.sure) + standing.open_places == 10
    sure, tied = set(standing.sure), set(standing.tied)
    outside = set(ids) - sure - tied
    assert sure | tied <= set(ids)
    assert min(dots[i] for i in sure) > max(dots[i] for i in tied | outside)
    if tied:
        assert len({dots[i] for i in tied}) == 1
        assert all(dots[i] < dots[next(iter(tied))] for i in outside)
