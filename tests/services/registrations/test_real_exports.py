"""The exports of the tools cities use (tests/fixtures/imports/) import row by row as their
expected files say, with no mapping step, as `degenks import --dry-run --json` reads them;
and a second import of any of them adds nobody."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from degenks_desktop import i18n
from degenks_desktop.services.registrations.importing import import_file
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Participant
from tests.helpers.counts import count

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
EXPECTED = sorted(
    path.name.removesuffix(".expected.json") for path in FIXTURES.glob("*.expected.json")
)
PERSON = (
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
)


def expected_file(stem: str) -> dict[str, Any]:
    """The expected outcome of one fixture."""
    document: dict[str, Any] = json.loads(
        (FIXTURES / f"{stem}.expected.json").read_text(encoding="utf-8")
    )
    return document


def where(row: dict[str, Any]) -> int:
    """The line of a CSV row, or the Excel row of a workbook's."""
    return int(row.get("line", row.get("row", 0)))


def as_expected(line: dict[str, Any]) -> dict[str, Any]:
    """A line of the import's JSON in the expected file's terms."""
    found: dict[str, Any] = {"outcome": line["outcome"]}
    if line["outcome"] in ("skipped", "rejected"):
        found["reason"] = line["reason"]
        return found
    found.update({key: line[key] for key in PERSON})
    found["warnings"] = sorted(line["warnings"])
    if "duplicate_of" in line:
        found["duplicate_of"] = line["duplicate_of"]
    return found


def expected_line(row: dict[str, Any]) -> dict[str, Any]:
    """A row of the expected file, in the same terms."""
    wanted: dict[str, Any] = {"outcome": row["outcome"]}
    if row["outcome"] in ("skipped", "rejected"):
        wanted["reason"] = row["reason"]
        return wanted
    wanted.update({key: row[key] for key in PERSON})
    wanted["warnings"] = sorted(row["warnings"])
    if "duplicate_of" in row:
        wanted["duplicate_of"] = row["duplicate_of"]
    return wanted


@pytest.mark.parametrize("stem", EXPECTED)
def test_each_export_imports_row_by_row_as_expected(event: Database, stem: str) -> None:
    expected = expected_file(stem)
    i18n.set_language("en")  # the reasons in the English of the expected files
    report = import_file(event, FIXTURES / expected["file"], dry_run=True).as_json()
    assert report["sheet"] == expected["format"].get("sheet")
    assert report["header_line"] == expected["format"].get(
        "header_row", expected["format"].get("header_line")
    )
    lines = {line["line"]: line for line in report["lines"]}
    assert sorted(lines) == [where(row) for row in expected["rows"]]
    mismatches = {
        where(row): (as_expected(lines[where(row)]), expected_line(row))
        for row in expected["rows"]
        if as_expected(lines[where(row)]) != expected_line(row)
    }
    assert mismatches == {}
    summary = expected["summary"]
    assert report["added"] == summary.get("added", 0)
    assert len(report["duplicates"]) == summary.get("duplicate", 0)
    assert len(report["rejected"]) == summary.get("rejected", 0)
    assert len(report["skipped"]) == summary.get("skipped", 0)
    assert count(event, Participant) == 0  # a dry run


@pytest.mark.parametrize("stem", EXPECTED)
def test_importing_an_export_twice_adds_nobody(event: Database, stem: str) -> None:
    path = FIXTURES / expected_file(stem)["file"]
    first = import_file(event, path)
    assert first.added == expected_file(stem)["summary"]["added"]
    again = import_file(event, path)
    assert (again.added, count(event, Participant)) == (0, first.added)
