"""Organisatie → Tafels in the window: the organiser's chosen table stays chosen while the
overview refreshes, so its buttons act on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.services.tables.access import organiser_access, sign_in
from degenks_desktop.services.tables.dots import set_tally
from degenks_desktop.services.tables.ideas import add_idea
from degenks_desktop.services.tables.overview import Phase
from degenks_desktop.services.tables.top_ten import lock_selection, table_selection
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from degenks_desktop.ui.tables.overview import TableProgressModel, TablesOverview
from tests.helpers.windows import refreshed


@pytest.fixture
def demo_database(sqlite_database_url: str) -> Iterator[Database]:
    """The demo with 21 tables a day: more than the overview shows at once on a laptop,
    so the list scrolls (the `context` fixture builds on this one)."""
    database = open_database(sqlite_database_url)
    create_demo_event(database, participants=360)  # seated: its tables have stickers
    yield database
    database.close()


def click_tab(qtbot: QtBot, tabs: QTabWidget, title: str) -> None:
    """Click the tab called `title`, as a person does."""
    bar = tabs.tabBar()
    index = next(i for i in range(tabs.count()) if tabs.tabText(i).replace("&", "") == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def test_the_chosen_table_stays_chosen_through_the_refreshes(
    qtbot: QtBot,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    database = context.database
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    click_tab(qtbot, window.workspaces, "Organisatie")
    click_tab(qtbot, window.organiser.pages, "Tafels")
    refreshed(qtbot, window)
    overview = window.organiser.tables_overview
    qtmodeltester.check(overview.model)  # through every refresh below
    view = overview.view
    assert view.model().rowCount() == 21
    assert view.verticalScrollBar().maximum() > 0  # longer than the screen

    # The organiser goes down the list with the keyboard to table 18.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    for _step in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Up)
    chosen = overview.selected_table()
    assert chosen is not None and chosen.number == 18
    current = (view.currentIndex().row(), view.currentIndex().column())
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    access = organiser_access(database, chosen.table_id)
    other = organiser_access(database, overview.model.table_at(2).table_id)

    def refresh_and_check() -> TablesOverview:
        window.refresh_counts()
        refreshed(qtbot, window)
        selected = overview.selected_table()
        assert selected is not None and selected.table_id == chosen.table_id
        assert (view.currentIndex().row(), view.currentIndex().column()) == current
        assert view.verticalScrollBar().value() == scrolled
        return overview

    # 1. Ideas come in at the chosen table: it moves from waiting to ideas.
    ideas = [add_idea(database, access, text=f"Idee {n}", duo_id=None) for n in range(3)]
    shown = refresh_and_check().selected_table()
    assert shown is not None and (shown.phase, shown.ideas) == (Phase.IDEAS, 3)
    row = view.currentIndex().row()
    assert view.model().index(row, TableProgressModel.IDEAS).data() == 3

    # 2. Another table starts, and the chosen one votes.
    add_idea(database, other, text="Een moestuin", duo_id=None)
    set_tally(database, access, ideas[0], 4)
    shown = refresh_and_check().selected_table()
    assert shown is not None and (shown.phase, shown.dots) == (Phase.VOTING, 4)

    # 3. The chosen table locks its ten.
    lock_selection(database, access)
    shown = refresh_and_check().selected_table()
    assert shown is not None and shown.phase is Phase.CONCEPTS and shown.locked

    # The buttons act on the table still chosen: a new PIN, then Unlock.
    monkeypatch.setattr(TablesOverview, "ask_pin", classmethod(lambda _c, _p, _n: "864200"))
    qtbot.mouseClick(overview.pin_button, Qt.MouseButton.LeftButton)
    assert overview.outcome.text() == "De nieuwe pincode is ingesteld; de oude werkt niet meer."
    assert sign_in(database, day_number=1, table_number=18, pin="864200").table_number == 18
    monkeypatch.setattr(TablesOverview, "ask_reason", classmethod(lambda _c, _p, _n: "hertelling"))
    qtbot.mouseClick(overview.unlock_button, Qt.MouseButton.LeftButton)
    assert overview.outcome.text().startswith("De selectie is ontgrendeld")
    assert not table_selection(database, access).locked
