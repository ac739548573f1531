"""The organisers' arrivals dashboard: who has come, per theme and per table, live.

The same counts as the check-in station shows, as sortable tables with a share column,
so an organiser sees at a glance which table is still half empty.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from degenks_desktop.i18n import N_, _
from degenks_desktop.services.front_desk.arrivals import ArrivalCount
from degenks_desktop.ui.shell.live_model import LiveTableModel

# A row is marked when its share arrived is under half the day's: that theme or table lags
# behind the room, and may need people moved to it. (A fixed line would mark every row
# early in the morning and none by noon.)
LAGGING = 0.5


class ArrivalsModel(LiveTableModel[ArrivalCount]):
    """One row per theme or table: checked in, expected, share; known by its label."""

    NAME, CHECKED_IN, EXPECTED, SHARE = range(4)
    COLUMNS = ("", N_("Checked in"), N_("Expected"), N_("Share"))

    def __init__(self, first_column: str, parent: QObject | None = None) -> None:
        """`first_column` is the first column's title, marked with `N_`: translated when
        shown, in each language."""
        super().__init__(parent)
        self._first_column = first_column
        self._day_share = 0.0

    def show_counts(self, counts: list[ArrivalCount], day_share: float) -> None:
        """Show the counts as they are now (the dashboard refreshes every few seconds)."""
        self._day_share = day_share
        self.show_rows(counts)

    def lagging(self, row: int) -> bool:
        """Whether this theme or table has far fewer of its people than the day as a whole."""
        return self._lagging(self.row_at(row))

    def _lagging(self, count: ArrivalCount) -> bool:
        return _share(count) < self._day_share * LAGGING

    def header(self, section: int) -> str:
        return _(self._first_column) if section == self.NAME else super().header(section)

    def key(self, row: ArrivalCount) -> str:
        return row.label

    def cell(self, row: ArrivalCount, column: int, role: int) -> Any:
        share = _share(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.label, row.checked_in, row.expected, f"{share:.0%}")[column]
        if role == Qt.ItemDataRole.UserRole:  # sort key: numbers as numbers, table 2 before 10
            label: str | int = int(row.label) if row.label.isdigit() else row.label
            return (label, row.checked_in, row.expected, share)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.SHARE:
            return QBrush(QColor("#fde2e1")) if self._lagging(row) else None
        return None


def _share(count: ArrivalCount) -> float:
    return count.checked_in / count.expected if count.expected else 0.0


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
        self.themes = ArrivalsModel(N_("Theme"), self)
        self.tables = ArrivalsModel(N_("Table"), self)
        self._totals: tuple[int, int] | None = None  # checked in, expected: said again
        self.theme_view = _table_view(self.themes, "themeArrivals", self)
        self.table_view = _table_view(self.tables, "tableArrivals", self)
        views = QHBoxLayout()
        views.addWidget(self.theme_view, stretch=1)
        views.addWidget(self.table_view, stretch=1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.total)
        layout.addLayout(views, stretch=1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the total and the tables' titles in it, from the figures shown
        (the window's next refresh reads them anew); sort and selection stay."""
        if event.type() == QEvent.Type.LanguageChange:
            self._show_total()
            self.themes.retranslate()
            self.tables.retranslate()
        super().changeEvent(event)

    def show_arrivals(
        self, checked_in: int, expected: int, themes: list[ArrivalCount], tables: list[ArrivalCount]
    ) -> None:
        """The day's figures: the same as the desk's counters."""
        self._totals = (checked_in, expected)
        self._show_total()
        day_share = checked_in / expected if expected else 0.0
        self.themes.show_counts(themes, day_share)
        self.tables.show_counts([count for count in tables if count.expected], day_share)

    def _show_total(self) -> None:
        if self._totals is None:
            return
        checked_in, expected = self._totals
        self.total.setText(
            _("{checked_in} of {expected} expected people have checked in").format(
                checked_in=checked_in, expected=expected
            )
        )
