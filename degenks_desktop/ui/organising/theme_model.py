"""Item model of the event's themes on one day, for the organisers' overview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from degenks_desktop.i18n import N_
from degenks_desktop.services.house.events import ThemeOverview
from degenks_desktop.ui.shell.live_model import LiveTableModel


class ThemeOverviewModel(LiveTableModel[ThemeOverview]):
    """Themes with their colour, question, first choices and tables on the chosen day;
    a theme is known by its code, so a new reading keeps the organiser's place."""

    THEME, QUESTION, FIRST_CHOICES, TABLES = range(4)
    COLUMNS = (N_("Theme"), N_("How might we …"), N_("First choice"), N_("Tables"))

    def set_rows(self, rows: list[ThemeOverview]) -> None:
        """Show `rows` instead of what the model held (as changes, never a reset)."""
        self.show_rows(rows)

    def key(self, row: ThemeOverview) -> str:
        return row.code

    def cell(self, row: ThemeOverview, column: int, role: int) -> Any:
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
