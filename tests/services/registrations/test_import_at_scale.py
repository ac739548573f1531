"""A city-sized registration file comes in whole: everyone added or known, nobody refused.

The file is the demo's own people written out as the web form exports them (theme codes,
day numbers, answer codes), a few hundred rows as CSV and as Excel; `make bench` times
the same import at 10,000 rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from degenks_desktop.services.registrations.importing import import_file
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Day, Participant, Theme
from tests.helpers.counts import count
from tests.helpers.files import REGISTRATION_HEADER, registration_rows, write_csv, write_xlsx

ROWS = 200

Person = tuple[str, str, str, int]  # first name, last name, first theme, day


def stored_people(database: Database) -> list[Person]:
    with database.reading() as session:
        rows = session.execute(
            select(Participant.first_name, Participant.last_name, Theme.code, Day.number)
            .join(Theme, Theme.id == Participant.first_theme_id)
            .join(Day, Day.id == Participant.day_id)
        ).all()
    return [(first, last, theme, day) for first, last, theme, day in rows]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_few_hundred_registrations_all_come_in(
    event: Database, tmp_path: Path, kind: str
) -> None:
    rows = registration_rows(ROWS)
    write = write_csv if kind == "csv" else write_xlsx
    path = write(tmp_path / f"inschrijvingen.{kind}", [REGISTRATION_HEADER, *rows])
    report = import_file(event, path)
    assert report.rejected == ()
    # Namesakes with the same birth year are one person: reported, never added twice.
    assert report.added + len(report.duplicates) == ROWS
    assert count(event, Participant) == report.added
    # Everyone with the day and first theme they chose: none left without either.
    in_file = {(row[0], row[1], row[7], int(row[9])) for row in rows}
    stored = stored_people(event)
    assert len(stored) == report.added
    assert set(stored) <= in_file
    assert {(first, last) for first, last, _t, _d in stored} == {(r[0], r[1]) for r in rows}
