"""Someone a typo apart from a person known, with the same e-mail, phone or birth year, is
held back and listed for a decision: never added silently, never merged silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from degenks_desktop import i18n
from degenks_desktop.services.registrations.importing import describe_import, import_file
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Participant
from tests.helpers.counts import count
from tests.helpers.files import REGISTRATION_HEADER, write_csv

MEHMET = ["Mehmet", "Yilmaz", "mehmet@example.be", "", "m", "1979", "", "Wonen", "", "1", "ja", ""]


def row(first: str, last: str, email: str = "", phone: str = "", year: str = "") -> list[str]:
    """A registration under REGISTRATION_HEADER with only what these tests compare."""
    return [first, last, email, phone, "", year, "", "Wonen", "", "1", "ja" if year else "", ""]


def people(database: Database) -> list[tuple[str, str, str | None]]:
    with database.reading() as session:
        found = session.execute(
            select(Participant.first_name, Participant.last_name, Participant.phone).order_by(
                Participant.id
            )
        ).all()
    return [(first, last, phone) for first, last, phone in found]


@pytest.fixture
def registered(event: Database, tmp_path: Path) -> Database:
    """The event with Mehmet Yilmaz registered already."""
    import_file(event, write_csv(tmp_path / "eerste.csv", [REGISTRATION_HEADER, MEHMET]))
    return event


def test_a_typo_with_the_same_email_is_held_back_and_listed(
    registered: Database, tmp_path: Path
) -> None:
    i18n.set_language("en")
    path = write_csv(
        tmp_path / "tweede.csv",
        [REGISTRATION_HEADER, row("Mehmet", "Yilmas", "Mehmet@Example.be", "0470 12 34 56")],
    )
    report = import_file(registered, path)
    assert (report.added, report.updated, report.duplicates) == (0, 0, ())
    assert people(registered) == [("Mehmet", "Yilmaz", None)]  # not added, not merged
    [found] = report.as_json()["probable_duplicates"]
    with registered.reading() as session:
        mehmet_id = session.scalars(select(Participant.id)).one()
    assert found["line"] == 2 and found["participant"] == mehmet_id
    assert found["other_name"] == "Mehmet Yilmaz" and found["decision"] is None
    assert 80 < found["similarity"] < 100
    assert found["reason"] == (
        "Probably the same person as “Mehmet Yilmaz”, registered already: the name spelt "
        "a little differently, the same e-mail address."
    )
    assert report.as_json()["lines"][0]["outcome"] == "held_back"
    assert "1 line is held back" in describe_import(report)
    # Nothing doubles by importing it again either.
    assert import_file(registered, path).added == 0
    assert count(registered, Participant) == 1


def test_an_earlier_row_of_the_same_file_counts_too(event: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "lijst.csv",
        [
            REGISTRATION_HEADER,
            row("Jan", "Van den Broeck", phone="089 12 34 56"),
            row("Ayşe", "Demir", "ayse@example.be"),
            row("Jan", "Vandenbroeck", phone="+32 (0)89 12 34 56"),
        ],
    )
    report = import_file(event, path, dry_run=True)
    assert report.added == 2
    [found] = report.probable_duplicates
    assert (found.line, found.other_line, found.participant_id) == (4, 2, None)
    assert found.reason == (
        "Waarschijnlijk dezelfde persoon als “Jan Van den Broeck” van regel 2: de naam iets "
        "anders gespeld, hetzelfde telefoonnummer."
    )


def test_deciding_another_person_adds_them_once(registered: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "tweede.csv",
        [REGISTRATION_HEADER, row("Mehmet", "Yilmas", "mehmet@example.be")],
    )
    report = import_file(registered, path, decisions={2: "add"})
    assert report.added == 1 and report.held_back == ()
    assert report.probable_duplicates[0].decision == "add"
    assert [(first, last) for first, last, _phone in people(registered)] == [
        ("Mehmet", "Yilmaz"),
        ("Mehmet", "Yilmas"),
    ]
    # Now a person of their own: the same file again finds them exactly, adds nobody.
    again = import_file(registered, path)
    assert (again.added, len(again.duplicates), again.probable_duplicates) == (0, 1, ())


def test_deciding_the_same_person_updates_them_and_keeps_their_name(
    registered: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "tweede.csv",
        [REGISTRATION_HEADER, row("Mehmet", "Yilmas", "mehmet@example.be", "0470 12 34 56")],
    )
    preview = import_file(registered, path, dry_run=True, decisions={2: "same"})
    assert (preview.added, preview.updated) == (0, 1)
    assert [label for label, _old, _new in preview.changes[0].changes] == ["Telefoon"]
    import_file(registered, path, decisions={2: "same"})
    assert people(registered) == [("Mehmet", "Yilmaz", "0470 12 34 56")]


def test_the_same_as_an_earlier_row_is_its_duplicate(event: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "lijst.csv",
        [
            REGISTRATION_HEADER,
            row("Fatima", "El Amrani", year="1984"),
            row("El Amrani", "Fatima", year="1984"),
        ],
    )
    report = import_file(event, path, decisions={3: "same"})
    assert report.added == 1 and report.probable_duplicates[0].likeness.names == "swapped"
    assert [(note.line, note.reason) for note in report.duplicates] == [
        (3, "dezelfde persoon als regel 2")
    ]
    assert count(event, Participant) == 1


@pytest.mark.parametrize(
    "rows",
    [
        # Namesakes, each with an e-mail address of their own.
        [row("Jan", "Peeters", "jan.p@example.be"), row("Jan", "Peters", "jp@example.org")],
        # A family's group order on one e-mail address.
        [
            row("Lars", "Peeters", "gezin@example.be"),
            row("Lara", "Peeters", "gezin@example.be"),
            row("An", "Peeters", "gezin@example.be"),
            row("Jan", "Peeters", "gezin@example.be"),
        ],
        # Another surname with a longer ending, and two birth years.
        [row("Lien", "Claes", "lien@example.be"), row("Lien", "Claesen", "lien@example.be")],
        [row("Mehmet", "Yilmaz", year="1979"), row("Mehmet", "Yilmas", year="1980")],
        # A clerk's list with the city's own address on everyone: it tells nobody apart.
        [row(chr(ord("a") + index) * 6, "Peeters", "info@genk.be") for index in range(20)]
        + [row("Marie", "Peeters", "info@genk.be"), row("Maria", "Peeters", "info@genk.be")],
    ],
    ids=["namesakes", "group order", "longer surname", "other birth year", "office address"],
)
def test_other_people_are_added_without_asking(
    event: Database, tmp_path: Path, rows: list[list[str]]
) -> None:
    report = import_file(event, write_csv(tmp_path / "lijst.csv", [REGISTRATION_HEADER, *rows]))
    assert (report.added, report.probable_duplicates) == (len(rows), ())


def test_a_decision_is_add_or_same(registered: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "tweede.csv", [REGISTRATION_HEADER, row("Mehmet", "Yilmas")])
    with pytest.raises(ValueError, match="merge"):
        import_file(registered, path, decisions={2: "merge"})
