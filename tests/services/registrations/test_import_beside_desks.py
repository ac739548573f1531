"""A large import on SQLite, which locks the whole file while it writes, leaves the desks
scanning: four desks check people in and undo while 50,000 registrations come in, and
every one of their writes gets through within the busy timeout. (Issue 15.)"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.errors import KnownError
from degenks_desktop.services.front_desk.check_ins import (
    CheckInStatus,
    check_in_code,
    undo_check_in,
)
from degenks_desktop.services.registrations.importing import import_file
from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import Participant
from tests.helpers.counts import count
from tests.helpers.files import write_csv

ROWS = 50_000
DESKS = 4
SCAN_EVERY_S = 0.2


def synthetic_registrations(count: int) -> list[list[str]]:
    """`count` distinct people under a header the import recognises."""
    header = ["Voornaam", "Achternaam", "E-mail", "Dag"]
    return [header] + [
        [f"Persoon{n}", f"Achternaam{n % 997}", f"persoon{n}@example.org", str(1 + n % 2)]
        for n in range(count)
    ]


def test_desks_keep_scanning_through_a_50000_row_import(
    sqlite_database_url: str, tmp_path: Path
) -> None:
    database = open_database(sqlite_database_url)
    create_demo_event(database, participants=120, seated=False)
    with database.reading() as session:
        people = session.execute(select(Participant.id, Participant.badge_code)).all()
    registrations = write_csv(tmp_path / "groot.csv", synthetic_registrations(ROWS))
    finished = threading.Event()  # set once the import has returned
    failures: list[str] = []
    writes = [0] * DESKS

    def desk(number: int) -> None:
        # A desk of its own, with its own connection, as another laptop process would be.
        own = open_database(sqlite_database_url)
        mine = people[number::DESKS]
        try:
            while not finished.is_set():
                for person_id, code in mine:
                    result = check_in_code(own, code, desk=f"onthaal {number + 1}")
                    if result.status != CheckInStatus.CHECKED_IN:
                        failures.append(f"desk {number + 1}: {result.status}")
                    undo_check_in(own, person_id, desk=f"onthaal {number + 1}")
                    writes[number] += 2
                    # A busy desk: a scan every few tenths of a second, not a tight loop
                    # that would only fight the import for the interpreter.
                    if finished.wait(SCAN_EVERY_S):
                        break
        except KnownError as error:  # the busy timeout ran out: the desk was locked out
            failures.append(f"desk {number + 1}: {error.message}")
        finally:
            own.close()

    desks = [threading.Thread(target=desk, args=(n,)) for n in range(DESKS)]
    for thread in desks:
        thread.start()
    try:
        report = import_file(database, registrations)
    finally:
        finished.set()
        for thread in desks:
            thread.join()
    assert failures == []
    assert report.added == ROWS
    assert count(database, Participant) == ROWS + len(people)
    assert min(writes) > 10  # every desk kept writing while the import ran
    database.close()
