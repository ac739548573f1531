"""Organisatie → Inschrijvingen: find anyone, and fix anything about their registration.

On the left the list of every registration, searched as the desk searches (folded names,
e-mail, badge code; ↑/↓ from the search box walk the people found) and filtered by day,
theme, status, check-in, note and consent. On the right the chosen person's form (Qt
Designer's forms/registration_form.ui): Ctrl+S saves, and a refusal says why under it.
Cancel or restore, undo or redo the check-in, merge two records of one person, reprint
the badge.

Reading and saving run off the GUI thread (`run_in_background`); every change is one
service call of `services.registrations.editing`. The list is a `LiveTableModel`, so a
refresh (the window's, every few seconds, or after a save) keeps the person chosen.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable
from typing import Any, ClassVar, cast

from babel import Locale
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.domain.badge_codes import format_badge_code
from degenks_desktop.domain.import_values import LANGUAGE_WORDS
from degenks_desktop.domain.registration import STATUS_LABELS, RegistrationStatus
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import N_, _, current_language, ngettext
from degenks_desktop.services.house.events import EventInfo, theme_choices
from degenks_desktop.services.registrations.editing import (
    RegistrationFilters,
    RegistrationRow,
    cancel_registration,
    check_in_again,
    list_registrations,
    merge_registrations,
    restore_registration,
    undo_check_in_of,
    update_registration,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.ui.forms_generated.registration_form_ui import Ui_RegistrationForm
from degenks_desktop.ui.printing.badge_printing import PrintBadgeDialog
from degenks_desktop.ui.shell.background import BackgroundTask, run_in_background
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.live import LiveReading
from degenks_desktop.ui.shell.live_model import LiveTableModel
from degenks_desktop.ui.shell.widgets import restyle, step_through

"""Who changed a registration, as the audit says it of the organisers' other pages."""
YES = "✓"
Role = Qt.ItemDataRole
Reading = tuple[list[RegistrationRow], list[tuple[int, str]]]
"""The registrations shown and the event's themes (id, name)."""
# Babel names every language of the list but Berber ("ber" is a family, not one language).
OTHER_LANGUAGE_NAMES = {"ber": N_("Berber")}


def language_name(code: str) -> str:
    """A language's name in the interface language ("Turks", "Turkish")."""
    name = Locale.parse(current_language()).languages.get(code)
    if name:
        return name[:1].upper() + name[1:]
    return _(OTHER_LANGUAGE_NAMES.get(code, code))


def day_text(number: int | None) -> str:
    """'Dag 2', or nothing for no day."""
    return "" if number is None else _("Day {number}").format(number=number)


def read_registrations(database: Database, filters: RegistrationFilters) -> Reading:
    """What the page shows: the registrations `filters` let through, and the themes."""
    return list_registrations(database, filters), theme_choices(database)


def _restore_choice(box: QComboBox, chosen: object) -> None:
    """Choose the item whose data is `chosen` again (else the first)."""
    box.setCurrentIndex(max(0, box.findData(chosen)))


