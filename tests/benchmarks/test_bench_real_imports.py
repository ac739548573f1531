"""Registrations as they really arrive, at scale: a 10,000-ticket pretix workbook and a
10,000-response Google Forms CSV through `import_file(..., dry_run=True)` (what
`degenks import --dry-run` runs) on a database holding the demo G360 event.

Beside ours, the floor on the same file in the same run: openpyxl in read-only mode
iterating every row of the positions sheet, and the csv module reading every row; the
ratio ours/floor is in extra_info and in the printed summary. The peak memory of one
import is measured in a fresh process, so that earlier tests do not count (aim: under
200 MB): its resident memory before the import and at its peak, and tracemalloc's peak of
what Python allocated.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytest_benchmark.fixture import BenchmarkFixture

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.services.registrations.importing import ImportReport, import_file
from degenks_desktop.storage.database import open_database
from scripts.make_import_fixtures import make_large_google_csv, make_large_pretix_xlsx

ROWS = 10_000
ROOT = Path(__file__).resolve().parents[2]
POSITIONS_SHEET = "Order positions"
MB = 1024 * 1024

# One import in a process of its own: its resident memory before and at its peak, or with
# tracemalloc, the Python side's peak (tracemalloc's own bookkeeping would inflate the
# RSS, hence two runs). On Linux a child's ru_maxrss starts at its parent's peak (the
# kernel carries it over fork and exec: pytest's 250 MB would show), so the peak is read
# from /proc/self/status (VmHWM, the high-water mark of this process's own memory).
MEASURE_ONE_IMPORT = """
import json, resource, sys, tracemalloc
from pathlib import Path
from degenks_desktop.services.registrations.importing import import_file
from degenks_desktop.storage.database import open_database

def peak_kb(field="VmHWM"):
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

database = open_database(sys.argv[1])
traced = sys.argv[3] == "tracemalloc"
before = peak_kb("VmRSS")
if traced:
    tracemalloc.start()
report = import_file(database, Path(sys.argv[2]), dry_run=True)
figures = {"rows": report.total_rows}
if traced:
    figures["python_peak"] = tracemalloc.get_traced_memory()[1]
else:
    figures["rss_before_kb"] = before
    figures["rss_after_kb"] = peak_kb()
print(json.dumps(figures))
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("real-imports")
    return {
        "pretix-xlsx": make_large_pretix_xlsx(folder / "pretix_10000.xlsx", ROWS),
        "google-csv": make_large_google_csv(folder / "google_forms_10000.csv", ROWS),
    }


def openpyxl_floor(path: Path) -> int:
    """Every row of the positions sheet, read by openpyxl in read-only mode."""
    workbook = load_workbook(path, read_only=True)
    try:
        return sum(1 for _row in workbook[POSITIONS_SHEET].iter_rows(values_only=True))
    finally:
        workbook.close()


def csv_floor(path: Path) -> int:
    """Every row of the CSV, read by the csv module."""
    with path.open(encoding="utf-8", newline="") as text:
        return sum(1 for _row in csv.reader(text))


FLOORS: dict[str, Callable[[Path], int]] = {"pretix-xlsx": openpyxl_floor, "google-csv": csv_floor}


def one_import_measured(database_url: str, path: Path, how: str) -> dict[str, int]:
    """The figures MEASURE_ONE_IMPORT prints, from a fresh interpreter on this worktree."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", MEASURE_ONE_IMPORT, database_url, str(path), how],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    figures: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


@pytest.mark.parametrize("kind", ["pretix-xlsx", "google-csv"])
def test_dry_run_import_of_10000_beside_the_floor(
    benchmark: BenchmarkFixture,
    capsys: pytest.CaptureFixture[str],
    database_url: str,
    files: dict[str, Path],
    kind: str,
) -> None:
    database = open_database(database_url)
    create_demo_event(database)
    path = files[kind]
    floor = FLOORS[kind]
    floor_timings: list[float] = []

    def time_the_floor() -> None:
        # Untimed by the benchmark, before each of its rounds: ours and the floor take
        # turns, so a busy moment of the shared machine does not fall on one of them only.
        started = time.perf_counter()
        assert floor(path) == ROWS + 1  # the header and every row
        floor_timings.append(time.perf_counter() - started)

    report: ImportReport = benchmark.pedantic(
        import_file,
        args=(database, path),
        kwargs={"dry_run": True},
        setup=time_the_floor,
        rounds=3,
    )
    database.close()
    assert report.total_rows == ROWS
    assert report.rejected == ()
    assert report.added + report.updated + len(report.duplicates) + len(report.skipped) == ROWS
    assert report.added > ROWS * 0.9  # namesakes of one birth year are the duplicates
    if kind == "pretix-xlsx":
        assert report.sheet == POSITIONS_SHEET

    ours = benchmark.stats.stats.min
    floor_best = min(floor_timings)
    rss = one_import_measured(database_url, path, "rss")
    traced = one_import_measured(database_url, path, "tracemalloc")
    figures = {
        "rows": ROWS,
        "added": report.added,
        "duplicates": len(report.duplicates),
        "skipped": len(report.skipped),
        "ours_min_s": round(ours, 3),
        "floor_min_s": round(floor_best, 3),
        "ours_to_floor": round(ours / floor_best, 2),
        "rss_before_mb": round(rss["rss_before_kb"] / 1024, 1),
        "rss_peak_mb": round(rss["rss_after_kb"] / 1024, 1),
        "rss_growth_mb": round((rss["rss_after_kb"] - rss["rss_before_kb"]) / 1024, 1),
        "python_peak_mb": round(traced["python_peak"] / MB, 1),
    }
    benchmark.extra_info.update(figures)
    engine = "SQLite" if database_url.startswith("sqlite") else "PostgreSQL"
    with capsys.disabled():  # the summary goes to the terminal, under the test's name
        print(
            f"\n{kind} ({ROWS} rows, {engine}): ours {ours:.2f} s, floor {floor_best:.2f} s, "
            f"ours/floor {figures['ours_to_floor']}; peak RSS {figures['rss_peak_mb']} MB "
            f"(+{figures['rss_growth_mb']} MB during the import), Python peak "
            f"{figures['python_peak_mb']} MB"
        )
