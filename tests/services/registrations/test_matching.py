"""Recognising people: the same person twice in a file is added once."""

from __future__ import annotations

from pathlib import Path

from degenks_desktop.services.registrations.importing import import_file
from degenks_desktop.storage.database import Database
from tests.helpers.files import write_csv


def test_duplicates_within_a_file_are_added_once(event: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "dubbel.csv",
        [
            ["Naam", "Email", "Telefoon", "Geboortejaar", "Toestemming"],
            ["Jan Peeters", "jan@example.com", "", "", ""],
            ["Jan Peeters", "JAN@example.com", "", "", ""],
            ["Els Maes", "", "0470 11 22 33", "", ""],
            ["els maes", "", "+32 470 11 22 33", "", ""],
            ["Koen Claes", "", "", "1970", "ja"],
            ["Koen  Claes", "", "", "1970", "ja"],
            ["Koen Claes", "", "", "1985", "ja"],
        ],
    )
    report = import_file(event, path)
    assert report.added == 4  # the second Koen Claes has another birth year
    assert [(note.line, note.reason) for note in report.duplicates] == [
        (3, "dezelfde persoon als regel 2"),
        (5, "dezelfde persoon als regel 4"),
        (7, "dezelfde persoon als regel 6"),
    ]
