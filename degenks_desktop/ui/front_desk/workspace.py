"""Onthaal, the front desk's workspace: the check-in station, walk-ins, a badge on demand.

The workspace runs its own jobs: a walk-in is registered, seated at the chosen theme and
gets a badge here; the station asks the front desk service; the window only says which
day it is and when to refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from degenks_desktop.domain.badge_codes import format_badge_code
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.arrivals import ArrivalCount, arrivals
from degenks_desktop.services.front_desk.check_ins import CheckInResult, CheckInStatus
from degenks_desktop.services.house.events import DayInfo
from degenks_desktop.ui.front_desk.station import CheckInStation
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.live import LiveReading
from degenks_desktop.ui.shell.look import icon
from degenks_desktop.ui.shell.widgets import outcome_label

if TYPE_CHECKING:
    from degenks_desktop.ui.printing.badge_printing import DeskBadgePrinter

# The walk-in form, the seating of a newcomer (networkx) and the badge printing (reportlab,
# PDFium) are imported the first time they are needed, not when the window opens.


class FrontDeskWorkspace(QWidget):
    """Onthaal: the check-in station, walk-ins and a badge on demand."""

    refresh_wanted = Signal()  # someone checked in, was undone or walked in: read the counts
    problem = Signal(str)  # a sentence for the window's status bar

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.day: DayInfo | None = None
        self.station = CheckInStation(context)
        self.station.checked_in.connect(lambda _result: self.refresh_wanted.emit())
        self.station.badge_wanted.connect(self.print_badge_at_desk)
        self.station.walk_in_wanted.connect(self.register_walk_in)
        self.walk_in_button = QPushButton(icon("walk-in"), "")
        self.walk_in_button.setObjectName("walkInButton")
        self.walk_in_button.clicked.connect(self.register_walk_in)
        self.badge_button = QPushButton(icon("print"), "")
        self.badge_button.setObjectName("badgeButton")
        self.badge_button.clicked.connect(self.print_one_badge)
        self.outcome: QLabel = outcome_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.walk_in_button)
        buttons.addWidget(self.badge_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.station, stretch=1)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        self.retranslate()

    def retranslate(self) -> None:
        """The workspace's buttons in the language of the moment (the station does its own
        texts; the outcome line keeps saying what was done, as it was said)."""
        self.walk_in_button.setText(_("&Walk-in…"))
        self.walk_in_button.setToolTip(
            _("Register someone who did not register, and check them in")
        )
        self.badge_button.setText(_("&Badge…"))
        self.badge_button.setToolTip(_("Print one person's badge, or save it as PDF"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the buttons' texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def online(self) -> bool:
        """Whether the desk works on the database (else on its own copy of the list)."""
        return self.station.online

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """A key the workspace's buttons did not take goes into the scan box."""
        if not self.station.type_in(event):
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """On screen (at start, a tab switch, a new window after a language switch): the
        scan box takes the keyboard, so that the first scan is never lost."""
        super().showEvent(event)
        # Tied to the station: a window closed before the timer fires asks nothing of it.
        QTimer.singleShot(0, self.station, self.station.ready)

    def show_day(self, day: DayInfo) -> None:
        """Check people in for `day`, and keep the desk's copy of its list fresh."""
        self.day = day
        self.station.day_number = day.number
        self.station.start_link()

    def live_reading(self) -> LiveReading | None:
        """The arrivals per theme and per table under the station, for the refresh."""
        if self.day is None:
            return None
        number = self.day.number
        return lambda database: arrivals(database, number)

    def show_live(self, reading: object) -> None:
        """Show the arrivals `live_reading` read."""
        themes, tables = cast(tuple[list[ArrivalCount], list[ArrivalCount]], reading)
        self.station.show_arrivals(themes, tables)

    def stop(self) -> None:
        """Stop keeping the copy fresh (the window closes or the database changes)."""
        self.station.stop_link()

    # --- walk-ins and badges ----------------------------------------------------------

    def register_walk_in(self, typed_name: str = "") -> None:
        """The walk-in form (with the name the clerk searched for, if any), then a seat at
        the chosen theme, then the badge."""
        from degenks_desktop.services.organising.seating import seat_newcomer  # noqa: PLC0415
        from degenks_desktop.ui.front_desk.walk_in_dialog import WalkInDialog  # noqa: PLC0415

        event, day = self.context.event, self.day
        if event is None or day is None:
            return
        dialog = WalkInDialog(
            self.context, event=event, day_id=day.id, typed_name=typed_name, parent=self
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.station.ready()
        if accepted and dialog.result_check_in is not None:
            # The clerk said a namesake already registered is this person: checked in.
            self.station.show_result(dialog.result_check_in)
            self.refresh_wanted.emit()
            return
        if not accepted or dialog.result_walk_in is None:
            return
        made = dialog.result_walk_in
        try:
            seat = seat_newcomer(self.context.database, made.participant_id, day_number=day.number)
        except KnownError as error:
            self.problem.emit(error.message)
            seat = None
        self.station.show_result(
            CheckInResult(
                CheckInStatus.CHECKED_IN,
                made.participant_id,
                made.name,
                seat[0] if seat else None,
                desk=self.context.desk_name,
                uid=made.check_in_uid,
                theme=seat[1] if seat else "",
            )
        )
        welcome = _("Welcome {name}: registered and checked in, badge code {code}.").format(
            name=made.name, code=format_badge_code(made.badge_code)
        )
        self.outcome.setText(welcome)
        # The station prints at check-in when that is switched on; else the walk-in's badge
        # is printed here, since a walk-in never has one yet.
        if not self.station.auto_badge.isChecked():
            self._print_badge(made.participant_id, before=welcome)
        self.refresh_wanted.emit()

    def _print_badge(
        self, participant_id: int, *, automatic: bool = False, before: str = ""
    ) -> None:
        """Print off the GUI thread; each sentence on how it went goes under the station."""

        def say(text: str) -> None:
            self.outcome.setText(f"{before} {text}".strip())

        self._badge_printer().print_badge(participant_id, automatic=automatic, parent=self, say=say)

    def _badge_printer(self) -> DeskBadgePrinter:
        from degenks_desktop.ui.printing.badge_printing import DeskBadgePrinter  # noqa: PLC0415

        return DeskBadgePrinter(self.context)

    def print_badge_at_desk(self, participant_id: int, automatic: bool) -> None:
        """Print one badge on the desk's printer; the outcome goes under the station."""
        self._print_badge(participant_id, automatic=automatic)
        self.station.scan_box.setFocus()  # a reprint's reason dialog took the keyboard

    def print_one_badge(self) -> None:
        """Find someone and print (or save) their badge; the print log guards doubles."""
        from degenks_desktop.ui.printing.badge_printing import PrintBadgeDialog  # noqa: PLC0415

        last = self.station.last
        person = (last.participant_id, last.name) if last and last.participant_id else None
        PrintBadgeDialog(self.context, parent=self, person=person).exec()
        self.station.ready()
