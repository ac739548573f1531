"""Start-up: from starting the app to its window's first paint, at 449 and 10,000
participants, beside a bare QMainWindow started the same way (aims: under 1.5 s at 449
and 2.5 s at 10,000; the ratio to the bare window is in extra_info).

Each start is a fresh interpreter (`tests/helpers/startup.py`), timed from launching it
to the first line it prints after the first paint; the two kinds alternate, so that both
meet the same load of the machine. Python's compiled modules are written once before the
timed starts, as an installed app has them.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from degenks_desktop.config import sqlite_url
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.storage.database import open_database
from tests.helpers.timings import percentile

REPOSITORY = Path(__file__).resolve().parents[2]
ROUNDS = 7


@pytest.fixture(scope="module")
def compiled_modules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the started interpreters keep their compiled modules (not in the checkout)."""
    return tmp_path_factory.mktemp("pycache")


def start(kind: str, url: str, compiled: Path) -> tuple[float, float, dict[str, object]]:
    """Launch `tests.helpers.startup` and wait for its report: the wall time it took, the
    processor time the interpreter spent (less at the mercy of the machine's other work)
    and the report."""
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(compiled)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(REPOSITORY), *filter(None, [environment.get("PYTHONPATH")])]
    )
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.startup", kind, url],
        cwd=REPOSITORY,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    shown = time.perf_counter() - started
    # It exits as soon as it has reported: its processor time is the start's.
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert line, f"the {kind} start reported nothing"
    return shown, usage.ru_utime + usage.ru_stime, dict(json.loads(line))


@pytest.mark.parametrize("people", [449, 10_000])
def test_start_to_first_window_beside_a_bare_qmainwindow(
    benchmark: BenchmarkFixture, tmp_path: Path, compiled_modules: Path, people: int
) -> None:
    if benchmark.disabled:
        people = 449
    path = tmp_path / f"demo-{people}.sqlite"
    database = open_database(sqlite_url(path))
    create_demo_event(database, participants=people)
    database.close()
    url = sqlite_url(path)
    for kind in ("bare", "app"):  # compile the modules once, as an install has them
        start(kind, url, compiled_modules)
    app: list[float] = []
    app_cpu: list[float] = []
    bare: list[float] = []
    bare_cpu: list[float] = []
    heavy: list[object] = []

    def bare_start() -> None:  # untimed by the benchmark itself: its figure goes beside
        shown, cpu, _report = start("bare", url, compiled_modules)
        bare.append(shown)
        bare_cpu.append(cpu)

    def app_start() -> float:
        shown, cpu, report = start("app", url, compiled_modules)
        app.append(shown)
        app_cpu.append(cpu)
        heavy.append(report["heavy"])
        return shown

    benchmark.pedantic(app_start, setup=bare_start, rounds=ROUNDS, iterations=1)
    assert heavy == [[]] * ROUNDS  # nothing of the later pages' libraries at start
    benchmark.extra_info["participants"] = people
    benchmark.extra_info["app_p50_s"] = round(statistics.median(app), 3)
    benchmark.extra_info["app_worst_s"] = round(percentile(app, 1.0), 3)
    benchmark.extra_info["bare_p50_s"] = round(statistics.median(bare), 3)
    benchmark.extra_info["app_to_bare_p50"] = round(
        statistics.median(app) / statistics.median(bare), 2
    )
    benchmark.extra_info["app_cpu_p50_s"] = round(statistics.median(app_cpu), 3)
    benchmark.extra_info["bare_cpu_p50_s"] = round(statistics.median(bare_cpu), 3)
