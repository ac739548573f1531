"""Tafels in another language: a switch puts the sign-in, the signed-in table and the
organisers' overview in English in place, and the facilitator keeps what they typed,
chose and were on. The sign-in and the concept form are Qt Designer forms, worked by the
keyboard in their order."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.services.tables.access import (
    TableAccess,
    demo_pin,
    sign_in,
    tables_to_sign_in,
)
from degenks_desktop.services.tables.dots import people_at_table
from degenks_desktop.services.tables.ideas import add_idea
from degenks_desktop.services.tables.top_ten import lock_selection
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from degenks_desktop.ui.tables.idea_model import IdeaListModel
from degenks_desktop.ui.tables.overview import TableIdeasDialog
from degenks_desktop.ui.tables.session import CONCEPT_FIELDS, TableDesk, TableSessionPage
from tests.helpers.windows import refreshed


@pytest.fixture
def demo_database(sqlite_database_url: str) -> Iterator[Database]:
    """The small demo, seated: its tables have duos and people who vote (the `context`
    fixture builds on this one)."""
    database = open_database(sqlite_database_url)
    create_demo_event(database, participants=60, seated=True)
    yield database
    database.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard"
    return widget


def shown_window(qtbot: QtBot, app_controller: AppController) -> MainWindow:
    """The app's window on screen and active (the keyboard goes to it), at Tafels."""
    window = app_controller.window
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    window.workspaces.setCurrentWidget(window.tables)
    return window


def first_table(context: AppContext) -> TableAccess:
    """Day 1's first table, signed in with its demo PIN."""
    number = tables_to_sign_in(context.database, 1)[0].number
    return sign_in(context.database, day_number=1, table_number=number, pin=demo_pin(1, number))


def opened(desk: TableDesk, access: TableAccess) -> TableSessionPage:
    desk.open_table(access)
    assert desk.session is not None
    return desk.session


def to_english(qtbot: QtBot, app_controller: AppController, done: Callable[[], bool]) -> None:
    """Switch the app to English, then wait until `done()` says the switch is seen."""
    app_controller.apply_language("en")
    qtbot.waitUntil(done)


def test_a_signed_in_table_turns_english_keeping_what_the_facilitator_has(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    window = shown_window(qtbot, app_controller)
    access = first_table(context)
    for n in range(4):
        add_idea(context.database, access, text=f"Idee {n}", duo_id=None)
    person, name = people_at_table(context.database, access)[1]
    desk = window.tables.table_desk
    page = opened(desk, access)
    assert page.tabs.tabText(0) == "Ideeën"
    qtbot.keyClicks(page.idea_box, "Een moestuin op het")  # half typed, not entered

    # The votes: one person's dots, the keyboard in the third row of the table.
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: focused() is page.vote_view)
    page.voter.setCurrentIndex(page.voter.findData(person))
    page.vote_view.setFocus()
    qtbot.keyClick(page.vote_view, Qt.Key.Key_Down)
    qtbot.keyClick(page.vote_view, Qt.Key.Key_Down)
    current = page.vote_view.currentIndex()
    assert (current.row(), current.column()) == (2, IdeaListModel.PERSON)
    page.tie_rule.setCurrentIndex(page.tie_rule.findData("table_decision"))

    with qtbot.waitSignal(page.model.headerDataChanged):  # the columns are retitled
        to_english(qtbot, app_controller, lambda: page.tabs.tabText(0) == "Ideas")

    assert [page.tabs.tabText(i) for i in range(3)] == [
        "Ideas",
        "Votes and the ten best",
        "Concepts",
    ]
    assert page.sign_out_button.text() == "Sign &out"
    assert page.title.text().startswith(f"Table {access.table_number} — ")
    assert page.merge_button.text() == "&Merge the selected ideas"
    assert page.show_deleted.text() == "Show deleted ideas"
    assert page.idea_box.placeholderText() == "The duo's idea, then Enter"
    assert page.duos_label.text() == "Duos (Alt+Up/Down to switch)"
    assert page.duos.item(0).text().endswith(" ideas")
    assert page.lock_button.text() == "&Lock the selection"
    assert page.reason.placeholderText() == "Why the table chose these ideas"
    assert page.voter.itemText(0) == "The count per idea, from the sticker sheet"
    assert page.voter_note.text() == "0 of 3 dots given"
    assert page.tie_rule.currentText() == "The table chooses, with a reason"
    assert page.concepts_waiting.text().startswith("Lock the selection first")
    header = page.vote_view.horizontalHeader().model()
    assert header.headerData(IdeaListModel.PERSON, Qt.Orientation.Horizontal) == "This person"

    # The same page, with what the facilitator had.
    assert desk.session is page and desk.session_area is not None
    assert desk.session_area.widget() is page
    assert page.idea_box.text() == "Een moestuin op het"
    assert page.voter.currentData() == person
    assert page.voter.currentText() == f"The dots of {name}"
    assert page.tie_rule.currentData() == "table_decision"
    assert page.tabs.currentIndex() == 1
    current = page.vote_view.currentIndex()
    assert (current.row(), current.column()) == (2, IdeaListModel.PERSON)


