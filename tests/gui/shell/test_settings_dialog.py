"""Settings: a database is tested before the app switches to it; the language can change."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from degenks_desktop import i18n
from degenks_desktop.config import sqlite_url
from degenks_desktop.services.tables.access import demo_pin, sign_in, tables_to_sign_in
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import (
    SETTING_DATABASE_URL,
    SETTING_DESK_NAME,
    SETTING_LANGUAGE,
    AppContext,
)
from degenks_desktop.ui.shell.settings_dialog import SettingsDialog


def open_dialog(qtbot: QtBot, context: AppContext) -> SettingsDialog:
    dialog = SettingsDialog(
        settings=context.settings, current_url=context.database.url, pool=context.pool
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_unreachable_server_is_not_saved(qtbot: QtBot, context: AppContext) -> None:
    dialog = open_dialog(qtbot, context)
    dialog.use_server.setChecked(True)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.database_name.setText("degenks")
    dialog.user.setText("onthaal")
    dialog.accept()
    qtbot.waitUntil(lambda: "niet bereikbaar" in dialog.connection_result.text(), timeout=15_000)
    assert dialog.isVisible()
    assert dialog.chosen_url is None
    assert context.settings.value(SETTING_DATABASE_URL) is None


def test_an_incomplete_server_form_says_what_is_missing(qtbot: QtBot, context: AppContext) -> None:
    dialog = open_dialog(qtbot, context)
    dialog.use_server.setChecked(True)
    dialog.host.setText("")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.connection_result.text() == "Vul de server en de naam van de databank in."


def test_a_working_database_is_saved_and_opened(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    new_file = tmp_path / "tweede-laptop.sqlite"
    dialog = open_dialog(qtbot, context)
    dialog.file_path.setText(str(new_file))
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        dialog.accept()
    assert dialog.chosen_url == sqlite_url(new_file)
    assert context.settings.value(SETTING_DATABASE_URL) == sqlite_url(new_file)

    controller = AppController(context)
    qtbot.addWidget(controller.window)
    controller.apply_settings(dialog.chosen_url)
    assert context.database.sqlite_path == new_file.resolve()
    assert controller.window.pages.currentWidget() is controller.window.empty_page


def test_switching_to_english_retranslates_the_same_window_keeping_the_day_and_the_table(
    qtbot: QtBot, app_controller: AppController, context: AppContext, settings: QSettings
) -> None:
    window = app_controller.window
    window.show()
    qtbot.waitExposed(window)
    window.day_picker.setCurrentIndex(1)  # the organiser looks at day 2
    window.workspaces.setCurrentWidget(window.tables)
    table = tables_to_sign_in(context.database, 2)[0].number
    desk = window.tables.table_desk
    desk.open_table(
        sign_in(context.database, day_number=2, table_number=table, pin=demo_pin(2, table))
    )
    session = desk.session
    assert session is not None

    dialog = open_dialog(qtbot, context)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert settings.value(SETTING_LANGUAGE) == "en"
    app_controller.apply_settings(None)

    qtbot.waitUntil(lambda: window.workspaces.tabText(0) == "Front desk")
    tabs = [window.workspaces.tabText(i) for i in range(window.workspaces.count())]
    assert tabs == ["Front desk", "Tables", "Organisation"]
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.checked_in_tile.caption_label.text() == "checked in / expected"
    assert window.day_picker.currentText().startswith("Day 2")
    assert app_controller.window is window  # the same window, not a new one
    day = window.selected_day()
    assert day is not None and day.number == 2
    assert window.workspaces.currentWidget() is window.tables
    assert desk.session is session  # the facilitator is still signed in, at the same table
    assert not window.shared_label.text()  # no false "open in another window"


def test_a_postgresql_server_is_tested_then_used(
    qtbot: QtBot, context: AppContext, postgres_database_url: str
) -> None:
    server = make_url(postgres_database_url)
    dialog = open_dialog(qtbot, context)
    dialog.use_server.setChecked(True)
    dialog.host.setText(server.host or "")
    dialog.port.setValue(server.port or 5432)
    dialog.database_name.setText(server.database or "")
    dialog.user.setText(server.username or "")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Verbonden met" in dialog.connection_result.text(), timeout=15_000)
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        dialog.accept()
    assert dialog.chosen_url is not None
    assert make_url(dialog.chosen_url).database == server.database
    controller = AppController(context)
    qtbot.addWidget(controller.window)
    controller.apply_settings(dialog.chosen_url)
    assert not context.database.is_sqlite
    assert controller.window.pages.currentWidget() is controller.window.empty_page


def test_the_desk_is_named_here_and_the_station_uses_the_name(
    qtbot: QtBot, context: AppContext
) -> None:
    controller = AppController(context)
    qtbot.addWidget(controller.window)
    dialog = open_dialog(qtbot, context)
    dialog.desk_name.setText("   ")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.desk_problem.text().startswith("Vul een naam in voor deze balie")
    assert context.settings.value(SETTING_DESK_NAME) == "onthaal 1"  # the name it had
    dialog.desk_name.setText("Onthaal 2")
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        dialog.accept()
    controller.apply_settings(dialog.chosen_url)
    assert controller.window.front_desk.station.desk_name == "Onthaal 2"


def test_a_desk_never_named_is_onthaal_1_in_every_language(
    qtbot: QtBot, context: AppContext
) -> None:
    context.settings.remove(SETTING_DESK_NAME)
    assert context.desk_name == "Onthaal 1"  # not the laptop's host name
    i18n.set_language("en")
    dialog = open_dialog(qtbot, context)
    # A name the other desks show and every check-in keeps, not interface text: the
    # language does not rename the desk.
    assert dialog.desk_name.text() == "Onthaal 1"
    assert context.desk_name == "Onthaal 1"
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        dialog.accept()
    assert context.settings.value(SETTING_DESK_NAME) == "Onthaal 1"


def test_a_language_switch_retranslates_the_dialog_in_place(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    controller = app_controller
    dialog = open_dialog(qtbot, context)
    assert dialog.test_button.text() == "Verbinding testen"
    dialog.desk_name.clear()
    qtbot.keyClicks(dialog.desk_name, "Onthaal 3")
    dialog.use_server.setChecked(True)
    qtbot.keyClicks(dialog.host, "10.0.0.7")
    controller.apply_language("en")
    qtbot.waitUntil(lambda: dialog.test_button.text() == "Test the connection")
    assert dialog.windowTitle() == "Settings"
    assert dialog.ui.deskBox.title() == "This laptop"
    assert dialog.desk_name.placeholderText() == "e.g. Onthaal 1"
    assert dialog.use_server.text() == "A shared server for several laptops (PostgreSQL)"
    # What was typed and chosen stays: the same dialog, not a new one.
    assert dialog.desk_name.text() == "Onthaal 3"
    assert dialog.host.text() == "10.0.0.7"
    assert dialog.use_server.isChecked()
    assert dialog.isVisible()
