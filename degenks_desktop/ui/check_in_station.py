"""The check-in station of the front desk: one box for the scanner and for typing.

A keyboard-wedge scanner types the QR payload (and usually Enter): anything shaped like
a badge code checks in at once; anything else is a name search with results at every
keystroke, arrow keys and Enter to pick. A scan without Enter ends after a short pause.
The result card reads at arm's length and clears itself for the next person.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.domain.badge_codes import CODE_LENGTH, is_valid_badge_code, unmangle_scan
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.check_ins import (
    CheckInResult,
    CheckInStatus,
    check_in_code,
    check_in_participant,
    undo_check_in,
)
from degenks_desktop.services.search import find_participants
from degenks_desktop.services.stats import ArrivalCount
from degenks_desktop.storage.database import Database

SCAN_PAUSE_MS = 120
CLEAR_AFTER_MS = 6000
COLOURS = {
    "green": "#1e7d32",
    "orange": "#e65100",
    "red": "#b71c1c",
    "purple": "#6a1b9a",
}


class CheckInStation(QWidget):
    """Scan or type; see green, orange, red or purple; undo a mistake."""

    checked_in = Signal(object)

    def __init__(self, *, database: Database, desk: str) -> None:
        super().__init__()
        self.database = database
        self.desk = desk
        self.day_number: int | None = None
        self.last: CheckInResult | None = None

        self.scan_box = QLineEdit()
        self.scan_box.setObjectName("scanBox")
        self.scan_box.setPlaceholderText(_("Scan the QR code or type a name"))
        font = self.scan_box.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.scan_box.setFont(font)
        self.scan_box.textEdited.connect(self._typed)
        self.scan_box.returnPressed.connect(self._enter)
        self.scan_box.installEventFilter(self)

        self.matches = QListWidget()
        self.matches.setObjectName("matches")
        self.matches.itemActivated.connect(self._picked)

        self.card = QLabel()
        self.card.setObjectName("resultCard")
        self.card.setWordWrap(True)
        self.card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card.setMinimumHeight(110)
        card_font = self.card.font()
        card_font.setPointSizeF(card_font.pointSizeF() * 2.2)
        card_font.setBold(True)
        self.card.setFont(card_font)
        self.colour = ""

        self.undo_button = QPushButton(_("&Undo the last check-in"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last)

        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(SCAN_PAUSE_MS)
        self.pause.timeout.connect(self._scan_paused)
        self.clear_timer = QTimer(self)
        self.clear_timer.setSingleShot(True)
        self.clear_timer.setInterval(CLEAR_AFTER_MS)
        self.clear_timer.timeout.connect(self.clear_card)

        self.theme_counts = QLabel()
        self.theme_counts.setObjectName("themeCounts")
        self.theme_counts.setWordWrap(True)
        self.table_counts = QLabel()
        self.table_counts.setObjectName("tableCounts")
        self.table_counts.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scan_box)
        layout.addWidget(self.card)
        layout.addWidget(self.matches, stretch=1)
        layout.addWidget(self.theme_counts)
        layout.addWidget(self.table_counts)
        layout.addLayout(buttons)

    # --- input ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Arrow keys in the box move through the names found."""
        arrows = (Qt.Key.Key_Down, Qt.Key.Key_Up)
        if (
            watched is self.scan_box
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in arrows
            and self.matches.count()
        ):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
            self.matches.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Typing anywhere in the station lands in the box."""
        if event.text() and event.text().isprintable():
            self.scan_box.setFocus()
            self.scan_box.insert(event.text())
            self._typed(self.scan_box.text())
            return
        super().keyPressEvent(event)

    def _looks_like_code(self, text: str) -> str | None:
        code = unmangle_scan(text)
        return code if len(code) == CODE_LENGTH and is_valid_badge_code(code) else None

    def _typed(self, text: str) -> None:
        if self._looks_like_code(text):
            self.pause.start()  # a scanner without Enter: check in after a short pause
            return
        self.pause.stop()
        self.search(text)

    def _scan_paused(self) -> None:
        code = self._looks_like_code(self.scan_box.text())
        if code:
            self._check_in_code(code)

    def _enter(self) -> None:
        self.pause.stop()
        text = self.scan_box.text()
        code = self._looks_like_code(text)
        if code:
            self._check_in_code(code)
            return
        item: QListWidgetItem | None = self.matches.currentItem()
        if item is not None:  # None when nothing was found, whatever the stubs say
            self._picked(item)
            return
        if len(text.strip()) >= CODE_LENGTH - 2 and " " not in text.strip():
            self._show_unknown()  # a garbled scan, not a name
        self.scan_box.setFocus()

    def search(self, text: str) -> None:
        self.matches.clear()
        if len(text.strip()) < 2:
            return
        try:
            found = find_participants(self.database, text, limit=12)
        except KnownError as error:
            self._show(error.message, "red")
            return
        for match in found:
            state = _("checked in") if match.checked_in else ""
            table = _("table {number}").format(number=match.table) if match.table else ""
            label = "  ·  ".join(part for part in (match.name, table, state) if part)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, match.id)
            self.matches.addItem(item)
        if found:
            self.matches.setCurrentRow(0)

    def _picked(self, item: QListWidgetItem) -> None:
        participant_id = int(item.data(Qt.ItemDataRole.UserRole))
        self._finish(
            lambda: check_in_participant(
                self.database,
                participant_id,
                desk=self.desk,
                day_number=self.day_number,
                actor=self.desk,
            )
        )

    def _check_in_code(self, code: str) -> None:
        self._finish(
            lambda: check_in_code(
                self.database, code, desk=self.desk, day_number=self.day_number, actor=self.desk
            )
        )

    def _finish(self, action: object) -> None:
        try:
            result = action()  # type: ignore[operator]
        except KnownError as error:
            self._show(error.message, "red")
        else:
            self.show_result(result)
        self.scan_box.clear()
        self.matches.clear()
        self.scan_box.setFocus()

    def show_arrivals(self, themes: list[ArrivalCount], tables: list[ArrivalCount]) -> None:
        """Checked in / expected per theme and per table, in one line each."""
        self.theme_counts.setText(
            _("Per theme: {counts}").format(
                counts=" · ".join(f"{c.label} {c.checked_in}/{c.expected}" for c in themes)
            )
            if themes
            else ""
        )
        seated = [c for c in tables if c.expected]
        self.table_counts.setText(
            _("Per table: {counts}").format(
                counts=" · ".join(f"{c.label}: {c.checked_in}/{c.expected}" for c in seated)
            )
            if seated
            else ""
        )

    # --- results ------------------------------------------------------------------------

    def show_result(self, result: CheckInResult) -> None:
        """Green welcome, orange already, red unknown; purple when the person has a note."""
        if result.status == CheckInStatus.UNKNOWN:
            self._show_unknown()
            return
        table = (
            _("Table {number}").format(number=result.table)
            if result.table is not None
            else _("no table yet")
        )
        if result.status == CheckInStatus.ALREADY:
            time = result.at.astimezone().strftime("%H:%M") if result.at else "?"
            self._show(
                _("{name} was already checked in at {time} at {desk}").format(
                    name=result.name, time=time, desk=result.desk
                ),
                "orange",
            )
            return
        first_name = result.name.split(" ")[0]
        text = _("Welcome {name} — {table}").format(name=first_name, table=table)
        if result.note:
            self._show(f"{text}\n{result.note}", "purple")
        else:
            self._show(text, "green")
        self.last = result
        self.undo_button.setEnabled(True)
        self.checked_in.emit(result)

    def _show_unknown(self) -> None:
        self._show(_("Unknown code: search by name"), "red")

    def _show(self, text: str, colour: str) -> None:
        self.colour = colour
        self.card.setText(text)
        self.card.setStyleSheet(
            f"background: {COLOURS[colour]}; color: white; border-radius: 8px; padding: 12px;"
        )
        self.clear_timer.start()

    def clear_card(self) -> None:
        """Ready for the next person."""
        self.colour = ""
        self.card.clear()
        self.card.setStyleSheet("")

    @classmethod
    def confirm_undo(cls, parent: QWidget, name: str) -> bool:
        """Ask before undoing (tests replace this)."""
        return (
            QMessageBox.question(
                parent, _("Undo"), _("Undo the check-in of {name}?").format(name=name)
            )
            == QMessageBox.StandardButton.Yes
        )

    def undo_last(self) -> None:
        """Undo the last check-in of this desk, after one confirmation."""
        if self.last is None or self.last.participant_id is None:
            return
        if not self.confirm_undo(self, self.last.name):
            self.scan_box.setFocus()
            return
        try:
            undo_check_in(
                self.database,
                self.last.participant_id,
                desk=self.desk,
                day_number=self.day_number,
                reason=_("undone at the desk"),
            )
        except KnownError as error:
            self._show(error.message, "red")
            return
        self._show(_("Check-in of {name} undone").format(name=self.last.name), "orange")
        self.last = None
        self.undo_button.setEnabled(False)
        self.scan_box.setFocus()
        self.checked_in.emit(None)
