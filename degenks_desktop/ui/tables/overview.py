"""Organisatie → Tafels: every table's phase and counts, live, and unlocking a selection.

A language switch retitles the list and rewords its phases in place (the model's
`retranslate`), keeping the organiser's chosen table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.i18n import N_, _
from degenks_desktop.services.tables.access import organiser_access
from degenks_desktop.services.tables.ideas import ideas_at_table
from degenks_desktop.services.tables.overview import Phase, TableProgress
from degenks_desktop.services.tables.top_ten import table_selection
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.live_model import LiveTableModel
from degenks_desktop.ui.tables.commitments_view import CommitmentsView
from degenks_desktop.ui.tables.idea_model import IdeaListModel

PHASE_NAMES = {
    Phase.WAITING: N_("not started"),
    Phase.IDEAS: N_("ideas"),
    Phase.VOTING: N_("voting"),
    Phase.CONCEPTS: N_("concepts"),
}


class TableProgressModel(LiveTableModel[TableProgress]):
    """One row per table of the day, known by its table id across refreshes."""

    COLUMNS = (
        N_("Table"),
        N_("Theme"),
        N_("Facilitator"),
        N_("Phase"),
        N_("Ideas"),
        N_("Duos without ideas"),
        N_("Dots"),
        N_("Concepts"),
    )
    NUMBER, THEME, FACILITATOR, PHASE, IDEAS, SILENT_DUOS, DOTS, CONCEPTS = range(8)

    def show_tables(self, rows: list[TableProgress]) -> None:
        """Show the day's tables as they are now (refreshed every few seconds): a table
        keeps its row, so the organiser's choice and place in the list stay."""
        self.show_rows(rows)

    def table_at(self, row: int) -> TableProgress:
        """The table on `row`."""
        return self.row_at(row)

    def key(self, row: TableProgress) -> int:
        return row.table_id

    def cell(self, row: TableProgress, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            if (
                role == Qt.ItemDataRole.BackgroundRole
                and column == self.SILENT_DUOS
                and row.silent_duos
            ):
                return QBrush(QColor("#fde2e1"))
            return None
        if role == Qt.ItemDataRole.UserRole and column == self.CONCEPTS:
            return row.concepts  # sort key
        values = (
            row.number,
            row.theme,
            row.facilitator,
            _(PHASE_NAMES[row.phase]),
            row.ideas,
            row.silent_duos,
            row.dots,
            f"{row.concepts}" if not row.locked else f"{row.concepts} / 10",
        )
        return values[column]


class TableIdeasDialog(QDialog):
    """What one table has made, for the organisers: its ideas, dots and the ten, and its
    people's own commitments, typed in here from the printed cards."""

    def __init__(self, context: AppContext, table_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        database = context.database
        self.access = organiser_access(database, table_id)
        self.model = IdeaListModel(
            on_text_edited=lambda _idea, _text: False,
            on_dots_edited=lambda _idea, _dots: False,
            on_person_dots_edited=lambda _idea, _dots: False,
            parent=self,
        )
        self.model.read_only = True
        selection = table_selection(database, self.access)
        chosen = selection.selected if selection.locked else selection.standing.sure
        tied = () if selection.locked else selection.standing.tied
        self.model.show_ideas(
            ideas_at_table(database, self.access), selected=set(chosen), tied=set(tied)
        )
        view = QTableView()
        view.setObjectName("organiserIdeas")
        view.setModel(self.model)
        view.setColumnHidden(IdeaListModel.PERSON, True)
        view.verticalHeader().setVisible(False)
        view.setWordWrap(True)
        view.horizontalHeader().setSectionResizeMode(
            IdeaListModel.TEXT, QHeaderView.ResizeMode.Stretch
        )
        self.commitments = CommitmentsView(context, self.access)
        self.tabs = QTabWidget()
        self.tabs.addTab(view, "")
        self.tabs.addTab(self.commitments, "")
        self.tabs.currentChanged.connect(
            lambda index: self.commitments.start_typing() if index == 1 else None
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.retranslate()

    def retranslate(self) -> None:
        """The title and the list's columns in the current language (Close is Qt's own)."""
        self.setWindowTitle(
            _("Table {number} — {theme}").format(
                number=self.access.table_number, theme=self.access.theme
            )
        )
        self.tabs.setTabText(0, _("Ideas"))
        self.tabs.setTabText(1, _("Own commitments"))
        self.model.retranslate()

    def done(self, result: int) -> None:
        """Closing saves the commitment still being typed."""
        self.commitments.finish_typing()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the dialog's texts again, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class TablesOverview(QWidget):
    """The live overview of the day's tables, with Unlock for a locked selection."""

    unlock_requested = Signal(int, str)  # table id, reason
    ideas_requested = Signal(int)  # table id
    pin_requested = Signal(int, str)  # table id, new PIN

    def __init__(self) -> None:
        super().__init__()
        self.model = TableProgressModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView()
        self.view.setObjectName("tablesOverview")
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(TableProgressModel.NUMBER, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self._show_ideas)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self._unlock)
        self.outcome = QLabel()
        self.outcome.setObjectName("overviewOutcome")
        self.outcome.setWordWrap(True)
        self.pin_button = QPushButton()
        self.pin_button.setObjectName("pinButton")
        self.pin_button.clicked.connect(self._new_pin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pin_button)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.outcome, stretch=1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, stretch=1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """The buttons, column titles and phases in the current language, in place: the
        chosen table, the sort and the scroll stay (the outcome is the last action's)."""
        self.unlock_button.setText(_("&Unlock the selection…"))
        self.pin_button.setText(_("Set the facilitator's &PIN…"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the overview's texts again (`retranslate`)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def selected_table(self) -> TableProgress | None:
        """The table chosen in the list."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        proxy = self.view.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        return self.model.table_at(proxy.mapToSource(rows[0]).row())

    @classmethod
    def ask_reason(cls, parent: QWidget, number: int) -> str | None:
        """Why the selection is unlocked (tests replace this)."""
        reason, confirmed = QInputDialog.getText(
            parent,
            _("Unlock"),
            _("Why is the selection of table {number} unlocked?").format(number=number),
        )
        return reason if confirmed else None

    @classmethod
    def ask_pin(cls, parent: QWidget, number: int) -> str | None:
        """A new PIN for the facilitator of table `number`, typed twice (tests replace this)."""
        first, confirmed = QInputDialog.getText(
            parent,
            _("PIN"),
            _("New PIN for the facilitator of table {number} (6 to 8 digits):").format(
                number=number
            ),
            QLineEdit.EchoMode.Password,
        )
        if not confirmed:
            return None
        again, confirmed = QInputDialog.getText(
            parent, _("PIN"), _("The same PIN once more:"), QLineEdit.EchoMode.Password
        )
        if not confirmed:
            return None
        if again != first:
            QMessageBox.warning(parent, _("PIN"), _("The two PINs differ: nothing was changed."))
            return None
        return first

    def _new_pin(self) -> None:
        table = self.selected_table()
        if table is None:
            self.outcome.setText(_("Choose a table first."))
            return
        pin = self.ask_pin(self, table.number)
        if pin is not None:
            self.pin_requested.emit(table.table_id, pin)

    def _show_ideas(self) -> None:
        table = self.selected_table()
        if table is not None:
            self.ideas_requested.emit(table.table_id)

    def _unlock(self) -> None:
        table = self.selected_table()
        if table is None or not table.locked:
            self.outcome.setText(_("Choose a table whose selection is locked."))
            return
        reason = self.ask_reason(self, table.number)
        if reason is not None:
            self.unlock_requested.emit(table.table_id, reason)
