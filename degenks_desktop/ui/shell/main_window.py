"""The main window: the event and its live counts on top, one workspace per role below."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLockFile, Qt, QTimer, Signal
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
from degenks_desktop.config import desk_copy_path
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.badge_codes import format_badge_code
from degenks_desktop.errors import Cancelled, KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.check_ins import CheckInResult, CheckInStatus
from degenks_desktop.services.house.audit import station_name
from degenks_desktop.services.house.backups import restore_backup, take_backup
from degenks_desktop.services.house.events import DayInfo, theme_overview
from degenks_desktop.services.organising.diversity import (
    diversity_matrix,
    set_target,
    set_watched_categories,
    targets_are_illustrative,
    watched_categories,
)
from degenks_desktop.services.organising.seating import seat_newcomer
from degenks_desktop.services.organising.stats import EventStats, arrivals, event_stats
from degenks_desktop.services.registrations.importing import describe_import
from degenks_desktop.services.tables.access import facilitator_of, set_pin
from degenks_desktop.services.tables.overview import table_overview
from degenks_desktop.services.tables.top_ten import unlock_selection
from degenks_desktop.storage.desk_copy import DeskCopy
from degenks_desktop.ui.front_desk.arrivals_view import ArrivalsView
from degenks_desktop.ui.front_desk.station import CheckInStation
from degenks_desktop.ui.front_desk.walk_in_dialog import WalkInDialog
from degenks_desktop.ui.organising.diversity_view import WatchedCategoriesDialog
from degenks_desktop.ui.organising.seating_board import SeatingBoard
from degenks_desktop.ui.printing.badge_printing import DeskBadgePrinter, PrintBadgeDialog
from degenks_desktop.ui.printing.print_page import PrintPage
from degenks_desktop.ui.registrations.import_wizard import ImportWizard
from degenks_desktop.ui.reporting.reports_page import ReportsPage
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.backup_keeper import BackupKeeper
from degenks_desktop.ui.shell.context import SETTING_DESK_NAME, AppContext
from degenks_desktop.ui.shell.first_run import NewEventWizard, WelcomePage
from degenks_desktop.ui.shell.labels import day_label
from degenks_desktop.ui.shell.workspaces import (
    FrontDeskWorkspace,
    OrganiserWorkspace,
    TablesWorkspace,
)
from degenks_desktop.ui.tables.overview import TableIdeasDialog, TablesOverview
from degenks_desktop.ui.tables.session import TableDesk

REFRESH_INTERVAL_MS = 3000


class CountTile(QFrame):
    """A large figure with a caption under it, readable across the room."""

    def __init__(self, caption: str, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.figure = QLabel("–")
        self.figure.setObjectName("figure")
        self.figure.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.figure.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.figure.setFont(font)
        caption_label = QLabel(caption)
        caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.figure)
        layout.addWidget(caption_label)

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
        self.setWindowTitle("De Genks Desktop")
        self.resize(1200, 760)

        self.event_name = QLabel()
        self.event_name.setObjectName("eventName")
        font = self.event_name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.event_name.setFont(font)
        self.venue = QLabel()
        self.day_picker = QComboBox()
        self.day_picker.setObjectName("dayPicker")
        self.day_picker.setAccessibleName(_("Day"))
        self.day_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day_picker.currentIndexChanged.connect(self._day_changed)

        self.checked_in_tile = CountTile(_("checked in / expected"), "checkedInTile")
        self.participants_tile = CountTile(_("registered"), "participantsTile")
        self.tables_tile = CountTile(_("tables this day"), "tablesTile")
        self.ideas_tile = CountTile(_("ideas"), "ideasTile")

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
        self.front_desk = FrontDeskWorkspace()
        self.tables = TablesWorkspace()
        self.organiser = OrganiserWorkspace()
        self.workspaces.addTab(self.front_desk, _("Front desk"))
        self.workspaces.addTab(self.tables, _("Tables"))
        self.workspaces.addTab(self.organiser, _("Organisation"))
        self.print_page = PrintPage(
            database=context.database, settings=context.settings, pool=context.pool
        )
        self.organiser.add_print_page(self.print_page)
        self.reports_page = ReportsPage(
            database=context.database, settings=context.settings, pool=context.pool
        )
        self.organiser.pages.addTab(self.reports_page, _("Reports"))
        self.seating_board = SeatingBoard(database=context.database, pool=context.pool)
        self.organiser.pages.insertTab(1, self.seating_board, _("Seating"))
        self.station = CheckInStation(
            database=context.database,
            desk=self.desk_name(),
            settings=context.settings,
            desk_copy=DeskCopy(desk_copy_path(context.database.describe())),
            pool=context.pool,
        )
        self.station.checked_in.connect(lambda _result: self.refresh_counts())
        self.station.badge_wanted.connect(self.print_badge_at_desk)
        self.station.connection_changed.connect(self._connection_changed)
        self.front_desk.add_station(self.station)
        self.table_desk = TableDesk(context.database)
        self.table_desk.changed.connect(self.refresh_counts)
        self.tables.add_table_desk(self.table_desk)
        self.arrivals_view = ArrivalsView()
        self.organiser.pages.insertTab(1, self.arrivals_view, _("Arrivals"))
        self.tables_overview = TablesOverview()
        self.tables_overview.unlock_requested.connect(self._unlock_selection)
        self.tables_overview.ideas_requested.connect(self.show_table_ideas)
        self.tables_overview.pin_requested.connect(self._set_table_pin)
        self.organiser.pages.insertTab(2, self.tables_overview, _("Tables"))
        self.front_desk.walk_in_requested.connect(self.register_walk_in)
        self.front_desk.badge_requested.connect(self.print_one_badge)
        self.organiser.import_requested.connect(self.import_registrations)
        self.organiser.diversity.model.target_edited.connect(self._set_target)
        self.organiser.diversity.categories_requested.connect(self._choose_categories)
        self.organiser.diversity.whole_event.toggled.connect(self.refresh_diversity)
        self.organiser.pages.currentChanged.connect(self.refresh_diversity)
        self.organiser.pages.currentChanged.connect(lambda _index: self.refresh_counts())
        self.workspaces.currentChanged.connect(self.refresh_diversity)

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

        self.backups = BackupKeeper(context.database, context.pool)
        self.backups.backed_up.connect(self._backed_up)
        self.backups.failed.connect(self.statusBar().showMessage)
        self._database_lock: QLockFile | None = None
        self.shared_label = QLabel()
        self.shared_label.setObjectName("sharedDatabase")
        self.statusBar().addWidget(self.shared_label)

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
        wizard = NewEventWizard(self.context.database, self)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return
        self.context.reload_event()
        self.show_event()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        settings = QAction(_("&Settings…"), self)
        settings.setShortcut(QKeySequence.StandardKey.Preferences)
        settings.triggered.connect(self.settings_requested.emit)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        backup = QAction(_("Make a &backup…"), self)
        backup.triggered.connect(self.make_backup)
        file_menu.addAction(backup)
        restore = QAction(_("&Restore a backup…"), self)
        restore.triggered.connect(self.restore_from_backup)
        file_menu.addAction(restore)
        file_menu.addSeparator()
        quit_action = QAction(_("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(_("&Help"))
        about = QAction(_("&About De Genks Desktop"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    # --- backups and the database file ------------------------------------------------------

    def _backed_up(self, path: str) -> None:
        self.statusBar().showMessage(
            _("Backup made at {time}: {path}").format(
                time=dt.datetime.now().strftime("%H:%M"), path=path
            ),
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
        self.shared_label.setText(
            _("This database is also open in another window: both work on the same data.")
        )

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
        """A backup where the user chooses."""
        path = self.ask_backup_path(self, saving=True)
        if path is None:
            return
        try:
            self._backed_up(str(take_backup(self.context.database, path)))
        except KnownError as error:
            QMessageBox.warning(self, _("Make a backup"), error.message)

    def restore_from_backup(self) -> None:
        """Put a backup in place of the data, after a clear warning."""
        path = self.ask_backup_path(self, saving=False)
        if path is None or not self.confirm_restore(self, path):
            return
        try:
            safety = restore_backup(self.context.database, path, actor=self.desk_name())
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
        self.backups.database = self.context.database
        self._claim_database()
        event = self.context.event
        if event is None:
            self.pages.setCurrentWidget(self.empty_page)
            self.setWindowTitle("De Genks Desktop")
            return
        self.pages.setCurrentIndex(0)
        self.print_page.database = self.context.database
        self.print_page.show_days(event)
        self.reports_page.database = self.context.database
        self.reports_page.show_event(event)
        self.seating_board.database = self.context.database
        if self.table_desk.database is not self.context.database:
            self.table_desk.close_table()
            self.table_desk.database = self.context.database
        if self.station.database is not self.context.database:
            self.station.stop_link()
            self.station.database = self.context.database
            self.station.desk_copy = DeskCopy(desk_copy_path(self.context.database.describe()))
        self.station.desk = self.desk_name()
        self.setWindowTitle(f"{event.name} — De Genks Desktop")
        self.backups.start()
        self.event_name.setText(event.name)
        self.venue.setText(event.venue)
        self.day_picker.blockSignals(True)
        self.day_picker.clear()
        for day in event.days:
            self.day_picker.addItem(day_label(day), day.id)
        today = event.day_for(dt.date.today())
        self.day_picker.setCurrentIndex(self.day_picker.findData(today.id))
        self.day_picker.blockSignals(False)
        self._day_changed()

    def selected_day(self) -> DayInfo | None:
        """The day chosen in the header."""
        event = self.context.event
        if event is None:
            return None
        day_id = self.day_picker.currentData()
        return next((day for day in event.days if day.id == day_id), None)

    def _day_changed(self) -> None:
        day = self.selected_day()
        if day is None:
            return
        self.seating_board.show_day(day.number)
        self.station.day_number = day.number
        self.station.start_link()
        if self.table_desk.session is None:
            self.table_desk.show_day(day.number)
        try:
            self.organiser.themes.set_rows(theme_overview(self.context.database, day.id))
        except KnownError as error:
            self.statusBar().showMessage(error.message)
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Read the live counts again; a database that cannot be reached is said in one line."""
        day = self.selected_day()
        if day is None:
            return
        if not self.station.online:
            return  # the desk works from its own list; the banner says why the counts wait
        try:
            stats = event_stats(self.context.database)
        except KnownError as error:
            self.statusBar().showMessage(error.message)
            return
        self.statusBar().clearMessage()
        self._show_counts(stats, day)
        if self.workspaces.currentWidget() is self.front_desk or self._dashboard_on_screen():
            try:
                themes, tables = arrivals(self.context.database, day.number)
            except KnownError as error:
                self.statusBar().showMessage(error.message)
                return
            self.station.show_arrivals(themes, tables)
            counts = next((d for d in stats.days if d.number == day.number), None)
            if counts is not None:
                self.arrivals_view.show_arrivals(counts.checked_in, counts.expected, themes, tables)
        self._refresh_tables_overview(day.number)
        self.refresh_diversity()
        self.counts_refreshed.emit(stats)

    def _set_table_pin(self, table_id: int, pin: str) -> None:
        try:
            set_pin(
                self.context.database,
                facilitator_of(self.context.database, table_id),
                pin,
                actor=_("organisers"),
            )
        except KnownError as error:
            self.tables_overview.outcome.setText(error.message)
            return
        self.tables_overview.outcome.setText(_("The new PIN is set; the old one no longer works."))

    def show_table_ideas(self, table_id: int) -> None:
        """The organisers look at what one table has made."""
        try:
            dialog = TableIdeasDialog(self.context.database, table_id, self)
        except KnownError as error:
            self.tables_overview.outcome.setText(error.message)
            return
        dialog.exec()

    def _unlock_selection(self, table_id: int, reason: str) -> None:
        try:
            unlock_selection(self.context.database, table_id, actor=_("organisers"), reason=reason)
        except KnownError as error:
            self.tables_overview.outcome.setText(error.message)
            return
        self.tables_overview.outcome.setText(
            _("The selection is unlocked: the table can vote again.")
        )
        self.refresh_counts()

    def _refresh_tables_overview(self, day_number: int) -> None:
        if not (
            self.workspaces.currentWidget() is self.organiser
            and self.organiser.pages.currentWidget() is self.tables_overview
        ):
            return
        try:
            self.tables_overview.model.show_tables(
                table_overview(self.context.database, day_number)
            )
        except KnownError as error:
            self.statusBar().showMessage(error.message)

    def _dashboard_on_screen(self) -> bool:
        return (
            self.workspaces.currentWidget() is self.organiser
            and self.organiser.pages.currentWidget() is self.arrivals_view
        )

    def _connection_changed(self, online: bool) -> None:
        if online:
            self.statusBar().clearMessage()
            self.refresh_counts()
        else:
            self.statusBar().showMessage(
                _("No connection to the database: the counts wait until it is back.")
            )

    def refresh_diversity(self) -> None:
        """Recompute the diversity matrix when it is on screen (it is live on the day)."""
        view = self.organiser.diversity
        day = self.selected_day()
        if day is None or self.organiser.pages.currentWidget() is not view:
            return
        if self.workspaces.currentWidget() is not self.organiser:
            return
        try:
            matrices = diversity_matrix(
                self.context.database, day_id=None if view.whole_event.isChecked() else day.id
            )
            illustrative = targets_are_illustrative(self.context.database)
        except KnownError as error:
            self.statusBar().showMessage(error.message)
            return
        view.show_matrices(matrices, illustrative=illustrative)

    def _set_target(self, value: str, share: float) -> None:
        matrix = self.organiser.diversity.current_matrix()
        if matrix is None:
            return
        try:
            set_target(
                self.context.database, category=matrix.key, value=value, share=share, actor="gui"
            )
        except KnownError as error:
            QMessageBox.warning(self, _("Diversity"), error.message)
        self.refresh_diversity()

    def _choose_categories(self) -> None:
        dialog = WatchedCategoriesDialog(watched_categories(self.context.database), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            set_watched_categories(self.context.database, dialog.chosen(), actor="gui")
        except KnownError as error:
            QMessageBox.warning(self, _("Diversity"), error.message)
        self.refresh_diversity()

    # --- registrations ---------------------------------------------------------------

    def desk_name(self) -> str:
        """This laptop's desk name, as check-ins record it."""
        return str(self.context.settings.value(SETTING_DESK_NAME, station_name()))

    def register_walk_in(self) -> None:
        """The walk-in form, then a seat at the chosen theme, then the badge."""
        event, day = self.context.event, self.selected_day()
        if event is None or day is None:
            return
        dialog = WalkInDialog(
            database=self.context.database,
            event=event,
            day_id=day.id,
            desk=self.desk_name(),
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_walk_in is None:
            return
        made = dialog.result_walk_in
        try:
            seat = seat_newcomer(self.context.database, made.participant_id, day_number=day.number)
        except KnownError as error:
            self.statusBar().showMessage(error.message)
            seat = None
        self.station.show_result(
            CheckInResult(
                CheckInStatus.CHECKED_IN,
                made.participant_id,
                made.name,
                seat[0] if seat else None,
                desk=self.desk_name(),
                uid=made.check_in_uid,
                theme=seat[1] if seat else "",
            )
        )
        welcome = _("Welcome {name}: registered and checked in, badge code {code}.").format(
            name=made.name, code=format_badge_code(made.badge_code)
        )
        # The station prints at check-in when that is switched on; else the walk-in's badge
        # is printed here, since a walk-in never has one yet.
        printed = (
            "" if self.station.auto_badge.isChecked() else self._print_badge(made.participant_id)
        )
        self.front_desk.outcome.setText(f"{welcome} {printed}".strip())
        self.refresh_counts()

    def _print_badge(self, participant_id: int, *, automatic: bool = False) -> str:
        printer = DeskBadgePrinter(
            database=self.context.database, settings=self.context.settings, desk=self.desk_name()
        )
        return printer.print_badge(participant_id, automatic=automatic, parent=self)

    def print_badge_at_desk(self, participant_id: int, automatic: bool) -> None:
        """Print one badge on the desk's printer; the outcome goes under the station."""
        outcome = self._print_badge(participant_id, automatic=automatic)
        if outcome:
            self.front_desk.outcome.setText(outcome)

    def print_one_badge(self) -> None:
        """Find someone and print (or save) their badge; the print log guards doubles."""
        dialog = PrintBadgeDialog(
            database=self.context.database,
            settings=self.context.settings,
            desk=self.desk_name(),
            parent=self,
        )
        dialog.exec()

    def import_registrations(self) -> None:
        """The import wizard; afterwards the outcome stays on the registrations page."""
        wizard = ImportWizard(
            database=self.context.database,
            settings=self.context.settings,
            pool=self.context.pool,
            parent=self,
        )
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.final_report is None:
            return
        self.organiser.import_outcome.setText(describe_import(wizard.final_report))
        self._day_changed()

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
        progress = QProgressDialog(_("Creating the demo event…"), _("Cancel"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        database = self.context.database

        def work(report: Report) -> object:
            return create_demo_event(database, actor="gui", progress=report)

        def finished(_summary: object) -> None:
            progress.close()
            self._demo_task = None
            self.create_demo_button.setEnabled(True)
            self.context.reload_event()
            self.show_event()

        def failed(error: BaseException) -> None:
            progress.close()
            self._demo_task = None
            self.create_demo_button.setEnabled(True)
            if isinstance(error, Cancelled):
                return
            if isinstance(error, KnownError):
                QMessageBox.warning(self, _("Demo event"), error.message)
                return
            raise error

        def advanced(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        self.create_demo_button.setEnabled(False)
        self._demo_task = run_in_background(
            work,
            on_success=finished,
            on_failure=failed,
            on_progress=advanced,
            pool=self.context.pool,
        )
        progress.canceled.connect(self._demo_task.cancel)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.refresh_timer.stop()
        self.station.stop_link()
        self.table_desk.close_table()
        if self.context.event is not None:
            self.backups.back_up_now()
        if self._database_lock is not None:
            self._database_lock.unlock()
        if self._demo_task is not None:
            self._demo_task.cancel()
            self.context.pool.waitForDone()
        super().closeEvent(event)
