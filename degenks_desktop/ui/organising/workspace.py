"""Organisatie, the organisers' workspace: themes, arrivals, tables, seating, registrations,
the diversity matrix, the draw (Selectie), printing, reports, the weeks after the day
(Synthese, Opvolging, Postkaarten) and the log, one page each.

The workspace runs the organisers' service calls itself (setting a PIN, unlocking a
table, a diversity target, importing) and refreshes only the page on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias, cast

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.front_desk.arrivals import ArrivalCount, arrivals
from degenks_desktop.services.house.events import DayInfo, EventInfo, theme_overview
from degenks_desktop.services.house.organisers import OrganiserAccess
from degenks_desktop.services.organising.diversity import (
    CategoryMatrix,
    diversity_matrix,
    set_target,
    set_watched_categories,
    targets_are_illustrative,
    watched_categories,
)
from degenks_desktop.services.organising.stats import EventStats
from degenks_desktop.services.tables.access import facilitator_of, set_pin
from degenks_desktop.services.tables.overview import TableProgress, table_overview
from degenks_desktop.services.tables.top_ten import unlock_selection
from degenks_desktop.storage.database import Database
from degenks_desktop.ui.front_desk.arrivals_view import ArrivalsView
from degenks_desktop.ui.organising.theme_model import ThemeOverviewModel
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.lazy_tabs import LazyTabs
from degenks_desktop.ui.shell.live import LiveReading
from degenks_desktop.ui.shell.look import icon
from degenks_desktop.ui.shell.organiser_dialog import with_organiser
from degenks_desktop.ui.shell.widgets import guidance_label, outcome_label
from degenks_desktop.ui.tables.overview import TableIdeasDialog, TablesOverview

if TYPE_CHECKING:
    # The pages built on first show, and what only they need: imported then, so that the
    # window opens without openpyxl, networkx, reportlab and the rest (seconds at start).
    from degenks_desktop.services.house.audit_log import AuditRow
    from degenks_desktop.services.organising.seating import TableCard
    from degenks_desktop.services.registrations.importing import ImportReport
    from degenks_desktop.ui.follow_up.follow_up_page import FollowUpPage
    from degenks_desktop.ui.follow_up.postcards_panel import PostcardsPanel
    from degenks_desktop.ui.follow_up.synthesis_page import SynthesisPage
    from degenks_desktop.ui.organising.audit_log_page import AuditLogPage
    from degenks_desktop.ui.organising.diversity_view import DiversityView
    from degenks_desktop.ui.organising.seating_board import SeatingBoard
    from degenks_desktop.ui.organising.selection_page import SelectionPage
    from degenks_desktop.ui.printing.print_page import PrintPage
    from degenks_desktop.ui.registrations.registrations_page import RegistrationsPage
    from degenks_desktop.ui.reporting.reports_page import ReportsPage

# The diversity matrices with whether the targets are still the demo's illustrative ones.
DiversityReading: TypeAlias = tuple[list[CategoryMatrix], bool]
# The pages' titles in tab order, marked here and translated when shown.
PAGE_TITLES = (
    N_("Themes and tables"),
    N_("Arrivals"),
    N_("Tables"),
    N_("Seating"),
    N_("Registrations"),
    N_("Diversity"),
    N_("Selection"),
    N_("Print"),
    N_("Reports"),
    N_("Synthesis"),
    N_("Follow-up"),
    N_("Postcards"),
    N_("Log"),
)
# The pages' places in the tabs, in the order of PAGE_TITLES.
(
    THEMES,
    ARRIVALS,
    TABLES,
    SEATING,
    REGISTRATIONS,
    DIVERSITY,
    SELECTION,
    PRINT,
    REPORTS,
    SYNTHESIS,
    FOLLOW_UP,
    POSTCARDS,
    LOG,
) = range(len(PAGE_TITLES))


def _read_seating(database: Database, day_number: int) -> list[TableCard]:
    """The seating board's cards, for the refresh off the GUI thread (the seating service
    comes in with the board, never at the window's start)."""
    from degenks_desktop.services.organising.seating import seating_board  # noqa: PLC0415

    return seating_board(database, day_number)


