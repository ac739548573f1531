"""The seating board in Organisatie: tables as cards with their duos and a mix score.

Drag a person onto another table to move them there (pinned, so later runs keep it);
"Indelen" seats the day off the GUI thread. The same per-table view serves the
facilitator packs and the front desk ("Tafel 12 — Wonen").
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.organising.seating import (
    SeatingReport,
    TableCard,
    assign_seats,
    move_person,
    reform_day,
    seating_board,
    swap_partners,
)
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext

COLUMNS = 4
# A table of ten cannot mirror nine origins: near-optimal seatings score about 70-85.
GOOD_MIX, FAIR_MIX = 70, 55


class TableList(QListWidget):
    """The people of one table; accepts people dragged from another table."""

    person_dropped = Signal(int, int)  # participant id, table id

    def __init__(self, table_id: int) -> None:
        super().__init__()
        self.table_id = table_id
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        source = event.source()
        if not isinstance(source, TableList) or source is self:
            event.ignore()
            return
        item: QListWidgetItem | None = source.currentItem()
        if item is None:  # Qt returns None when nothing is selected, whatever the stubs say
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the board reloads from the database
        event.accept()
        self.person_dropped.emit(int(item.data(Qt.ItemDataRole.UserRole)), self.table_id)


def mix_text(mix: int) -> tuple[str, str]:
    """The mix score as people read it, with its colour."""
    if mix >= GOOD_MIX:
        return _("mix {score} · good").format(score=mix), "#1e7d32"
    if mix >= FAIR_MIX:
        return _("mix {score} · fair").format(score=mix), "#b26a00"
    return _("mix {score} · one-sided").format(score=mix), "#b71c1c"


class SeatingBoard(QWidget):
    """Every table of the chosen day; moves and runs go through the seating service."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.day_number: int | None = None
        self.task: BackgroundTask | None = None
        self.cards: list[TableCard] = []
        self.lists: dict[int, TableList] = {}
        self.assign_button = QPushButton(_("&Seat the day"))
        self.assign_button.setObjectName("assignButton")
        self.assign_button.clicked.connect(self.assign)
        self.reform_button = QPushButton(_("&Update for arrivals"))
        self.reform_button.setObjectName("reformButton")
        self.reform_button.setToolTip(
            _("Seat walk-ins and re-pair partners of no-shows; everyone else stays put")
        )
        self.reform_button.clicked.connect(self.reform)
        self.swap_button = QPushButton(_("S&wap partners"))
        self.swap_button.setObjectName("swapButton")
        self.swap_button.setToolTip(_("Select two people of one table, then swap their duos"))
        self.swap_button.clicked.connect(self.swap_selected)
        self.figures = QLabel()
        self.figures.setObjectName("seatingFigures")
        self.figures.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.assign_button)
        top.addWidget(self.reform_button)
        top.addWidget(self.swap_button)
        top.addWidget(self.figures, stretch=1)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.tables_area = QScrollArea()
        self.tables_area.setWidgetResizable(True)
        self.tables_area.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tables_area, stretch=1)

    def show_day(self, day_number: int | None) -> None:
        """Show the tables of day `day_number`."""
        self.day_number = day_number
        self.reload()

    def reload(self) -> None:
        """Read the board again from the database."""
        # A fresh grid each time: the scroll area deletes the old one with its cards.
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.tables_area.setWidget(self.grid_host)
        self.lists = {}
        if self.day_number is None:
            return
        try:
            self.cards = seating_board(self.context.database, self.day_number)
        except KnownError as error:
            self.figures.setText(error.message)
            return
        for index, card in enumerate(self.cards):
            self.grid.addWidget(self._card(card), index // COLUMNS, index % COLUMNS)
        seated = sum(len(card.members) for card in self.cards)
        if seated == 0:
            self.figures.setText(_("Nobody is seated on this day yet: press Seat the day."))
        elif not self.figures.text() or self.figures.text() == _(
            "Nobody is seated on this day yet: press Seat the day."
        ):
            self.figures.setText(
                _("{seated} people seated at {tables} tables.").format(
                    seated=seated, tables=len(self.cards)
                )
            )

    def _card(self, card: TableCard) -> QGroupBox:
        box = QGroupBox(card.title)
        box.setObjectName(f"table{card.number}")
        box.setStyleSheet(f"QGroupBox {{ border: 2px solid {card.colour}; margin-top: 1.2em; }}")
        members = TableList(card.table_id)
        members.setObjectName(f"tableList{card.number}")
        for member in card.members:
            duo = f"{member.duo}. " if member.duo is not None else "– "
            pin = " 📌" if member.pinned else ""
            item = QListWidgetItem(f"{duo}{member.name}{pin}")
            item.setData(Qt.ItemDataRole.UserRole, member.participant_id)
            members.addItem(item)
        members.person_dropped.connect(self.move_to_table)
        self.lists[card.table_id] = members
        text, colour = mix_text(card.mix)
        mix = QLabel(f"{len(card.members)}/{card.capacity} · {text}")
        mix.setObjectName("mix")
        mix.setStyleSheet(f"color: {QColor(colour).name()};")
        layout = QVBoxLayout(box)
        layout.addWidget(mix)
        layout.addWidget(members)
        return box

    def move_to_table(self, participant_id: int, table_id: int) -> None:
        """Move someone to a table by hand and show the board again."""
        try:
            move_person(self.context.database, participant_id, table_id, actor="gui")
        except KnownError as error:
            self.figures.setText(error.message)
            return
        self.reload()

    def swap_selected(self) -> None:
        """Swap the duos of the two people selected at one table."""
        chosen = [
            int(item.data(Qt.ItemDataRole.UserRole))
            for table_list in self.lists.values()
            for item in table_list.selectedItems()
        ]
        if len(chosen) != 2:
            self.figures.setText(_("Choose two people at the same table."))
            return
        try:
            swap_partners(self.context.database, chosen[0], chosen[1], actor="gui")
        except KnownError as error:
            self.figures.setText(error.message)
            return
        self.reload()

    def reform(self) -> None:
        """Re-form the day for who came and who did not, and say who moved."""
        if self.day_number is None:
            return
        try:
            report = reform_day(self.context.database, day_number=self.day_number, actor="gui")
        except KnownError as error:
            self.figures.setText(error.message)
            return
        self.reload()
        arrivals = [name for name, before, _after in report.changes if before is None]
        self.figures.setText(
            _("{seated} seated; new at a table: {names}.").format(
                seated=report.seated, names=", ".join(arrivals) or "–"
            )
        )

    def assign(self) -> None:
        """Seat the day off the GUI thread; the figures say how it went."""
        if self.day_number is None:
            return
        day, database = self.day_number, self.context.database
        progress = QProgressDialog(_("Seating the day…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(300)
        self.assign_button.setEnabled(False)

        def work(_report: Report) -> SeatingReport:
            return assign_seats(database, day_number=day, actor="gui")

        def finished() -> None:
            progress.close()
            self.task = None
            self.assign_button.setEnabled(True)

        def done(report: SeatingReport) -> None:
            self.reload()
            self.figures.setText(report.describe())

        self.task = run_in_background(
            work,
            pool=self.context.pool,
            on_success=done,
            on_known_error=lambda error: self.figures.setText(error.message),
            on_finished=finished,
        )
