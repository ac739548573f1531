"""How long the foundation's own jobs take: making the demo, opening, counting.

Run with `make bench`; the figures go into the closing note of the issue, never into a
timed assertion.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from degenks_desktop.config import sqlite_url
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.plan import plan_demo_event
from degenks_desktop.services.organising.stats import event_stats
from degenks_desktop.storage.database import open_database


def test_plan_the_g360_demo(benchmark: BenchmarkFixture) -> None:
    event = benchmark(plan_demo_event)
    assert len(event.people) == 449


def test_store_the_g360_demo_in_sqlite(
    benchmark: BenchmarkFixture, sqlite_template: Path, tmp_path: Path
) -> None:
    counter = itertools.count()

    def fresh_database() -> tuple[tuple[object, ...], dict[str, object]]:
        path = tmp_path / f"demo-{next(counter)}.sqlite"
        shutil.copyfile(sqlite_template, path)
        return (open_database(sqlite_url(path)),), {}

    summary = benchmark.pedantic(create_demo_event, setup=fresh_database, rounds=5)
    assert summary.participants == 449


def test_open_an_existing_database(benchmark: BenchmarkFixture, sqlite_database_url: str) -> None:
    database = open_database(sqlite_database_url)
    create_demo_event(database)
    database.close()

    def open_and_close() -> str:
        database = open_database(sqlite_database_url)
        where = database.describe()
        database.close()
        return where

    assert benchmark(open_and_close).endswith("degenks.sqlite")


def test_live_counts_of_the_g360(benchmark: BenchmarkFixture, database_url: str) -> None:
    database = open_database(database_url)
    create_demo_event(database)
    stats = benchmark(event_stats, database)
    assert stats.participants == 449
    database.close()
