"""Exports read back as they were written, formulas stay text, anonymous means no names."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_day
from degenks_desktop.services.reporting.exports import export_rows, write_table
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import CheckIn, Participant

WHAT = ("participants", "checkins", "ideas", "concepts")


@pytest.fixture
def finished_day(database: Database) -> Database:
    create_demo_event(database, participants=50, facilitators=6, days=1)
    simulate_day(database, day_number=1, seed=3)
    with database.transaction() as session:
        first = session.scalars(select(Participant).order_by(Participant.id)).first()
        assert first is not None
        first.first_name = '=HYPERLINK("http://evil","klik")'
        first.email = "+32@example.org"
    return database


def read_xlsx(path: Path) -> list[list[object]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


@pytest.mark.parametrize("what", WHAT)
def test_exports_read_back_the_same_rows(finished_day: Database, tmp_path: Path, what: str) -> None:
    header, rows = export_rows(finished_day, what, anonymous=False)
    assert rows
    write_table(tmp_path / "out.xlsx", header, rows)
    write_table(tmp_path / "out.csv", header, rows)
    from_xlsx = read_xlsx(tmp_path / "out.xlsx")
    from_csv = read_csv(tmp_path / "out.csv")
    assert from_xlsx[0] == header == from_csv[0]
    assert len(from_xlsx) == len(from_csv) == len(rows) + 1
    for written, xlsx_row, csv_row in zip(rows, from_xlsx[1:], from_csv[1:], strict=True):
        shown = [None if value == "" else value for value in xlsx_row]
        expected = ["'" + v if isinstance(v, str) and v[:1] in "=+-@" else v for v in written]
        assert shown == [None if value == "" else value for value in expected]
        assert csv_row == ["" if value is None else str(value) for value in expected]


def test_formula_values_come_out_as_text(finished_day: Database, tmp_path: Path) -> None:
    header, rows = export_rows(finished_day, "participants", anonymous=False)
    write_table(tmp_path / "people.xlsx", header, rows)
    cells = [cell for row in read_xlsx(tmp_path / "people.xlsx") for cell in row]
    assert '\'=HYPERLINK("http://evil","klik")' in cells
    assert "'+32@example.org" in cells
    assert not any(isinstance(c, str) and c.startswith(("=", "+", "@")) for c in cells)
    workbook = load_workbook(tmp_path / "people.xlsx")
    sheet = workbook.active
    assert sheet is not None
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("what", ["participants", "checkins"])
def test_an_anonymous_export_holds_no_name_or_contact(
    finished_day: Database, tmp_path: Path, what: str
) -> None:
    header, rows = export_rows(finished_day, what, anonymous=True)
    write_table(tmp_path / "anon.csv", header, rows)
    text = (tmp_path / "anon.csv").read_text(encoding="utf-8-sig")
    with finished_day.reading() as session:
        people = session.execute(
            select(Participant.last_name, Participant.email, Participant.badge_code)
        ).all()
        check_ins = session.scalar(select(func.count()).select_from(CheckIn))
    for last, email, code in people:
        assert last not in text
        assert code not in text
        assert not email or email not in text
    assert "@" not in text
    if what == "checkins":
        assert len(rows) == check_ins


def test_statuses_read_as_words_in_the_export(finished_day: Database) -> None:
    header, rows = export_rows(finished_day, "participants", anonymous=True)
    column = header.index("status")
    assert {row[column] for row in rows} <= {"ingeschreven", "zonder inschrijving"}
