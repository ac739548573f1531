"""One badge at the desk: found, printed through QPrinter or saved, never twice by accident."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.storage.models import Participant
from degenks_desktop.ui.printing.badge_printing import PrintBadgeDialog
from degenks_desktop.ui.shell.context import AppContext
from tests.helpers.pdfs import qr_codes_in


def open_dialog(qtbot: QtBot, context: AppContext) -> tuple[PrintBadgeDialog, str, str]:
    with context.database.reading() as session:
        last_name, code = session.execute(
            select(Participant.last_name, Participant.badge_code).order_by(Participant.id)
        ).first() or ("", "")
    dialog = PrintBadgeDialog(context)
    qtbot.addWidget(dialog)
    dialog.search.setText(code)
    assert dialog.results.count() == 1
    return dialog, last_name, code


def test_printing_through_qprinter(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog, _last, code = open_dialog(qtbot, context)
    output = tmp_path / "printer.pdf"

    def pdf_printer(_self: object) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        return printer

    monkeypatch.setattr(PrintBadgeDialog, "ask_printer", pdf_printer)
    dialog.print_selected()
    qtbot.waitUntil(lambda: dialog.outcome.text() == "De badge is afgedrukt.")
    assert qr_codes_in(output) == [code]


def test_saving_then_an_accidental_second_time(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog, _last, code = open_dialog(qtbot, context)
    first = tmp_path / "badge.pdf"
    monkeypatch.setattr(PrintBadgeDialog, "ask_pdf_path", lambda _self: first)
    dialog.save_selected()
    assert qr_codes_in(first) == [code]
    asked: list[str] = []

    def no_reason(_cls: type, _parent: object, message: str) -> None:
        asked.append(message)

    monkeypatch.setattr(PrintBadgeDialog, "ask_reprint_reason", classmethod(no_reason))
    second = tmp_path / "again.pdf"
    monkeypatch.setattr(PrintBadgeDialog, "ask_pdf_path", lambda _self: second)
    dialog.save_selected()
    assert asked and "onthaal 1" in asked[0]
    assert dialog.outcome.text() == "Niet opnieuw afgedrukt."
    assert not second.exists()


def test_the_dialog_starts_on_the_person_just_checked_in_and_works_by_keyboard(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with context.database.reading() as session:
        people = session.execute(
            select(Participant.id, Participant.first_name, Participant.last_name)
            .where(Participant.last_name.like("%e%"))
            .order_by(Participant.id)
        ).all()
    person_id, first, last = people[0]
    dialog = PrintBadgeDialog(context, person=(person_id, f"{first} {last}"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.selected() == person_id
    # Another search by keyboard: type, ↓ to the second, Enter prints that one.
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "e")
    assert dialog.results.count() >= 2
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    second = dialog.selected()
    assert second is not None and second != dialog.results.item(0).data(Qt.ItemDataRole.UserRole)
    printed: list[int | None] = []

    def no_printer(self: PrintBadgeDialog) -> None:
        printed.append(self.selected())  # the print was asked for this person

    monkeypatch.setattr(PrintBadgeDialog, "ask_printer", no_printer)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert printed == [second]


def test_a_badge_pdf_is_offered_in_the_documents_folder_then_where_it_went_last(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []
    documents = tmp_path / "Documenten"
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", staticmethod(lambda _where: str(documents))
    )
    target = tmp_path / "elders" / "badge.pdf"

    def save_dialog(_parent: object, _title: str, suggested: str, _kinds: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    dialog, _last, _code = open_dialog(qtbot, context)
    assert dialog.ask_pdf_path() == target
    assert dialog.ask_pdf_path() == target
    assert offered == [str(documents / "badge.pdf"), str(target.parent / "badge.pdf")]
