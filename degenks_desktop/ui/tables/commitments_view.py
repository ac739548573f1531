"""The table's own commitments ("wat ga ik zelf doen?"): one row per person seated at the
table, their words typed in place.

Typed as in a spreadsheet: the commitment cell of the current row is open for typing,
Enter (or leaving the cell) saves it through the service and goes down to the next
person; the last column says what is saved. The facilitator uses it at the end of the
session (Tafels), an organiser later from the printed cards (Organisatie → Tafels).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.date_style import clock
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.tables.access import TableAccess
from degenks_desktop.services.tables.commitments import (
    MAX_COMMITMENT,
    PersonCommitment,
    commitments_at_table,
    save_commitment,
)
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.widgets import guidance_label, problem_label

ModelIndex = QModelIndex | QPersistentModelIndex


class CommitmentModel(QAbstractTableModel):
    """One row per person at the table: duo, name, their commitment (editable), saved."""

    COLUMNS = (N_("Duo"), N_("Name"), N_("What will I do myself?"), N_("Saved"))
    DUO, NAME, TEXT, SAVED = range(4)

    def __init__(
        self, *, on_edited: Callable[[int, str], bool], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._on_edited = on_edited
        self._people: list[PersonCommitment] = []
        self._saved_at: dict[int, str] = {}

    def show_people(self, people: list[PersonCommitment]) -> None:
        """Show the table's people as the database holds them; the same people in the
        same order change only the rows that differ, so the current cell stays."""
        if [p.participant_id for p in people] != [p.participant_id for p in self._people]:
            self.beginResetModel()
            self._people = list(people)
            self.endResetModel()
            return
        for row, (old, new) in enumerate(zip(self._people, people, strict=True)):
            if old != new:
                self._people[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.SAVED))

    def person_at(self, row: int) -> PersonCommitment:
        """The person on `row`."""
        return self._people[row]

    def retranslate(self) -> None:
        """The column titles and the saved notes in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._people:
            self.dataChanged.emit(
                self.index(0, self.SAVED), self.index(len(self._people) - 1, self.SAVED)
            )

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.COLUMNS[section])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.TEXT:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == self.TEXT:
            return person.text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TEXT:
            return person.text or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.DUO:
            return "" if person.duo_number is None else str(person.duo_number)
        if column == self.NAME:
            return person.name
        if column == self.TEXT:
            return person.text
        if person.participant_id in self._saved_at:
            at = self._saved_at[person.participant_id]
            if not person.text:
                return _("✓ removed at {time}").format(time=at)
            return _("✓ saved at {time}").format(time=at)
        return _("✓ saved") if person.text else ""

    def setData(  # noqa: N802 - Qt's name
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.TEXT:
            return False
        person = self._people[index.row()]
        text = str(value).strip()
        if text == person.text:
            return False  # unchanged: nothing to save, nothing to say
        if not self._on_edited(person.participant_id, text):
            return False
        self._people[index.row()] = PersonCommitment(
            person.participant_id, person.name, person.duo_number, text
        )
        self._saved_at[person.participant_id] = clock(dt.datetime.now())
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.SAVED))
        return True


