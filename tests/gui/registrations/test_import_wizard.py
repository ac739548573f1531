"""The import wizard: a file, its columns corrected, the review, then the import."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QTreeWidgetItem, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import Participant
from degenks_desktop.ui.registrations.import_wizard import ImportWizard
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import AppContext
from tests.helpers.counts import count
from tests.helpers.files import write_csv, write_xlsx
from tests.helpers.organisers import as_organiser
from tests.helpers.pools import ImmediatePool


def participants(context: AppContext) -> int:
    with context.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Participant)) or 0)


def open_wizard(qtbot: QtBot, context: AppContext) -> ImportWizard:
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def to_the_review(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    """Type the file's name, Enter, then Next as a person clicks it."""
    qtbot.keyClicks(wizard.file_page.path, str(path))
    qtbot.keyClick(wizard.file_page.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.review_page)


def section(wizard: ImportWizard, number: int) -> QTreeWidgetItem:
    item = wizard.review_page.details.topLevelItem(number)
    assert item is not None
    return item


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


def test_a_formula_without_a_value_is_among_the_warnings_of_the_review(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    # openpyxl writes formulas without a computed value, as some programs save them.
    path = write_xlsx(
        tmp_path / "partners.xlsx",
        [
            ["Voornaam", "Achternaam", "Mail", "Thema 1"],
            ["Lien", "Claes", "lien@example.org", '=UPPER("wonen")'],
            ["Hüseyin", "Doğan", "huseyin@example.org", "Werk"],
        ],
    )
    wizard = open_wizard(qtbot, context)
    to_the_review(qtbot, wizard, path)
    warnings = section(wizard, 4)
    assert warnings.text(0) == "Waarschuwingen (1)"
    assert warnings.isExpanded()
    note = warnings.child(0)
    assert note is not None
    assert note.text(0) == "2"  # the Excel row of Lien
    assert "'Thema 1'" in note.text(1)


def test_a_language_switch_retranslates_the_wizard_in_place(
    qtbot: QtBot, app_controller: AppController, context: AppContext, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "partners.csv",
        [
            ["Voornaam", "Fam", "Mail"],
            ["Lien", "Claes", "lien@example.org"],
            ["Hüseyin", "Doğan", "huseyin@example.org"],
        ],
    )
    controller = app_controller
    wizard = open_wizard(qtbot, context)
    qtbot.keyClicks(wizard.file_page.path, str(path))
    qtbot.keyClick(wizard.file_page.path, Qt.Key.Key_Return)
    mapping = wizard.mapping_page
    qtbot.waitUntil(lambda: wizard.currentPage() is mapping)
    box = mapping.field_boxes[1]
    box.setCurrentIndex(box.findData("last_name"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    review = wizard.review_page
    qtbot.waitUntil(lambda: wizard.currentPage() is review)
    assert review.title() == "Controleer wat er verandert"
    section(wizard, 0).setExpanded(False)  # the organiser folds the new names away

    controller.apply_language("en")
    qtbot.waitUntil(lambda: review.title() == "Check what will change")
    assert wizard.windowTitle() == "Import registrations"
    assert review.summary.text().startswith("New: 2 ·")
    assert section(wizard, 0).text(0) == "New (2)"
    assert not section(wizard, 0).isExpanded()  # what was folded stays folded
    assert section(wizard, 4).text(0) == "Warnings (0)"
    header = review.details.headerItem()
    assert header is not None and header.text(0) == "Line"
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Import"
    assert wizard.currentPage() is review  # the same wizard, still on its page
    columns = mapping.columns.horizontalHeaderItem(0)
    assert columns is not None and columns.text() == "Column in the file"
    assert (box.currentData(), box.currentText()) == ("last_name", "Last name")
    assert box.itemText(0) == "(not imported)"
    shown = mapping.preview.horizontalHeaderItem(1)
    assert shown is not None and shown.text() == "Last name"
    assert wizard.file_page.title() == "Choose the registrations file"


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


@pytest.fixture
def g360_before_registrations(
    sqlite_database_url: str, settings: QSettings
) -> Iterator[AppContext]:
    """The G360 event with its themes and days and nobody registered yet, as the real
    exports' expected files assume; the demo's organiser signed in."""
    database = open_database(sqlite_database_url)
    create_demo_event(database, participants=0, seated=False)
    context = AppContext(
        database=database, settings=settings, pool=ImmediatePool(), desk_pool=ImmediatePool()
    )
    context.reload_event()
    context.organiser.sign_in(as_organiser(database))
    yield context
    database.close()


def test_the_wizard_says_what_the_file_is_and_lets_the_organiser_pick_another_sheet(
    qtbot: QtBot, context: AppContext
) -> None:
    wizard = open_wizard(qtbot, context)
    qtbot.keyClicks(wizard.file_page.path, str(FIXTURES / "pretix_g360_orders.xlsx"))
    qtbot.keyClick(wizard.file_page.path, Qt.Key.Key_Return)
    mapping = wizard.mapping_page
    qtbot.waitUntil(lambda: wizard.currentPage() is mapping)
    assert mapping.read_as.text() == (
        "Dit lijkt een export van pretix. Gelezen uit het blad “Order positions”, met de "
        "kolomnamen op rij 1."
    )
    sheets = [mapping.sheet.itemText(i) for i in range(mapping.sheet.count())]
    assert sheets == ["Orders", "Order positions", "Order fees"]
    assert mapping.sheet.currentText() == "Order positions"
    # The organiser goes to the sheet box (Alt+B, its label's mnemonic) and picks Orders.
    qtbot.keyClick(mapping, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(mapping.sheet.hasFocus)
    qtbot.keyClick(mapping.sheet, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: wizard.table is not None and wizard.table.sheet == "Orders")
    assert "“Orders”" in mapping.read_as.text()
    assert wizard.table is not None
    assert mapping.columns.rowCount() == len(wizard.table.headers)

    # The next workbook with the same sheets opens on the sheet chosen.
    again = open_wizard(qtbot, context)
    qtbot.keyClicks(again.file_page.path, str(FIXTURES / "pretix_g360_orders.xlsx"))
    qtbot.keyClick(again.file_page.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.currentPage() is again.mapping_page)
    assert again.mapping_page.sheet.currentText() == "Orders"


def test_a_clerks_list_is_read_below_its_title_and_cancelled_tickets_are_listed(
    qtbot: QtBot, context: AppContext
) -> None:
    wizard = open_wizard(qtbot, context)
    qtbot.keyClicks(wizard.file_page.path, str(FIXTURES / "klerk_inschrijvingen_g360.xlsx"))
    qtbot.keyClick(wizard.file_page.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page)
    assert "met de kolomnamen op rij 3" in wizard.mapping_page.read_as.text()
    assert "Dit lijkt" not in wizard.mapping_page.read_as.text()  # no tool: a clerk's own

    other = open_wizard(qtbot, context)
    to_the_review(qtbot, other, FIXTURES / "eventbrite_attendee_summary.csv")
    skipped = section(other, 3)
    lines = [skipped.child(i) for i in range(skipped.childCount())]
    reasons = [line.text(1) for line in lines if line is not None]
    assert sum("geannuleerd" in reason for reason in reasons) == 3  # the three "Not Attending"


def test_a_probable_duplicate_waits_for_the_organisers_decision(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    header = ["Voornaam", "Achternaam", "E-mail"]
    first = write_csv(tmp_path / "eerste.csv", [header, ["Mehmet", "Yilmaz", "mehmet@example.be"]])
    wizard = open_wizard(qtbot, context)
    to_the_review(qtbot, wizard, first)
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.final_report is not None, timeout=10_000)
    before = count(context.database, Participant)

    typo = write_csv(tmp_path / "tweede.csv", [header, ["Mehmet", "Yilmas", "mehmet@example.be"]])
    again = open_wizard(qtbot, context)
    to_the_review(qtbot, again, typo)
    review = again.review_page
    held = section(again, 5)
    assert held.text(0) == "Waarschijnlijk iemand die al bekend is: beslis per regel (1)"
    box = review.decision_boxes[2]
    assert box.currentText() == "Tegenhouden"  # nothing doubles before someone looked
    assert section(again, 0).childCount() == 0
    # The organiser decides by keyboard: another person.
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: section(again, 0).childCount() == 1)  # now among the new
    assert review.decisions == {2: "add"}
    again.accept()
    qtbot.waitUntil(lambda: again.final_report is not None, timeout=10_000)
    assert count(context.database, Participant) == before + 1


def test_the_organiser_moves_the_column_names_to_another_row_by_keyboard(
    qtbot: QtBot, context: AppContext
) -> None:
    path = FIXTURES / "klerk_inschrijvingen_g360_puntkomma.csv"
    wizard = open_wizard(qtbot, context)
    qtbot.keyClicks(wizard.file_page.path, str(path))
    qtbot.keyClick(wizard.file_page.path, Qt.Key.Key_Return)
    mapping = wizard.mapping_page
    qtbot.waitUntil(lambda: wizard.currentPage() is mapping)
    assert mapping.header_line.value() == 3  # found below the title and the empty row
    qtbot.keyClick(mapping, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(mapping.header_line.hasFocus)
    qtbot.keyClick(mapping.header_line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(mapping.header_line, "2")  # the empty row
    qtbot.waitUntil(lambda: mapping.problem.text().startswith("Regel 2 van het bestand"))
    assert wizard.table is not None and wizard.table.header_line == 3  # nothing changed
    qtbot.keyClick(mapping.header_line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(mapping.header_line, "1")  # the title row, as the organiser insists
    qtbot.waitUntil(lambda: wizard.table is not None and wizard.table.header_line == 1)
    first = mapping.columns.item(0, 0)
    assert first is not None and first.text().startswith("Inschrijvingen G360")
    assert "regel 1" in mapping.read_as.text()


@pytest.mark.parametrize(
    "expected_path", sorted(FIXTURES.glob("*.expected.json")), ids=lambda path: path.stem
)
def test_every_tools_export_reaches_the_review_with_no_mapping_touched(
    qtbot: QtBot, g360_before_registrations: AppContext, expected_path: Path
) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    wizard = open_wizard(qtbot, g360_before_registrations)
    to_the_review(qtbot, wizard, FIXTURES / expected["file"])  # Next, Next: nothing mapped
    summary = expected["summary"]
    shown = [section(wizard, number).childCount() for number in (0, 2)]
    assert shown == [summary.get("added", 0), summary.get("duplicate", 0)]
    skipped = section(wizard, 3).childCount()
    assert skipped == summary.get("rejected", 0) + summary.get("skipped", 0)
