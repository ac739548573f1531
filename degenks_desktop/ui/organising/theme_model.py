"""Item model of the event's themes on one day, for the organisers' overview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from degenks_desktop.i18n import _
from degenks_desktop.services.house.events import ThemeOverview

Index = QModelIndex | QPersistentModelIndex


class ThemeOverviewModel(QAbstractTableModel):
    """Themes with their colour, question, first choices and tables on the chosen day."""

    THEME, QUESTION, FIRST_CHOICES, TABLES = range(4)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ThemeOverview] = []

    def set_rows(self, rows: list[ThemeOverview]) -> None:
        """Show `rows` instead of what the model held."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Theme"), _("How might we …"), _("First choice"), _("Tables"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.question, row.first_choices, row.tables)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.THEME:
            return QColor(row.colour)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.QUESTION:
            return row.question
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.FIRST_CHOICES,
            self.TABLES,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.code
        return None
