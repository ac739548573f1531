"""Registrations at scale: importing 10,000 rows, and the name search per keystroke.

`make bench` prints the timings; the search benchmark also stores its p99 per keystroke
in extra_info (aim: under 15 ms on SQLite).
"""

from __future__ import annotations

import itertools
import shutil
import statistics
import time
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from degenks_desktop.config import sqlite_url
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.services.front_desk.search import find_participants
from degenks_desktop.services.registrations.importing import import_file
from degenks_desktop.storage.database import Database, open_database
from tests.helpers.files import REGISTRATION_HEADER, registration_rows, write_csv, write_xlsx

ROWS = 10_000


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("registrations")
    rows = [REGISTRATION_HEADER, *registration_rows(ROWS)]
    return {
        "csv": write_csv(folder / "10000.csv", rows),
        "xlsx": write_xlsx(folder / "10000.xlsx", rows),
    }


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_import_10000_rows(
    benchmark: BenchmarkFixture,
    files: dict[str, Path],
    sqlite_template: Path,
    tmp_path: Path,
    kind: str,
) -> None:
    counter = itertools.count()

    def empty_event() -> tuple[tuple[object, ...], dict[str, object]]:
        path = tmp_path / f"event-{next(counter)}.sqlite"
        shutil.copyfile(sqlite_template, path)
        database = open_database(sqlite_url(path))
        create_demo_event(database, participants=0)
        return (database, files[kind]), {}

    report = benchmark.pedantic(import_file, setup=empty_event, rounds=3)
    # Ten thousand people drawn from the demo's name lists include real namesakes with the
    # same birth year: those are reported as duplicates, never added twice.
    assert report.added + len(report.duplicates) == ROWS
    assert report.rejected == ()


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> Database:
    path = tmp_path_factory.mktemp("crowd") / "crowd.sqlite"
    database = open_database(sqlite_url(path))
    create_demo_event(database, participants=ROWS, seed=5)
    return database


def test_name_search_per_keystroke_over_10000(benchmark: BenchmarkFixture, crowd: Database) -> None:
    typed = [
        "y",
        "yi",
        "yil",
        "yilm",
        "yilma",
        "yilmaz",
        "a",
        "ay",
        "ays",
        "ayse",
        "ayse y",
        "v",
        "va",
        "van",
        "van d",
        "van den",
        "e",
        "el",
        "el a",
        "el amrani",
    ]
    timings: list[float] = []

    def type_every_keystroke() -> int:
        found = 0
        for text in typed:
            started = time.perf_counter()
            found += len(find_participants(crowd, text))
            timings.append(time.perf_counter() - started)
        return found

    assert benchmark.pedantic(type_every_keystroke, rounds=10, warmup_rounds=1) > 0
    timings.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]
    benchmark.extra_info["keystrokes"] = len(timings)
    benchmark.extra_info["p99_ms_per_keystroke"] = round(p99 * 1000, 2)
    benchmark.extra_info["median_ms_per_keystroke"] = round(statistics.median(timings) * 1000, 2)
