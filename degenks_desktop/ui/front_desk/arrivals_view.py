"""The organisers' arrivals dashboard: who has come, per theme and per table, live.

The same counts as the check-in station shows, as sortable tables with a share column,
so an organiser sees at a glance which table is still half empty.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.arrivals import ArrivalCount

ModelIndex = QModelIndex | QPersistentModelIndex
# A row is marked when its share arrived is under half the day's: that theme or table lags
# behind the room, and may need people moved to it. (A fixed line would mark every row
# early in the morning and none by noon.)
LAGGING = 0.5


class ArrivalsModel(QAbstractTableModel):
    """One row per theme or table: checked in, expected, share."""

    NAME, CHECKED_IN, EXPECTED, SHARE = range(4)

    def __init__(self, first_column: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._first_column = first_column
        self._rows: list[ArrivalCount] = []
        self._day_share = 0.0

    def show_counts(self, counts: list[ArrivalCount], day_share: float) -> None:
        """Replace the rows (the dashboard refreshes every few seconds)."""
        self.beginResetModel()
        self._rows = list(counts)
        self._day_share = day_share
        self.endResetModel()

    def lagging(self, row: int) -> bool:
        """Whether this theme or table has far fewer of its people than the day as a whole."""
        count = self._rows[row]
        share = count.checked_in / count.expected if count.expected else 0.0
        return share < self._day_share * LAGGING

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else 4

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self._first_column, _("Checked in"), _("Expected"), _("Share"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        count = self._rows[index.row()]
        share = count.checked_in / count.expected if count.expected else 0.0
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (count.label, count.checked_in, count.expected, f"{share:.0%}")[column]
        if role == Qt.ItemDataRole.UserRole:  # sort key: numbers as numbers, table 2 before 10
            label: str | int = int(count.label) if count.label.isdigit() else count.label
            return (label, count.checked_in, count.expected, share)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.SHARE:
            return QBrush(QColor("#fde2e1")) if self.lagging(index.row()) else None
        return None


def _table_view(model: ArrivalsModel, name: str, owner: QWidget) -> QTableView:
    proxy = QSortFilterProxyModel(owner)
    proxy.setSourceModel(model)
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    view = QTableView()
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(ArrivalsModel.NAME, Qt.SortOrder.AscendingOrder)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ArrivalsView(QWidget):
    """The dashboard page: a large total, then themes and tables side by side."""

    def __init__(self) -> None:
        super().__init__()
        self.total = QLabel()
        self.total.setObjectName("arrivalsTotal")
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.total.setFont(font)
        self.themes = ArrivalsModel(_("Theme"), self)
        self.tables = ArrivalsModel(_("Table"), self)
        self.theme_view = _table_view(self.themes, "themeArrivals", self)
        self.table_view = _table_view(self.tables, "tableArrivals", self)
        views = QHBoxLayout()
        views.addWidget(self.theme_view, stretch=1)
        views.addWidget(self.table_view, stretch=1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.total)
        layout.addLayout(views, stretch=1)

    def show_arrivals(
        self, checked_in: int, expected: int, themes: list[ArrivalCount], tables: list[ArrivalCount]
    ) -> None:
        """The day's figures: the same as the desk's counters."""
        self.total.setText(
            _("{checked_in} of {expected} expected people have checked in").format(
                checked_in=checked_in, expected=expected
            )
        )
        day_share = checked_in / expected if expected else 0.0
        self.themes.show_counts(themes, day_share)
        self.tables.show_counts([count for count in tables if count.expected], day_share)
