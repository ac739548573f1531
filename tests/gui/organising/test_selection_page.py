"""Selectie: an organiser draws an oversubscribed day by keys, with a seed typed as it
was thrown in public; what the draw came to is on the page and in the database, and
bad input (a seed that is no number, quotas no group can meet) changes nothing."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from degenks_desktop import i18n
from degenks_desktop.services.registrations.draw import DrawReport, QuotaRow
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import Draw, DrawSettings, Participant
from degenks_desktop.ui.organising import selection_page
from degenks_desktop.ui.organising.quota_model import HIDDEN, QuotaModel
from degenks_desktop.ui.organising.selection_page import SelectionPage
from degenks_desktop.ui.shell.background import Report
from degenks_desktop.ui.shell.context import SETTING_DESK_NAME, AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.draws import OversubscribedDay, add_oversubscribed_day
from tests.helpers.organisers import add_organiser, as_organiser
from tests.helpers.pools import ImmediatePool
from tests.helpers.screen_fit import clipped_texts, controls_outside

PLACES = 40


@pytest.fixture
def oversubscribed(sqlite_database_url: str) -> Iterator[tuple[Database, OversubscribedDay]]:
    """60 people registered for a day of 40 chairs, and an organiser account."""
    database = open_database(sqlite_database_url)
    day = add_oversubscribed_day(database, registrants=60, places=PLACES)
    add_organiser(database)
    yield database, day
    database.close()


@pytest.fixture
def draw_context(
    oversubscribed: tuple[Database, OversubscribedDay], settings: QSettings
) -> AppContext:
    """An organiser laptop on the oversubscribed day, the organiser signed in, work run
    at once (its outcome through the event loop)."""
    database, _day = oversubscribed
    settings.setValue(SETTING_DESK_NAME, "organisatie")
    context = AppContext(
        database=database, settings=settings, pool=ImmediatePool(), desk_pool=ImmediatePool()
    )
    context.reload_event()
    context.organiser.sign_in(as_organiser(database))
    return context


def open_selection(qtbot: QtBot, context: AppContext) -> SelectionPage:
    """The window at a city laptop's 1366×768, on Organisatie → Selectie."""
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.workspaces.setCurrentWidget(window.organiser)
    page = window.organiser.selection
    window.organiser.pages.setCurrentWidget(page)
    QApplication.processEvents()
    return page


def statuses(database: Database) -> Counter[str]:
    with database.reading() as session:
        return Counter(session.scalars(select(Participant.status)))


def draws(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Draw)) or 0)


def type_seed(qtbot: QtBot, page: SelectionPage, seed: str) -> None:
    """Into the seed box, as a person types the number thrown."""
    page.seed.setFocus()
    page.seed.selectAll()
    qtbot.keyClicks(page.seed, seed)


def press_draw(qtbot: QtBot, page: SelectionPage) -> None:
    """From the seed box, Tab to the Draw button (past Random seed and the algorithm) and
    press space on it."""
    for _step in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.draw_button
    qtbot.keyClick(page.draw_button, Qt.Key.Key_Space)


def drawn(qtbot: QtBot, page: SelectionPage) -> None:
    """Until the draw has come back, its waiting list is on the page and its progress
    dialog is gone; then the window is active again, as the window system makes it once
    the dialog closes (the offscreen platform has none)."""
    qtbot.waitUntil(lambda: page.task is None and page.waiting.rowCount() > 0, timeout=20_000)
    qtbot.waitUntil(lambda: not page.findChildren(QProgressDialog))
    window = page.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def press_mnemonic(qtbot: QtBot, button: QPushButton) -> None:
    """Alt and the button's underlined letter, in the language on screen, typed into
    whatever has the keyboard."""
    found = re.search(r"&(\w)", button.text())
    assert found is not None, button.text()
    focused = QApplication.focusWidget()
    assert focused is not None
    key = getattr(Qt.Key, f"Key_{found.group(1).upper()}")
    qtbot.keyClick(focused, key, Qt.KeyboardModifier.AltModifier)


def type_into_cell(qtbot: QtBot, page: SelectionPage, row: int, column: int, text: str) -> None:
    """Onto the cell, type `text` (which opens its spin box) and Enter."""
    cell = page.model.index(row, column)
    page.table.setFocus()
    page.table.setCurrentIndex(cell)
    qtbot.keyClicks(page.table, text[0])  # the first key opens the editor, which has the rest
    editor = QApplication.focusWidget()
    assert editor is not None and editor.objectName() == "boundEditor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell.data() == text)  # the delegate commits on the next turn


