"""Every screen speaks Dutch: no English text left on any page or dialog of the Dutch app.

The test walks the main window's workspaces and pages and the dialogs, collects every
text a user can see (labels, buttons, tabs, group titles, list and table headers, combo
items, placeholders, tooltips, window titles) and fails on any text that is still the
English source of a translated message, or that reads as English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from babel.messages.pofile import read_po
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from degenks_desktop.i18n import TRANSLATIONS_DIR
from degenks_desktop.services.tables.access import demo_pin, sign_in, tables_to_sign_in
from degenks_desktop.ui.front_desk.walk_in_dialog import WalkInDialog
from degenks_desktop.ui.printing.badge_printing import PrintBadgeDialog
from degenks_desktop.ui.registrations.import_wizard import ImportWizard
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.first_run import NewEventWizard
from degenks_desktop.ui.shell.organiser_dialog import OrganiserDialog
from degenks_desktop.ui.shell.settings_dialog import SettingsDialog

# Words that never occur in Dutch text (names, ideas and themes are Dutch in the demo).
ENGLISH = re.compile(r"\b(the|and|with|your|this|from|which|there|cancel|save|print)\b", re.I)


def english_sources() -> set[str]:
    """Messages whose Dutch differs from the English: seeing these means untranslated."""
    with (TRANSLATIONS_DIR / "nl" / "LC_MESSAGES" / "degenks.po").open("rb") as handle:
        catalogue = read_po(handle, locale="nl")
    sources = set()
    for message in catalogue:
        if not message.id or isinstance(message.id, tuple):
            continue
        assert isinstance(message.id, str)  # read_po gives a str, or a tuple for plurals
        if not isinstance(message.string, str) or not message.string:
            continue
        # Only moving the mnemonic ("&Badge…", "B&adge…") keeps the same words.
        same_words = message.string.replace("&", "") == message.id.replace("&", "")
        if not same_words and "{" not in message.id:
            sources.add(message.id.replace("&", ""))
    return sources


def shown_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything the user can read in `widget` and its children."""
    for child in [widget, *widget.findChildren(QWidget)]:
        where = f"{type(child).__name__} {child.objectName()}".strip()
        texts: list[str] = [child.toolTip(), child.windowTitle() if child.isWindow() else ""]
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        if isinstance(child, QGroupBox):
            texts.append(child.title())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QPlainTextEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
        if isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        if isinstance(child, QWizard):
            texts += [child.page(i).title() for i in child.pageIds()]
            texts += [child.page(i).subTitle() for i in child.pageIds()]
        if isinstance(child, QTableView) and child.model() is not None:
            model = child.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount(QModelIndex()))
            ]
        for text in texts:
            plain = re.sub(r"<[^>]+>", "", text or "").replace("&", "").strip()
            if plain:
                yield where, plain


def untranslated(widget: QWidget, sources: set[str]) -> list[tuple[str, str]]:
    return [
        (where, text)
        for where, text in shown_texts(widget)
        if text in sources or ENGLISH.search(text)
    ]


def test_every_page_of_the_window_is_dutch(qtbot: QtBot, app_controller: AppController) -> None:
    window = app_controller.window
    qtbot.addWidget(window)
    window.show()
    sources = english_sources()
    found: list[tuple[str, str]] = []
    for workspace in range(window.workspaces.count()):
        window.workspaces.setCurrentIndex(workspace)
        QApplication.processEvents()
        found += untranslated(window, sources)
    pages = window.organiser.pages
    for page in range(pages.count()):
        window.workspaces.setCurrentWidget(window.organiser)
        pages.setCurrentIndex(page)
        QApplication.processEvents()
        found += untranslated(window, sources)
    # A facilitator's table, each of its three tabs.
    first_table = tables_to_sign_in(window.context.database, 1)[0].number
    window.tables.table_desk.open_table(
        sign_in(
            window.context.database,
            day_number=1,
            table_number=first_table,
            pin=demo_pin(1, first_table),
        )
    )
    window.workspaces.setCurrentWidget(window.tables)
    session = window.tables.table_desk.session
    assert session is not None
    for tab in range(session.tabs.count()):
        session.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        found += untranslated(window, sources)
    assert len(list(shown_texts(window))) > 100  # the walk really reads the screens
    # …and would notice an English text: one left behind on purpose is found.
    stray = QLabel("Something went wrong", window.organiser)
    assert untranslated(window, sources) == [("QLabel", "Something went wrong")]
    stray.deleteLater()
    for menu in window.menuBar().actions():
        submenu = menu.menu()  # the stubs say QObject; the menu bar's actions hold QMenus
        assert isinstance(submenu, QMenu)
        found += [
            ("menu", a.text()) for a in submenu.actions() if a.text().replace("&", "") in sources
        ]
    assert sorted(set(found)) == []


def test_every_dialog_is_dutch(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    assert context.event is not None
    dialogs: list[QWidget] = [
        SettingsDialog(settings=context.settings, current_url=context.database.url),
        WalkInDialog(
            context,
            event=context.event,
            day_id=context.event.days[0].id,
        ),
        ImportWizard(context),
        PrintBadgeDialog(context),
        NewEventWizard(context),
        OrganiserDialog(context),
        OrganiserDialog(context, choose_role=True),
        SettingsDialog(
            settings=context.settings, current_url=context.database.url, database_locked=True
        ),
    ]
    sources = english_sources()
    found: list[tuple[str, str]] = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        found += untranslated(dialog, sources)
    assert sorted(set(found)) == []


def test_qts_own_buttons_and_dialogs_speak_dutch(
    qtbot: QtBot, app_controller: AppController
) -> None:
    question = QMessageBox(
        QMessageBox.Icon.Question,
        "Vraag",
        "Doorgaan?",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(question)
    assert sorted(button.text().replace("&", "") for button in question.buttons()) == [
        "Annuleren",
        "Ja",
        "Nee",
    ]
    dialog = QFileDialog(app_controller.window)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "Bestands&naam:" in labels