class RegistrationModel(LiveTableModel[RegistrationRow]):
    """The registrations as rows: known by their id, so a refresh keeps the one chosen.

    The sort role (`UserRole`) holds what a column sorts by: names by last name, days by
    number, ticks as 0 or 1.
    """

    NAME, EMAIL, DAY, THEME, SECOND_THEME, STATUS, CHECKED_IN, CONSENT, NOTE, BADGE = range(10)
    COLUMNS = (
        N_("Name"),
        N_("E-mail"),
        N_("Day"),
        N_("Theme"),
        N_("Second theme"),
        N_("Status"),
        N_("Checked in"),
        N_("Consent"),
        N_("Note"),
        N_("Badge code"),
    )
    WIDTHS: ClassVar[dict[int, int]] = {NAME: 24, EMAIL: 26, THEME: 18, SECOND_THEME: 18, NOTE: 22}
    """The first width of the columns of longer texts, in average characters (the
    organiser may drag them); the others take the width of what they show."""

    def key(self, row: RegistrationRow) -> Hashable:
        return row.id

    def _text(self, row: RegistrationRow, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.EMAIL:
            return row.email or ""
        if column == self.DAY:
            return day_text(row.day_number)
        if column == self.THEME:
            return row.first_theme
        if column == self.SECOND_THEME:
            return row.second_theme
        if column == self.STATUS:
            return _(STATUS_LABELS[row.status])
        if column == self.CHECKED_IN:
            return YES if row.checked_in else ""
        if column == self.CONSENT:
            return YES if row.consent else ""
        if column == self.NOTE:
            return row.desk_note or ""
        return format_badge_code(row.badge_code)

    def cell(self, row: RegistrationRow, column: int, role: int) -> Any:
        if role == Role.DisplayRole:
            return self._text(row, column)
        if role == Role.UserRole:
            if column == self.NAME:
                return f"{fold(row.last_name)} {fold(row.first_name)}"
            if column == self.DAY:
                return row.day_number or 0
            if column in (self.CHECKED_IN, self.CONSENT):
                return int(row.checked_in if column == self.CHECKED_IN else row.consent)
            return fold(self._text(row, column))
        if role == Role.ToolTipRole:
            if column == self.CHECKED_IN:
                return _("checked in") if row.checked_in else _("not checked in yet")
            if column == self.CONSENT and row.consent:
                return _("Consent to diversity questions")
            if column == self.NOTE and row.desk_note:
                return row.desk_note
        if role == Role.TextAlignmentRole and column in (self.CHECKED_IN, self.CONSENT):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class MergeDialog(QDialog):
    """Choose the other record of the person on screen; `chosen` is its id."""

    def __init__(self, context: AppContext, keep: RegistrationRow, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.keep = keep
        self.chosen: int | None = None
        self._task: BackgroundTask | None = None
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("mergeSearch")
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self._find)
        self.results = QListWidget()
        self.results.setObjectName("mergeResults")
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.search.returnPressed.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.search)
        layout.addWidget(self.results, stretch=1)
        layout.addWidget(self.buttons)
        self.resize(520, 420)
        self.retranslate()
        self.search.setText(keep.last_name)  # a record of the same person: often that name
        self.search.selectAll()

    def retranslate(self) -> None:
        """The dialog's texts in the language of the moment (what is typed stays)."""
        self.setWindowTitle(_("Merge two registrations"))
        self.explanation.setText(
            _(
                "Choose the other record of {name}. It is merged into the one on screen, "
                "which keeps the older badge code, both notes, and the other's check-ins, "
                "seat, badge prints and consent; the other record is cancelled."
            ).format(name=self.keep.name)
        )
        self.search.setPlaceholderText(_("Name or badge code"))
        self.merge_button.setText(_("&Merge"))
        self.cancel_button.setText(_("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the dialog's texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """↑ and ↓ in the search box move through the registrations found."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and step_through(self.results, event.key())
        ):
            return True
        return super().eventFilter(watched, event)

    def _find(self, text: str) -> None:
        database, keep = self.context.database, self.keep.id

        def found(rows: list[RegistrationRow]) -> None:
            if self.search.text() != text:
                return  # typed on: that search follows
            self.results.clear()
            for row in rows:
                if row.id == keep:
                    continue
                day = (
                    ""
                    if row.day_number is None
                    else _("Day {number}").format(number=row.day_number)
                )
                parts = (
                    row.name,
                    format_badge_code(row.badge_code),
                    day,
                    _(STATUS_LABELS[row.status]),
                )
                item = QListWidgetItem("  ·  ".join(part for part in parts if part))
                item.setData(Role.UserRole, row.id)
                self.results.addItem(item)
            if self.results.count():
                self.results.setCurrentRow(0)

        self._task = run_in_background(
            lambda _report: list_registrations(database, RegistrationFilters(text=text)),
            pool=self.context.pool,
            on_success=found,
        )

    def accept(self) -> None:
        """Merge with the registration chosen (nothing chosen: nothing to merge)."""
        if self.results.currentRow() < 0:
            return
        self.chosen = int(self.results.currentItem().data(Role.UserRole))
        super().accept()


class RegistrationsPage(QWidget):
    """Every registration of the event, and the chosen one's form with its actions."""

    changed = Signal()  # a registration changed: the window's counts may have moved

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.event_info: EventInfo | None = context.event
        self.shown: RegistrationRow | None = None  # the person in the form, as loaded
        self._themes: list[tuple[int, str]] = []
        self._count = 0
        self._task: BackgroundTask | None = None
        self._read_again = False
        self._action: BackgroundTask | None = None
        # Readings that began before the last change ended show what was: skipped.
        self._changes_made = 0
        self._outcome: Callable[[], str] | None = None
        self._refreshing = False  # the list is being updated: its current row is not chosen

        self.model = RegistrationModel(self)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(Role.UserRole)

        self.search = QLineEdit()
        self.search.setObjectName("registrationSearch")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self.reload)
        self.search.returnPressed.connect(self._to_form)
        self.day_filter = QComboBox()
        self.day_filter.setObjectName("dayFilter")
        self.theme_filter = QComboBox()
        self.theme_filter.setObjectName("themeFilter")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.checked_in_filter = QComboBox()
        self.checked_in_filter.setObjectName("checkedInFilter")
        self.with_note = QCheckBox()
        self.with_note.setObjectName("withNote")
        self.without_consent = QCheckBox()
        self.without_consent.setObjectName("withoutConsent")
        for box in (self.day_filter, self.theme_filter, self.status_filter, self.checked_in_filter):
            box.currentIndexChanged.connect(self.reload)
        for tick in (self.with_note, self.without_consent):
            tick.toggled.connect(self.reload)
        self.count = QLabel()
        self.count.setObjectName("registrationCount")

        self.view = QTableView()
        self.view.setObjectName("registrations")
        self.view.setModel(self.sorted)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list for the form
        self.view.verticalHeader().setVisible(False)
        self.view.installEventFilter(self)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        character = self.view.fontMetrics().averageCharWidth()
        for column in range(len(RegistrationModel.COLUMNS)):
            width = RegistrationModel.WIDTHS.get(column)
            if width is None:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            else:
                header.resizeSection(column, width * character)
        # No sort until the organiser clicks a header: the search's best match first.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.selectionModel().currentRowChanged.connect(self._picked)

        # The form is Designer's (forms/registration_form.ui), held as `self.ui`.
        self.form = QWidget()
        self.form.setObjectName("registrationForm")
        self.ui = Ui_RegistrationForm()
        self.ui.setupUi(self.form)
        self.first_name: QLineEdit = self.ui.first_name
        self.last_name: QLineEdit = self.ui.last_name
        self.email: QLineEdit = self.ui.email
        self.phone: QLineEdit = self.ui.phone
        self.street: QLineEdit = self.ui.street
        self.postcode: QLineEdit = self.ui.postcode
        self.town: QLineEdit = self.ui.town
        self.contact_consent: QCheckBox = self.ui.contact_consent
        self.language: QComboBox = self.ui.language
        self.language_need: QLineEdit = self.ui.language_need
        self.desk_note: QLineEdit = self.ui.desk_note
        self.stay_with: QLineEdit = self.ui.stay_with
        self.day: QComboBox = self.ui.day
        self.first_theme: QComboBox = self.ui.first_theme
        self.second_theme: QComboBox = self.ui.second_theme
        self.consent: QCheckBox = self.ui.consent
        self.summary: QLabel = self.ui.summary
        self.problem: QLabel = self.ui.problem
        self.save_button: QPushButton = self.ui.save_button
        self.check_in_button: QPushButton = self.ui.check_in_button
        self.cancel_button: QPushButton = self.ui.cancel_button
        self.merge_button: QPushButton = self.ui.merge_button
        self.reprint_button: QPushButton = self.ui.reprint_button
        self.save_button.clicked.connect(self.save)
        self.check_in_button.clicked.connect(self.toggle_check_in)
        self.cancel_button.clicked.connect(self.toggle_cancelled)
        self.merge_button.clicked.connect(self.merge)
        self.reprint_button.clicked.connect(self.reprint)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)

        filters = QHBoxLayout()
        for box in (self.day_filter, self.theme_filter, self.status_filter, self.checked_in_filter):
            filters.addWidget(box, stretch=1)
        top = QHBoxLayout()
        top.addWidget(self.search, stretch=1)
        top.addWidget(self.with_note)
        top.addWidget(self.without_consent)
        top.addWidget(self.count)
        listing = QWidget()
        list_layout = QVBoxLayout(listing)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.view, stretch=1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(listing)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        # Tab goes as the eye reads: the search, its ticks, the filters, the list, the form,
        # its buttons.
        order = (
            self.search,
            self.with_note,
            self.without_consent,
            self.day_filter,
            self.theme_filter,
            self.status_filter,
            self.checked_in_filter,
            self.view,
            self.first_name,
            self.last_name,
            self.email,
            self.phone,
            self.street,
            self.postcode,
            self.town,
            self.contact_consent,
            self.language,
            self.language_need,
            self.desk_note,
            self.stay_with,
            self.day,
            self.first_theme,
            self.second_theme,
            self.consent,
            *self._buttons(),
        )
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        context.signals.database_switched.connect(self._forget)
        self.retranslate()
        self._show_person(None)

    # --- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        """The page's texts in the language of the moment, from what it holds: the search
        typed, the filters chosen, the person chosen and what is typed in the form stay."""
        self.ui.retranslateUi(self.form)
        self.search.setPlaceholderText(_("Name or badge code"))
        self.with_note.setText(_("With a note"))
        self.without_consent.setText(_("Without consent"))
        blocked = [box.blockSignals(True) for box in self._filter_boxes()]
        chosen = self.status_filter.currentData()
        self.status_filter.clear()
        self.status_filter.addItem(_("All statuses"), None)
        for status in RegistrationStatus:
            self.status_filter.addItem(_(STATUS_LABELS[status]), status.value)
        _restore_choice(self.status_filter, chosen)
        chosen = self.checked_in_filter.currentData()
        self.checked_in_filter.clear()
        self.checked_in_filter.addItem(_("Checked in or not"), None)
        self.checked_in_filter.addItem(_("Checked in"), True)
        self.checked_in_filter.addItem(_("Not checked in"), False)
        _restore_choice(self.checked_in_filter, chosen)
        self._fill_days()
        self._fill_themes(self._themes)
        for box, was in zip(self._filter_boxes(), blocked, strict=True):
            box.blockSignals(was)
        chosen = self.language.currentData()
        self.language.clear()
        for code in LANGUAGE_WORDS:
            self.language.addItem(language_name(code), code)
        _restore_choice(self.language, chosen)
        self.count.setText(
            ngettext("{count} registration", "{count} registrations", self._count).format(
                count=self._count
            )
        )
        self.model.retranslate()
        self._show_actions()
        if self._outcome is not None:
            self.problem.setText(self._outcome())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the page's texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _filter_boxes(self) -> tuple[QComboBox, ...]:
        return (
            self.day_filter,
            self.theme_filter,
            self.status_filter,
            self.checked_in_filter,
            self.day,
            self.first_theme,
            self.second_theme,
        )

    def _fill_days(self) -> None:
        """The event's days in the day filter and the form's day, keeping their choices."""
        days = self.event_info.days if self.event_info is not None else ()
        for box, first in ((self.day_filter, _("All days")), (self.day, None)):
            chosen = box.currentData()
            box.clear()
            if first is not None:
                box.addItem(first, None)
            for day in days:
                box.addItem(_("Day {number}").format(number=day.number), day.id)
            if box is self.day:
                box.setCurrentIndex(box.findData(chosen))
            else:
                _restore_choice(box, chosen)

    def _fill_themes(self, themes: list[tuple[int, str]]) -> None:
        """The event's themes in the theme filter and the form's choices, keeping them."""
        self._themes = themes
        for box, first in (
            (self.theme_filter, _("All themes")),
            (self.first_theme, None),
            (self.second_theme, _("No second choice")),
        ):
            chosen = box.currentData()
            was = box.blockSignals(True)
            box.clear()
            if first is not None:
                box.addItem(first, None)
            for theme_id, name in themes:
                box.addItem(name, theme_id)
            if box is self.first_theme:
                box.setCurrentIndex(box.findData(chosen))
            else:
                _restore_choice(box, chosen)
            box.blockSignals(was)

    # --- the event and the list -------------------------------------------------------

    def show_event(self, event: EventInfo | None) -> None:
        """Offer the event's days (the workspace calls this when the event is shown)."""
        self.event_info = event
        blocked = [box.blockSignals(True) for box in (self.day_filter, self.day)]
        self._fill_days()
        for box, was in zip((self.day_filter, self.day), blocked, strict=True):
            box.blockSignals(was)
        if self.shown is not None:
            self._show_person(self.shown)

    def _forget(self) -> None:
        """Another database: nobody of the old one stays on screen."""
        self.model.show_rows([])
        self._show_person(None)
        self._themes = []

    def filters(self) -> RegistrationFilters:
        """What the search box and the filters ask for."""
        status = self.status_filter.currentData()
        return RegistrationFilters(
            text=self.search.text() if len(self.search.text().strip()) >= 2 else "",
            day_id=self.day_filter.currentData(),
            theme_id=self.theme_filter.currentData(),
            status=RegistrationStatus(status) if status else None,
            checked_in=self.checked_in_filter.currentData(),
            with_note=self.with_note.isChecked(),
            without_consent=self.without_consent.isChecked(),
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """On screen: read the list (the window's refresh keeps it live from then on)."""
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        """Read the list again for the search and the filters, off the GUI thread; one
        reading at a time, and one asked for meanwhile follows it."""
        if self._task is not None:
            self._read_again = True
            return
        filters, database, made = self.filters(), self.context.database, self._changes_made

        def finished() -> None:
            self._task = None
            if self._read_again:
                self._read_again = False
                self.reload()

        self._task = run_in_background(
            lambda _report: read_registrations(database, filters),
            pool=self.context.pool,
            on_success=lambda reading: self._show_reading(filters, made, reading),
            on_known_error=lambda error: self.count.setText(error.message),
            on_finished=finished,
        )

    @property
    def reading(self) -> bool:
        """Whether the list is being read (or another reading waits)."""
        return self._task is not None or self._read_again

    def live_reading(self) -> LiveReading:
        """The window's refresh: what to read for the list as it is filtered now."""
        filters, made = self.filters(), self._changes_made
        return lambda database: (filters, made, read_registrations(database, filters))

    def show_live(self, reading: object) -> None:
        """Show what `live_reading` read."""
        filters, made, read = cast(tuple[RegistrationFilters, int, Reading], reading)
        self._show_reading(filters, made, read)

    def _show_reading(self, filters: RegistrationFilters, made: int, reading: Reading) -> None:
        if filters != self.filters() or made != self._changes_made:
            return  # read for other filters, or before a change: a newer reading follows
        rows, themes = reading
        if themes != self._themes:
            self._fill_themes(themes)
        # The list changing under the view moves its current row when the person chosen
        # is no longer listed (saved out of a filter, merged away): the form stays on them,
        # and the list then shows nobody chosen rather than a neighbour.
        self._refreshing = True
        try:
            self.model.show_rows(rows)
            if self.shown is not None and self.model.row_of(self.shown.id) is None:
                self.view.selectionModel().clear()
        finally:
            self._refreshing = False
        self._count = len(rows)
        self.count.setText(
            ngettext("{count} registration", "{count} registrations", self._count).format(
                count=self._count
            )
        )
        shown = self.shown
        if shown is None:
            return
        fresh = next((row for row in rows if row.id == shown.id), None)
        # Someone else's change (another laptop, the desk) comes into the form unless
        # the organiser is typing there: then their save says the record changed.
        if fresh is not None and fresh != shown and not self.unsaved_changes():
            self._show_person(fresh)

    # --- choosing a person --------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """↑ and ↓ in the search box walk the people found; Enter in the search box or
        the list goes to the chosen person's form."""
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if watched is self.search and self._step(event.key()):
                return True
            if watched is self.view and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._to_form()
                return True
        return super().eventFilter(watched, event)

    def _step(self, key: int) -> bool:
        rows = self.sorted.rowCount()
        if key not in (Qt.Key.Key_Up, Qt.Key.Key_Down) or not rows:
            return False
        current = self.view.currentIndex().row()
        target = 0 if current < 0 else current + (1 if key == Qt.Key.Key_Down else -1)
        self.view.setCurrentIndex(self.sorted.index(max(0, min(rows - 1, target)), 0))
        return True

    def _to_form(self) -> None:
        if self.shown is not None:
            self.first_name.setFocus(Qt.FocusReason.TabFocusReason)
            self.first_name.selectAll()

    def _picked(
        self, current: QModelIndex | QPersistentModelIndex, _previous: object = None
    ) -> None:
        if not current.isValid() or self._refreshing:
            return
        row = self.model.row_at(self.sorted.mapToSource(current).row())
        if self.shown is None or row.id != self.shown.id:
            self._say(None)
            self._show_person(row)

    def current_row(self) -> RegistrationRow | None:
        """The registration chosen in the list."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.sorted.mapToSource(index).row())

    def _show_person(self, row: RegistrationRow | None) -> None:
        """Fill the form with `row` (None: an empty form, nothing to do)."""
        self.shown = row
        self.form.setEnabled(row is not None)
        texts = (
            (self.first_name, row.first_name if row else ""),
            (self.last_name, row.last_name if row else ""),
            (self.email, (row.email if row else None) or ""),
            (self.phone, (row.phone if row else None) or ""),
            (self.street, (row.street if row else None) or ""),
            (self.postcode, (row.postcode if row else None) or ""),
            (self.town, (row.town if row else None) or ""),
            (self.language_need, (row.language_need if row else None) or ""),
            (self.desk_note, (row.desk_note if row else None) or ""),
            (self.stay_with, (row.stay_with if row else None) or ""),
        )
        for box, text in texts:
            if box.text() != text:  # the same text stays where the cursor is
                box.setText(text)
        self.language.setCurrentIndex(self.language.findData(row.language if row else None))
        self.day.setCurrentIndex(self.day.findData(row.day_id if row else None))
        self.first_theme.setCurrentIndex(
            self.first_theme.findData(row.first_theme_id if row else None)
        )
        _restore_choice(self.second_theme, row.second_theme_id if row else None)
        self.consent.setChecked(bool(row and row.consent))
        self.contact_consent.setChecked(bool(row and row.contact_consent))
        self._show_actions()

    def _show_actions(self) -> None:
        """The summary and the buttons for the person shown, in the language of now."""
        row = self.shown
        cancelled = row is not None and row.status == RegistrationStatus.CANCELLED
        self.cancel_button.setText(
            _("Res&tore registration") if cancelled else _("&Cancel registration")
        )
        checked_in = row is not None and bool(row.checked_in_days)
        self.check_in_button.setText(_("&Undo check-in") if checked_in else _("Check &in"))
        self.check_in_button.setEnabled(
            row is not None and (checked_in or (row.day_number is not None and not cancelled))
        )
        if row is None:
            self.summary.setText(_("Choose a person in the list."))
            return
        parts = [
            _("badge {code}").format(code=format_badge_code(row.badge_code)),
            _(STATUS_LABELS[row.status]),
            _("checked in on day {days}").format(days=", ".join(map(str, row.checked_in_days)))
            if checked_in
            else _("not checked in yet"),
        ]
        self.summary.setText(f"{row.name}: " + " · ".join(parts))

    def _changes(self) -> dict[str, Any]:
        """What the form says differently from the registration it was filled with."""
        row = self.shown
        if row is None:
            return {}
        typed: dict[str, Any] = {
            "first_name": self.first_name.text(),
            "last_name": self.last_name.text(),
            "email": self.email.text() or None,
            "phone": self.phone.text() or None,
            "street": self.street.text() or None,
            "postcode": self.postcode.text() or None,
            "town": self.town.text() or None,
            "contact_consent": self.contact_consent.isChecked(),
            "language": self.language.currentData(),
            "language_need": self.language_need.text() or None,
            "desk_note": self.desk_note.text() or None,
            "stay_with": self.stay_with.text() or None,
            "profile_consent": self.consent.isChecked(),
            "day_id": self.day.currentData(),
            "first_theme_id": self.first_theme.currentData(),
            "second_theme_id": self.second_theme.currentData(),
        }
        before = {
            "first_name": row.first_name,
            "last_name": row.last_name,
            "email": row.email,
            "phone": row.phone,
            "street": row.street,
            "postcode": row.postcode,
            "town": row.town,
            "contact_consent": row.contact_consent,
            "language": row.language,
            "language_need": row.language_need,
            "desk_note": row.desk_note,
            "stay_with": row.stay_with,
            "profile_consent": row.consent,
            "day_id": row.day_id,
            "first_theme_id": row.first_theme_id,
            "second_theme_id": row.second_theme_id,
        }
        return {name: value for name, value in typed.items() if value != before[name]}

    def unsaved_changes(self) -> bool:
        """Whether the form holds changes not saved yet."""
        return bool(self._changes())

    # --- changing a registration ------------------------------------------------------

    def _say(self, words: Callable[[], str] | None, *, problem: bool = False) -> None:
        """Say under the form what the last action came to (again after a language switch)."""
        self._outcome = words
        restyle(self.problem, tone="problem" if problem else "ok")
        self.problem.setText(words() if words is not None else "")

    def _change(self, work: Callable[[], RegistrationRow], done: Callable[[], str]) -> None:
        """Run one change of the registration shown off the GUI thread; then show the
        registration as it is now and read the list again (the chosen row stays)."""
        if self._action is not None:
            return

        def succeeded(row: RegistrationRow) -> None:
            self._show_person(row)
            self._say(done)
            self.changed.emit()

        def refused(error: KnownError) -> None:
            message = error.message
            self._say(lambda: message, problem=True)

        def finished() -> None:
            self._action = None
            self._changes_made += 1
            for button in self._buttons():
                button.setEnabled(True)
            self._show_actions()
            self.reload()

        for button in self._buttons():
            button.setEnabled(False)
        self._action = run_in_background(
            lambda _report: work(),
            pool=self.context.pool,
            on_success=succeeded,
            on_known_error=refused,
            on_finished=finished,
        )

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.save_button,
            self.check_in_button,
            self.cancel_button,
            self.merge_button,
            self.reprint_button,
        )

    def save(self) -> None:
        """Save what the form says (Ctrl+S); a refusal says why under the form."""
        row = self.shown
        if row is None:
            self._say(lambda: _("Choose a person first."), problem=True)
            return
        changes, database, actor = self._changes(), self.context.database, self.context.actor()
        self._change(
            lambda: update_registration(database, row.id, row.version, changes, actor),
            lambda: _("Saved."),
        )

    def toggle_cancelled(self) -> None:
        """Cancel the registration shown, or restore it when it is cancelled."""
        row, database, actor = self.shown, self.context.database, self.context.actor()
        if row is None:
            return
        if row.status == RegistrationStatus.CANCELLED:
            self._change(
                lambda: restore_registration(database, row.id, row.version, actor),
                lambda: _("The registration is restored."),
            )
        else:
            self._change(
                lambda: cancel_registration(database, row.id, row.version, actor),
                lambda: _("The registration is cancelled; the seat is free."),
            )

    def toggle_check_in(self) -> None:
        """Undo the check-in of the person shown (on their own day first), or check them
        in on their day."""
        row, database, desk = self.shown, self.context.database, self.context.desk_name
        actor = self.context.actor(default=desk)
        if row is None:
            return
        if row.checked_in_days:
            on_day: int = (
                row.day_number
                if row.checked_in and row.day_number is not None
                else row.checked_in_days[0]
            )
            self._change(
                lambda: undo_check_in_of(database, row.id, day_number=on_day, desk=desk),
                lambda: _("The check-in is undone."),
            )
        elif row.day_number is not None:
            number = row.day_number
            self._change(
                lambda: check_in_again(database, row.id, day_number=number, desk=desk, actor=actor),
                lambda: _("Checked in on day {number}.").format(number=number),
            )

    def ask_other_record(self, keep: RegistrationRow) -> int | None:
        """The registration to merge into `keep`, chosen in a dialog (tests replace this)."""
        dialog = MergeDialog(self.context, keep, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen

    def merge(self) -> None:
        """Merge another record of the person shown into theirs."""
        row, database, actor = self.shown, self.context.database, self.context.actor()
        if row is None:
            return
        other = self.ask_other_record(row)
        if other is None:
            return
        self._change(
            lambda: merge_registrations(database, row.id, other, actor),
            lambda: _("The two registrations are one now; the other is cancelled."),
        )

    def reprint(self) -> None:
        """The desk's badge dialog on the person shown: a second badge asks for a reason."""
        row = self.shown
        if row is None:
            return
        PrintBadgeDialog(self.context, self, person=(row.id, row.name)).exec()
