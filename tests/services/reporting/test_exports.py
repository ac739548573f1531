"""Exports read back as they were written, formulas stay text, anonymous means anonymous:
no names, no desks, no exact times, no order to go by, no combination rarer than five."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_day
from degenks_desktop.i18n import _
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
        first.last_name = "=1+1"
        first.email = "+32@example.org"
        first.phone = "+32 89 12 34 56"
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
        # Excel has text cells: the value exactly. CSV has none: an apostrophe first.
        assert [None if value == "" else value for value in xlsx_row] == [
            None if value == "" else value for value in written
        ]
        in_csv = ["'" + v if isinstance(v, str) and v[:1] in "=+-@" else v for v in written]
        assert csv_row == ["" if value is None else str(value) for value in in_csv]


def test_formula_values_come_out_as_text(finished_day: Database, tmp_path: Path) -> None:
    header, rows = export_rows(finished_day, "participants", anonymous=False)
    write_table(tmp_path / "people.xlsx", header, rows)
    write_table(tmp_path / "people.csv", header, rows)
    sheet = load_workbook(tmp_path / "people.xlsx").active
    assert sheet is not None
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row}
    for text in ('=HYPERLINK("http://evil","klik")', "=1+1", "+32@example.org", "+32 89 12 34 56"):
        assert cells[text].data_type == "s", text  # the exact text, as text
    assert all(cell.data_type != "f" for cell in cells.values())
    assert not any(isinstance(value, str) and value.startswith("'") for value in cells)
    in_csv = [value for row in read_csv(tmp_path / "people.csv") for value in row]
    assert "'+32 89 12 34 56" in in_csv and "'=1+1" in in_csv


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
    statuses = {row[column] for row in rows}
    # A status left blank is one that was too rare to show (see the k-anonymity test).
    assert "ingeschreven" in statuses
    assert statuses <= {"ingeschreven", "zonder inschrijving", None}


@pytest.mark.parametrize(("what", "kept"), [("participants", "tafel"), ("checkins", "tijd")])
def test_every_combination_an_anonymous_export_shows_is_shared_by_five(
    finished_day: Database, what: str, kept: str
) -> None:
    header, rows = export_rows(finished_day, what, anonymous=True)
    shown = [tuple(row[1:] if what == "participants" else row) for row in rows]
    assert min(Counter(shown).values()) >= 5
    # Coarsened only where needed: most rows still show what the export is for (the
    # participants' tables; the arrivals' quarter hour or hour, before their tables).
    column = header.index(kept)
    assert sum(row[column] is not None for row in rows) > len(rows) / 2
    with finished_day.reading() as session:
        people = session.scalar(select(func.count()).select_from(Participant))
        check_ins = session.scalar(select(func.count()).select_from(CheckIn))
    assert len(rows) == (people if what == "participants" else check_ins)


def test_the_anonymous_participants_are_not_in_the_named_order(finished_day: Database) -> None:
    named_header, named = export_rows(finished_day, "participants", anonymous=False)
    header, rows = export_rows(finished_day, "participants", anonymous=True)
    assert "duo" not in header
    # Sorted by what the rows show: rows that show the same are interchangeable, so the
    # order gives away nothing the rows do not.
    shown = [row[1:] for row in rows]
    assert shown == sorted(shown, key=lambda row: [(v is None, v or "") for v in row])
    assert [row[0] for row in rows] == list(range(1, len(rows) + 1))
    # The named export's order (by surname) is not it.
    columns = [named_header.index(name) for name in header[1:]]
    in_named_order = [[row[column] for column in columns] for row in named]
    assert in_named_order != sorted(
        in_named_order, key=lambda row: [(v is None, v or "") for v in row]
    )


def test_anonymous_check_ins_show_no_desk_and_no_exact_time(finished_day: Database) -> None:
    named_header, named = export_rows(finished_day, "checkins", anonymous=False)
    header, rows = export_rows(finished_day, "checkins", anonymous=True)
    desk = named_header[2]
    assert desk not in header and len(header) == len(named_header) - 3
    desks = {row[2] for row in named}
    assert not desks & {value for row in rows for value in row}
    times = [row[header.index("tijd")] for row in rows]
    quarter = re.compile(r"\d{4}-\d\d-\d\d \d\d:(00|15|30|45)$")
    hour = re.compile(r"\d{4}-\d\d-\d\d \d\d:00–\d\d:00$")
    assert all(
        t is None or (isinstance(t, str) and (quarter.match(t) or hour.match(t))) for t in times
    ), times
    assert any(isinstance(t, str) and quarter.match(t) for t in times)


def test_the_named_participants_export_has_the_address_and_the_anonymous_one_none(
    finished_day: Database, tmp_path: Path
) -> None:
    with finished_day.reading() as session:
        people = {
            person.id: person
            for person in session.scalars(select(Participant).order_by(Participant.id))
        }
        session.expunge_all()
    header, rows = export_rows(finished_day, "participants", anonymous=False)
    columns = [header.index(_(name)) for name in ("street and number", "postcode", "town")]
    agreed = header.index(_("may be contacted afterwards"))
    by_email = {row[header.index(_("e-mail"))]: row for row in rows}
    for person in people.values():
        if person.email is None:
            continue
        row = by_email[person.email]
        assert [row[column] for column in columns] == [person.street, person.postcode, person.town]
        assert row[agreed] == (_("yes") if person.contact_consent else _("no"))
    assert {row[agreed] for row in rows} == {_("yes"), _("no")}

    header, rows = export_rows(finished_day, "participants", anonymous=True)
    assert _("street and number") not in header and _("town") not in header
    assert _("may be contacted afterwards") not in header
    write_table(tmp_path / "anon.csv", header, rows)
    text = (tmp_path / "anon.csv").read_text(encoding="utf-8-sig")
    for person in people.values():
        assert person.street and person.street not in text
        assert person.town and person.town not in text
    assert "3600" not in text
