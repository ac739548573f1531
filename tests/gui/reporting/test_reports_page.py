"""Organisatie → Rapporten: the report and the exports, made off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.demo.simulated_day import simulate_day
from degenks_desktop.storage.models import Participant
from degenks_desktop.ui.reporting.reports_page import ReportsPage
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import SETTING_LANGUAGE, AppContext
from degenks_desktop.ui.shell.main_window import MainWindow

WINDOWS: list[MainWindow] = []  # keeps each test's window alive while its page is used


def open_page(
    qtbot: QtBot, context: AppContext, targets: list[Path], monkeypatch: pytest.MonkeyPatch
) -> ReportsPage:
    simulate_day(context.database, day_number=1, seed=4)
    window = MainWindow(context)
    qtbot.addWidget(window)
    WINDOWS[:] = [window]
    remaining = iter(targets)
    monkeypatch.setattr(ReportsPage, "ask_target", lambda _self, _name, _kinds: next(remaining))
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.reports_page)
    return window.organiser.reports_page


def test_a_report_and_a_tables_one_pager(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole, one = tmp_path / "verslag.pdf", tmp_path / "tafel.pdf"
    page = open_page(qtbot, context, [whole, one], monkeypatch)
    assert page.scope.count() == 9  # the whole event and its eight themes
    page.make_report()
    qtbot.waitUntil(page.open_button.isEnabled, timeout=60_000)
    assert page.outcome.text() == f"Verslag geschreven: {whole}"
    assert "Inhoud" in (PdfReader(whole).pages[1].extract_text() or "")
    page.open_button.setEnabled(False)
    page.table_number.setValue(1)
    page.make_report()  # a table without its day is refused before asking for a file
    assert page.outcome.text() == "Kies eerst de dag van de tafel."
    page.day_box.setCurrentIndex(1)
    page.make_report()
    qtbot.waitUntil(page.open_button.isEnabled, timeout=60_000)
    assert "Tafel 1 (dag 1)" in (PdfReader(one).pages[0].extract_text() or "")


def test_exports_are_anonymous_unless_unticked(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    anonymous, named = tmp_path / "anoniem.csv", tmp_path / "namen.csv"
    page = open_page(qtbot, context, [anonymous, named], monkeypatch)
    assert page.anonymous.isChecked()
    page.make_export()
    qtbot.waitUntil(page.open_button.isEnabled, timeout=30_000)
    with context.database.reading() as session:
        last = session.scalars(select(Participant.last_name).limit(1)).one()
    assert last not in anonymous.read_text(encoding="utf-8-sig")
    page.open_button.setEnabled(False)
    page.anonymous.setChecked(False)
    page.make_export()
    qtbot.waitUntil(page.open_button.isEnabled, timeout=30_000)
    assert last in named.read_text(encoding="utf-8-sig")


def test_a_language_switch_retranslates_the_form_in_place(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    controller = app_controller
    page = controller.window.organiser.reports_page
    assert page.report_button.text() == "&Verslag maken…"
    page.day_box.setCurrentIndex(1)
    context.settings.setValue(SETTING_LANGUAGE, "en")
    controller.apply_language("en")
    qtbot.waitUntil(lambda: page.report_button.text() == "Make the &report…")
    assert page.ui.reportBox.title() == "Report (PDF)"
    assert page.day_box.currentIndex() == 1  # what was chosen stays
    assert page.export_what.itemText(0) == "Participants"
    assert controller.window.organiser.reports_page is page  # the same page, not rebuilt
