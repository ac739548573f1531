"""The main window, the app's shell: the event and its live counts on top, one workspace
per role below, the menus, backups, and one refresh timer for the workspace on screen.

Each workspace runs its own jobs; the window tells them which day it is and when to
read again, and shows the counts every role shares. The laptop's role decides which
workspaces are there at all (a desk laptop has only Onthaal, a table laptop only Tafels:
the others are not in the tabs, so neither a key nor a menu reaches them); on an
organiser laptop Organisatie opens only for a signed-in organiser and asks again after
the time-out (`ui.shell.roles`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QLockFile, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop import __version__
from degenks_desktop.date_style import clock
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.house.backups import restore_backup, take_backup
from degenks_desktop.services.house.events import DayInfo
from degenks_desktop.services.house.organisers import DEMO_ORGANISER_PASSWORD, OrganiserAccess
from degenks_desktop.services.organising.stats import EventStats, event_stats
from degenks_desktop.services.tables.access import describe_demo_pins
from degenks_desktop.ui.front_desk.workspace import FrontDeskWorkspace
from degenks_desktop.ui.organising.workspace import OrganiserWorkspace
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.backup_keeper import BackupKeeper
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.first_run import NewEventWizard, WelcomePage
from degenks_desktop.ui.shell.labels import day_label
from degenks_desktop.ui.shell.look import icon
from degenks_desktop.ui.shell.organiser_dialog import (
    OrganiserDialog,
    change_role,
    still_asking,
    with_organiser,
)
from degenks_desktop.ui.shell.roles import (
    ROLE_DESK,
    ROLE_ORGANISER,
    ROLE_TABLE,
    IdleSignOut,
)
from degenks_desktop.ui.tables.workspace import TablesWorkspace

if TYPE_CHECKING:
    # The demo seats its event (networkx): imported when one is made, not at start.
    from degenks_desktop.demo.event import DemoSummary

REFRESH_INTERVAL_MS = 3000
SETTING_GEOMETRY = "window/geometry"
SETTING_WORKSPACE = "window/workspace"
# Below this the window opens maximised: a city laptop's 1366×768 or 1280×720 has no room
# to spare for a window frame.
ROOMY_SCREEN = QSize(1600, 900)
COMFORTABLE_SIZE = QSize(1366, 768)
SHARED_DATABASE = N_("This database is also open in another window: both work on the same data.")
# The workspaces in tab order: their icons and titles (marked here, translated when shown).
WORKSPACE_TABS = (
    ("front-desk", N_("Front desk")),
    ("tables", N_("Tables")),
    ("organisation", N_("Organisation")),
)
ORGANISATION_SIGN_IN = N_("Organisation is for organisers: sign in with your name and password.")
SIGNED_OUT_IDLE = N_(
    "You were signed out after a while without activity: sign in again to go on in Organisation."
)
BACKUP_SIGN_IN = N_(
    "A backup holds everyone's data: only an organiser makes one by hand. Sign in with "
    "your name and password."
)
RESTORE_SIGN_IN = N_(
    "A restore replaces everything on every laptop: only an organiser restores. Sign in "
    "with your name and password."
)


class CountTile(QFrame):
    """A large figure with a caption under it, readable across the room."""

    def __init__(self, caption: str, object_name: str) -> None:
        """`caption` is marked with `N_` and translated when shown, in each language."""
        super().__init__()
        self.caption = caption
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.figure = QLabel("–")
        self.figure.setObjectName("figure")
        self.figure.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.figure.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.figure.setFont(font)
        self.caption_label = QLabel(_(caption))
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.figure)
        layout.addWidget(self.caption_label)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the caption in it."""
        if event.type() == QEvent.Type.LanguageChange:
            self.caption_label.setText(_(self.caption))
        super().changeEvent(event)

    def show_figure(self, text: str) -> None:
        """Show `text` as the figure."""
        self.figure.setText(text)


