"""The diversity matrix on screen: live, aggregated, with gaps marked and targets editable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from degenks_desktop.ui.organising.diversity_view import SUPPRESSED, DiversityModel
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.windows import refreshed


def show_diversity(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.diversity)
    refreshed(qtbot, window)
    return window


def test_the_matrix_shows_origin_with_its_gaps(
    qtbot: QtBot,
    context: AppContext,
    qtmodeltester: ModelTester,
) -> None:
    window = show_diversity(qtbot, context)
    view = window.organiser.diversity
    assert view.category.count() == 6
    view.category.setCurrentIndex(view.category.findData("origin"))
    model = view.model
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Waarde"
    values = {model.index(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(model.rowCount())}
    turkish = values["turkish"]
    assert model.index(turkish, DiversityModel.VALUE).data() == "Turks"
    # 60 people in the demo fixture: small groups are never shown as a number.
    shown = [model.index(r, DiversityModel.REGISTERED).data() for r in range(model.rowCount())]
    assert all(text in (SUPPRESSED, "0") or int(text) >= 5 for text in shown)
    assert "illustratief" in view.note.text()


def test_a_target_edited_in_the_table_is_saved(qtbot: QtBot, context: AppContext) -> None:
    window = show_diversity(qtbot, context)
    view = window.organiser.diversity
    view.category.setCurrentIndex(view.category.findData("gender"))
    model = view.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.UserRole) == "f"
    )
    assert model.setData(model.index(row, DiversityModel.TARGET), "52,5")
    row = next(
        r
        for r in range(view.model.rowCount())
        if view.model.index(r, 0).data(Qt.ItemDataRole.UserRole) == "f"
    )
    assert view.model.index(row, DiversityModel.TARGET).data() == "53\u00a0%"
    matrix = view.current_matrix()
    assert matrix is not None
    assert matrix.key == "gender"


def test_the_chart_draws_every_value(qtbot: QtBot, context: AppContext) -> None:
    window = show_diversity(qtbot, context)
    chart = window.organiser.diversity.chart
    chart.resize(500, 400)
    image = chart.grab().toImage()
    assert chart.matrix is not None
    colours = {image.pixelColor(x, y).name() for x in range(0, 500, 3) for y in range(0, 300, 3)}
    assert "#1f618d" in colours  # the registered bars