def quota_row(page: SelectionPage, category: str, value: str) -> int:
    rows: tuple[QuotaRow, ...] = page.model.rows
    return next(i for i, r in enumerate(rows) if (r.category, r.value) == (category, value))


def test_a_draw_with_a_typed_seed_shows_its_outcome_and_sets_the_statuses(
    qtbot: QtBot, draw_context: AppContext, qtmodeltester: ModelTester
) -> None:
    page = open_selection(qtbot, draw_context)
    database = draw_context.database
    assert page.places.value() == PLACES  # the day's chairs
    assert page.model.rowCount() > 0
    assert page.waiting.rowCount() == 0

    type_seed(qtbot, page, "4821")
    press_draw(qtbot, page)
    drawn(qtbot, page)

    counted = statuses(database)
    report = page.overview.report
    assert report is not None and report.seed == 4821
    assert counted["registered"] == report.selected and 0 < report.selected <= PLACES
    assert counted["waitlisted"] == page.waiting.rowCount() == report.waiting
    assert counted["not_selected"] == 60 - report.selected - report.waiting
    summary = page.summary.text()
    assert "4821" in summary and f"{report.selected} " in summary and "60 " in summary
    assert page.problem.text() == ""
    first = page.waiting.index(0, 1).data()
    assert first.startswith("Persoon")  # the waiting list names people, in order
    assert [page.waiting.index(r, 0).data() for r in range(3)] == ["1", "2", "3"]
    # The table's Selected column says the draw's counts, a small group as 1–4.
    selected = {
        page.model.index(r, QuotaModel.SELECTED).data() for r in range(page.model.rowCount())
    }
    assert str(report.selected) in selected
    assert all(text == HIDDEN or int(text) == 0 or int(text) >= 5 for text in selected)
    assert sum(page.histogram.bins()) == 60  # everyone's chance in the spread
    assert "%" in page.spread.text()
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.waiting)


def test_a_seed_that_is_no_number_is_said_and_nothing_is_drawn(
    qtbot: QtBot, draw_context: AppContext
) -> None:
    page = open_selection(qtbot, draw_context)
    database = draw_context.database
    before = statuses(database)

    type_seed(qtbot, page, "drie")
    press_draw(qtbot, page)
    qtbot.waitUntil(lambda: page.problem.text() != "")

    assert "geheel getal" in page.problem.text()
    assert page.problem.text().count(".") == 1  # one sentence
    assert page.task is None
    assert draws(database) == 0 and statuses(database) == before
    assert page.waiting.rowCount() == 0


def test_a_minimum_no_group_can_meet_says_so_per_quota_and_changes_nothing(
    qtbot: QtBot, draw_context: AppContext
) -> None:
    page = open_selection(qtbot, draw_context)
    database = draw_context.database
    before = statuses(database)
    row = quota_row(page, "origin", "turkish")  # 6 registered of Turkish origin

    type_into_cell(qtbot, page, row, QuotaModel.MAXIMUM, "9")
    type_into_cell(qtbot, page, row, QuotaModel.MINIMUM, "9")
    assert page.unsaved()

    # Unsaved quotas are not drawn with: the page says to save first.
    type_seed(qtbot, page, "17")
    press_draw(qtbot, page)
    qtbot.waitUntil(lambda: page.problem.text() != "")
    assert "bewaar ze eerst" in page.problem.text()
    assert draws(database) == 0

    press_mnemonic(qtbot, page.save_button)
    qtbot.waitUntil(lambda: not page.unsaved())
    type_seed(qtbot, page, "17")
    press_draw(qtbot, page)
    qtbot.waitUntil(lambda: page.task is None and page.problem.text() != "", timeout=20_000)

    lines = page.problem.text().splitlines()
    assert any("Herkomst, Turks" in line and "9" in line for line in lines), lines
    assert draws(database) == 0 and statuses(database) == before
    assert page.overview.report is None and page.waiting.rowCount() == 0


