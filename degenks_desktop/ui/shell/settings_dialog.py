"""Settings: the interface language and which database this laptop works on.

The form is Qt Designer's (forms/settings_dialog.ui); this module fills it from the saved
settings, checks it and saves it. A shared PostgreSQL server is tested before the app
switches to it, so that a typo in a host name never leaves the front desk without its data.
The database part is an organiser's: locked until one signs in (`organiser_wanted`, which
the app answers with its sign-in and `unlock_database`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from sqlalchemy import URL, make_url

from degenks_desktop import i18n
from degenks_desktop.config import (
    DEFAULT_DESK_NAME,
    default_database_url,
    normalise_database_url,
    sqlite_url,
)
from degenks_desktop.i18n import _
from degenks_desktop.services.house.connection import ConnectionCheck, check_connection
from degenks_desktop.ui.forms_generated.settings_dialog_ui import Ui_SettingsDialog
from degenks_desktop.ui.shell.background import (
    BackgroundTask,
    Report,
    TaskPool,
    global_pool,
    run_in_background,
)
from degenks_desktop.ui.shell.context import (
    SETTING_DATABASE_URL,
    SETTING_DESK_NAME,
    SETTING_LANGUAGE,
)
from degenks_desktop.ui.shell.widgets import restyle

POSTGRES_DEFAULT_PORT = 5432


class SettingsDialog(QDialog):
    """Language and database; OK saves, and a changed database is tested first.

    The one dialog without the app's context: it is how a database is chosen when none
    opens at start-up, before there is a context to give it (and then nobody signs in:
    with no database open there is no organiser to ask, so the database part is open).
    """

    organiser_wanted = Signal()  # "Sign in as organiser…": the app asks, then unlocks

    def __init__(
        self,
        *,
        settings: QSettings,
        current_url: URL,
        pool: TaskPool | None = None,
        parent: QWidget | None = None,
        database_locked: bool = False,
    ) -> None:
        super().__init__(parent)
        self.database_locked = database_locked
        self.settings = settings
        self.current_url = current_url
        self.pool: TaskPool = pool if pool is not None else global_pool()
        self.chosen_url: str | None = None
        self._task: BackgroundTask | None = None

        # The form is Designer's (forms/settings_dialog.ui), held as `self.ui` (Picard's
        # way) and laid on the dialog itself; what depends on the settings is filled here.
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.language = self.ui.language
        self.desk_name = self.ui.desk_name
        self.desk_problem = self.ui.desk_problem
        self.use_file = self.ui.use_file
        self.use_server = self.ui.use_server
        self.file_path = self.ui.file_path
        self.file_fields = self.ui.file_fields
        self.host = self.ui.host
        self.port = self.ui.port
        self.database_name = self.ui.database_name
        self.user = self.ui.user
        self.password = self.ui.password
        self.remember_password = self.ui.remember_password
        self.server_fields = self.ui.server_fields
        self.test_button = self.ui.test_button
        self.connection_result = self.ui.connection_result
        self.buttons = self.ui.buttons

        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        saved_language = str(self.settings.value(SETTING_LANGUAGE, i18n.current_language()))
        self.language.setCurrentIndex(max(0, self.language.findData(saved_language)))
        self.desk_name.setText(str(self.settings.value(SETTING_DESK_NAME, DEFAULT_DESK_NAME)))

        self.ui.organiser_button.clicked.connect(self.organiser_wanted.emit)
        self.ui.browse_button.clicked.connect(self._browse)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.use_file.toggled.connect(self._show_kind)
        self._load_current(current_url)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the form's texts again, in place, keeping what was typed."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)

    def _load_current(self, url: URL) -> None:
        if url.get_backend_name() == "sqlite":
            self.use_file.setChecked(True)
            self.file_path.setText(url.database or "")
        else:
            self.use_server.setChecked(True)
            self.host.setText(url.host or "")
            self.port.setValue(url.port or POSTGRES_DEFAULT_PORT)
            self.database_name.setText(url.database or "")
            self.user.setText(url.username or "")
            self.password.setText(url.password or "")
        self._show_kind()

    def _show_kind(self) -> None:
        open_to_change = not self.database_locked
        self.ui.database_lock.setVisible(self.database_locked)
        for choice in (self.use_file, self.use_server, self.test_button):
            choice.setEnabled(open_to_change)
        self.file_fields.setEnabled(open_to_change and self.use_file.isChecked())
        self.server_fields.setEnabled(open_to_change and self.use_server.isChecked())
        self.connection_result.clear()

    def unlock_database(self) -> None:
        """An organiser signed in: the database part may be changed now."""
        self.database_locked = False
        self._show_kind()
        (self.use_file if self.use_file.isChecked() else self.use_server).setFocus()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Database file"),
            self.file_path.text(),
            _("SQLite database (*.sqlite *.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.file_path.setText(path)

    def entered_url(self) -> str | None:
        """The database URL the form describes, or None (with a sentence shown) if incomplete."""
        if self.use_file.isChecked():
            text = self.file_path.text().strip()
            if not text:
                self._show_result(_("Choose a file for the database."), ok=False)
                return None
            return sqlite_url(Path(text).expanduser())
        if not self.host.text().strip() or not self.database_name.text().strip():
            self._show_result(_("Fill in the server and the database name."), ok=False)
            return None
        return URL.create(
            "postgresql+psycopg",
            username=self.user.text().strip() or None,
            password=self.password.text() or None,
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database_name.text().strip(),
        ).render_as_string(hide_password=False)

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.connection_result.setText(text)
        restyle(self.connection_result, tone="ok" if ok else "problem")

    def _database_changed(self, url: str) -> bool:
        current = self.current_url.render_as_string(hide_password=False)
        return normalise_database_url(url) != current

    def test_connection(self, *, then_accept: bool = False) -> None:
        """Try the entered database in the background; show what it holds or what is wrong."""
        url = self.entered_url()
        if url is None:
            return
        self._show_result(_("Connecting…"), ok=True)
        self.test_button.setEnabled(False)
        self.buttons.setEnabled(False)

        def work(_report: Report) -> ConnectionCheck:
            return check_connection(url)

        def finished() -> None:
            self._task = None
            self.test_button.setEnabled(True)
            self.buttons.setEnabled(True)

        def succeeded(check: ConnectionCheck) -> None:
            if check.event_name:
                text = _("Connected to {where}: event “{name}”.").format(
                    where=check.where, name=check.event_name
                )
            else:
                text = _("Connected to {where}: no event yet.").format(where=check.where)
            self._show_result(text, ok=True)
            if then_accept:
                self.chosen_url = url
                self._save()
                super(SettingsDialog, self).accept()

        self._task = run_in_background(
            work,
            pool=self.pool,
            on_success=succeeded,
            on_known_error=lambda error: self._show_result(error.message, ok=False),
            on_finished=finished,
        )

    def accept(self) -> None:
        """Save; a changed database is tested first and only saved when it works."""
        if not self.desk_name.text().strip():
            self.desk_problem.setText(
                _("Fill in a name for this desk, such as Onthaal 1: the other desks show it.")
            )
            self.desk_name.setFocus()
            return
        self.desk_problem.clear()
        if self.database_locked:  # the database stays: only an organiser changes it
            self._save()
            super().accept()
            return
        url = self.entered_url()
        if url is None:
            return
        if self._database_changed(url):
            self.test_connection(then_accept=True)
            return
        self._save()
        super().accept()

    def _save(self) -> None:
        self.settings.setValue(SETTING_LANGUAGE, self.language.currentData())
        self.settings.setValue(SETTING_DESK_NAME, self.desk_name.text().strip())
        if self.chosen_url is not None:
            saved = make_url(self.chosen_url)
            if not self.remember_password.isChecked():
                saved = saved.set(password=None)
            if self.chosen_url == default_database_url():
                self.settings.remove(SETTING_DATABASE_URL)
            else:
                self.settings.setValue(
                    SETTING_DATABASE_URL, saved.render_as_string(hide_password=False)
                )
        self.settings.sync()
