"""Tafels, the facilitators' workspace: sign in to your table, then ideas, dots, the ten
best and concepts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from degenks_desktop.services.house.events import DayInfo
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.live import LiveReading
from degenks_desktop.ui.tables.session import TableDesk


class TablesWorkspace(QWidget):
    """Tafels: where facilitators enter ideas, dot votes, the ten best ideas and concepts."""

    refresh_wanted = Signal()  # an idea, a dot or a concept was saved: read the counts

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.table_desk = TableDesk(context)
        self.table_desk.changed.connect(self.refresh_wanted.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table_desk)

    def show_day(self, day: DayInfo) -> None:
        """Follow the header's day: offer its tables to sign in to; a table of another day
        is signed out (its typed work saved), one of this day stays open."""
        self.table_desk.show_day(day.number)

    def live_reading(self) -> LiveReading | None:
        """Nothing to poll: a table's screen changes only by what its facilitator types."""
        return None

    def show_live(self, reading: object) -> None:
        """Nothing is read for this workspace."""

    def stop(self) -> None:
        """Sign the table out, saving what is typed (the window closes or the database changes)."""
        self.table_desk.close_table()