class OrganiserWorkspace(QWidget):
    """Organisatie: every page the organisers work on during the day.

    The themes, arrivals and tables pages are built with the workspace; the others the
    first time their tab is chosen or they are asked for by name (`seating_board`,
    `diversity`, …), each then given the event and day the workspace is on.
    """

    refresh_wanted = Signal()  # an import, an unlock or another page: read the counts again
    problem = Signal(str)  # a sentence for the window's status bar

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._event: EventInfo | None = None
        self.day: DayInfo | None = None
        self.stats: EventStats | None = None
        self._imported: ImportReport | None = None  # the last import, said on its page

        self.themes = ThemeOverviewModel()
        self._sorted = QSortFilterProxyModel(self)
        self._sorted.setSourceModel(self.themes)
        self.theme_view = QTableView()
        self.theme_view.setObjectName("themeOverview")
        self.theme_view.setModel(self._sorted)
        self.theme_view.setWordWrap(True)
        self.theme_view.setAlternatingRowColors(True)
        self.theme_view.verticalHeader().setVisible(False)
        header = self.theme_view.horizontalHeader()
        for column in (
            ThemeOverviewModel.THEME,
            ThemeOverviewModel.FIRST_CHOICES,
            ThemeOverviewModel.TABLES,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ThemeOverviewModel.QUESTION, QHeaderView.ResizeMode.Stretch)
        self.theme_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        themes_page = QWidget()
        themes_layout = QVBoxLayout(themes_page)
        themes_layout.addWidget(self.theme_view, stretch=1)
        self.themes_guidance = guidance_label("")
        themes_layout.addWidget(self.themes_guidance)

        self.arrivals_view = ArrivalsView()
        self.tables_overview = TablesOverview()
        self.tables_overview.unlock_requested.connect(self._unlock_selection)
        self.tables_overview.ideas_requested.connect(self.show_table_ideas)
        self.tables_overview.pin_requested.connect(self._set_table_pin)

        self.pages = QTabWidget()
        self.pages.setObjectName("organiserPages")
        self._lazy = LazyTabs(self.pages)
        builders = {
            SEATING: self._build_seating_board,
            REGISTRATIONS: self._build_registrations,
            DIVERSITY: self._build_diversity,
            SELECTION: self._build_selection,
            PRINT: self._build_print_page,
            REPORTS: self._build_reports_page,
            SYNTHESIS: self._build_synthesis,
            FOLLOW_UP: self._build_follow_up,
            POSTCARDS: self._build_postcards,
            LOG: self._build_audit_log,
        }
        built = {THEMES: themes_page, ARRIVALS: self.arrivals_view, TABLES: self.tables_overview}
        for index, title in enumerate(PAGE_TITLES):
            if index in built:
                self._lazy.add(built[index], _(title))
            else:
                self._lazy.add_lazy(builders[index], _(title))
        self.pages.currentChanged.connect(lambda _index: self.refresh_wanted.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.retranslate()

    # --- the pages built on first show --------------------------------------------------

    def _build_seating_board(self) -> QWidget:
        from degenks_desktop.ui.organising.seating_board import SeatingBoard  # noqa: PLC0415

        board = SeatingBoard(self.context)
        if self.day is not None:
            board.show_day(self.day.number)
        return board

    def _build_registrations(self) -> QWidget:
        from degenks_desktop.ui.registrations.registrations_page import (  # noqa: PLC0415
            RegistrationsPage,
        )

        self._import_button = QPushButton(icon("import"), "")
        self._import_button.setObjectName("importButton")
        self._import_button.clicked.connect(self.import_registrations)
        self._import_outcome: QLabel = outcome_label()
        self._registrations = RegistrationsPage(self.context)
        self._registrations.changed.connect(self.refresh_wanted.emit)
        if self._event is not None:
            self._registrations.show_event(self._event)
        page = QWidget()
        registrations_layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(self._import_button, alignment=Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._import_outcome, stretch=1)
        registrations_layout.addLayout(row)
        registrations_layout.addWidget(self._registrations, stretch=1)
        self._retranslate_import()
        return page

    def _build_diversity(self) -> QWidget:
        from degenks_desktop.ui.organising.diversity_view import DiversityView  # noqa: PLC0415

        diversity = DiversityView()
        diversity.model.target_edited.connect(self._set_target)
        diversity.categories_requested.connect(self._choose_categories)
        diversity.whole_event.toggled.connect(self.refresh_diversity)
        return diversity

    def _build_selection(self) -> QWidget:
        from degenks_desktop.ui.organising.selection_page import SelectionPage  # noqa: PLC0415

        page = SelectionPage(self.context)
        page.show_event(self._event)
        if self.day is not None:
            page.show_day(self.day.number)
        return page

    def _build_print_page(self) -> QWidget:
        from degenks_desktop.ui.printing.print_page import PrintPage  # noqa: PLC0415

        page = PrintPage(self.context)
        page.show_days(self._event)
        return page

    def _build_reports_page(self) -> QWidget:
        from degenks_desktop.ui.reporting.reports_page import ReportsPage  # noqa: PLC0415

        page = ReportsPage(self.context)
        page.show_event(self._event)
        return page

    def _build_synthesis(self) -> QWidget:
        from degenks_desktop.ui.follow_up.synthesis_page import SynthesisPage  # noqa: PLC0415

        page = SynthesisPage(self.context)
        if self._event is not None:
            page.show_event(self._event)
        return page

    def _build_follow_up(self) -> QWidget:
        from degenks_desktop.ui.follow_up.follow_up_page import FollowUpPage  # noqa: PLC0415

        page = FollowUpPage(self.context)
        if self._event is not None:
            page.show_event(self._event)
        return page

    def _build_postcards(self) -> QWidget:
        from degenks_desktop.ui.follow_up.postcards_panel import PostcardsPanel  # noqa: PLC0415

        return PostcardsPanel(self.context)

    def _build_audit_log(self) -> QWidget:
        from degenks_desktop.ui.organising.audit_log_page import AuditLogPage  # noqa: PLC0415

        page = AuditLogPage(self.context)
        page.refresh_wanted.connect(self.refresh_wanted.emit)
        if self._event is not None:
            page.show_event(self._event)
        return page

    @property
    def seating_board(self) -> SeatingBoard:
        """The seating board, built now if it was not yet."""
        return cast("SeatingBoard", self._lazy.page(SEATING))

    @property
    def registrations_page(self) -> QWidget:
        """The registrations tab (the import button above the list), built now if not yet."""
        return self._lazy.page(REGISTRATIONS)

    @property
    def registrations(self) -> RegistrationsPage:
        """The list and form of the registrations, built now if they were not yet."""
        self._lazy.page(REGISTRATIONS)
        return self._registrations

    @property
    def import_button(self) -> QPushButton:
        """The registrations tab's import button, built now if it was not yet."""
        self._lazy.page(REGISTRATIONS)
        return self._import_button

    @property
    def import_outcome(self) -> QLabel:
        """What the last import did, under its button; built now if it was not yet."""
        self._lazy.page(REGISTRATIONS)
        return self._import_outcome

    @property
    def diversity(self) -> DiversityView:
        """The diversity matrix, built now if it was not yet."""
        return cast("DiversityView", self._lazy.page(DIVERSITY))

    @property
    def synthesis(self) -> SynthesisPage:
        """The theme team's clusters (Synthese), built now if it was not yet."""
        return cast("SynthesisPage", self._lazy.page(SYNTHESIS))

    @property
    def follow_up(self) -> FollowUpPage:
        """The follow-up of ideas and concepts (Opvolging), built now if it was not yet."""
        return cast("FollowUpPage", self._lazy.page(FOLLOW_UP))

    @property
    def postcards(self) -> PostcardsPanel:
        """The postcards (Postkaarten), built now if they were not yet."""
        return cast("PostcardsPanel", self._lazy.page(POSTCARDS))

    @property
    def selection(self) -> SelectionPage:
        """The draw of a day (Selectie), built now if it was not yet."""
        return cast("SelectionPage", self._lazy.page(SELECTION))

    @property
    def print_page(self) -> PrintPage:
        """The print page, built now if it was not yet."""
        return cast("PrintPage", self._lazy.page(PRINT))

    @property
    def reports_page(self) -> ReportsPage:
        """The reports page, built now if it was not yet."""
        return cast("ReportsPage", self._lazy.page(REPORTS))

    @property
    def audit_log(self) -> AuditLogPage:
        """The log, built now if it was not yet."""
        return cast("AuditLogPage", self._lazy.page(LOG))

    # --- the workspace -------------------------------------------------------------------

    def retranslate(self) -> None:
        """The pages' titles and this workspace's own texts in the language of the
        moment; the page chosen, the theme chosen and the pages' own state stay (each page
        does its own texts on the same LanguageChange; a page not built yet is built in
        the language of the moment it is first shown)."""
        for index, title in enumerate(PAGE_TITLES):
            self.pages.setTabText(index, _(title))
        self.themes_guidance.setText(
            _("A theme's report (its policy table) is made on the page Reports.")
        )
        self.themes.retranslate()
        if self._lazy.built(REGISTRATIONS) is not None:
            self._retranslate_import()

    def _retranslate_import(self) -> None:
        from degenks_desktop.services.registrations.importing import (  # noqa: PLC0415
            describe_import,
        )

        self._import_button.setToolTip(
            _(
                "Import the registrations from the city's web form, typed lists or partner "
                "organisations: CSV or Excel. Importing the same file again adds nobody."
            )
        )
        self._import_button.setText(_("&Import registrations…"))
        if self._imported is not None:
            self._import_outcome.setText(describe_import(self._imported))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the workspace's texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _built(self, index: int) -> QWidget | None:
        return self._lazy.built(index)

    def show_event(self, event: EventInfo) -> None:
        """Offer the event's days on the pages that choose one (those built later get
        them when they are)."""
        self._event = event
        print_page, reports_page = self._built(PRINT), self._built(REPORTS)
        if print_page is not None:
            cast("PrintPage", print_page).show_days(event)
        if reports_page is not None:
            cast("ReportsPage", reports_page).show_event(event)
        if self._built(REGISTRATIONS) is not None:
            self._registrations.show_event(event)
        selection = self._built(SELECTION)
        if selection is not None:
            cast("SelectionPage", selection).show_event(event)
        synthesis = self._built(SYNTHESIS)
        if synthesis is not None:
            cast("SynthesisPage", synthesis).show_event(event)
        follow_up = self._built(FOLLOW_UP)
        if follow_up is not None:
            cast("FollowUpPage", follow_up).show_event(event)
        audit_log = self._built(LOG)
        if audit_log is not None:
            cast("AuditLogPage", audit_log).show_event(event)

    def show_day(self, day: DayInfo) -> None:
        """Work on `day`: its themes, its seating and draw (once built) and its tables."""
        self.day = day
        board = self._built(SEATING)
        if board is not None:
            cast("SeatingBoard", board).show_day(day.number)
        selection = self._built(SELECTION)
        if selection is not None:
            cast("SelectionPage", selection).show_day(day.number)
        try:
            self.themes.set_rows(theme_overview(self.context.database, day.id))
        except KnownError as error:
            self.problem.emit(error.message)

    def show_counts(self, stats: EventStats) -> None:
        """The window's latest counts, for the arrivals page's totals."""
        self.stats = stats

    def live_reading(self) -> LiveReading | None:
        """What the page on screen shows that moves on the day: the arrivals, the tables
        or the diversity matrix (the other pages change only by what organisers do)."""
        index, day = self.pages.currentIndex(), self.day
        page = self._built(index)
        if day is None or page is None:
            return None
        if index == ARRIVALS:
            return lambda database: (page, arrivals(database, day.number))
        if index == TABLES:
            return lambda database: (page, table_overview(database, day.number))
        if index == DIVERSITY:
            whole_event = cast("DiversityView", page).whole_event.isChecked()
            day_id = None if whole_event else day.id
            return lambda database: (page, self._read_diversity(database, day_id))
        if index == SEATING:  # walk-ins seated at the desk, imports, arrivals
            return lambda database: (page, _read_seating(database, day.number))
        if index == REGISTRATIONS:  # the desk's check-ins, another laptop's edits
            read = self._registrations.live_reading()
            return lambda database: (page, read(database))
        if index == LOG:
            return cast("AuditLogPage", page).live_reading()
        return None

    def show_live(self, reading: object) -> None:
        """Show what `live_reading` read, if its page is still on screen."""
        page, read = cast(tuple[QWidget, object], reading)
        index = self.pages.currentIndex()
        if page is not self.pages.currentWidget() or page is not self._built(index):
            return
        if index == ARRIVALS:
            self._show_arrivals(cast(tuple[list[ArrivalCount], list[ArrivalCount]], read))
        elif index == TABLES:
            self.tables_overview.model.show_tables(cast(list[TableProgress], read))
        elif index == DIVERSITY:
            self._show_diversity(cast(DiversityReading, read))
        elif index == SEATING:
            board = cast("SeatingBoard", page)
            cards = cast("list[TableCard]", read)
            if cards != board.cards:  # unchanged: a drag under way goes on
                board.show_cards(cards)
        elif index == REGISTRATIONS:
            self._registrations.show_live(read)
        elif index == LOG:
            cast("AuditLogPage", page).show_live(cast("list[AuditRow]", read))

    def stop(self) -> None:
        """Nothing runs between refreshes here; the pages' jobs finish on their own."""

    # --- arrivals and tables ----------------------------------------------------------

    def _show_arrivals(self, reading: tuple[list[ArrivalCount], list[ArrivalCount]]) -> None:
        day = self.day
        if day is None or self.stats is None:
            return
        themes, tables = reading
        counts = next((d for d in self.stats.days if d.number == day.number), None)
        if counts is not None:
            self.arrivals_view.show_arrivals(counts.checked_in, counts.expected, themes, tables)

    def _set_table_pin(self, table_id: int, pin: str) -> None:
        # As the organiser signed in now: the sign-in may have timed out while the PIN
        # was being typed.
        with_organiser(
            self.context, self, lambda organiser: self._set_pin_as(organiser, table_id, pin)
        )

    def _set_pin_as(self, organiser: OrganiserAccess, table_id: int, pin: str) -> None:
        database = self.context.database
        try:
            set_pin(database, facilitator_of(database, table_id), pin, actor=organiser.actor)
        except KnownError as error:
            self.tables_overview.outcome.setText(error.message)
            return
        self.tables_overview.outcome.setText(_("The new PIN is set; the old one no longer works."))

    def show_table_ideas(self, table_id: int) -> None:
        """The organisers look at what one table has made."""
        try:
            dialog = TableIdeasDialog(self.context, table_id, self)
        except KnownError as error:
            self.tables_overview.outcome.setText(error.message)
            return
        dialog.exec()

    def _unlock_selection(self, table_id: int, reason: str) -> None:
        with_organiser(
            self.context, self, lambda organiser: self._unlock_as(organiser, table_id, reason)
        )

    def _unlock_as(self, organiser: OrganiserAccess, table_id: int, reason: str) -> None:
        try:
            unlock_selection(self.context.database, table_id, actor=organiser.actor, reason=reason)
        except KnownError as error:
            self.tables_overview.outcome.setText(error.message)
            return
        self.tables_overview.outcome.setText(
            _("The selection is unlocked: the table can vote again.")
        )
        self.refresh_wanted.emit()

    # --- the diversity matrix ---------------------------------------------------------

    @staticmethod
    def _read_diversity(database: Database, day_id: int | None) -> DiversityReading:
        return diversity_matrix(database, day_id=day_id), targets_are_illustrative(database)

    def _show_diversity(self, reading: DiversityReading) -> None:
        matrices, illustrative = reading
        self.diversity.show_matrices(matrices, illustrative=illustrative)

    def refresh_diversity(self) -> None:
        """Recompute the diversity matrix at once when it is on screen (the organiser
        changed what it shows); the window's refresh keeps it live."""
        view = self.diversity
        if self.day is None or self.pages.currentWidget() is not view:
            return
        day_id = None if view.whole_event.isChecked() else self.day.id
        try:
            reading = self._read_diversity(self.context.database, day_id)
        except KnownError as error:
            self.problem.emit(error.message)
            return
        self._show_diversity(reading)

    def _set_target(self, value: str, share: float) -> None:
        matrix = self.diversity.current_matrix()
        if matrix is None:
            return
        try:
            set_target(
                self.context.database,
                category=matrix.key,
                value=value,
                share=share,
                actor=self.context.actor(),
            )
        except KnownError as error:
            QMessageBox.warning(self, _("Diversity"), error.message)
        self.refresh_diversity()

    def _choose_categories(self) -> None:
        from degenks_desktop.ui.organising.diversity_view import (  # noqa: PLC0415
            WatchedCategoriesDialog,
        )

        dialog = WatchedCategoriesDialog(watched_categories(self.context.database), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            set_watched_categories(
                self.context.database, dialog.chosen(), actor=self.context.actor()
            )
        except KnownError as error:
            QMessageBox.warning(self, _("Diversity"), error.message)
        self.refresh_diversity()

    # --- registrations ----------------------------------------------------------------

    def import_registrations(self) -> None:
        """The import wizard; afterwards the outcome stays on the registrations page."""
        from degenks_desktop.services.registrations.importing import (  # noqa: PLC0415
            describe_import,
        )
        from degenks_desktop.ui.registrations.import_wizard import ImportWizard  # noqa: PLC0415

        wizard = ImportWizard(self.context, parent=self)
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.final_report is None:
            return
        self._imported = wizard.final_report
        self.import_outcome.setText(describe_import(wizard.final_report))
        self._registrations.reload()
        if self.day is not None:
            self.show_day(self.day)
        self.refresh_wanted.emit()
