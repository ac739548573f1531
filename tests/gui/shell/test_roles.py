"""A laptop's role and the organiser's sign-in, driven from the keyboard: a desk laptop
reaches neither Tafels nor Organisatie by any key; an organiser laptop asks for a name
and password before Organisatie, and again after the time-out; changing the role asks
for them too; what only organisers may do asks wherever it is."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.services.house.organisers import (
    DEMO_ORGANISER,
    DEMO_ORGANISER_PASSWORD,
    OrganiserAccess,
)
from degenks_desktop.services.tables.access import demo_pin
from degenks_desktop.storage.models import AuditEntry
from degenks_desktop.ui.organising.workspace import OrganiserWorkspace
from degenks_desktop.ui.reporting.reports_page import ReportsPage
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from degenks_desktop.ui.shell.organiser_dialog import OrganiserDialog
from degenks_desktop.ui.shell.roles import (
    ROLE_DESK,
    ROLE_ORGANISER,
    ROLE_TABLE,
    SETTING_ORGANISER_TIMEOUT_MS,
    SETTING_ROLE,
)
from degenks_desktop.ui.shell.settings_dialog import SettingsDialog


def open_window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    in_front(qtbot, window)
    return window


def in_front(qtbot: QtBot, window: QWidget) -> None:
    """The window the person works in: shown, active, with the keyboard somewhere."""
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def press(qtbot: QtBot, window: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key as a person presses it: into whatever has the keyboard (in `window`, or in a
    popup it opened)."""
    focused = QApplication.focusWidget()
    assert focused is not None
    assert focused.window() is window or focused.window().windowType() == Qt.WindowType.Popup
    qtbot.keyClick(focused, key, modifier)


def open_dialog(window: QWidget) -> OrganiserDialog | None:
    shown = [d for d in window.findChildren(OrganiserDialog) if d.isVisible()]
    assert len(shown) <= 1
    return shown[0] if shown else None


def sign_in(qtbot: QtBot, dialog: OrganiserDialog, password: str = DEMO_ORGANISER_PASSWORD) -> None:
    """Type the name and the password, then Enter, as the organiser does."""
    qtbot.keyClicks(dialog.name, DEMO_ORGANISER)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def mnemonic_buttons(widget: QWidget) -> dict[str, list[QAbstractButton]]:
    """The buttons in `widget` that an Alt+letter presses, by letter."""
    found: dict[str, list[QAbstractButton]] = {}
    for button in widget.findChildren(QAbstractButton):
        match = re.search(r"&([^&])", button.text())
        if match:
            found.setdefault(match.group(1).upper(), []).append(button)
    return found


def every_page_built(organiser: OrganiserWorkspace) -> None:
    """Build each page of Organisatie that waits to be shown, without showing it."""
    for page in (
        organiser.seating_board,
        organiser.registrations_page,
        organiser.diversity,
        organiser.print_page,
        organiser.reports_page,
        organiser.audit_log,
    ):
        assert page.parent() is not None  # in its tab


def menu_letters(window: MainWindow) -> set[str]:
    letters = set()
    for action in window.menuBar().actions():
        match = re.search(r"&([^&])", action.text())
        if match:
            letters.add(match.group(1).upper())
    return letters


