"""The built bundle starts on its own: its version, and a demo event on a scratch database.

Run by `make installer-test` after `make installer`; `make test` leaves it out (-m).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from degenks_desktop import __version__
from degenks_desktop.services.house.organisers import DEMO_ORGANISER, DEMO_ORGANISER_PASSWORD

BUNDLE = Path(__file__).resolve().parents[2] / "dist" / "degenks"
EXECUTABLE = BUNDLE / ("degenks.exe" if sys.platform == "win32" else "degenks")

pytestmark = pytest.mark.installer


def run_bundle(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    # Outside the repository and its .venv, with a scratch home: only the bundle counts.
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "DEGENKS_LANG": "nl",
        # The demo's organiser, for the commands only organisers may run (badges).
        "DEGENKS_ORGANISER": DEMO_ORGANISER,
        "DEGENKS_ORGANISER_PASSWORD": DEMO_ORGANISER_PASSWORD,
    }
    if sys.platform == "win32":
        environment = {**os.environ, **environment}
    return subprocess.run(
        [str(EXECUTABLE), *args],
        capture_output=True,
        text=True,
        cwd=home,
        env=environment,
        timeout=300,
        check=False,
    )


def test_the_bundle_knows_its_version(tmp_path: Path) -> None:
    assert EXECUTABLE.exists(), "build the bundle first: make installer"
    done = run_bundle("--version", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"degenks {__version__}"


def test_the_bundle_makes_a_demo_event_with_its_own_migrations_and_fonts(tmp_path: Path) -> None:
    database = tmp_path / "proef.sqlite"
    done = run_bundle(
        "--db", str(database), "demo", "--participants", "40", "--json", home=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["participants"] == 40
    stats = run_bundle("--db", str(database), "stats", "--json", home=tmp_path)
    assert json.loads(stats.stdout)["participants"] == 40
    badges = run_bundle("--db", str(database), "badges", str(tmp_path / "b.pdf"), home=tmp_path)
    assert badges.returncode == 0, badges.stderr
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    refused = run_bundle("--db", str(database), "checkin", "NIETGOED", home=tmp_path)
    assert refused.returncode == 3
    assert refused.stderr.strip().startswith("Onbekende code")  # Dutch from the bundle
