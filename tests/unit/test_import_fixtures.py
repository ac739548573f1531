"""The import fixtures are what they claim: each reads as its tool writes it (encoding,
delimiter, line ends, sheets, header), and its expected outcome names every data row once.

They are made by scripts/make_import_fixtures.py; tests/fixtures/imports/README.md says
what each imitates. Importing them is issue 18's work: this only checks the material.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
EXPECTED = sorted(FIXTURES.glob("*.expected.json"))
THEMES = {
    "wonen",
    "werk",
    "jeugd",
    "taal",
    "financien",
    "samenleven",
    "vrijetijd",
    "dienstverlening",
}
SKIP_REASONS = {"cancelled", "partial", "totals line", "empty"}
WARNINGS = {"characters_lost", "day_unclear", "theme_unknown", "theme_empty"}
PERSON_FIELDS = {
    "first_name",
    "last_name",
    "email",
    "phone",
    "theme",
    "second_theme",
    "day",
    "consent",
    "birth_year",
    "answers_without_consent",
    "warnings",
}


def load(expected: Path) -> dict[str, Any]:
    """An expected file, read."""
    document: dict[str, Any] = json.loads(expected.read_text(encoding="utf-8"))
    return document


def csv_records(path: Path, file_format: dict[str, Any]) -> list[tuple[int, list[str]]]:
    """Every record of a CSV with the line it starts on, read strictly in its encoding."""
    text = path.read_bytes().decode(file_format["encoding"])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=file_format["delimiter"])
    records = []
    start = 1
    for cells in reader:
        records.append((start, cells))
        start = reader.line_num + 1
    return records


def data_places(document: dict[str, Any]) -> list[int]:
    """The line (CSV) or row (workbook) of every record under the header."""
    file_format = document["format"]
    path = FIXTURES / document["file"]
    if file_format["kind"] == "csv":
        return [
            line
            for line, _cells in csv_records(path, file_format)
            if line > file_format["header_line"]
        ]
    sheet = load_workbook(path)[file_format["sheet"]]
    return list(range(file_format["header_row"] + 1, sheet.max_row + 1))


def place(row: dict[str, Any]) -> int:
    """Where an expected row points: its line or its row."""
    return int(row["line"] if "line" in row else row["row"])


@pytest.fixture(params=EXPECTED, ids=[path.name.split(".")[0] for path in EXPECTED])
def document(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Each expected file in turn."""
    return load(request.param)


def test_every_tool_has_its_fixture() -> None:
    assert [load(path)["file"] for path in EXPECTED] == [
        "eventbrite_attendee_summary.csv",
        "google_forms_inschrijving_g360.csv",
        "klerk_inschrijvingen_g360.xlsx",
        "klerk_inschrijvingen_g360_puntkomma.csv",
        "microsoft_forms_g360.xlsx",
        "pretix_g360_order_positions.csv",
        "pretix_g360_orders.xlsx",
        "typeform_g360_responses.csv",
    ]


def test_the_file_reads_as_its_tool_writes_it(document: dict[str, Any]) -> None:
    file_format = document["format"]
    path = FIXTURES / document["file"]
    header = file_format["header"]
    if file_format["kind"] == "csv":
        records = csv_records(path, file_format)
        cells_of = dict(records)
        assert cells_of[file_format["header_line"]] == header
        # A tool writes every record as wide as its header.
        assert {len(cells) for _line, cells in records} == {len(header)}
        text = path.read_bytes().decode(file_format["encoding"])
        # Each record ends on the file's line end; a line break inside a field is a bare LF.
        assert text.count(file_format["line_ending"]) == len(records)
        assert text.endswith(file_format["line_ending"])
    else:
        workbook = load_workbook(path)
        assert workbook.sheetnames == file_format["sheets"]
        sheet = workbook[file_format["sheet"]]
        row = next(
            sheet.iter_rows(
                min_row=file_format["header_row"],
                max_row=file_format["header_row"],
                values_only=True,
            )
        )
        assert [value for value in row if value is not None] == header


