"""Organisatie in another language, mid-day: the pages' titles, the themes, the seating
board, the diversity matrix and the arrivals say the same in English on the same widgets,
and what the organiser chose stays chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QRunnable, Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from degenks_desktop.i18n import N_
from degenks_desktop.ui.organising.seating_board import MakeUpBar, MemberLabel, SeatingBoard
from degenks_desktop.ui.organising.workspace import OrganiserWorkspace
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.file_jobs import JobProgress, run_file_job
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.desk import day_one_codes, scan
from tests.helpers.windows import refreshed


def organiser_on_screen(qtbot: QtBot, app_controller: AppController) -> OrganiserWorkspace:
    window = app_controller.window
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.workspaces.setCurrentWidget(window.organiser)
    refreshed(qtbot, window)
    return window.organiser


def tab_titles(tabs: QTabWidget) -> list[str]:
    return [tabs.tabText(index) for index in range(tabs.count())]


def headers(model: QAbstractItemModel) -> list[str]:
    return [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]


def chosen_theme(view: QAbstractItemView) -> object:
    return view.currentIndex().data(Qt.ItemDataRole.UserRole)


def switch_to_english(qtbot: QtBot, app_controller: AppController) -> MainWindow:
    """English, as Settings does it; then the window's refresh has come and gone."""
    window = app_controller.window
    app_controller.apply_language("en")
    qtbot.waitUntil(lambda: window.organiser.pages.tabText(0) == "Themes and tables")
    refreshed(qtbot, window)
    return window


def test_the_pages_the_chosen_theme_and_the_seating_board_carry_over_into_english(
    qtbot: QtBot, app_controller: AppController
) -> None:
    organiser = organiser_on_screen(qtbot, app_controller)
    pages = organiser.pages
    assert tab_titles(pages)[:4] == ["Thema’s en tafels", "Aankomst", "Tafels", "Tafelindeling"]
    # The organiser picks the third theme with the keyboard.
    view = organiser.theme_view
    view.setFocus()
    for _step in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    theme = chosen_theme(view)
    assert theme is not None
    assert headers(organiser.themes)[0] == "Thema"
    # Then seats the day on the seating board and chooses a name there.
    board = organiser.seating_board
    pages.setCurrentWidget(board)
    qtbot.mouseClick(board.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: board.task is None and "geplaatst" in board.figures.text())
    refreshed(qtbot, app_controller.window)
    card = max(board.cards, key=lambda card: len(card.members))
    card_view = board.card_views[card.table_id]
    name = card_view.members()[0]
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    assert name.chosen
    assert "plaats" in card_view.status.text()
    assert "Mix: " in board.legend.text() and "dichtbij" in board.legend.text()

    window = switch_to_english(qtbot, app_controller)

    assert window.organiser is organiser  # the same workspace, pages and board
    assert tab_titles(pages) == [
        "Themes and tables",
        "Arrivals",
        "Tables",
        "Seating",
        "Registrations",
        "Diversity",
        "Selection",
        "Print",
        "Reports",
        "Synthesis",
        "Follow-up",
        "Postcards",
        "Log",
    ]
    assert pages.currentWidget() is board
    assert headers(organiser.themes) == ["Theme", "How might we …", "First choice", "Tables"]
    assert chosen_theme(view) == theme  # the theme chosen is still chosen
    assert organiser.import_button.text() == "&Import registrations…"
    # The board: the same cards, the name still chosen, every text English.
    assert organiser.seating_board is board
    assert board.card_views[card.table_id] is card_view
    assert name.chosen and board.chosen == [name.member.participant_id]
    assert board.assign_button.text() == "&Seat the day"
    assert "close" in board.legend.text() and "far off" in board.legend.text()
    assert "Close: under" in board.legend.toolTip()
    assert "seated at" in board.figures.text() and "geplaatst" not in board.figures.text()
    assert card_view.status.text() == f"{len(card.members)} of {card.capacity} seats"
    assert card_view.number_label.toolTip().startswith(f"Table {card.number} — ")
    bar = card_view.findChild(MakeUpBar)
    assert bar is not None
    assert bar.toolTip().startswith("How far this table's make-up is from the day's:")
    label = card_view.findChild(MemberLabel)
    assert label is not None and " · duo " in label.toolTip()