def test_the_sign_in_turns_english_keeping_the_table_and_the_pin(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    window = shown_window(qtbot, app_controller)
    page = window.tables.table_desk.sign_in_page
    choice = tables_to_sign_in(context.database, 1)[2]
    page.table.setCurrentIndex(page.table.findData(choice.number))
    qtbot.keyClicks(page.pin, "12")  # half typed
    assert page.ui.tableLabel.text() == "Je tafel"

    to_english(qtbot, app_controller, lambda: page.ui.tableLabel.text() == "Your table")

    assert page.ui.pinLabel.text() == "Your PIN"
    assert page.button.text() == "&Sign in"
    assert page.ui.intro.text().startswith("Facilitators: sign in to your own table")
    assert page.table.currentData() == choice.number
    assert page.table.currentText() == (
        f"Table {choice.number} — {choice.theme} — {choice.facilitator}"
    )
    assert page.table.count() == len(tables_to_sign_in(context.database, 1))
    assert page.pin.text() == "12"
    assert window.tables.table_desk.currentWidget() is page


def click_tab(qtbot: QtBot, tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    index = next(i for i in range(tabs.count()) if tabs.tabText(i).replace("&", "") == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def test_the_tables_overview_turns_english_keeping_the_chosen_table(
    qtbot: QtBot, app_controller: AppController
) -> None:
    window = shown_window(qtbot, app_controller)
    click_tab(qtbot, window.workspaces, "Organisatie")
    click_tab(qtbot, window.organiser.pages, "Tafels")
    refreshed(qtbot, window)
    overview = window.organiser.tables_overview
    view = overview.view
    view.setFocus()
    for _step in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    chosen = overview.selected_table()
    assert chosen is not None
    header = view.horizontalHeader()
    assert header.model().headerData(0, Qt.Orientation.Horizontal) == "Tafel"
    phase = QPersistentModelIndex(view.model().index(view.currentIndex().row(), 3))
    assert phase.data() == "niet begonnen"

    with qtbot.waitSignal(overview.model.headerDataChanged):
        to_english(qtbot, app_controller, lambda: overview.pin_button.text().startswith("Set"))
    refreshed(qtbot, window)

    titles = [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert titles == ["Table", "Theme", "Facilitator"]
    assert phase.data() == "not started"
    assert overview.unlock_button.text() == "&Unlock the selection…"
    assert overview.pin_button.text() == "Set the facilitator's &PIN…"
    selected = overview.selected_table()
    assert selected is not None and selected.table_id == chosen.table_id


def test_the_sign_in_and_the_concepts_are_the_forms_walked_by_tab(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    window = shown_window(qtbot, app_controller)
    desk = window.tables.table_desk
    sign_in_page = desk.sign_in_page
    assert (sign_in_page.table, sign_in_page.pin, sign_in_page.button) == (
        sign_in_page.ui.table,
        sign_in_page.ui.pin,
        sign_in_page.ui.sign_in_button,
    )
    sign_in_page.table.setFocus()
    qtbot.waitUntil(lambda: focused() is sign_in_page.table)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is sign_in_page.pin
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is sign_in_page.button

    access = first_table(context)
    for n in range(3):
        add_idea(context.database, access, text=f"Idee {n}", duo_id=None)
    lock_selection(context.database, access)
    page = opened(desk, access)
    fields = [page.concept_fields[name] for name in CONCEPT_FIELDS]
    assert fields == [getattr(page.concept_ui, f"concept_{name}") for name in CONCEPT_FIELDS]
    assert page.saved_note is page.concept_ui.saved_note
    assert page.concept_ui.titleLabel.buddy() is fields[0]
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: focused() is page.concept_list)
    walked = []
    for _field in fields:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        walked.append(focused())
    assert walked == fields  # title, description, the four questions, first step, who
    assert fields[0].text() == "Idee 0"  # the first of the ten, as its concept's title


def test_a_concept_being_written_turns_english_keeping_its_words(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    window = shown_window(qtbot, app_controller)
    access = first_table(context)
    for n in range(3):
        add_idea(context.database, access, text=f"Idee {n}", duo_id=None)
    lock_selection(context.database, access)
    page = opened(window.tables.table_desk, access)
    page.tabs.setCurrentIndex(2)
    page.concept_list.setCurrentRow(1)
    step = page.concept_fields["first_step"]
    assert isinstance(step, QPlainTextEdit)
    qtbot.keyClicks(step, "Een zaal vragen")
    qtbot.waitUntil(lambda: page.saved_note.text().startswith("Bewaard om"), timeout=3000)
    saved_at = page.saved_note.text().rsplit(" ", 1)[-1]

    to_english(qtbot, app_controller, lambda: page.concept_ui.titleLabel.text() == "Title")

    assert page.concept_ui.whatIsAliveLabel.text() == "What is alive?"
    assert page.concept_ui.whoIsNeededLabel.text() == "Who is needed"
    assert page.saved_note.text() == f"Saved at {saved_at}"
    assert page.concept_list.currentRow() == 1
    assert step.toPlainText() == "Een zaal vragen"


def test_a_tables_ideas_for_the_organisers_turn_english(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    access = first_table(context)
    add_idea(context.database, access, text="Een moestuin", duo_id=None)
    dialog = TableIdeasDialog(context, access.table_id, parent=app_controller.window)
    assert dialog.windowTitle() == f"Tafel {access.table_number} — {access.theme}"
    with qtbot.waitSignal(dialog.model.headerDataChanged):
        to_english(qtbot, app_controller, lambda: dialog.windowTitle().startswith("Table "))
    assert dialog.windowTitle() == f"Table {access.table_number} — {access.theme}"
    assert dialog.model.index(0, IdeaListModel.TEXT).data() == "Een moestuin"
