"""groupselect-lib's legacy algorithm, run beside ours on the same people.

The Sortition Foundation's library (the engine of their PySide6 groupselect app) is not
on PyPI and is never part of this project: `GROUPSELECT_LIB` names a checkout of it
(github.com/sortitionfoundation/groupselect-lib), and it runs there, in a process of its
own, from its own folder. Without the variable the benchmarks that need it are skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from degenks_desktop.domain.seating import SeatPerson

DRIVER = """
import json, sys, time
import numpy
from groupselect.allocate_numpy import allocate_numpy
task = json.load(sys.stdin)
people = numpy.array(task["answers"], dtype=numpy.int64)
started, cpu = time.perf_counter(), time.process_time()
# One attempt: its 100 attempts choose among themselves by meetings over several rounds,
# which one round of tables does not have; every attempt is the same greedy deal.
result = allocate_numpy(
    people,
    {field: "diversify" for field in range(people.shape[1])},
    task["table_size"],
    settings={"seed": task["seed"], "n_attempts": 1},
)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
json.dump({"groups": [[int(p) for p in g] for g in result.ensemble[0]], "seconds": seconds,
           "cpu_seconds": cpu}, sys.stdout)
"""


def groupselect_folder() -> Path:
    """The checkout named by GROUPSELECT_LIB; the test is skipped without one."""
    folder = os.environ.get("GROUPSELECT_LIB", "")
    if not folder or not (Path(folder) / "groupselect").is_dir():
        pytest.skip("GROUPSELECT_LIB does not name a checkout of groupselect-lib")
    return Path(folder)


def groupselect_seating(
    people: Sequence[SeatPerson], table_size: int, seed: int
) -> tuple[dict[int, int], float, float]:
    """groupselect's legacy deal of `people` into groups of `table_size`: each person's
    group, and the seconds and CPU seconds its algorithm took (inside its own process)."""
    categories = sorted({category for p in people for category, _value in p.answers})
    codes: dict[tuple[str, str], int] = {}
    answers = [
        [codes.setdefault((c, dict(p.answers).get(c, "")), len(codes)) for c in categories]
        for p in people
    ]
    finished = subprocess.run(
        [sys.executable, "-c", DRIVER],
        input=json.dumps({"answers": answers, "table_size": table_size, "seed": seed}),
        capture_output=True,
        text=True,
        cwd=groupselect_folder(),
        env={**os.environ, "PYTHONPATH": str(groupselect_folder())},
        check=True,
    )
    result = json.loads(finished.stdout)
    table_of = {
        people[index].id: group
        for group, members in enumerate(result["groups"])
        for index in members
    }
    return table_of, float(result["seconds"]), float(result["cpu_seconds"])
