"""Organisatie → Afdrukken: PDFs made off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRunnable, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.i18n import _
from degenks_desktop.storage.models import Participant
from degenks_desktop.ui.printing.print_page import PrintPage
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import SETTING_LANGUAGE, AppContext
from degenks_desktop.ui.shell.main_window import MainWindow

WINDOWS: list[MainWindow] = []  # keeps each test's window alive while its page is used


def open_page(
    qtbot: QtBot, context: AppContext, target: Path, monkeypatch: pytest.MonkeyPatch
) -> PrintPage:
    window = MainWindow(context)
    qtbot.addWidget(window)
    WINDOWS[:] = [window]
    monkeypatch.setattr(PrintPage, "ask_target", lambda _self, _suggested: target)
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.print_page)
    return window.organiser.print_page


def test_badges_of_one_day_as_a_sheet(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "badges.pdf"
    page = open_page(qtbot, context, target, monkeypatch)
    assert page.day_box.count() == 3  # all days, day 1, day 2
    page.day_box.setCurrentIndex(1)
    page.layout_box.setCurrentIndex(page.layout_box.findData("a4-8"))
    page.print_badges()
    qtbot.waitUntil(page.open_button.isEnabled, timeout=20_000)
    assert page.outcome.text().endswith(str(target))
    assert target.exists()
    assert len(PdfReader(target).pages) >= 1


def test_signs_packs_and_letters(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "out.pdf"
    page = open_page(qtbot, context, target, monkeypatch)
    for button in (page.signs_button, page.packs_button, page.letters_button):
        page.open_button.setEnabled(False)
        button.click()
        qtbot.waitUntil(page.open_button.isEnabled, timeout=20_000)
        assert "afgedrukt" in page.outcome.text()
        assert target.read_bytes().startswith(b"%PDF")
        target.unlink()


def test_the_letters_after_a_draw(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "brieven.pdf"
    page = open_page(qtbot, context, target, monkeypatch)
    page.open_button.setEnabled(False)
    page.waiting_letters_button.click()
    # Nobody is on a waiting list yet: a sentence, and no empty PDF.
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert page.outcome.text() == _("There is nobody on a waiting list to write to.")
    assert not target.exists()
    with context.database.transaction() as session:
        people = session.scalars(select(Participant).order_by(Participant.id).limit(3)).all()
        people[0].status = people[1].status = RegistrationStatus.WAITLISTED
        people[2].status = RegistrationStatus.NOT_SELECTED
    for button, pages in ((page.waiting_letters_button, 2), (page.not_selected_letters_button, 1)):
        page.open_button.setEnabled(False)
        button.click()
        qtbot.waitUntil(page.open_button.isEnabled, timeout=20_000)
        assert "afgedrukt" in page.outcome.text()
        assert len(PdfReader(target).pages) == pages
        target.unlink()


def test_cancelling_writes_no_file(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "brieven.pdf"
    page = open_page(qtbot, context, target, monkeypatch)
    # One worker thread, held busy, so that Cancel certainly comes before the letters start.
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    release = threading.Event()
    blocker = QRunnable.create(lambda: release.wait(10))
    pool.start(blocker)
    context.pool = pool
    page.print_letters()
    assert page.task is not None
    page.task.cancel()
    release.set()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert page.outcome.text() == "Geannuleerd: er werd geen bestand geschreven."
    assert not target.exists()
    assert page.letters_button.isEnabled()


def test_a_badge_of_the_users_own_size(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "eigen.pdf"
    page = open_page(qtbot, context, target, monkeypatch)
    assert not page.custom_size.isEnabled()
    page.layout_box.setCurrentIndex(page.layout_box.findData("custom"))
    assert page.custom_size.isEnabled()
    page.custom_width.setValue(80)
    page.custom_height.setValue(50)
    page.print_badges()
    qtbot.waitUntil(page.open_button.isEnabled, timeout=20_000)
    box = PdfReader(target).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (80, 50)


def test_a_language_switch_retranslates_the_form_in_place(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    controller = app_controller
    page = controller.window.organiser.print_page
    assert page.badges_button.text() == "Badges maken…"
    page.layout_box.setCurrentIndex(page.layout_box.findData("custom"))
    page.order_box.setCurrentIndex(1)
    page.day_box.setCurrentIndex(2)
    context.settings.setValue(SETTING_LANGUAGE, "en")
    controller.apply_language("en")
    qtbot.waitUntil(lambda: page.badges_button.text() == "Make the badges…")
    assert page.ui.otherBox.title() == "Other printed material"
    assert page.open_button.text() == "Open the PDF"
    # What was chosen stays, now in English.
    assert page.layout_box.currentText() == "Own size (mm)"
    assert page.custom_size.isEnabled()
    assert page.order_box.currentText() == "By table"
    assert page.day_box.currentText().startswith("Day 2")
    assert page.day_box.itemText(0) == "All days"
    assert controller.window.organiser.print_page is page  # the same page, not rebuilt
