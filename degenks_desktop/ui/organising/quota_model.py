"""Item models of the Selectie page: a day's quotas (minimum and maximum edited in place)
and the waiting list in order.

A count of 1 to 4 people is never shown as a number (`HIDDEN`); the service already
leaves it out (None). Labels are made from the keys when shown, so a language switch
says them anew without reading the database.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from degenks_desktop.domain.diversity import category_by_key
from degenks_desktop.domain.sortition import NOT_GIVEN, Quota
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.registrations.draw import THEME_CATEGORY, QuotaRow, WaitingPerson
from degenks_desktop.ui.shell.labels import percentage
from degenks_desktop.ui.shell.live_model import LiveTableModel

Index = QModelIndex | QPersistentModelIndex
HIDDEN = "1–4"
"""What a hidden count shows: a group of 1 to 4 people, never its number."""
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LARGEST_BOUND = 9999


def category_label(key: str) -> str:
    """A quota's category as the page names it, in the language of the moment."""
    if key == THEME_CATEGORY:
        return _("Theme")
    category = category_by_key(key)
    return _(category.label) if category is not None else key


def value_label(row: QuotaRow) -> str:
    """A quota's value as the page names it: from its key where the app knows the value
    (so it follows the language), else as the service said it (a theme, a neighbourhood)."""
    if row.value == NOT_GIVEN:
        return _("not given")
    category = category_by_key(row.category) if row.category != THEME_CATEGORY else None
    if category is not None and row.value in category.values:
        return _(category.values[row.value])
    return row.label


def count_text(count: int | None) -> str:
    """A count as it may be shown: a group of 1 to 4 people is `HIDDEN`."""
    return HIDDEN if count is None else str(count)


class QuotaModel(LiveTableModel[QuotaRow]):
    """The quotas of a day's draw: who registered, who was selected, the city's target and
    the bounds; the minimum and maximum are edited in place (`edited` says so)."""

    CATEGORY, VALUE, REGISTERED, SELECTED, TARGET, MINIMUM, MAXIMUM = range(7)
    COLUMNS = (
        N_("Category"),
        N_("Value"),
        N_("Registered"),
        N_("Selected"),
        N_("Target"),
        N_("Minimum"),
        N_("Maximum"),
    )
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.drawn = False  # before a draw the Selected column is empty, not hidden

    def set_rows(self, rows: list[QuotaRow], *, drawn: bool) -> None:
        """Show `rows`; `drawn`: the day has a draw, so the selected counts mean something."""
        self.drawn = drawn
        self.show_rows(rows)

    def quotas(self) -> tuple[Quota, ...]:
        """The quotas as shown, with the bounds as edited, in order."""
        return tuple(Quota(r.category, r.value, r.minimum, r.maximum) for r in self.rows)

    def key(self, row: QuotaRow) -> tuple[str, str]:
        return (row.category, row.value)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (self.MINIMUM, self.MAXIMUM):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def cell(self, row: QuotaRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole and column == self.MINIMUM:
            return row.minimum
        if role == Qt.ItemDataRole.EditRole and column == self.MAXIMUM:
            return row.maximum
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.REGISTERED:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and HIDDEN in (
            self._display(row, self.REGISTERED),
            self._display(row, self.SELECTED),
        ):
            return _("1–4: a group of fewer than 5 people is never shown as a number.")
        if role == Qt.ItemDataRole.UserRole:
            return f"{row.category}:{row.value}"
        return None

    def _display(self, row: QuotaRow, column: int) -> str:
        if column == self.CATEGORY:
            return category_label(row.category)
        if column == self.VALUE:
            return value_label(row)
        if column == self.REGISTERED:
            return count_text(row.registered)
        if column == self.SELECTED:
            return count_text(row.selected) if self.drawn else ""
        if column == self.TARGET:
            return percentage(row.target)
        if column == self.MINIMUM:
            return str(row.minimum)
        return str(row.maximum)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """A bound typed into its cell: a whole number from 0 on; anything else is refused
        (the cell keeps its number)."""
        column = index.column()
        if role != Qt.ItemDataRole.EditRole or column not in (self.MINIMUM, self.MAXIMUM):
            return False
        try:
            bound = int(str(value).strip())
        except ValueError:
            return False
        if not 0 <= bound <= LARGEST_BOUND:
            return False
        row = self.row_at(index.row())
        changed = (
            replace(row, minimum=bound) if column == self.MINIMUM else replace(row, maximum=bound)
        )
        if changed == row:
            return True
        rows = list(self.rows)
        rows[index.row()] = changed
        self.show_rows(rows)
        self.edited.emit()
        return True


class BoundDelegate(QStyledItemDelegate):
    """A minimum or maximum is edited in a spin box of whole numbers from 0 on."""

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        del option, index
        editor = QSpinBox(parent)
        editor.setObjectName("boundEditor")
        editor.setRange(0, LARGEST_BOUND)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor


class WaitingListModel(LiveTableModel[WaitingPerson]):
    """The day's waiting list in order: who moves up first when a selected person cancels."""

    POSITION, NAME = range(2)
    COLUMNS = (N_("Position"), N_("Name"))

    def key(self, row: WaitingPerson) -> int:
        return row.participant_id

    def cell(self, row: WaitingPerson, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row.position) if column == self.POSITION else row.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.POSITION:
            return RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return row.participant_id
        return None
