"""The desk's recent check-ins as a Qt item model: the last 20, newest first, for undo."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.check_ins import CheckInResult

RECENT_LIMIT = 20
Index = QModelIndex | QPersistentModelIndex


class RecentCheckInsModel(QAbstractTableModel):
    """Who this desk checked in last: time, name, table; an undone one leaves the list."""

    TIME, NAME, TABLE = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results: list[CheckInResult] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's
        """One row per recent check-in (none below the top level)."""
        return 0 if parent.isValid() else len(self.results)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's
        """Time, name and table."""
        return 0 if parent.isValid() else 3

    def headerData(  # noqa: N802 - Qt's name
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> str | None:
        """The column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Time"), _("Name"), _("Table"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        """What a row shows: when, who, where they sit."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        result = self.results[index.row()]
        if index.column() == self.TIME:
            return result.at.astimezone().strftime("%H:%M") if result.at else ""
        if index.column() == self.NAME:
            return result.name
        if result.table is None:
            return _("no table yet")
        return f"{result.table} {result.theme}".strip()

    def add(self, result: CheckInResult) -> None:
        """A new check-in goes on top; the oldest beyond the limit drops off."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.results.insert(0, result)
        self.endInsertRows()
        if len(self.results) > RECENT_LIMIT:
            self.beginRemoveRows(QModelIndex(), RECENT_LIMIT, len(self.results) - 1)
            del self.results[RECENT_LIMIT:]
            self.endRemoveRows()

    def remove_result(self, result: CheckInResult) -> None:
        """Take an undone check-in off the list (wherever newer ones have pushed it)."""
        rows = [row for row, shown in enumerate(self.results) if shown is result]
        if not rows:
            return  # gone off the bottom meanwhile
        row = rows[0]
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.results[row]
        self.endRemoveRows()