def test_bounds_that_contradict_are_refused_on_save_and_nothing_is_kept(
    qtbot: QtBot, draw_context: AppContext
) -> None:
    page = open_selection(qtbot, draw_context)
    database = draw_context.database
    row = quota_row(page, "gender", "f")
    page.model.setData(page.model.index(row, QuotaModel.MINIMUM), "30")  # above its maximum

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert "minimum" in page.problem.text()
    assert page.unsaved()
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(DrawSettings)) == 0


def test_proposed_quotas_for_fewer_places_fill_the_table_and_are_saved(
    qtbot: QtBot, draw_context: AppContext
) -> None:
    page = open_selection(qtbot, draw_context)
    database = draw_context.database
    row = quota_row(page, "gender", "f")
    before = page.model.row_at(row).maximum
    page.places.setFocus()
    page.places.selectAll()
    qtbot.keyClicks(page.places, "20")
    press_mnemonic(qtbot, page.propose_button)
    qtbot.waitUntil(lambda: page.model.row_at(quota_row(page, "gender", "f")).maximum < before)

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    with database.reading() as session:
        saved = session.scalars(select(DrawSettings)).one()
        assert saved.places == 20
    assert not page.unsaved()


def test_cancel_during_the_draw_leaves_the_day_as_it_was(
    qtbot: QtBot, draw_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Escape on the progress dialog stops the draw at its next round: nothing is kept."""
    real_draw = selection_page.run_draw

    def slow_draw(*args: Any, progress: Report, **kwargs: Any) -> DrawReport:
        def each_round(done: int, total: int) -> None:
            time.sleep(0.2)  # a long draw, as a day of 449 people with many quotas is
            progress(done, total)

        return real_draw(*args, progress=each_round, **kwargs)

    monkeypatch.setattr(selection_page, "run_draw", slow_draw)
    page = open_selection(qtbot, draw_context)
    pool = QThreadPool()  # a real thread, as in the app
    draw_context.pool = pool
    before = statuses(draw_context.database)
    type_seed(qtbot, page, "4821")
    press_draw(qtbot, page)

    def dialog() -> QProgressDialog | None:
        found = [d for d in page.findChildren(QProgressDialog) if d.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: (shown := dialog()) is not None and shown.value() > 0, timeout=20_000)
    shown = dialog()
    assert shown is not None
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    pool.waitForDone(20_000)

    assert "Geannuleerd" in page.message.text()
    assert page.draw_button.isEnabled()
    assert draws(draw_context.database) == 0 and statuses(draw_context.database) == before


def test_a_new_language_says_the_page_again_and_keeps_what_was_typed(
    qtbot: QtBot, draw_context: AppContext
) -> None:
    page = open_selection(qtbot, draw_context)
    type_seed(qtbot, page, "4821")
    press_draw(qtbot, page)
    drawn(qtbot, page)
    woman = quota_row(page, "gender", "f")
    type_into_cell(qtbot, page, woman, QuotaModel.MAXIMUM, "21")
    type_seed(qtbot, page, "77")
    assert page.model.index(woman, QuotaModel.VALUE).data() == "Vrouw"
    assert "ingeschreven voor 40 plaatsen" in page.summary.text()

    i18n.set_language("en")  # as Settings does: gettext's language, then Qt's event
    application = QApplication.instance()
    assert application is not None
    QCoreApplication.postEvent(application, QEvent(QEvent.Type.LanguageChange))
    # Header data is read live; the summary only changes when the event has come.
    qtbot.waitUntil(lambda: "registered for 40 places" in page.summary.text())
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Category"

    assert page.model.index(woman, QuotaModel.VALUE).data() == "Woman"
    assert page.model.index(woman, QuotaModel.MAXIMUM).data() == "21"  # the edit stays
    assert page.seed.text() == "77" and page.unsaved()
    assert "registered for 40 places" in page.summary.text() and "4821" in page.summary.text()
    assert page.waiting.headerData(1, Qt.Orientation.Horizontal) == "Name"


def test_the_page_fits_a_city_laptop_after_a_draw(qtbot: QtBot, draw_context: AppContext) -> None:
    page = open_selection(qtbot, draw_context)
    type_seed(qtbot, page, "4821")
    press_draw(qtbot, page)
    drawn(qtbot, page)
    qtbot.wait(20)  # the layout settles
    window = page.window()
    assert isinstance(window, QWidget)
    assert controls_outside(window) == []
    assert clipped_texts(window) == []
