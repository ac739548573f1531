"""Starting the desktop app: Qt, language, database, and the main window.

`AppController` owns the window and reacts to settings: a new language is sent to every
open window as Qt's LanguageChange, and each widget puts its own text in the new
language in place (the day, a signed-in table and the desk's state stay); a new database
is opened and shown.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from sqlalchemy import make_url

from degenks_desktop import __version__, i18n
from degenks_desktop.config import LANGUAGE_ENV, resolve_database_url
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.house.organisers import organisers_exist
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.ui.shell.background import HeldPool, global_pool
from degenks_desktop.ui.shell.context import (
    SETTING_DATABASE_URL,
    SETTING_LANGUAGE,
    AppContext,
    desk_thread,
)
from degenks_desktop.ui.shell.crash_dialog import install_crash_handler
from degenks_desktop.ui.shell.look import apply_look
from degenks_desktop.ui.shell.main_window import MainWindow
from degenks_desktop.ui.shell.organiser_dialog import with_organiser
from degenks_desktop.ui.shell.settings_dialog import SettingsDialog

ORGANISATION = "Stad Genk"
APPLICATION = "De Genks Desktop"
# Should the first paint not come (a window that opens minimised), the held work starts
# after this all the same.
HOLD_AT_MOST_MS = 2000
DATABASE_SIGN_IN = N_(
    "Only an organiser changes the database this laptop works on: sign in with your name "
    "and password."
)


def app_settings() -> QSettings:
    """The user's preferences (QSettings, per user, per app)."""
    return QSettings(ORGANISATION, APPLICATION)


def saved_language(settings: QSettings) -> str:
    """The interface language: the saved setting, else DEGENKS_LANG, else Dutch."""
    return str(
        settings.value(SETTING_LANGUAGE, os.environ.get(LANGUAGE_ENV, i18n.DEFAULT_LANGUAGE))
    )


class AppController(QObject):
    """Keeps one main window on the context, and applies what Settings changes."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._qt_translator = QTranslator()
        self.settings_dialog: SettingsDialog | None = None  # the one open, for tests
        self.first_paint: FirstPaint | None = None  # what waits for the window on screen
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.context)
        window.settings_requested.connect(self.open_settings)
        return window

    def apply_language(self, language: str) -> None:
        """Translate the app's own text and Qt's standard dialogs into `language`, in
        every open window: each widget answers Qt's LanguageChange in its `changeEvent`."""
        i18n.set_language(language)
        application = QApplication.instance()
        if application is None:
            return
        application.removeTranslator(self._qt_translator)
        if language != "en":
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if self._qt_translator.load(QLocale(language), "qtbase", "_", folder):
                application.installTranslator(self._qt_translator)
        # Our own text is gettext's, not a QTranslator's: say so even when Qt's catalogue
        # did not change (Qt folds repeated LanguageChange events into one).
        QCoreApplication.postEvent(application, QEvent(QEvent.Type.LanguageChange))

    def open_settings(self) -> None:
        """Show Settings; apply a new language or database when the user confirms. The
        database part is locked unless an organiser is signed in (or the database has no
        organiser account yet, as on the first run)."""
        try:
            locked = not self.context.organiser.signed_in and organisers_exist(
                self.context.database
            )
        except KnownError:
            locked = False  # a database that does not answer: let the laptop choose another
        dialog = SettingsDialog(
            settings=self.context.settings,
            current_url=self.context.database.url,
            pool=self.context.pool,
            parent=self.window,
            database_locked=locked,
        )
        self.settings_dialog = dialog
        dialog.organiser_wanted.connect(
            lambda: with_organiser(
                self.context,
                dialog,
                lambda _access: dialog.unlock_database(),
                intro=DATABASE_SIGN_IN,
            )
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dialog.chosen_url)

    def apply_settings(self, chosen_url: str | None) -> None:
        """Open the newly chosen database, if any, and show the saved language."""
        if chosen_url is not None:
            try:
                database = open_database(chosen_url)
            except KnownError as error:
                QMessageBox.warning(self.window, _("Database"), error.message)
                return
            self.context.switch_database(database)
        language = saved_language(self.context.settings)
        if language != i18n.current_language():
            self.apply_language(language)  # the same window, its text retranslated
        if chosen_url is not None:
            self.window.show_event()


class FirstPaint(QObject):
    """Runs `then` once `window` has painted itself for the first time (or after
    `HOLD_AT_MOST_MS`), on the event loop's next turn."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(HOLD_AT_MOST_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """After the window's first paint, `then` on the next turn of the loop."""
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def open_or_ask(url: str, settings: QSettings) -> Database | None:
    """Open `url`; when that fails, say why and offer Settings until it works or the user quits."""
    while True:
        try:
            return open_database(url)
        except KnownError as error:
            box = QMessageBox(QMessageBox.Icon.Critical, APPLICATION, error.message)
            settings_button = box.addButton(_("Settings…"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not settings_button:
                return None
        dialog = SettingsDialog(settings=settings, current_url=make_url(url))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        url = dialog.chosen_url or url


def start_app(*, database_url: str | None, create_demo: bool) -> AppController | None:
    """Set Qt up, open the chosen database and show the main window; None if the user quits.

    With `create_demo`, an empty database gets the demo event, made in the background.
    """
    application = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(application, QApplication)
    application.setOrganizationName(ORGANISATION)
    application.setApplicationName(APPLICATION)
    application.setApplicationVersion(__version__)
    apply_look(application)
    settings = app_settings()
    language = saved_language(settings)
    i18n.set_language(language)

    saved_url = settings.value(SETTING_DATABASE_URL)
    url = resolve_database_url(database_url, str(saved_url) if saved_url else None)
    database = open_or_ask(url, settings)
    if database is None:
        return None
    # The counts' refresh and the desk's first copy of the day's list wait until the
    # window has painted itself: at 10,000 people the copy alone is half a second of
    # Python, which would otherwise hold up the first paint.
    pool, desk_pool = HeldPool(global_pool()), HeldPool(desk_thread())
    context = AppContext(database=database, settings=settings, pool=pool, desk_pool=desk_pool)
    context.reload_event()
    controller = AppController(context)
    controller.apply_language(language)
    controller.window.show_on_screen()

    def on_screen() -> None:
        pool.release()
        desk_pool.release()

    controller.first_paint = FirstPaint(controller.window, on_screen)
    if create_demo and context.event is None:
        controller.window.create_demo()
    return controller


def run_app(*, database_url: str | None, create_demo: bool) -> int:
    """Run the desktop app until its window closes; return the exit code."""
    controller = start_app(database_url=database_url, create_demo=create_demo)
    if controller is None:
        return 4
    application = QApplication.instance()
    assert application is not None
    # What start-up made (Qt wrappers, SQLAlchemy's compiled statements) lives as long as the
    # app: out of the collector's sight, full collections stop pausing the desk's scans.
    gc.freeze()
    install_crash_handler()
    exit_code = application.exec()
    controller.context.database.close()
    return int(exit_code)