def test_the_expected_file_names_every_data_row_once(document: dict[str, Any]) -> None:
    places = [place(row) for row in document["rows"]]
    assert places == data_places(document)
    assert 30 <= len(places) <= 100
    counts: dict[str, int] = {}
    for row in document["rows"]:
        counts[row["outcome"]] = counts.get(row["outcome"], 0) + 1
    assert document["summary"] == counts


def test_each_outcome_says_what_the_import_must_do(document: dict[str, Any]) -> None:
    added = set()
    for row in document["rows"]:
        outcome = row["outcome"]
        assert outcome in {"added", "duplicate", "rejected", "skipped"}
        if outcome in ("skipped", "rejected"):
            assert row["reason"]
            assert outcome == "rejected" or row["reason"] in SKIP_REASONS
            continue
        assert row.keys() >= PERSON_FIELDS
        assert row["first_name"] and row["last_name"]
        assert row["theme"] in THEMES | {None}
        assert row["second_theme"] in THEMES | {None}
        assert row["day"] in (1, 2, None)
        assert set(row["warnings"]) <= WARNINGS
        # The birth year is kept only with consent.
        assert row["birth_year"] is None or row["consent"] is True
        if outcome == "added":
            added.add(place(row))
        else:
            assert row["duplicate_of"] in added
            assert row["duplicate_of"] < place(row)


def test_the_clerks_csv_is_windows_1252_with_its_lost_letters() -> None:
    document = load(FIXTURES / "klerk_inschrijvingen_g360_puntkomma.expected.json")
    raw = (FIXTURES / document["file"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "–".encode("cp1252") in raw  # the title's dash, as Windows-1252 holds it
    records = dict(csv_records(FIXTURES / document["file"], document["format"]))
    lost = [row for row in document["rows"] if "characters_lost" in row.get("warnings", [])]
    assert len(lost) >= 3
    for row in lost:
        last_name, first_name = records[row["line"]][1:3]
        assert "?" in last_name + first_name
        assert (first_name, last_name) == (row["first_name"], row["last_name"])


def test_the_clerks_workbook_has_its_merged_cells_and_its_total() -> None:
    document = load(FIXTURES / "klerk_inschrijvingen_g360.expected.json")
    file_format = document["format"]
    path = FIXTURES / document["file"]
    sheet = load_workbook(path)[file_format["sheet"]]
    assert sorted(str(merged) for merged in sheet.merged_cells.ranges) == sorted(
        file_format["merged"]
    )
    total_row = file_format["totals_row"]
    assert sheet.cell(row=total_row, column=2).value == "Totaal"
    assert str(sheet.cell(row=total_row, column=3).value).startswith("=COUNTA(")
    # Excel's cached value of the formula is there, as Excel would have left it.
    cached = load_workbook(path, data_only=True)[file_format["sheet"]]
    named = sum(1 for row in document["rows"] if row["outcome"] in ("added", "duplicate"))
    assert cached.cell(row=total_row, column=3).value == named


def test_microsoft_forms_says_anonymous_beside_the_real_email_question() -> None:
    sheet = load_workbook(FIXTURES / "microsoft_forms_g360.xlsx")["Sheet1"]
    header = [cell.value for cell in sheet[1]]
    emails = {row[header.index("Email")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert emails == {"anonymous"}
    answered = [
        row[header.index("E-mailadres")] for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert sum("@" in (address or "") for address in answered) > 30


def test_pretix_csv_quotes_text_but_not_numbers_and_defuses_phones() -> None:
    document = load(FIXTURES / "pretix_g360_order_positions.expected.json")
    lines = (FIXTURES / document["file"]).read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith('"g360","') and ',1,"' in lines[1]
    records = csv_records(FIXTURES / document["file"], document["format"])
    phones = {cells[5] for _line, cells in records[1:] if cells[5]}
    assert phones and all(phone.startswith("'+32") for phone in phones)
