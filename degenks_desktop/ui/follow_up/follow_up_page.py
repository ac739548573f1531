"""Organisatie → Opvolging: what happens with the ideas after the day.

The list holds every selected idea of a locked ten and every concept, narrowed by theme.
Choosing one shows its editor: where it goes (a destination from the organisers' list,
kept in the Destinations… dialog), its status, from which date and why, and its history
below. Saving needs an organiser. The follow-up report ("What happened with your
ideas?") and the export are made off the GUI thread. The page only calls the services of
`services/follow_up`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.date_style import day_on_badge, day_on_paper
from degenks_desktop.domain.follow_up import FOLLOW_UP_STATUS_LABELS, FollowUpStatus
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import LANGUAGES, N_, _, current_language, ngettext
from degenks_desktop.services.follow_up.follow_ups import (
    CONCEPT,
    EXPLANATION_LIMIT,
    Destination,
    FollowUpItem,
    FollowUpStepRow,
    add_destination,
    destinations,
    follow_up_history,
    follow_up_items,
    remove_destination,
    rename_destination,
    set_follow_up,
)
from degenks_desktop.services.house.events import EventInfo, theme_codes
from degenks_desktop.services.house.organisers import OrganiserAccess
from degenks_desktop.ui.shell.background import Report
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.file_jobs import FileJobPage
from degenks_desktop.ui.shell.labels import interface_locale
from degenks_desktop.ui.shell.live_model import LiveTableModel
from degenks_desktop.ui.shell.organiser_dialog import with_organiser
from degenks_desktop.ui.shell.widgets import guidance_label, problem_label

SETTING_FOLLOW_UP_FOLDER = "follow_up/last_folder"
KINDS = {"idea": N_("idea"), CONCEPT: N_("concept")}


def _qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


class FollowUpModel(LiveTableModel[FollowUpItem]):
    """The ideas and concepts followed up, one a row: kind, theme, table, text,
    destination, status and since when."""

    KIND, THEME, TABLE, TEXT, DESTINATION, STATUS, SINCE = range(7)
    COLUMNS = (
        N_("Kind"),
        N_("Theme"),
        N_("Table"),
        N_("Idea or concept"),
        N_("Goes to"),
        N_("Status"),
        N_("Since"),
    )

    def key(self, row: FollowUpItem) -> Hashable:
        """An idea or a concept, whatever its follow-up says now."""
        return row.key

    def cell(self, row: FollowUpItem, column: int, role: int) -> Any:
        """The item in words; sorted by what the words stand for (the table by day and
        number, the status in its order, the date as a date)."""
        if role == Qt.ItemDataRole.UserRole:
            if column == self.TABLE:
                return row.day * 1000 + row.table
            if column == self.STATUS:
                return list(FollowUpStatus).index(row.status)
            if column == self.SINCE:
                return row.status_on.isoformat() if row.status_on is not None else ""
            return self.cell(row, column, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TEXT, self.DESTINATION):
            return row.text if column == self.TEXT else row.destination
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.KIND:
            return _(KINDS.get(row.kind, row.kind))
        if column == self.THEME:
            return row.theme_name
        if column == self.TABLE:
            return _("day {day}, table {number}").format(day=row.day, number=row.table)
        if column == self.TEXT:
            return row.text
        if column == self.DESTINATION:
            return row.destination or ""
        if column == self.STATUS:
            return _(FOLLOW_UP_STATUS_LABELS[row.status])
        return day_on_badge(row.status_on) if row.status_on is not None else ""


class DestinationsDialog(QDialog):
    """The organisers' list of destinations: add, rename, remove (each as an organiser)."""

    def __init__(self, context: AppContext, event_id: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("destinationsDialog")
        self.context = context
        self.event_id = event_id
        self.held: list[Destination] = []
        self.list = QListWidget()
        self.list.setObjectName("destinationList")
        self.list.currentRowChanged.connect(self._chosen)
        self.name = QLineEdit()
        self.name.setObjectName("destinationName")
        self.name.setMaxLength(200)
        self.name.returnPressed.connect(self.add)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addDestination")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton()
        self.rename_button.setObjectName("renameDestination")
        self.rename_button.setAutoDefault(False)
        self.rename_button.clicked.connect(self.rename)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeDestination")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeDestinations")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        self.problem = problem_label("destinationProblem")
        row = QHBoxLayout()
        row.addWidget(self.name_label)
        row.addWidget(self.name, stretch=1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, stretch=1)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.resize(520, 420)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        """The dialog's words in the language of the moment."""
        self.setWindowTitle(_("Destinations"))
        self.name_label.setText(_("&Name"))
        self.name.setPlaceholderText(_("A policy domain or a service, such as Mobility"))
        self.add_button.setText(_("&Add"))
        self.rename_button.setText(_("Re&name"))
        self.remove_button.setText(_("Re&move"))
        self.close_button.setText(_("&Close"))
        self._show_list()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the dialog's words in it."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, chosen: int | None = None) -> None:
        """Read the list again; `chosen` (a destination's id) is chosen after."""
        try:
            self.held = destinations(self.context.database, self.event_id)
        except KnownError as error:
            self.problem.setText(error.message)
            return
        self._show_list(chosen)

    def _show_list(self, chosen: int | None = None) -> None:
        if chosen is None and 0 <= self.list.currentRow() < len(self.held):
            chosen = self.held[self.list.currentRow()].id
        self.list.blockSignals(True)
        self.list.clear()
        for destination in self.held:
            words = ngettext("{count} item", "{count} items", destination.follow_ups).format(
                count=destination.follow_ups
            )
            item = QListWidgetItem(f"{destination.name} ({words})")
            item.setData(Qt.ItemDataRole.UserRole, destination.id)
            self.list.addItem(item)
        ids = [destination.id for destination in self.held]
        self.list.setCurrentRow(ids.index(chosen) if chosen in ids else -1)
        self.list.blockSignals(False)

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.held):
            self.name.setText(self.held[row].name)

    def _current(self) -> Destination | None:
        row = self.list.currentRow()
        return self.held[row] if 0 <= row < len(self.held) else None

    def _as_organiser(self, then: Callable[[OrganiserAccess], int | None]) -> None:
        def act(organiser: OrganiserAccess) -> None:
            self.problem.clear()
            try:
                chosen = then(organiser)
            except KnownError as error:
                self.problem.setText(error.message)
                return
            self.load(chosen)

        with_organiser(self.context, self, act)

    def add(self) -> None:
        """Add the name typed as a new destination."""
        name = self.name.text()

        def added(organiser: OrganiserAccess) -> int:
            made = add_destination(
                self.context.database, self.event_id, name, actor=organiser.actor
            )
            self.name.clear()
            return made

        self._as_organiser(added)

    def rename(self) -> None:
        """Give the chosen destination the name typed."""
        chosen, name = self._current(), self.name.text()
        if chosen is None:
            self.problem.setText(_("Choose the destination to rename in the list."))
            return

        def renamed(organiser: OrganiserAccess) -> int:
            rename_destination(self.context.database, chosen.id, name, actor=organiser.actor)
            return chosen.id

        self._as_organiser(renamed)

    def remove(self) -> None:
        """Take the chosen destination off the list (refused while items go there)."""
        chosen = self._current()
        if chosen is None:
            self.problem.setText(_("Choose the destination to remove in the list."))
            return

        def removed(organiser: OrganiserAccess) -> None:
            remove_destination(self.context.database, chosen.id, actor=organiser.actor)
            self.name.clear()

        self._as_organiser(removed)


