"""The desk's recent check-ins as a Qt item model: the last 20, newest first, for undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from degenks_desktop.date_style import clock
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.front_desk.check_ins import CheckInResult
from degenks_desktop.ui.shell.live_model import LiveTableModel

RECENT_LIMIT = 20


class RecentCheckInsModel(LiveTableModel[CheckInResult]):
    """Who this desk checked in last: time, name, table; an undone one leaves the list."""

    TIME, NAME, TABLE = range(3)
    COLUMNS = (N_("Time"), N_("Name"), N_("Table"))

    @property
    def results(self) -> tuple[CheckInResult, ...]:
        """The check-ins on the list, newest first."""
        return self.rows

    def key(self, row: CheckInResult) -> int:
        # A row is one answer of the desk, not a person: the same person may be on the
        # list twice (checked in, undone, checked in again), so the answer itself is
        # the key, as `remove_result` finds it.
        return id(row)

    def cell(self, row: CheckInResult, column: int, role: int) -> Any:
        """What a row shows: when, who, where they sit."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.TIME:
            return clock(row.at) if row.at else ""
        if column == self.NAME:
            return row.name
        if row.table is None:
            return _("no table yet")
        return f"{row.table} {row.theme}".strip()

    def add(self, result: CheckInResult) -> None:
        """A new check-in goes on top; the oldest beyond the limit drops off."""
        self.insert_rows(0, [result])
        if self.rowCount() > RECENT_LIMIT:
            self.remove_rows(RECENT_LIMIT, self.rowCount() - RECENT_LIMIT)

    def remove_result(self, result: CheckInResult) -> None:
        """Take an undone check-in off the list (wherever newer ones have pushed it)."""
        row = self.row_of(id(result))
        if row is not None:  # else gone off the bottom meanwhile
            self.remove_rows(row, 1)