# The day picker's popup: the offscreen platform cannot raise it or give it the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_desk_laptop_reaches_neither_tables_nor_organisation_by_any_key(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    settings.setValue(SETTING_ROLE, ROLE_DESK)
    window = open_window(qtbot, context)
    assert [window.workspaces.tabText(i) for i in range(window.workspaces.count())] == ["Onthaal"]
    assert not context.organiser.signed_in  # a desk laptop keeps no organiser signed in
    # Every Alt+letter of a button in Tafels or Organisatie that the desk and the menus do
    # not use themselves: pressed, none of those buttons is. Organisatie's pages are built
    # when first shown: built here all the same, as if an organiser had looked at each.
    every_page_built(window.organiser)
    hidden = mnemonic_buttons(window.tables) | mnemonic_buttons(window.organiser)
    taken = set(mnemonic_buttons(window.front_desk)) | menu_letters(window)
    letters = sorted(set(hidden) - taken)
    assert len(letters) >= 5  # the walk really tries keys
    pressed: list[str] = []
    for buttons in hidden.values():
        for button in buttons:
            button.clicked.connect(lambda _checked=False, b=button: pressed.append(b.text()))

    def still_at_the_desk() -> None:
        QApplication.processEvents()
        assert pressed == []
        assert window.workspaces.currentWidget() is window.front_desk
        assert not window.tables.isVisible() and not window.organiser.isVisible()
        assert open_dialog(window) is None

    for letter in letters:
        press(qtbot, window, getattr(Qt.Key, f"Key_{letter}"), Qt.KeyboardModifier.AltModifier)
        qtbot.wait(150)  # a mnemonic clicks its button shortly after the key
        still_at_the_desk()
    for key, modifier in (
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier),
        (
            Qt.Key.Key_Backtab,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),
        (Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier),  # the day picker opens…
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),  # …and closes
    ):
        press(qtbot, window, key, modifier)
        still_at_the_desk()
    # Setting the current workspace by code does not reach them either: they are no tab.
    window.workspaces.setCurrentWidget(window.organiser)
    assert window.workspaces.currentWidget() is window.front_desk


