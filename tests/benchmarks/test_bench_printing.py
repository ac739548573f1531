"""Badges to a real CUPS queue through the app's own print path, beside `lp` of the same
PDF as the floor, in the same run (scripts/throwaway-cups; skipped without
DEGENKS_TEST_CUPS_SERVER).

One desk badge from the click (the service call the GUI makes off its thread) to the
spooled job, and 449 badges on A4 sheets as the Print page sends them. Beside the
seconds: peak memory, the size of the spooled job, and the page size read back from the
PDF that CUPS-PDF made. Aim: one badge under 0.5 s, 449 under 10 s, sizes exact to
0.5 mm. (The raster path through QPrinter took 2–2.6 s a badge and 324 s, 2.8 GB and a
365 MB spool for the 449.)
"""

from __future__ import annotations

import io
import resource
import statistics
import subprocess
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.badge_formats import FORMATS, BadgeFormat
from degenks_desktop.services.printing.badges import (
    BadgeSent,
    badges_to_print,
    print_badge,
    render_badges,
    single_badge_pdf,
)
from degenks_desktop.services.printing.print_jobs import JobState, SpooledJob
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import Participant
from degenks_desktop.ui.printing.print_page import Sent, print_document
from degenks_desktop.ui.printing.printers import CupsRoute
from tests.helpers.cups import QUEUE, TestQueue, cups_server, needs_cups
from tests.helpers.pdfs import page_sizes_mm

pytestmark = needs_cups
BULK = 449
FLOOR_RUNS = 5
TOLERANCE_MM = 0.5


def sized(benchmark: BenchmarkFixture, count: int) -> int:
    """`count`, or a few sheets' worth when `make test` runs the benchmarks once as tests."""
    return count if not benchmark.disabled else min(count, 16)


@pytest.fixture
def queue() -> TestQueue:
    server = cups_server()
    assert server is not None
    return TestQueue(server, QUEUE)


def demo(tmp_path: Path, people: int) -> Database:
    database = open_database(f"sqlite:///{tmp_path / 'bench.sqlite'}")
    create_demo_event(database, participants=people)
    return database


