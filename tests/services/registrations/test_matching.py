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


def test_one_email_with_other_names_is_another_person(event: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "gezin.csv",
        [
            ["Voornaam", "Naam", "E-mail", "Telefoon"],
            ["Mehmet", "Şahin", "sahin@example.org", "0470 12 34 56"],
            ["Ayşe", "Şahin", "sahin@example.org", "0470 12 34 56"],  # the same order
            ["Ayşe", "Şahin", "SAHIN@example.org", ""],  # her ticket again
            ["Jozef", "Hoeterickx", "", "089 30 11 22"],
            ["Jozef", "Hoeterickx", "", "+32 (0)89 30 11 22"],  # one number, two ways
        ],
    )
    report = import_file(event, path)
    assert report.added == 3
    assert [(note.line, note.reason) for note in report.duplicates] == [
        (4, "dezelfde persoon als regel 3"),
        (6, "dezelfde persoon als regel 5"),
    ]


def test_a_birth_year_kept_without_consent_adds_nobody_the_second_time(
    event: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "klerk.csv",
        [
            ["Voornaam", "Naam", "Geb.jaar", "Toestemming"],
            ["Marleen", "Van den Bosch", "1941", "nee"],
            ["Koen", "Claes", "1970", "nee"],
            ["Koen", "Claes", "1985", "nee"],  # a namesake, told apart by the year
        ],
    )
    assert import_file(event, path).added == 3
    again = import_file(event, path)
    # The years were not kept, so they cannot find the people again: their names do.
    assert (again.added, len(again.duplicates)) == (0, 3)
