"""The tables' speed: an idea from Enter to saved (aim p99 < 30 ms), and the live top ten
recomputed at a table with 200 ideas and 1,000 votes, on SQLite and PostgreSQL."""

from __future__ import annotations

import time

from pytest_benchmark.fixture import BenchmarkFixture

from degenks_desktop.services.tables.ideas import add_idea
from degenks_desktop.services.tables.top_ten import table_selection
from degenks_desktop.storage.database import open_database
from tests.helpers.tables import add_two_tables, fill_busy_table
from tests.helpers.timings import record_percentiles


def test_idea_entry_to_saved(benchmark: BenchmarkFixture, database_url: str) -> None:
    database = open_database(database_url)
    tables = add_two_tables(database)
    rounds = 30 if benchmark.disabled else 300
    timings: list[float] = []
    counter = iter(range(10_000))

    def one_idea() -> int:
        n = next(counter)
        started = time.perf_counter()
        idea = add_idea(
            database, tables.mine, text=f"Idee {n} over de wijk", duo_id=tables.duos[n % 5]
        )
        timings.append(time.perf_counter() - started)
        return idea

    last = benchmark.pedantic(one_idea, rounds=rounds, iterations=1)
    assert last > 0
    record_percentiles(benchmark, timings)
    database.close()


def test_live_top_ten_with_200_ideas_and_1000_votes(
    benchmark: BenchmarkFixture, database_url: str
) -> None:
    database = open_database(database_url)
    tables = add_two_tables(database)
    fill_busy_table(database, tables, ideas=200, votes=1_000)
    timings: list[float] = []

    def recompute() -> int:
        started = time.perf_counter()
        standing = table_selection(database, tables.mine).standing
        timings.append(time.perf_counter() - started)
        return len(standing.sure) + standing.open_places

    places = benchmark.pedantic(recompute, rounds=20 if benchmark.disabled else 200, iterations=1)
    assert places == 10
    record_percentiles(benchmark, timings)
    database.close()
