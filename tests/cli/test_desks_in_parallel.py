"""Four desks, each its own process, scanning the same 449 badges at once: 449 check-ins.

The desks name no day, so each person is checked in on their own (a desk set to day 1
would refuse the day-2 registrants: tests/cli/test_cli_front_desk.py).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import Participant
from tests.helpers import counts


def desk_process(database_url: str, name: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "degenks_desktop",
            "--db",
            database_url,
            "checkin",
            "-",
            "--desk",
            name,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "DEGENKS_LANG": "en"},
    )


def demo_codes(database_url: str) -> list[str]:
    database = open_database(database_url)
    create_demo_event(database)
    with database.reading() as session:
        codes = list(session.scalars(select(Participant.badge_code)))
    database.close()
    return codes


def active_check_ins(database_url: str) -> int:
    database = open_database(database_url)
    try:
        return counts.active_check_ins(database)
    finally:
        database.close()


def test_four_desks_check_in_everyone_exactly_once(database_url: str) -> None:
    codes = demo_codes(database_url)
    desks = [desk_process(database_url, f"onthaal {n}") for n in range(4)]
    for number, desk in enumerate(desks):
        order = codes[:]
        random.Random(number).shuffle(order)
        assert desk.stdin is not None
        desk.stdin.write("\n".join(order) + "\n")
        desk.stdin.close()
    outputs = [desk.stdout.read() for desk in desks]  # type: ignore[union-attr]  # stdout is a pipe
    assert all(desk.wait(timeout=300) == 0 for desk in desks)
    statuses = [
        line.split('"status": "')[1].split('"')[0]
        for output in outputs
        for line in output.splitlines()
    ]
    assert statuses.count("checked_in") == len(codes)
    assert statuses.count("already") == 3 * len(codes)
    assert active_check_ins(database_url) == len(codes)


def test_a_desk_killed_mid_burst_loses_nothing_and_doubles_nothing(database_url: str) -> None:
    codes = demo_codes(database_url)
    desk = desk_process(database_url, "onthaal 1")
    assert desk.stdin is not None and desk.stdout is not None
    desk.stdin.write("\n".join(codes) + "\n")
    desk.stdin.flush()
    deadline = time.monotonic() + 60
    seen = 0
    while seen < 50 and time.monotonic() < deadline:  # let it check in some people first
        if desk.stdout.readline():
            seen += 1
    desk.send_signal(signal.SIGKILL)
    desk.wait(timeout=30)
    survived = active_check_ins(database_url)
    assert 50 <= survived < len(codes)
    again = desk_process(database_url, "onthaal 1")
    output, _err = again.communicate("\n".join(codes) + "\n", timeout=300)
    assert output.count('"already"') == survived
    assert active_check_ins(database_url) == len(codes)