def test_a_table_laptop_shows_only_tables(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    settings.setValue(SETTING_ROLE, ROLE_TABLE)
    window = open_window(qtbot, context)
    assert [window.workspaces.tabText(i) for i in range(window.workspaces.count())] == ["Tafels"]
    press(qtbot, window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.workspaces.currentWidget() is window.tables
    assert not window.organiser.isVisible() and not window.front_desk.isVisible()


def test_the_organiser_laptop_asks_for_a_sign_in_before_organisation(
    qtbot: QtBot, context: AppContext
) -> None:
    context.organiser.sign_out()  # nobody signed in yet, as the day starts
    window = open_window(qtbot, context)
    assert window.workspaces.count() == 3
    window.workspaces.setCurrentWidget(window.tables)
    window.workspaces.tabBar().setFocus()
    press(
        qtbot, window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier
    )  # Tafels → Organisatie
    dialog = open_dialog(window)
    assert dialog is not None
    assert dialog.ui.intro.text() == (
        "Organisatie is voor organisatoren: meld je aan met je naam en wachtwoord."
    )
    # Organisatie is not on screen while it asks.
    assert window.workspaces.currentWidget() is window.tables
    assert not window.organiser.isVisible()
    sign_in(qtbot, dialog, password="niet het wachtwoord")
    qtbot.waitUntil(lambda: dialog.problem.text() != "")
    assert dialog.problem.text() == (
        "Die naam en dat wachtwoord zijn niet van een organisator: probeer opnieuw."
    )
    assert dialog.password.text() == ""  # typed again, not kept
    dialog.name.clear()
    sign_in(qtbot, dialog)
    qtbot.waitUntil(lambda: window.workspaces.currentWidget() is window.organiser)
    assert context.organiser.access is not None
    assert context.organiser.access.name == DEMO_ORGANISER
    assert context.actor() == DEMO_ORGANISER  # audit entries name the organiser now


def test_cancel_stays_where_it_was(qtbot: QtBot, context: AppContext) -> None:
    context.organiser.sign_out()
    window = open_window(qtbot, context)
    window.workspaces.setCurrentWidget(window.organiser)
    dialog = open_dialog(window)
    assert dialog is not None
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: open_dialog(window) is None)
    assert window.workspaces.currentWidget() is window.front_desk
    assert not context.organiser.signed_in


def test_after_the_time_out_organisation_asks_again(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    context.organiser.sign_out()
    settings.setValue(SETTING_ORGANISER_TIMEOUT_MS, 400)
    window = open_window(qtbot, context)
    window.workspaces.setCurrentWidget(window.organiser)
    dialog = open_dialog(window)
    assert dialog is not None
    sign_in(qtbot, dialog)
    qtbot.waitUntil(lambda: window.workspaces.currentWidget() is window.organiser)
    # Nobody touches the laptop: signed out, Organisatie closed, the sign-in asks again.
    qtbot.waitUntil(lambda: open_dialog(window) is not None, timeout=5_000)
    again = open_dialog(window)
    assert again is not None
    assert not context.organiser.signed_in
    assert window.workspaces.currentWidget() is window.front_desk
    assert not window.organiser.isVisible()
    assert again.ui.intro.text().startswith("Je bent afgemeld na een tijd zonder activiteit")
    settings.setValue(SETTING_ORGANISER_TIMEOUT_MS, 60_000)
    sign_in(qtbot, again)
    qtbot.waitUntil(lambda: window.workspaces.currentWidget() is window.organiser)


def test_activity_keeps_the_organiser_signed_in(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    settings.setValue(SETTING_ORGANISER_TIMEOUT_MS, 600)
    window = open_window(qtbot, context)
    context.organiser.sign_in(context.organiser.access or OrganiserAccess(1, DEMO_ORGANISER))
    window.workspaces.setCurrentWidget(window.organiser)
    timer = window.idle_sign_out.timer
    assert timer.isActive()
    qtbot.waitUntil(lambda: timer.remainingTime() < 400)
    press(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    assert timer.remainingTime() > 400  # a key press starts the time-out again
    assert context.organiser.signed_in


def test_changing_the_role_asks_for_an_organisers_password(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    window = open_window(qtbot, context)
    window.role_action.trigger()  # File → Rol van deze laptop…
    dialog = open_dialog(window)
    assert dialog is not None
    assert dialog.ui.role_box.isVisibleTo(dialog)
    assert dialog.role_buttons[ROLE_ORGANISER].isChecked()
    in_front(qtbot, dialog)
    press(qtbot, dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Onthaal&laptop
    qtbot.waitUntil(lambda: dialog.chosen_role == ROLE_DESK)  # a mnemonic clicks shortly after
    sign_in(qtbot, dialog, password="fout wachtwoord")
    qtbot.waitUntil(lambda: dialog.problem.text() != "")
    assert settings.value(SETTING_ROLE) is None  # unchanged: still the organiser laptop
    assert window.workspaces.count() == 3
    dialog.name.clear()
    sign_in(qtbot, dialog)
    qtbot.waitUntil(lambda: window.workspaces.count() == 1)
    assert settings.value(SETTING_ROLE) == ROLE_DESK
    assert window.workspaces.currentWidget() is window.front_desk
    assert not context.organiser.signed_in  # and the desk keeps no organiser signed in


def test_restore_and_backup_ask_for_an_organiser(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    context.organiser.sign_out()
    window = open_window(qtbot, context)
    asked: list[bool] = []
    monkeypatch.setattr(
        MainWindow, "ask_backup_path", classmethod(lambda _c, _p, *, saving: asked.append(saving))
    )
    window.restore_action.trigger()
    dialog = open_dialog(window)
    assert dialog is not None and asked == []  # no file asked for before the sign-in
    assert dialog.ui.intro.text().startswith("Terugzetten vervangt alles op elke laptop")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: open_dialog(window) is None)
    window.backup_action.trigger()
    dialog = open_dialog(window)
    assert dialog is not None and asked == []
    sign_in(qtbot, dialog)
    qtbot.waitUntil(lambda: asked == [True])  # signed in: now it asks where to


def test_a_restore_is_audited_as_the_organiser_who_did_it(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = open_window(qtbot, context)
    backup = tmp_path / "kopie.sqlite"
    monkeypatch.setattr(
        MainWindow,
        "ask_backup_path",
        classmethod(lambda _c, _p, *, saving: backup),  # noqa: ARG005
    )
    monkeypatch.setattr(MainWindow, "confirm_restore", classmethod(lambda _c, _p, _path: True))
    window.backup_action.trigger()
    qtbot.waitUntil(backup.exists)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Teruggezet"))
    with context.database.reading() as session:
        actors = list(
            session.scalars(select(AuditEntry.actor).where(AuditEntry.action.like("%restore%")))
        )
    assert actors and set(actors) == {DEMO_ORGANISER}


def test_a_named_export_asks_for_an_organiser_an_anonymous_one_does_not(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    context.organiser.sign_out()
    page = ReportsPage(context)
    qtbot.addWidget(page)
    page.show()
    asked: list[str] = []
    monkeypatch.setattr(
        page,
        "ask_target",
        lambda name, _filter: asked.append(name),
    )
    page.anonymous.setChecked(True)
    page.make_export()
    assert len(asked) == 1 and open_dialog(page) is None
    page.anonymous.setChecked(False)
    page.make_export()
    dialog = open_dialog(page)
    assert dialog is not None and len(asked) == 1
    assert dialog.ui.intro.text().startswith("Een export met namen is voor een organisator")
    sign_in(qtbot, dialog)
    qtbot.waitUntil(lambda: len(asked) == 2)


def test_the_database_part_of_settings_is_the_organisers(
    qtbot: QtBot,
    app_controller: AppController,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context.organiser.sign_out()
    seen: list[SettingsDialog] = []

    def shown(dialog: SettingsDialog) -> int:
        seen.append(dialog)
        return 0  # left open for the test; Cancel later

    monkeypatch.setattr(SettingsDialog, "exec", shown)
    app_controller.open_settings()
    dialog = seen[0]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.database_locked
    assert not dialog.use_server.isEnabled() and not dialog.file_fields.isEnabled()
    assert not dialog.test_button.isEnabled()
    assert dialog.language.isEnabled() and dialog.desk_name.isEnabled()
    in_front(qtbot, dialog)
    # Alt+O: "Aanmelden als &organisator…"
    press(qtbot, dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: open_dialog(dialog) is not None)  # a mnemonic clicks shortly after
    sign_in_dialog = open_dialog(dialog)
    assert sign_in_dialog is not None
    sign_in(qtbot, sign_in_dialog)
    qtbot.waitUntil(lambda: not dialog.database_locked)
    assert dialog.use_server.isEnabled() and dialog.file_fields.isEnabled()
    assert not dialog.ui.database_lock.isVisible()


def test_the_table_sign_in_waits_after_five_wrong_pins(qtbot: QtBot, context: AppContext) -> None:
    window = open_window(qtbot, context)
    window.workspaces.setCurrentWidget(window.tables)
    page = window.tables.table_desk.sign_in_page
    number = int(page.table.currentData())
    for _try in range(5):
        qtbot.keyClicks(page.pin, "999999")
        qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert page.problem.text() == (
        f"Die pincode is niet die van tafel {number}: wacht 30 seconden voor de volgende poging."
    )
    page.pin.clear()
    qtbot.keyClicks(page.pin, demo_pin(1, number))
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)  # the right PIN, during the wait
    assert page.problem.text().startswith(f"Te veel foute pincodes na elkaar aan tafel {number}")
    assert window.tables.table_desk.session is None
    with context.database.reading() as session:
        wrong = list(
            session.scalars(
                select(AuditEntry.details).where(AuditEntry.action == "table.pin_wrong")
            )
        )
    assert [json.loads(d)["wrong_in_a_row"] for d in wrong] == [1, 2, 3, 4, 5]


def test_a_new_pin_from_organisation_has_six_digits(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from degenks_desktop.ui.tables.overview import TablesOverview  # noqa: PLC0415

    window = open_window(qtbot, context)
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.tables_overview)
    overview = window.organiser.tables_overview
    qtbot.waitUntil(lambda: overview.model.rowCount() > 0)
    overview.view.selectRow(0)
    monkeypatch.setattr(TablesOverview, "ask_pin", classmethod(lambda _c, _p, _n: "4321"))
    overview.pin_button.click()
    assert (
        overview.outcome.text() == "Een nieuwe pincode heeft 6 tot 8 cijfers: typ alleen cijfers."
    )
    monkeypatch.setattr(TablesOverview, "ask_pin", classmethod(lambda _c, _p, _n: "432109"))
    overview.pin_button.click()
    assert overview.outcome.text() == "De nieuwe pincode is ingesteld; de oude werkt niet meer."
    with context.database.reading() as session:
        actors = list(
            session.scalars(
                select(AuditEntry.actor).where(AuditEntry.action == "facilitator.pin_set")
            )
        )
    assert actors == [DEMO_ORGANISER]


def test_the_sign_in_switches_language_in_place_keeping_the_name(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    context.organiser.sign_out()
    window = app_controller.window
    window.show()
    window.workspaces.setCurrentWidget(window.organiser)
    dialog = open_dialog(window)
    assert dialog is not None
    qtbot.keyClicks(dialog.name, "Lies")
    assert dialog.ui.nameLabel.text() == "&Naam"
    app_controller.apply_language("en")
    qtbot.waitUntil(lambda: dialog.ui.nameLabel.text() == "&Name")
    assert dialog.ui.intro.text() == (
        "Organisation is for organisers: sign in with your name and password."
    )
    assert dialog.windowTitle() == "Organiser"
    assert dialog.name.text() == "Lies"
    assert open_dialog(window) is dialog  # the same dialog, not a new one
    file_menu = window.file_menu
    assert isinstance(file_menu, QMenu)
    assert window.role_action.text() == "This &laptop's role…"


def test_a_database_without_organisers_makes_the_first_at_organisation(
    qtbot: QtBot, sqlite_database_url: str, settings: QSettings
) -> None:
    from degenks_desktop.storage.database import open_database  # noqa: PLC0415
    from tests.helpers.events import add_small_event  # noqa: PLC0415
    from tests.helpers.pools import ImmediatePool  # noqa: PLC0415

    database = open_database(sqlite_database_url)  # an event from before organiser accounts
    add_small_event(database)
    try:
        context = AppContext(
            database=database, settings=settings, pool=ImmediatePool(), desk_pool=ImmediatePool()
        )
        context.reload_event()
        window = open_window(qtbot, context)
        window.workspaces.setCurrentWidget(window.organiser)
        dialog = open_dialog(window)
        assert dialog is not None
        assert dialog.ui.intro.text().startswith("Deze databank heeft nog geen organisatoraccount")
        assert dialog.password_again.isVisibleTo(dialog)
        qtbot.keyClicks(dialog.name, "Lies")
        qtbot.keyClicks(dialog.password, "tien tekens of meer")
        qtbot.keyClicks(dialog.password_again, "tien tekens of meer")
        qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.workspaces.currentWidget() is window.organiser)
        assert context.actor() == "Lies"
        window.close()
    finally:
        database.close()


def test_another_database_signs_the_organiser_out_and_closes_organisation(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    from degenks_desktop.config import sqlite_url  # noqa: PLC0415
    from degenks_desktop.storage.database import open_database  # noqa: PLC0415

    window = open_window(qtbot, context)
    window.workspaces.setCurrentWidget(window.organiser)
    assert window.organiser.isVisible()
    # Its accounts are not the old database's: nobody is signed in on the new one.
    context.switch_database(open_database(sqlite_url(tmp_path / "andere.sqlite"), create=True))
    assert not context.organiser.signed_in
    assert window.workspaces.currentWidget() is not window.organiser
    assert open_dialog(window) is None  # not a time-out: nothing asks by itself