def test_the_diversity_matrix_and_the_arrivals_carry_over_into_english(
    qtbot: QtBot, app_controller: AppController
) -> None:
    organiser = organiser_on_screen(qtbot, app_controller)
    window = app_controller.window
    scan(qtbot, window.front_desk.station, day_one_codes(app_controller.context, 1)[0])
    # The arrivals first: one person has come.
    arrivals = organiser.arrivals_view
    organiser.pages.setCurrentWidget(arrivals)
    qtbot.waitUntil(lambda: arrivals.total.text().startswith("1 van "))
    assert headers(arrivals.themes)[:2] == ["Thema", "Ingecheckt"]
    # Then the diversity page, on origin, the Turkish row's target looked at.
    diversity = organiser.diversity
    organiser.pages.setCurrentWidget(diversity)
    refreshed(qtbot, window)
    diversity.category.setCurrentIndex(diversity.category.findData("origin"))
    model = diversity.model
    turkish = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.UserRole) == "turkish"
    )
    diversity.table.setCurrentIndex(model.index(turkish, model.TARGET))
    assert model.index(turkish, model.VALUE).data() == "Turks"
    assert diversity.category.currentText() == "Herkomst"

    switch_to_english(qtbot, app_controller)

    assert organiser.diversity is diversity and diversity.model is model
    assert diversity.category.currentData() == "origin"
    assert diversity.category.currentText() == "Origin"
    assert headers(model)[:2] == ["Value", "Registered"]
    assert model.index(turkish, model.VALUE).data() == "Turkish"
    current = diversity.table.currentIndex()
    assert (current.row(), current.column()) == (turkish, model.TARGET)
    assert "illustrative" in diversity.note.text()
    assert "registered people answered" in diversity.summary.text()
    assert diversity.whole_event.text() == "All days together"
    assert diversity.category_label.text() == "Category"
    # The arrivals page, not on screen, was put in English all the same.
    assert arrivals.total.text().startswith("1 of ")
    assert arrivals.total.text().endswith("expected people have checked in")
    assert headers(arrivals.themes)[:2] == ["Theme", "Checked in"]


def test_a_board_not_yet_seated_says_so_in_english(
    qtbot: QtBot, app_controller: AppController
) -> None:
    organiser = organiser_on_screen(qtbot, app_controller)
    board: SeatingBoard = organiser.seating_board
    organiser.pages.setCurrentWidget(board)
    qtbot.waitUntil(lambda: bool(board.cards))
    assert board.figures.text().startswith("Op deze dag zit nog niemand")
    card_view = next(iter(board.card_views.values()))
    assert card_view.status.text() == "Niemand geplaatst"

    switch_to_english(qtbot, app_controller)

    assert board.figures.text() == "Nobody is seated on this day yet: press Seat the day."
    assert card_view.status.text() == "Nobody seated"


class HeldPool:
    """A pool that keeps its tasks until the test lets them run: the job is under way."""

    def __init__(self) -> None:
        self.held: list[QRunnable] = []

    def start(self, runnable: QRunnable, priority: int = 0) -> None:  # noqa: ARG002 - Qt's
        """Keep `runnable` for later."""
        self.held.append(runnable)

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802, ARG002 - Qt's signature
        """Run what is held."""
        while self.held:
            self.held.pop(0).run()
        return True


def test_a_report_under_way_and_the_open_button_switch_to_english(
    qtbot: QtBot, app_controller: AppController, tmp_path: Path
) -> None:
    organiser = organiser_on_screen(qtbot, app_controller)
    page = organiser.reports_page
    organiser.pages.setCurrentWidget(page)
    pool = HeldPool()
    page.task = run_file_job(  # kept by the page, as its own jobs are
        page,
        lambda _report: "klaar",
        tmp_path / "verslag.pdf",
        buttons=(page.report_button,),
        outcome=page.outcome,
        on_done=lambda _path: None,
        on_finished=lambda: None,
        pool=pool,
        label=N_("Making the report…"),
    )
    progress = page.findChild(JobProgress)
    assert progress is not None
    cancel = progress.findChild(QPushButton)
    assert cancel is not None
    assert (progress.labelText(), cancel.text()) == ("Bezig met het verslag…", "Annuleren")
    assert page.open_button.text() == "&Openen"

    switch_to_english(qtbot, app_controller)

    assert (progress.labelText(), cancel.text()) == ("Making the report…", "Cancel")
    assert page.open_button.text() == "&Open"
    pool.waitForDone()
    qtbot.waitUntil(lambda: page.outcome.text() == "klaar")
    assert page.report_button.isEnabled()


def test_a_page_first_opened_after_the_switch_is_built_in_english(
    qtbot: QtBot, app_controller: AppController
) -> None:
    """Organisatie's pages are built when first shown: one nobody opened before the switch
    opens in the new language, with what its day holds."""
    organiser = organiser_on_screen(qtbot, app_controller)
    assert organiser.findChildren(SeatingBoard) == []  # nobody has opened it yet
    switch_to_english(qtbot, app_controller)

    # The organiser goes there with the keyboard, tab by tab from the themes.
    pages = organiser.pages
    seating = tab_titles(pages).index("Seating")
    for _tab in range(seating):
        qtbot.keyClick(pages, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    board = pages.currentWidget()
    assert isinstance(board, SeatingBoard) and board.isVisible()
    assert organiser.seating_board is board
    assert board.assign_button.text() == "&Seat the day"
    qtbot.waitUntil(lambda: bool(board.cards))
    assert board.figures.text() == "Nobody is seated on this day yet: press Seat the day."
    assert tab_titles(pages)[seating] == "Seating"
