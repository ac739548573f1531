"""One badge at the desk: found, printed through QPrinter or saved, never twice by accident."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
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
    assert dialog.outcome.text() == "De badge is afgedrukt."
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
