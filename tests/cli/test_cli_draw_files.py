"""The paper and files that follow a draw, on the command line: `degenks letters --kind`
and `degenks export --what draw` (the mail merge), an organiser's both."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from degenks_desktop.services.registrations.draw import DrawReport, run_draw
from degenks_desktop.storage.database import open_database
from tests.helpers.cli import run
from tests.helpers.draws import add_oversubscribed_day
from tests.helpers.fingerprint import fingerprint
from tests.helpers.organisers import add_organiser


@pytest.fixture
def drawn_file(sqlite_database_url: str) -> Iterator[tuple[str, DrawReport]]:
    """A database file with a drawn day of 24 people for 12 places, and an organiser."""
    database = open_database(sqlite_database_url)
    add_oversubscribed_day(database, registrants=24, places=12)
    add_organiser(database)
    report = run_draw(database, 1, seed=5)
    database.close()
    yield sqlite_database_url, report


def test_the_mail_merge_of_the_draw(
    capsys: pytest.CaptureFixture[str], drawn_file: tuple[str, DrawReport], tmp_path: Path
) -> None:
    url, report = drawn_file
    path = tmp_path / "samenvoegen.csv"
    code, out, _err = run(capsys, "export", "--db", url, str(path), "--what", "draw", "--day", "1")
    assert (code, out.strip()) == (0, f"24 rijen weggeschreven: {path}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle, delimiter=";"))
    assert header[:3] == ["voornaam", "achternaam", "e-mail"] and len(header) == 9
    assert len(rows) == report.registered
    codes = [row[7] for row in rows if row[7]]
    assert len(codes) == report.selected  # only the selected have a badge code
    positions = sorted(int(row[6]) for row in rows if row[6])
    assert len(positions) == report.waiting and positions[0] == 1


def test_the_mail_merge_is_never_anonymous_and_one_day_only_for_the_draw(
    capsys: pytest.CaptureFixture[str], drawn_file: tuple[str, DrawReport], tmp_path: Path
) -> None:
    url, _report = drawn_file
    before = fingerprint(url)
    for extra, what in ((("--anonymous",), "draw"), (("--day", "1"), "participants")):
        path = tmp_path / "uit.csv"
        code, out, err = run(capsys, "export", "--db", url, str(path), "--what", what, *extra)
        assert (code, out) == (2, "")
        assert len(err.strip().splitlines()) == 1 and err.strip().endswith(".")
        assert not path.exists()
    assert fingerprint(url) == before


@pytest.mark.parametrize(
    ("kind", "count"),
    [("invitation", "selected"), ("waiting", "waiting"), ("not_selected", "not_selected")],
)
def test_a_letter_for_each_person_of_a_kind(
    capsys: pytest.CaptureFixture[str],
    drawn_file: tuple[str, DrawReport],
    tmp_path: Path,
    kind: str,
    count: str,
) -> None:
    url, report = drawn_file
    path = tmp_path / "brieven.pdf"
    code, out, _err = run(capsys, "letters", "--db", url, str(path), "--kind", kind)
    people = getattr(report, count)
    assert (code, out.strip()) == (0, f"{people} afgedrukt: {path}")
    assert len(PdfReader(path).pages) == people


def test_no_draw_no_waiting_list_letters(
    capsys: pytest.CaptureFixture[str], sqlite_database_url: str, tmp_path: Path
) -> None:
    database = open_database(sqlite_database_url)
    add_oversubscribed_day(database, registrants=6, places=12)
    add_organiser(database)
    database.close()
    path = tmp_path / "wachtlijst.pdf"
    code, out, err = run(
        capsys, "letters", "--db", sqlite_database_url, str(path), "--kind", "waiting"
    )
    assert (code, out, err.strip()) == (1, "", "Er is niets om af te drukken.")
    assert not path.exists()
