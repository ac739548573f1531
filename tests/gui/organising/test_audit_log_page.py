"""Organisatie → Logboek as an organiser uses it: what the desk just did shows up live,
typing narrows the list, the chosen row stays through refreshes, and the export holds
no names."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from degenks_desktop.services.front_desk.check_ins import check_in_participant
from degenks_desktop.ui.organising.audit_log_page import AuditLogModel, AuditLogPage
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.desk import day_one_people
from tests.helpers.windows import refreshed


def log_on_screen(qtbot: QtBot, window: MainWindow) -> AuditLogPage:
    window.show()
    qtbot.waitExposed(window)
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.audit_log)
    refreshed(qtbot, window)
    return window.organiser.audit_log


def shown(page: AuditLogPage, column: int) -> list[str]:
    model = page.view.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def test_the_desks_check_ins_show_up_live_and_words_narrow_the_list(
    qtbot: QtBot, context: AppContext
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    page = log_on_screen(qtbot, window)
    before = page.model.rowCount()
    people = day_one_people(context, 2)
    for person in people:
        check_in_participant(
            context.database, person.id, desk="Onthaal 3", day_number=1, actor="Onthaal 3"
        )
    window.refresh_counts()
    refreshed(qtbot, window)
    assert page.model.rowCount() == before + 2
    assert shown(page, AuditLogModel.WHAT)[:2] == ["Ingecheckt", "Ingecheckt"]  # newest first
    assert shown(page, AuditLogModel.WHO)[:2] == ["Onthaal 3", "Onthaal 3"]

    # The organiser picks the newest entry, then narrows by typing.
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    qtbot.keyClick(page.view, Qt.Key.Key_Up)  # on the newest, chosen
    chosen = page.view.currentIndex().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClicks(page.words, "onthaal 3")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5_000)
    assert page.count.text() == "2 vermeldingen"
    window.refresh_counts()
    refreshed(qtbot, window)
    rows = page.view.selectionModel().selectedRows()
    assert [r.data(Qt.ItemDataRole.UserRole) for r in rows] == [chosen]  # still chosen


def test_the_kind_filter_is_chosen_by_keyboard(qtbot: QtBot, context: AppContext) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    page = log_on_screen(qtbot, window)
    assert page.model.rowCount() > 0  # the demo's own entries
    page.room.setFocus()
    qtbot.keyClicks(page.room, "Het")  # a closed combo box jumps to what is typed
    assert page.room.currentText() == "Het evenement en de databank"
    qtbot.waitUntil(
        lambda: set(shown(page, AuditLogModel.WHAT)) <= {"Demo-evenement gemaakt"}, timeout=5_000
    )
    assert page.model.rowCount() >= 1


def test_the_export_holds_no_name_and_says_where_it_went(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = day_one_people(context, 1)[0]
    check_in_participant(
        context.database, person.id, desk="Onthaal 3", day_number=1, actor="Onthaal 3"
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    page = log_on_screen(qtbot, window)
    target = tmp_path / "logboek.csv"
    monkeypatch.setattr(AuditLogPage, "ask_export_path", classmethod(lambda _cls, _p: target))
    qtbot.keyClick(page.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "logboek.csv" in page.outcome.text(), timeout=10_000)
    assert "zonder namen" in page.outcome.text()
    text = target.read_text(encoding="utf-8-sig")
    assert "Ingecheckt" in text
    assert "Onthaal 3" not in text and person.last_name not in text


def test_the_log_retranslates_in_place(qtbot: QtBot, app_controller: AppController) -> None:
    page = log_on_screen(qtbot, app_controller.window)
    page.room.setCurrentIndex(page.room.findData("Front desk"))
    app_controller.apply_language("en")
    qtbot.waitUntil(lambda: page.export_button.text() == "&Export…")
    assert page.room.currentText() == "Front desk"  # what was chosen stays
    headers = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    assert headers == ["When", "Who", "Laptop", "What", "On", "Details"]
    assert app_controller.window.organiser.audit_log is page