class MainWindow(QMainWindow):
    """The app's window for the event in the context's database."""

    settings_requested = Signal()
    counts_refreshed = Signal(object)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._demo_task: BackgroundTask | None = None
        self._refresh_task: BackgroundTask | None = None
        self._refresh_again = False
        self.setWindowTitle("De Genks Desktop")
        self._restore_geometry()

        self.event_name = QLabel()
        self.event_name.setObjectName("eventName")
        font = self.event_name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.event_name.setFont(font)
        self.venue = QLabel()
        self.day_picker = QComboBox()
        self.day_picker.setObjectName("dayPicker")
        self.day_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Never in the tab chain and never the keyboard's: a scanned code starting with "D"
        # would switch the day. The mouse, or Ctrl+D (the View menu), opens it.
        self.day_picker.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.day_picker.currentIndexChanged.connect(self._day_changed)

        self.checked_in_tile = CountTile(N_("checked in / expected"), "checkedInTile")
        self.participants_tile = CountTile(N_("registered"), "participantsTile")
        self.tables_tile = CountTile(N_("tables this day"), "tablesTile")
        self.ideas_tile = CountTile(N_("ideas"), "ideasTile")

        header = QWidget()
        header_layout = QHBoxLayout(header)
        titles = QVBoxLayout()
        titles.addWidget(self.event_name)
        titles.addWidget(self.venue)
        titles.addWidget(self.day_picker, alignment=Qt.AlignmentFlag.AlignLeft)
        header_layout.addLayout(titles, stretch=1)
        for tile in (
            self.checked_in_tile,
            self.participants_tile,
            self.tables_tile,
            self.ideas_tile,
        ):
            header_layout.addWidget(tile)

        self.workspaces = QTabWidget()
        self.workspaces.setObjectName("workspaces")
        self.front_desk = FrontDeskWorkspace(context)
        self.tables = TablesWorkspace(context)
        self.organiser = OrganiserWorkspace(context)
        for workspace in (self.front_desk, self.tables, self.organiser):
            workspace.refresh_wanted.connect(self.refresh_counts)
        for workspace in (self.front_desk, self.organiser):
            workspace.problem.connect(self.statusBar().showMessage)
        self.front_desk.station.connection_changed.connect(self._connection_changed)
        # The workspace shown before Organisatie: where a refused sign-in or the
        # time-out goes back to.
        self._outside_organisation: QWidget = self.front_desk
        self.organiser_dialog: OrganiserDialog | None = None
        self.demo_note: QMessageBox | None = None
        self._demo_summary: DemoSummary | None = None  # what the note says, for a new language
        self._show_role_tabs()
        self._restore_workspace()
        # A lambda, which the connection holds (a bound method it would not): a shown
        # window stays alive as long as its tabs, even when no Python name holds it.
        self.workspaces.currentChanged.connect(lambda i: self._workspace_chosen(i))  # noqa: PLW0108
        self.idle_sign_out = IdleSignOut(context.organiser, self)
        self._left_organisation = False  # Organisatie closed at the last sign-out
        context.organiser.signals.changed.connect(self._organiser_changed)
        context.organiser.signals.timed_out.connect(self._organiser_timed_out)
        context.signals.database_switched.connect(self._database_switched)

        event_page = QWidget()
        event_layout = QVBoxLayout(event_page)
        event_layout.addWidget(header)
        event_layout.addWidget(self.workspaces, stretch=1)

        self.empty_page = self._build_empty_page()
        self.pages = QStackedWidget()
        self.pages.addWidget(event_page)
        self.pages.addWidget(self.empty_page)
        self.setCentralWidget(self.pages)

        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.database_label)
        self._build_menus()

        self.backups = BackupKeeper(context)
        self.backups.backed_up.connect(self._backed_up)
        self.backups.failed.connect(self.statusBar().showMessage)
        self._database_lock: QLockFile | None = None
        self.shared_label = QLabel()
        self.shared_label.setObjectName("sharedDatabase")
        self.statusBar().addWidget(self.shared_label)

        self._shown_event_id: int | None = None
        self._closed = False
        self.retranslate()

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_INTERVAL_MS)
        self.refresh_timer.timeout.connect(self.refresh_counts)
        self.show_event()
        self.refresh_timer.start()

    def _build_empty_page(self) -> QWidget:
        """The welcome of a database without an event: demo, new event, shared database."""
        self.welcome = WelcomePage()
        self.welcome.demo_requested.connect(self.create_demo)
        self.welcome.new_event_requested.connect(self.new_event)
        self.welcome.shared_database_requested.connect(self.settings_requested.emit)
        self.create_demo_button = self.welcome.demo_button
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addStretch()
        layout.addWidget(self.welcome, stretch=2)
        layout.addStretch()
        return page

    def new_event(self) -> None:
        """The new-event wizard; the event opens when it is made."""
        wizard = NewEventWizard(self.context, self)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return
        self.context.reload_event()
        self.show_event()

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.settings_action = QAction(icon("settings"), "", self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.settings_requested.emit)
        self.file_menu.addAction(self.settings_action)
        self.role_action = QAction(icon("sign-in"), "", self)
        self.role_action.triggered.connect(self.choose_role)
        self.file_menu.addAction(self.role_action)
        self.file_menu.addSeparator()
        self.backup_action = QAction(icon("backup"), "", self)
        self.backup_action.triggered.connect(self.make_backup)
        self.file_menu.addAction(self.backup_action)
        self.restore_action = QAction(icon("restore"), "", self)
        self.restore_action.triggered.connect(self.restore_from_backup)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(icon("quit"), "", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.view_menu = self.menuBar().addMenu("")
        self.choose_day_action = QAction(self)
        self.choose_day_action.setShortcut(QKeySequence("Ctrl+D"))
        self.choose_day_action.triggered.connect(self.day_picker.showPopup)
        self.view_menu.addAction(self.choose_day_action)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(icon("help"), "", self)
        self.about_action.triggered.connect(self._show_about)
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        """Every fixed text of the window in the current language (menus, tabs, the
        header); what the workspaces show they put in it themselves."""
        self.file_menu.setTitle(_("&File"))
        self.settings_action.setText(_("&Settings…"))
        self.role_action.setText(_("This &laptop's role…"))
        self.backup_action.setText(_("Make a &backup…"))
        self.restore_action.setText(_("&Restore a backup…"))
        self.quit_action.setText(_("&Quit"))
        self.view_menu.setTitle(_("&View"))
        self.choose_day_action.setText(_("Choose the &day…"))
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About De Genks Desktop"))
        self.day_picker.setAccessibleName(_("Day"))
        self.day_picker.setToolTip(_("Choose the day (Ctrl+D)"))
        for workspace, (_icon, title) in zip(self._workspace_list(), WORKSPACE_TABS, strict=True):
            index = self.workspaces.indexOf(workspace)
            if index >= 0:  # a desk or table laptop has not every workspace
                self.workspaces.setTabText(index, _(title))
        self.database_label.setText(
            _("Database: {where}").format(where=self.context.database.describe())
        )
        event = self.context.event
        if event is not None:
            for index, day in enumerate(event.days):
                if index < self.day_picker.count():
                    self.day_picker.setItemText(index, day_label(day))
        if self.shared_label.text():  # said again in the new language; the lock stays as is
            self.shared_label.setText(_(SHARED_DATABASE))
        if self.demo_note is not None and self._demo_summary is not None:
            self.demo_note.setWindowTitle(_("Demo event"))
            self.demo_note.setText(self._demo_credentials(self._demo_summary))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the window's own text in it, in place (the workspaces and
        their pages get the same event and do theirs)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.isVisible():
                self.refresh_counts()
        super().changeEvent(event)

    # --- backups and the database file ------------------------------------------------------

    def _backed_up(self, path: str) -> None:
        self.statusBar().showMessage(
            _("Backup made at {time}: {path}").format(time=clock(dt.datetime.now()), path=path),
            10_000,
        )

    def _claim_database(self) -> None:
        """Notice a second window or laptop session on the same SQLite file, and say so."""
        if self._database_lock is not None:
            self._database_lock.unlock()
            self._database_lock = None
        path = self.context.database.sqlite_path
        self.shared_label.clear()
        if path is None:
            return
        lock = QLockFile(f"{path}.lock")
        lock.setStaleLockTime(0)  # held as long as this window lives, however long the day
        if lock.tryLock(0):
            self._database_lock = lock
            return
        # SQLite with WAL and short write transactions lets both work on the same data.
        self.shared_label.setText(_(SHARED_DATABASE))

    @classmethod
    def ask_backup_path(cls, parent: QWidget, *, saving: bool) -> Path | None:
        """A file to write a backup to, or to restore one from (tests replace this)."""
        if saving:
            path, _filter = QFileDialog.getSaveFileName(
                parent, _("Make a backup"), "degenks-backup.sqlite", _("Backup (*.sqlite *.dump)")
            )
        else:
            path, _filter = QFileDialog.getOpenFileName(
                parent, _("Restore a backup"), "", _("Backup (*.sqlite *.dump)")
            )
        return Path(path) if path else None

    @classmethod
    def confirm_restore(cls, parent: QWidget, path: Path) -> bool:
        """The clear warning before a restore (tests replace this)."""
        return (
            QMessageBox.warning(
                parent,
                _("Restore a backup"),
                _(
                    "Restoring {path} replaces everything in this database with the backup: "
                    "check-ins, ideas and votes made since then are set aside in a copy. "
                    "Every laptop on this database sees the change. Restore?"
                ).format(path=path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            == QMessageBox.StandardButton.Yes
        )

    def make_backup(self) -> None:
        """A backup where the user chooses; an organiser's (it holds everyone's data)."""
        self.organiser_dialog = with_organiser(
            self.context, self, lambda _access: self._make_backup(), intro=BACKUP_SIGN_IN
        )

    def _make_backup(self) -> None:
        path = self.ask_backup_path(self, saving=True)
        if path is None:
            return
        try:
            self._backed_up(str(take_backup(self.context.database, path)))
        except KnownError as error:
            QMessageBox.warning(self, _("Make a backup"), error.message)

    def restore_from_backup(self) -> None:
        """Put a backup in place of the data, after a clear warning: an organiser's."""
        self.organiser_dialog = with_organiser(
            self.context, self, self._restore_as, intro=RESTORE_SIGN_IN
        )

    def _restore_as(self, organiser: OrganiserAccess) -> None:
        path = self.ask_backup_path(self, saving=False)
        if path is None or not self.confirm_restore(self, path):
            return
        try:
            safety = restore_backup(self.context.database, path, actor=organiser.actor)
        except KnownError as error:
            QMessageBox.warning(self, _("Restore a backup"), error.message)
            return
        self.context.reload_event()
        self.show_event()
        self.statusBar().showMessage(
            _("Restored from {path}; the data it replaced is kept in {safety}.").format(
                path=path, safety=safety
            )
        )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About De Genks Desktop"),
            _(
                "De Genks Desktop {version}: the whole day of a citizens' brainstorm in one "
                "app that works without internet."
            ).format(version=__version__),
        )

    # --- showing the event ---------------------------------------------------------

    def show_event(self) -> None:
        """Show the context's event, or the empty page when the database holds none."""
        self.database_label.setText(
            _("Database: {where}").format(where=self.context.database.describe())
        )
        self._claim_database()
        event = self.context.event
        if event is None:
            self.pages.setCurrentWidget(self.empty_page)
            self.setWindowTitle("De Genks Desktop")
            return
        self.pages.setCurrentIndex(0)
        self.organiser.show_event(event)
        self.setWindowTitle(f"{event.name} — De Genks Desktop")
        self.backups.start()
        self.event_name.setText(event.name)
        self.venue.setText(event.venue)
        previous_day = self.day_picker.currentData()
        self.day_picker.blockSignals(True)
        self.day_picker.clear()
        for day in event.days:
            self.day_picker.addItem(day_label(day), day.id)
        # The same event again (Settings confirmed, a restore): the day chosen stays.
        chosen = previous_day if self._shown_event_id == event.id else None
        if chosen is None or self.day_picker.findData(chosen) < 0:
            chosen = event.day_for(dt.date.today()).id
        self.day_picker.setCurrentIndex(self.day_picker.findData(chosen))
        self._shown_event_id = event.id
        self.day_picker.blockSignals(False)
        self._day_changed()

    def selected_day(self) -> DayInfo | None:
        """The day chosen in the header."""
        event = self.context.event
        if event is None:
            return None
        day_id = self.day_picker.currentData()
        return next((day for day in event.days if day.id == day_id), None)

    def _workspace_list(self) -> tuple[FrontDeskWorkspace, TablesWorkspace, OrganiserWorkspace]:
        return (self.front_desk, self.tables, self.organiser)

    def _day_changed(self) -> None:
        day = self.selected_day()
        if day is None:
            return
        for workspace in self._workspace_list():
            workspace.show_day(day)
        self.refresh_counts()

    def _database_switched(self) -> None:
        # What a workspace holds of the old database (a signed-in table, the desk's link)
        # goes; `show_event` then shows the new one.
        for workspace in self._workspace_list():
            workspace.stop()

    def refresh_counts(self) -> None:
        """Read the live counts again, and what the workspace on screen shows, off the GUI
        thread: a database that stops answering must not freeze the window."""
        day = self.selected_day()
        if day is None or self._closed:
            return  # a closed window reads nothing more (a page's timer may still ask)
        if not self.front_desk.online:
            return  # the desk works from its own list; the banner says why the counts wait
        if self._refresh_task is not None:
            self._refresh_again = True  # what changed meanwhile is read when this one ends
            return
        shown_now = self.workspaces.currentWidget()
        live = next((w for w in self._workspace_list() if w is shown_now), None)
        reading = live.live_reading() if live is not None else None
        database = self.context.database

        def work(_report: Report) -> tuple[EventStats, object]:
            return event_stats(database), reading(database) if reading is not None else None

        def read(outcome: tuple[EventStats, object]) -> None:
            stats, shown = outcome
            self.statusBar().clearMessage()
            self._show_counts(stats, day)
            self.organiser.show_counts(stats)
            if live is not None and reading is not None and live is self.workspaces.currentWidget():
                live.show_live(shown)
            self.counts_refreshed.emit(stats)
            self._refresh_ended()

        def refused(error: KnownError) -> None:
            self.statusBar().showMessage(error.message)
            self._refresh_ended()

        def finished() -> None:
            self._refresh_task = None

        self._refresh_task = run_in_background(
            work,
            pool=self.context.pool,
            on_success=read,
            on_known_error=refused,
            on_finished=finished,
        )

    def _refresh_ended(self) -> None:
        if self._refresh_again:
            self._refresh_again = False
            self.refresh_counts()

    @property
    def refreshing(self) -> bool:
        """Whether a refresh is reading the database (or another waits to)."""
        return self._refresh_task is not None or self._refresh_again

    def _connection_changed(self, online: bool) -> None:
        if online:
            self.statusBar().clearMessage()
            self.refresh_counts()
        else:
            self.statusBar().showMessage(
                _("No connection to the database: the counts wait until it is back.")
            )

    def _show_counts(self, stats: EventStats, day: DayInfo) -> None:
        counts = next((d for d in stats.days if d.number == day.number), None)
        if counts is None:
            return
        self.checked_in_tile.show_figure(f"{counts.checked_in} / {counts.expected}")
        self.participants_tile.show_figure(str(stats.participants))
        self.tables_tile.show_figure(str(counts.tables))
        self.ideas_tile.show_figure(str(stats.ideas))

    # --- the demo event ------------------------------------------------------------

    def create_demo(self) -> None:
        """Make the demo event in the background, with progress and Cancel."""
        from degenks_desktop.demo.event import create_demo_event  # noqa: PLC0415 - see above

        progress = QProgressDialog(_("Creating the demo event…"), _("Cancel"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        database = self.context.database

        actor = self.context.actor()

        def work(report: Report) -> DemoSummary:
            return create_demo_event(database, actor=actor, progress=report)

        def finished() -> None:
            progress.close()
            self._demo_task = None
            self.create_demo_button.setEnabled(True)

        def made(summary: DemoSummary) -> None:
            self.context.reload_event()
            self.show_event()
            self._tell_demo_credentials(summary)

        def refused(error: KnownError) -> None:
            QMessageBox.warning(self, _("Demo event"), error.message)

        def advanced(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        self.create_demo_button.setEnabled(False)
        self._demo_task = run_in_background(
            work,
            pool=self.context.pool,
            on_success=made,
            on_known_error=refused,
            on_finished=finished,
            on_progress=advanced,
        )
        progress.canceled.connect(self._demo_task.cancel)

    # --- where the window was ------------------------------------------------------

    def _restore_geometry(self) -> None:
        """Where the user left the window; else a size that fits the screen."""
        saved = self.context.settings.value(SETTING_GEOMETRY)
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            self._placed = True
            return
        self._placed = False
        screen = self.screen().availableGeometry() if self.screen() else None
        size = COMFORTABLE_SIZE
        if screen is not None:
            size = size.boundedTo(screen.size())
        self.resize(size)

    def show_on_screen(self) -> None:
        """Show the window as the app opens it: where the user left it, or maximised on a
        small screen (a city's 1366×768 laptop has no room to spare for a frame)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        small = screen is not None and (
            screen.width() < ROOMY_SCREEN.width() or screen.height() < ROOMY_SCREEN.height()
        )
        if small and not self._placed:
            self.showMaximized()
        else:
            self.show()

    def _restore_workspace(self) -> None:
        """The workspace of last time, if this laptop has it (Organisatie only for a
        signed-in organiser: a fresh start does not open with a sign-in)."""
        try:
            index = int(str(self.context.settings.value(SETTING_WORKSPACE, 0)) or 0)
        except ValueError:
            index = 0
        workspaces = self._workspace_list()
        if not 0 <= index < len(workspaces):
            return
        chosen = workspaces[index]
        if chosen is self.organiser and not self.context.organiser.signed_in:
            return
        if self.workspaces.indexOf(chosen) >= 0:
            self._show_quietly(chosen)

    def _show_quietly(self, workspace: QWidget) -> None:
        """Put `workspace` on screen without it counting as a choice (no sign-in asked)."""
        self.workspaces.blockSignals(True)
        self.workspaces.setCurrentWidget(workspace)
        self.workspaces.blockSignals(False)
        if workspace is not self.organiser:
            self._outside_organisation = workspace

    def _workspace_chosen(self, index: int) -> None:
        """A tab chosen (by click, Ctrl+Tab or code): Organisatie asks for an organiser
        first; the choice is remembered and the new page read."""
        chosen = self.workspaces.widget(index)
        if chosen is None:
            return
        if chosen is self.organiser and not self.context.organiser.signed_in:
            # Back before anything of Organisatie is drawn; it opens once signed in.
            self._show_quietly(self._outside_organisation)
            self.ask_for_organisation()
            return
        if chosen is not self.organiser:
            self._outside_organisation = chosen
        self.context.settings.setValue(SETTING_WORKSPACE, self._workspace_list().index(chosen))
        self.refresh_counts()

    def ask_for_organisation(self, intro: str = ORGANISATION_SIGN_IN) -> None:
        """The sign-in before Organisatie; signed in, Organisatie opens."""
        if still_asking(self.organiser_dialog):
            return  # asked already

        def signed_in(_access: OrganiserAccess) -> None:
            if self.workspaces.indexOf(self.organiser) >= 0:
                self.workspaces.setCurrentWidget(self.organiser)

        self.organiser_dialog = with_organiser(self.context, self, signed_in, intro=intro)

    def _organiser_changed(self) -> None:
        """Signed out (the time-out, another database, a desk's role): Organisatie closes,
        whatever it was showing."""
        self._left_organisation = False
        if (
            not self.context.organiser.signed_in
            and self.workspaces.currentWidget() is self.organiser
        ):
            self._show_quietly(self._outside_organisation)
            self._left_organisation = True
            self.refresh_counts()

    def _organiser_timed_out(self) -> None:
        """No activity for the time-out: Organisatie, closed, asks again."""
        if self._left_organisation:
            self.ask_for_organisation(SIGNED_OUT_IDLE)

    # --- this laptop's role ------------------------------------------------------------

    def _show_role_tabs(self) -> None:
        """The workspaces of this laptop's role as tabs, the others not there at all."""
        role = self.context.role
        wanted = {
            ROLE_DESK: (self.front_desk,),
            ROLE_TABLE: (self.tables,),
            ROLE_ORGANISER: self._workspace_list(),
        }[role]
        shown = self.workspaces.currentWidget()
        self.workspaces.blockSignals(True)
        while self.workspaces.count():
            self.workspaces.removeTab(0)
        for workspace, (icon_name, title) in zip(
            self._workspace_list(), WORKSPACE_TABS, strict=True
        ):
            if workspace in wanted:
                self.workspaces.addTab(workspace, icon(icon_name), _(title))
        if shown in wanted and shown is not None:
            self.workspaces.setCurrentWidget(shown)
        self.workspaces.blockSignals(False)
        current = self.workspaces.currentWidget()
        self._outside_organisation = current if current is not self.organiser else self.front_desk
        if role != ROLE_ORGANISER:
            self.context.organiser.sign_out()  # only an organiser laptop keeps one signed in

    def choose_role(self) -> None:
        """This laptop's role, confirmed by an organiser; the tabs follow at once."""

        def chosen(_role: str) -> None:
            self._show_role_tabs()
            self.refresh_counts()

        self.organiser_dialog = change_role(self.context, self, chosen)

    def _tell_demo_credentials(self, summary: DemoSummary) -> None:
        """Say how the demo's organiser signs in and how its PINs go (not blocking: the
        desk can go on)."""
        self._demo_summary = summary
        self.demo_note = QMessageBox(
            QMessageBox.Icon.Information,
            _("Demo event"),
            self._demo_credentials(summary),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.demo_note.open()

    @staticmethod
    def _demo_credentials(summary: DemoSummary) -> str:
        if summary.organiser is not None:
            account = _(
                "The demo's organiser signs in as {name} with the password {password}."
            ).format(name=summary.organiser, password=DEMO_ORGANISER_PASSWORD)
        else:
            account = _(
                "This database's organiser accounts stay as they were: the demo adds none "
                "of its own."
            )
        return account + "\n\n" + describe_demo_pins()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._closed = True
        self.context.settings.setValue(SETTING_GEOMETRY, self.saveGeometry())
        self.refresh_timer.stop()
        for workspace in self._workspace_list():
            workspace.stop()
        self.context.desk_pool.waitForDone(10_000)  # a check-in on its way, into the backup
        if self._refresh_task is not None:
            self._refresh_task.cancel()  # its answer has no window left to go to
            self.context.pool.waitForDone(5_000)
        if self.context.event is not None:
            self.backups.back_up_now()
        if self._database_lock is not None:
            self._database_lock.unlock()
        if self._demo_task is not None:
            self._demo_task.cancel()
            self.context.pool.waitForDone()
        super().closeEvent(event)
