"""Measure the seating against its baselines and print docs/seating.md's table.

Run: `.venv/bin/python scripts/seating_report.py > docs/seating.md` (a few minutes: the
MIP gets 60 seconds per day).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from degenks_desktop.domain.seating import (
    SeatingQuality,
    SeatPerson,
    SeatTable,
    seat_day,
    seating_quality,
)
from tests.benchmarks.seating_baselines import (
    greedy_restarts,
    mip_seating,
    random_seating,
    synthetic_day,
)
from tests.benchmarks.test_bench_seating import g360_day


def row(name: str, seconds: float, quality: SeatingQuality, extra: str = "") -> str:
    q = quality
    return (
        f"| {name} | {seconds:.2f} | {q.imbalance:.1f} | {q.isolated} | "
        f"{q.duo_dissimilarity:.2f} | {extra} |"
    )


def measure(
    title: str, people: Sequence[SeatPerson], tables: Sequence[SeatTable], our_limit: float
) -> list[str]:
    lines = [
        f"### {title}: {len(people)} people, {len(tables)} tables",
        "",
        "| method | seconds | imbalance | isolated | duo dissimilarity | notes |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    started = time.monotonic()
    ours = seat_day(people, tables, time_limit=our_limit)
    lines.append(
        row(
            "De Genks Desktop",
            time.monotonic() - started,
            seating_quality(ours.table_of, ours.duos, people),
            f"first choice {ours.first_choice_share:.0%} (bound {ours.first_choice_bound})",
        )
    )
    started = time.monotonic()
    table_of, duos = random_seating(people, tables)
    lines.append(row("random", time.monotonic() - started, seating_quality(table_of, duos, people)))
    started = time.monotonic()
    table_of, duos = greedy_restarts(people, tables)
    lines.append(
        row(
            "greedy, fewest alike first, 100 restarts",
            time.monotonic() - started,
            seating_quality(table_of, duos, people),
        )
    )
    started = time.monotonic()
    table_of, duos, best, bound = mip_seating(people, tables, time_limit=60)
    seconds = time.monotonic() - started
    if len(table_of) < len(people):
        lines.append(
            f"| MIP on HiGHS, 60 s | {seconds:.2f} | – | – | – | no complete solution in "
            f"60 s; proven bound {bound:.1f} |"
        )
    else:
        lines.append(
            row(
                "MIP on HiGHS, 60 s",
                seconds,
                seating_quality(table_of, duos, people),
                f"best {best:.1f}, proven bound {bound:.1f}",
            )
        )
    return [*lines, ""]


def main() -> None:
    people, tables = g360_day()
    lines = measure("A G360 day", people, tables, 2.0)
    people, tables = synthetic_day(2000)
    lines += measure("A synthetic day", people, tables, 10.0)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