class FollowUpPage(FileJobPage):
    """The follow-up of every selected idea and concept, its editor and history, the
    destinations, the report and the export."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, outcome_name="followUpOutcome", open_text=N_("&Open"))
        self._event: EventInfo | None = None
        self._themes: list[tuple[str, str]] = []
        self._destinations: list[Destination] = []
        self._history: list[FollowUpStepRow] = []
        self._current: FollowUpItem | None = None
        self._message_words: Callable[[], str] | None = None

        self.guidance = guidance_label("")
        self.theme = QComboBox()
        self.theme.setObjectName("followUpTheme")
        self.theme.currentIndexChanged.connect(lambda _index: self.load())
        self.theme_label = QLabel()
        self.theme_label.setBuddy(self.theme)
        self.destinations_button = QPushButton()
        self.destinations_button.setObjectName("destinationsButton")
        self.destinations_button.clicked.connect(self.edit_destinations)
        self.language = QComboBox()
        self.language.setObjectName("followUpLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.report_button = QPushButton()
        self.report_button.setObjectName("followUpReport")
        self.report_button.clicked.connect(self.make_report)
        self.export_button = QPushButton()
        self.export_button.setObjectName("followUpExport")
        self.export_button.clicked.connect(self.make_export)

        self.model = FollowUpModel(self)
        self._sorted = QSortFilterProxyModel(self)
        self._sorted.setSourceModel(self.model)
        self._sorted.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView()
        self.view.setObjectName("followUpItems")
        self.view.setModel(self._sorted)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the services' order
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        for column in range(len(FollowUpModel.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FollowUpModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.item_text = QLabel()
        self.item_text.setObjectName("followUpItemText")
        self.item_text.setWordWrap(True)
        self.item_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.destination = QComboBox()
        self.destination.setObjectName("followUpDestination")
        self.status = QComboBox()
        self.status.setObjectName("followUpStatus")
        for status in FollowUpStatus:
            self.status.addItem("", status.value)
        self.status.activated.connect(lambda _index: self._today())
        self.date = QDateEdit()
        self.date.setObjectName("followUpDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setMaximumDate(QDate.currentDate())
        self.date.setDate(QDate.currentDate())
        self.explanation = QPlainTextEdit()
        self.explanation.setObjectName("followUpExplanation")
        self.explanation.setTabChangesFocus(True)  # Tab goes on to Save, as in a form
        self.explanation.setMinimumHeight(70)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveFollowUp")
        self.save_button.clicked.connect(self.save)
        self.problem = problem_label("followUpProblem")
        self.message = QLabel()
        self.message.setObjectName("followUpMessage")
        self.message.setWordWrap(True)
        self.history_title = QLabel()
        self.history = QListWidget()
        self.history.setObjectName("followUpHistory")
        self.history.setWordWrap(True)

        self._labels: dict[str, QLabel] = {}
        self.editor = self._editor()
        # Ctrl+Enter saves from anywhere in the editor, the explanation's box included.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.editor)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self._lay_out()
        self._show_item(None)
        self.retranslate()

    def _label(self, name: str, buddy: QWidget) -> QLabel:
        label = QLabel()
        label.setBuddy(buddy)
        self._labels[name] = label
        return label

    def _editor(self) -> QWidget:
        editor = QWidget()
        editor.setObjectName("followUpEditor")
        form = QFormLayout()
        form.addRow(self._label("destination", self.destination), self.destination)
        form.addRow(self._label("status", self.status), self.status)
        form.addRow(self._label("date", self.date), self.date)
        form.addRow(self._label("explanation", self.explanation), self.explanation)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.item_text)
        layout.addLayout(form)
        layout.addLayout(save_row)
        layout.addWidget(self.problem)
        layout.addWidget(self.message)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, stretch=1)
        return editor

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.theme_label)
        top.addWidget(self.theme, stretch=1)
        top.addWidget(self.destinations_button)
        top.addSpacing(12)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addWidget(self.report_button)
        top.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.guidance)
        layout.addLayout(top)
        layout.addWidget(splitter, stretch=1)
        layout.addLayout(self.outcome_row())
        for first, second in (
            (self.theme, self.destinations_button),
            (self.destinations_button, self.language),
            (self.language, self.report_button),
            (self.report_button, self.export_button),
            (self.export_button, self.view),
            (self.view, self.destination),
            (self.destination, self.status),
            (self.status, self.date),
            (self.date, self.explanation),
            (self.explanation, self.save_button),
        ):
            QWidget.setTabOrder(first, second)

    # --- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        """The page's texts in the language of the moment, from what it holds."""
        # The date's month in the interface's language ("13 apr 2013", not "Apr").
        self.date.setLocale(interface_locale())
        self.guidance.setText(
            _(
                "What happens with each table's ten best ideas and every concept: choose one, "
                "say where it goes and where it stands, and save. The report tells the "
                "participants."
            )
        )
        self.theme_label.setText(_("&Theme"))
        self.destinations_button.setText(_("&Destinations…"))
        self.language_label.setText(_("&Language"))
        self.report_button.setText(_("Follow-up &report (PDF)…"))
        self.export_button.setText(_("E&xport…"))
        labels = self._labels
        labels["destination"].setText(_("&Goes to"))
        labels["status"].setText(_("&Status"))
        labels["date"].setText(_("S&ince"))
        labels["explanation"].setText(_("&Why / what was done"))
        self.explanation.setPlaceholderText(
            _("Required for not taken up and done: the participants read it.")
        )
        self.save_button.setText(_("&Save"))
        self.save_button.setToolTip(_("Save (Ctrl+Enter)"))
        self.history_title.setText(_("History"))
        for index, status in enumerate(FollowUpStatus):
            self.status.setItemText(index, _(FOLLOW_UP_STATUS_LABELS[status]))
        self._fill_themes()
        self._fill_destinations()
        self.model.retranslate()
        self._show_item_text()
        self._show_history()
        if self._message_words is not None:
            self.message.setText(self._message_words())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the page's texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the event --------------------------------------------------------------------

    def show_event(self, event: EventInfo | None) -> None:
        """Work on `event`: its themes, destinations and items."""
        self._event = event
        try:
            self._themes = theme_codes(self.context.database) if event is not None else []
        except KnownError as error:
            self._say_problem(error.message)
            self._themes = []
        self._fill_themes()
        self.load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Another laptop may have set statuses: read again (the editor keeps what is typed).
        super().showEvent(event)
        if self._event is not None:
            self.load()

    def _fill_themes(self) -> None:
        chosen = self.theme.currentData()
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem(_("All themes"), None)
        for code, name in self._themes:
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(chosen)))
        self.theme.blockSignals(False)

    def _fill_destinations(self) -> None:
        chosen = self.destination.currentData()
        self.destination.clear()
        self.destination.addItem(_("not yet decided"), None)
        for destination in self._destinations:
            self.destination.addItem(destination.name, destination.id)
        self.destination.setCurrentIndex(max(0, self.destination.findData(chosen)))

    def load(self) -> None:
        """Read the items (of the theme chosen) and the destinations again; the row chosen
        stays chosen."""
        if self._event is None:
            self.model.show_rows([])
            return
        database, event_id = self.context.database, self._event.id
        try:
            items = follow_up_items(database, event_id, theme_code=self.theme.currentData())
            self._destinations = destinations(database, event_id)
        except KnownError as error:
            self._say_problem(error.message)
            return
        self._fill_destinations()
        self.model.show_rows(items)
        if self._current is not None:
            row = self.model.row_of(self._current.key)
            if row is None:
                self._show_item(None)
            else:
                self._current = self.model.row_at(row)
                self._show_item_text()

    # --- the item chosen --------------------------------------------------------------

    def current_item(self) -> FollowUpItem | None:
        """The idea or concept chosen in the list."""
        return self._current

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self._show_item(None)
            return
        source = self._sorted.mapToSource(rows[0])
        self._show_item(self.model.row_at(source.row()))

    def _show_item(self, item: FollowUpItem | None) -> None:
        """Fill the editor with `item`'s follow-up as it stands, and its history."""
        self._current = item
        self._clear_messages()
        for widget in (self.destination, self.status, self.date, self.explanation):
            widget.setEnabled(item is not None)
        self.save_button.setEnabled(item is not None)
        if item is None:
            self.explanation.clear()
            self._history = []
        else:
            self.destination.setCurrentIndex(max(0, self.destination.findData(item.destination_id)))
            self.status.setCurrentIndex(max(0, self.status.findData(item.status.value)))
            self.date.setMaximumDate(QDate.currentDate())
            self.date.setDate(
                _qdate(item.status_on) if item.status_on is not None else QDate.currentDate()
            )
            self.explanation.setPlainText(item.explanation)
            self._history = self._read_history(item)
        self._show_item_text()
        self._show_history()

    def _read_history(self, item: FollowUpItem) -> list[FollowUpStepRow]:
        if item.follow_up_id is None:
            return []
        try:
            return follow_up_history(self.context.database, item.follow_up_id)
        except KnownError as error:
            self._say_problem(error.message)
            return []

    def _today(self) -> None:
        # A new status is from today unless the organiser says otherwise.
        self.date.setDate(QDate.currentDate())

    def _show_item_text(self) -> None:
        item = self._current
        if item is None:
            self.item_text.setText(_("Choose an idea or a concept in the list."))
            return
        where = _("{theme}, day {day}, table {number}").format(
            theme=item.theme_name, day=item.day, number=item.table
        )
        kind = _(KINDS.get(item.kind, item.kind))
        self.item_text.setText(f"{kind} · {where}\n{item.text}")

    def _show_history(self) -> None:
        self.history.clear()
        if not self._history:
            self.history.addItem(_("No status set yet: it reads as received."))
            return
        for step in reversed(self._history):  # the latest on top
            line = f"{day_on_paper(step.status_on)}: {_(FOLLOW_UP_STATUS_LABELS[step.status])}"
            if step.destination:
                line += f" → {step.destination}"
            if step.explanation:
                line += f"\n{step.explanation}"
            if step.recorded_by:
                line += "\n" + _("saved by {name}").format(name=step.recorded_by)
            self.history.addItem(line)

    # --- saving -----------------------------------------------------------------------

    def save(self) -> None:
        """Save the editor's follow-up for the item chosen (as the organiser signed in)."""
        if self._current is None:
            return
        if len(self.explanation.toPlainText().strip()) > EXPLANATION_LIMIT:
            self._say_problem(
                _("The explanation is at most {limit} characters: shorten it.").format(
                    limit=EXPLANATION_LIMIT
                )
            )
            return
        with_organiser(self.context, self, self._save_as)

    def _save_as(self, organiser: OrganiserAccess) -> None:
        item = self._current
        if item is None:
            return
        self._clear_messages()
        chosen = self.date.date()
        kind = {"idea_id": item.id} if item.kind != CONCEPT else {"concept_id": item.id}
        try:
            set_follow_up(
                self.context.database,
                **kind,
                destination_id=self.destination.currentData(),
                status=FollowUpStatus(str(self.status.currentData())),
                explanation=self.explanation.toPlainText(),
                status_on=dt.date(chosen.year(), chosen.month(), chosen.day()),
                actor=organiser.actor,
            )
        except KnownError as error:
            self._say_problem(error.message)
            return
        self.load()
        if self._current is not None:
            self._history = self._read_history(self._current)
            self._show_history()
        self._say(lambda: _("Saved: the follow-up report shows it."))

    # --- destinations -----------------------------------------------------------------

    def edit_destinations(self) -> None:
        """Open the list of destinations; the page reads them again when it closes."""
        if self._event is None:
            return
        dialog = DestinationsDialog(self.context, self._event.id, self)
        dialog.finished.connect(lambda _result: self.load())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- the report and the export ----------------------------------------------------

    def ask_target(self, suggested: str, kinds: str) -> Path | None:
        """Where to save (tests replace this)."""
        return self.ask_save_path(
            title=_("Save as"),
            suggested=suggested,
            kinds=kinds,
            folder_setting=SETTING_FOLLOW_UP_FOLDER,
        )

    def make_report(self) -> None:
        """The follow-up report of the theme chosen (or all), in the language chosen."""
        if self._event is None or self.task is not None:
            return
        from degenks_desktop.services.follow_up.follow_up_report import (  # noqa: PLC0415
            render_follow_up_report,
        )

        target = self.ask_target(_("follow-up.pdf"), _("PDF (*.pdf)"))
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        database, event_id = self.context.database, self._event.id
        theme, language = self.theme.currentData(), str(self.language.currentData())

        def job(report: Report) -> str:
            pages = render_follow_up_report(
                database, event_id, target, theme_code=theme, language=language, progress=report
            )
            return ngettext(
                "Follow-up report written, {count} page: {path}",
                "Follow-up report written, {count} pages: {path}",
                pages,
            ).format(count=pages, path=target)

        self.run_job(job, target, label=N_("Making the report…"), buttons=self._file_buttons())

    def make_export(self) -> None:
        """The follow-up as Excel or CSV, by the file's name (it holds no personal data)."""
        if self._event is None or self.task is not None:
            return
        from degenks_desktop.services.follow_up.follow_up_report import (  # noqa: PLC0415
            follow_up_table,
        )
        from degenks_desktop.services.reporting.exports import write_table  # noqa: PLC0415

        target = self.ask_target(_("follow-up.xlsx"), _("Excel (*.xlsx);;CSV (*.csv)"))
        if target is None:
            return
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + ".xlsx")
        database, event_id, theme = self.context.database, self._event.id, self.theme.currentData()

        def job(report: Report) -> str:
            header, rows = follow_up_table(database, event_id, theme_code=theme)
            report(1, 2)
            count = write_table(target, header, rows)
            return ngettext(
                "{count} row written: {path}", "{count} rows written: {path}", count
            ).format(count=count, path=target)

        self.run_job(job, target, label=N_("Exporting…"), buttons=self._file_buttons())

    def _file_buttons(self) -> tuple[QPushButton, ...]:
        return (self.report_button, self.export_button)

    # --- messages ---------------------------------------------------------------------

    def _say(self, words: Callable[[], str]) -> None:
        self.problem.clear()
        self._message_words = words
        self.message.setText(words())

    def _say_problem(self, sentence: str) -> None:
        self.message.clear()
        self._message_words = None
        self.problem.setText(sentence)

    def _clear_messages(self) -> None:
        self.problem.clear()
        self.message.clear()
        self._message_words = None
