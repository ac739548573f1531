"""The import wizard: a file, its columns corrected, the review, then the import."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from degenks_desktop.storage.models import Participant
from degenks_desktop.ui.registrations.import_wizard import ImportWizard
from degenks_desktop.ui.shell.context import AppContext
from tests.helpers.files import write_csv


def participants(context: AppContext) -> int:
    with context.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Participant)) or 0)


def open_wizard(qtbot: QtBot, context: AppContext) -> ImportWizard:
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_a_whole_import_through_the_wizard(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "partners.csv",
        [
            ["Voornaam", "Fam", "Mail", "Thema 1"],
            ["Lien", "Claes", "lien@example.org", "Wonen"],
            ["Hüseyin", "Doğan", "huseyin@example.org", "Werk"],
        ],
    )
    before = participants(context)
    wizard = open_wizard(qtbot, context)
    wizard.file_page.path.setText(str(path))
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.mapping() == ["first_name", None, "email", "first_theme"]
    assert mapping.problem.text() == ""
    # "Fam" was not recognised: the organiser maps it to the last name.
    box = mapping.field_boxes[1]
    box.setCurrentIndex(box.findData("last_name"))
    cell = mapping.preview.item(1, 1)
    assert cell is not None
    assert cell.text() == "Doğan"
    wizard.next()
    review = wizard.review_page
    assert review.report is not None and review.report.added == 2
    assert participants(context) == before  # the review is only a dry run
    assert review.summary.text().startswith("Nieuw: 2 ·")
    with qtbot.waitSignal(wizard.accepted, timeout=20_000):
        wizard.accept()
    assert wizard.final_report is not None and wizard.final_report.added == 2
    assert participants(context) == before + 2

    # The corrected mapping is remembered for the next file with these columns.
    again = open_wizard(qtbot, context)
    again.file_page.path.setText(str(path))
    again.next()
    assert again.mapping_page.mapping() == ["first_name", "last_name", "email", "first_theme"]


def test_a_bad_file_stays_on_the_first_page_with_a_sentence(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"")
    wizard = open_wizard(qtbot, context)
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.problem.text().endswith(".")
    assert str(path) in wizard.file_page.problem.text()


def test_without_a_name_column_the_wizard_does_not_go_on(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "kleuren.csv", [["Kleur", "Maat"], ["rood", "XL"]])
    wizard = open_wizard(qtbot, context)
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert not wizard.mapping_page.isComplete()
    assert wizard.mapping_page.problem.text() == "Koppel minstens één kolom aan een naam."