class CommitmentDelegate(QStyledItemDelegate):
    """A one-line editor that takes no more than a postcard holds; it remembers the open
    editor, so that signing out can save what is typed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor: QLineEdit | None = None

    def createEditor(  # noqa: N802 - Qt's name
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        _index: ModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("commitmentEditor")
        editor.setMaxLength(MAX_COMMITMENT)
        editor.setFrame(False)
        self.editor = editor
        return editor


class CommitmentTableView(QTableView):
    """The list of people: the current row's commitment is open for typing, and Enter
    saves and goes down to the next person, as on a sign-up sheet."""

    def edit(  # type: ignore[override]
        self,
        index: ModelIndex,
        trigger: QAbstractItemView.EditTrigger | None = None,
        event: QEvent | None = None,
    ) -> bool:
        """Open the cell with the cursor after what is written: a key typed by mistake
        adds to a commitment, never wipes it."""
        if trigger is None:  # the public slot, edit(index): Qt comes back here with a trigger
            super().edit(index)
            return True
        opened = bool(super().edit(index, trigger, event))  # type: ignore[arg-type]
        delegate = self.itemDelegateForColumn(CommitmentModel.TEXT)
        editor = delegate.editor if isinstance(delegate, CommitmentDelegate) else None
        if opened and editor is not None and shiboken6.isValid(editor) and event is None:
            editor.deselect()
            editor.end(False)
        return opened

    def closeEditor(  # noqa: N802 - Qt's name
        self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint
    ) -> None:
        """Enter or Tab saves (the delegate commits first) and goes to the next person,
        Shift+Tab to the one before."""
        steps = {
            QAbstractItemDelegate.EndEditHint.SubmitModelCache: 1,
            QAbstractItemDelegate.EndEditHint.EditNextItem: 1,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: -1,
        }
        step = steps.get(hint)
        if step is None:
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        row = self.currentIndex().row() + step
        if 0 <= row < self.model().rowCount():
            self.setCurrentIndex(self.model().index(row, CommitmentModel.TEXT))

    def currentChanged(  # noqa: N802 - Qt's name
        self, current: ModelIndex, previous: ModelIndex
    ) -> None:
        """Whichever cell of a row is chosen, its commitment is the one typed in."""
        if current.isValid() and current.column() != CommitmentModel.TEXT:
            self.setCurrentIndex(self.model().index(current.row(), CommitmentModel.TEXT))
            return
        super().currentChanged(current, previous)


class CommitmentsView(QWidget):
    """The commitments of one table's people, saved as they are typed."""

    def __init__(self, context: AppContext, access: TableAccess) -> None:
        super().__init__()
        self.context = context
        self.access = access
        self.guidance = guidance_label("")
        self.problem = problem_label("commitmentProblem")
        self.model = CommitmentModel(on_edited=self._save, parent=self)
        self.delegate = CommitmentDelegate(self)
        self.view = CommitmentTableView()
        self.view.setObjectName("commitmentList")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(CommitmentModel.TEXT, self.delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CommitmentModel.TEXT, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.guidance)
        layout.addWidget(self.problem)
        layout.addWidget(self.view, stretch=1)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """The guidance and the list's columns in the current language (what is typed stays)."""
        self.guidance.setText(
            _(
                "What will each person do themselves? Type it on their row, then Enter: it "
                "is saved and goes on the postcard they get after the day (at most {most} "
                "characters)."
            ).format(most=MAX_COMMITMENT)
        )
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the view's texts again, in place (`retranslate`)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        """Read the table's people and their commitments again."""
        try:
            self.model.show_people(commitments_at_table(self.context.database, self.access))
        except KnownError as error:
            self.problem.setText(error.message)

    def start_typing(self) -> None:
        """Put the keyboard in the current person's commitment (the first one's at first)."""
        self.view.setFocus()
        if not self.model.rowCount():
            return
        index = self.view.currentIndex()
        row = index.row() if index.isValid() else 0
        target = self.model.index(row, CommitmentModel.TEXT)
        if self.view.currentIndex() == target:
            self.view.edit(target)
        else:
            self.view.setCurrentIndex(target)

    def finish_typing(self) -> None:
        """Save what is typed in the open cell (the table signs out, the dialog closes)."""
        editor = self.delegate.editor
        if (
            editor is not None
            and shiboken6.isValid(editor)
            and self.view.state() == QAbstractItemView.State.EditingState
        ):
            self.view.commitData(editor)

    def _save(self, participant_id: int, text: str) -> bool:
        try:
            save_commitment(self.context.database, self.access, participant_id, text)
        except KnownError as error:
            self.problem.setText(error.message)
            return False
        self.problem.clear()
        return True
