"""The event report beside its floor, and exports of 10,000 rows.

The report (its data read, laid out with its contents, written) at the simulated G360 day
(449 people, about 1,900 ideas) and at 10,000 participants' ideas (about 44,000). Beside it,
in the same run and taking turns with it, the floor: a bare platypus build of the same
text (the same paragraphs, tables and charts in the same styles, from data already read)
in one `build` of a plain SimpleDocTemplate, without contents or footer. Aim: ours within
2× the floor. The ratio ours/floor and the peak memory of each (the growth of the resident
set during one build) are in extra_info and in the printed summary.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate
from sqlalchemy import insert, select

from degenks_desktop.config import sqlite_url
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_event
from degenks_desktop.services.reporting.exports import export_rows, write_table
from degenks_desktop.services.reporting.report_data import ReportData, report_data
from degenks_desktop.services.reporting.report_pdf import render_report, report_flowables
from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import Idea, Table

T = TypeVar("T")
MB = 1024
"""kB in a MB: /proc gives kB."""
SIZES = {"g360": None, "10000": 10_000}
"""Participants of each simulated event (None: the G360's 449 over two days)."""


def _status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def peak_growth_mb(work: Callable[[], T]) -> tuple[T, float | None]:
    """`work()`, and how far above its start this process's resident memory went meanwhile
    (MB; None off Linux). Freed memory goes back to the system first, so that a build
    cannot hide in what an earlier one left; the peak is reset (Linux ≥ 4.0)."""
    gc.collect()
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        trim = getattr(ctypes.CDLL(libc_name), "malloc_trim", None)
        if trim is not None:
            trim(0)
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")  # resets VmHWM, the resident set's high-water mark
        before = _status_kb("VmRSS")
    except OSError:
        before = None
    result = work()
    peak = _status_kb("VmHWM")
    if before is None or peak is None:
        return result, None
    return result, round((peak - before) / MB, 1)


def floor(data: ReportData, target: Path) -> int:
    """The bare platypus build of the report's text; its pages."""
    document = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
    )
    document.build(report_flowables(data))
    return int(document.page)


@pytest.fixture(scope="module")
def simulated_event(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[str, bool], tuple[str, int]]:
    """The simulated event of a size, made once for this module: its URL and its ideas
    (`small`: the few people `make test` runs the benchmarks with, once)."""
    folder = tmp_path_factory.mktemp("reports")
    made: dict[str, tuple[str, int]] = {}

    def event_of(size: str, small: bool) -> tuple[str, int]:
        kind = "small" if small else size  # one small event serves every size
        if kind not in made:
            url = sqlite_url(folder / f"{kind}.sqlite")
            database = open_database(url)
            participants = SIZES[size]
            if small:
                create_demo_event(database, participants=60, facilitators=8, days=1)
            elif participants is None:
                create_demo_event(database)
            else:
                create_demo_event(database, participants=participants)
            made[kind] = (url, simulate_event(database))
            database.close()
        return made[kind]

    return event_of


@pytest.mark.parametrize("size", list(SIZES))
def test_report_beside_the_floor(
    benchmark: BenchmarkFixture,
    capsys: pytest.CaptureFixture[str],
    simulated_event: Callable[[str, bool], tuple[str, int]],
    tmp_path: Path,
    size: str,
) -> None:
    url, ideas = simulated_event(size, benchmark.disabled)
    database = open_database(url, migrate=False)
    data = report_data(database)
    floors: list[tuple[float, float | None, int]] = []
    ours_memory: list[float | None] = []

    def time_the_floor() -> None:
        # Untimed by the benchmark, before each of its rounds: ours and the floor take
        # turns, so a busy moment of the shared machine does not fall on one of them only.
        started = time.perf_counter()
        pages, grown = peak_growth_mb(lambda: floor(data, tmp_path / "floor.pdf"))
        floors.append((time.perf_counter() - started, grown, pages))

    def ours() -> int:
        covered, grown = peak_growth_mb(
            lambda: render_report(report_data(database), tmp_path / "verslag.pdf")
        )
        ours_memory.append(grown)
        return covered

    rounds = 1 if benchmark.disabled or size != "g360" else 3
    covered = benchmark.pedantic(ours, setup=time_the_floor, rounds=rounds, iterations=1)
    database.close()
    assert covered == ideas == data.ideas
    if benchmark.disabled:
        return
    ours_best, floor_best = benchmark.stats.stats.min, min(t for t, _m, _p in floors)

    def largest(grown: list[float | None]) -> float | None:
        known = [g for g in grown if g is not None]
        return max(known) if known else None

    figures = {
        "ideas": ideas,
        "floor_pages": floors[0][2],
        "ours_min_s": round(ours_best, 2),
        "floor_min_s": round(floor_best, 2),
        "ours_to_floor": round(ours_best / floor_best, 2),
        "ours_peak_growth_mb": largest(ours_memory),
        "floor_peak_growth_mb": largest([m for _t, m, _p in floors]),
    }
    benchmark.extra_info.update(figures)
    with capsys.disabled():  # the summary goes to the terminal, under the test's name
        print(
            f"\nreport of {ideas} ideas: ours {ours_best:.2f} s, floor {floor_best:.2f} s, "
            f"ours/floor {figures['ours_to_floor']}; peak memory growth: ours "
            f"{figures['ours_peak_growth_mb']} MB, floor {figures['floor_peak_growth_mb']} MB"
        )


def test_export_of_10000_ideas(
    benchmark: BenchmarkFixture, sqlite_database_url: str, tmp_path: Path
) -> None:
    database = open_database(sqlite_database_url)
    create_demo_event(database, participants=60, facilitators=8, days=1)
    rows = 500 if benchmark.disabled else 10_000
    with database.transaction() as session:
        tables = list(session.scalars(select(Table.id)))
        session.execute(
            insert(Idea),
            [
                {"table_id": tables[n % len(tables)], "text": f"Idee {n} voor de wijk"}
                for n in range(rows)
            ],
        )

    def export() -> int:
        header, found = export_rows(database, "ideas", anonymous=True)
        return write_table(tmp_path / "ideeen.xlsx", header, found)

    written = benchmark.pedantic(export, rounds=1 if benchmark.disabled else 3, iterations=1)
    assert written == rows
    database.close()