def lp(queue: TestQueue, pdf: Path, fmt: BadgeFormat) -> int:
    """The floor: CUPS's own client spooling the same PDF with the same options; job id."""
    width, height = fmt.page
    done = subprocess.run(
        [
            "lp",
            "-h",
            queue.server,
            "-d",
            queue.name,
            "-o",
            f"media=Custom.{width:g}x{height:g}mm",
            "-o",
            "print-scaling=none",
            str(pdf),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.split(" ")[3].rsplit("-", 1)[1])


def runs(benchmark: BenchmarkFixture) -> int:
    """How often the floor runs: a few times under `make bench`, once under `make test`."""
    return FLOOR_RUNS if not benchmark.disabled else 1


def floor_seconds(queue: TestQueue, pdf: Path, fmt: BadgeFormat, *, runs: int) -> tuple[float, int]:
    """The median seconds of `lp` over `runs` runs, and its last job."""
    times, job = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        job = lp(queue, pdf, fmt)
        times.append(time.perf_counter() - start)
    return statistics.median(times), job


def peak_mib(work: Callable[[], Any]) -> float:
    """The peak of Python's allocations during `work`, in MiB (one separate run)."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def check_size(
    queue: TestQueue, job: SpooledJob, fmt: BadgeFormat, *, spooled_at: float
) -> tuple[float, float, float]:
    """The printed page's size (mm) read back from CUPS-PDF's output, and the seconds from
    `spooled_at` (time.time()) until the output was written; asserts the size is the
    layout's to 0.5 mm."""
    printed = queue.output(job, timeout=300)
    waited = printed.stat().st_mtime - spooled_at
    width, height = page_sizes_mm(printed)[0]
    assert width == pytest.approx(fmt.page[0], abs=TOLERANCE_MM)
    assert height == pytest.approx(fmt.page[1], abs=TOLERANCE_MM)
    return width, height, waited


def test_one_desk_badge_from_the_click_to_the_spooled_job(
    benchmark: BenchmarkFixture, queue: TestQueue, tmp_path: Path
) -> None:
    database = demo(tmp_path, 30)
    fmt = FORMATS["a6"]
    with database.reading() as session:
        person = int(session.scalars(select(Participant.id).order_by(Participant.id)).first() or 0)
    route = CupsRoute(queue.name, queue.server)
    sent: list[BadgeSent] = []
    spooled: list[float] = []

    def click() -> None:
        # What the desk's background work does (ui.printing.badge_printing.send_badge).
        sent.append(
            print_badge(
                database,
                person,
                fmt,
                desk="bench",
                send=lambda pdf, f: route.send(pdf, f.page, title="Badge", report=lambda *_: None),
                status_of=route.status,
                reprint_reason="benchmark" if sent else None,
            )
        )
        spooled.append(time.time())

    benchmark.pedantic(click, rounds=5 if not benchmark.disabled else 1, iterations=1)
    ours = benchmark.stats.stats.median if not benchmark.disabled else 0.0
    job = sent[-1].job
    assert job is not None and sent[-1].status.state is not JobState.FAILED
    width, height, waited = check_size(queue, job, fmt, spooled_at=spooled[-1])
    pdf = tmp_path / "badge.pdf"
    pdf.write_bytes(single_badge_pdf(database, person, fmt))
    floor, _floor_job = floor_seconds(queue, pdf, fmt, runs=runs(benchmark))
    memory = peak_mib(click)
    benchmark.extra_info.update(
        {
            "ours_s": round(ours, 4),
            "lp_floor_s": round(floor, 4),
            "ratio_to_lp": round(ours / floor, 2) if ours else None,
            "peak_python_mib": round(memory, 1),
            "spooled_bytes": job.size,
            "printed_mm": [round(width, 2), round(height, 2)],
            "cups_pdf_output_after_s": round(waited, 2),
        }
    )
    database.close()


def test_449_badges_on_sheets_through_the_print_page(
    benchmark: BenchmarkFixture, queue: TestQueue, tmp_path: Path
) -> None:
    count = sized(benchmark, BULK)
    database = demo(tmp_path, count + 40)  # some are cancelled or waiting: no badge
    fmt = FORMATS["a4-8"]
    assert len(badges_to_print(database)) >= count
    route = CupsRoute(queue.name, queue.server)
    sent: list[Sent] = []
    spooled: list[float] = []

    def make(report: Callable[[int, int], None], target: Path) -> tuple[str, str]:
        badges = badges_to_print(database)[:count]
        printed = render_badges(badges, target, fmt, progress=report)
        return f"{printed.badges} on {printed.pages}", ""

    def print_all() -> None:
        sent.append(print_document(make, route, fmt.page, title="Badges", report=lambda *_: None))
        spooled.append(time.time())

    benchmark.pedantic(print_all, rounds=3 if not benchmark.disabled else 1, iterations=1)
    ours = benchmark.stats.stats.median if not benchmark.disabled else 0.0
    pdf = tmp_path / "badges.pdf"  # the same PDF, made beforehand, for lp
    out = io.BytesIO()
    render_badges(badges_to_print(database)[:count], out, fmt)
    pdf.write_bytes(out.getvalue())
    job = sent[-1].job
    assert job is not None and sent[-1].status.state is not JobState.FAILED
    width, height, waited = check_size(queue, job, fmt, spooled_at=spooled[-1])
    floor, floor_job = floor_seconds(queue, pdf, fmt, runs=runs(benchmark))
    memory = peak_mib(print_all)
    benchmark.extra_info.update(
        {
            "badges": count,
            "ours_s": round(ours, 3),
            "lp_floor_s": round(floor, 4),
            "ratio_to_lp": round(ours / floor, 1) if ours else None,
            "peak_python_mib": round(memory, 1),
            # The whole test process's high-water mark (the raster path reached 2.8 GB).
            "process_max_rss_mib": round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
            ),
            "spooled_bytes": job.size,
            "printed_mm": [round(width, 2), round(height, 2)],
            "cups_pdf_output_after_s": round(waited, 2),
            "floor_job": floor_job,
        }
    )
    database.close()
