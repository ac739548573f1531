"""Starting the app: the window opens without the libraries only later pages need.

Speed itself is measured in tests/benchmarks/test_bench_startup.py; what is held here is
its cause, deterministically: the app started as `degenks gui` starts it, in a fresh
interpreter, shows its window on an event without having imported openpyxl, networkx,
reportlab, pypdfium2, rapidfuzz, phonenumbers or Alembic (together seconds of start-up).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.storage.database import open_database
from tests.helpers.startup import NOT_AT_START

REPOSITORY = Path(__file__).resolve().parents[3]


def start_in_a_fresh_interpreter(url: str) -> dict[str, object]:
    """Start the app on `url` in a new Python, until its window's first paint; what it
    reported then."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(REPOSITORY), *filter(None, [environment.get("PYTHONPATH")])]
    )
    finished = subprocess.run(
        [sys.executable, "-m", "tests.helpers.startup", "app", url],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    return dict(json.loads(finished.stdout.strip().splitlines()[-1]))


def test_the_window_opens_on_an_event_without_the_libraries_of_later_pages(
    sqlite_database_url: str,
) -> None:
    database = open_database(sqlite_database_url)
    create_demo_event(database, participants=120)
    database.close()
    started = start_in_a_fresh_interpreter(sqlite_database_url)
    assert started["heavy"] == [], f"imported at start: {started['heavy']} of {NOT_AT_START}"
