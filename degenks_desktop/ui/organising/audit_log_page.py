"""Organisatie → Logboek: the audit log as organisers read it, and its export.

Newest first, narrowed by room, by words (in who did it and the details) and by day; the
list follows the day live, like the other pages, without losing the row chosen. The
export (Exporteren…) carries no personal data: see `services/house/audit_log.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.date_style import clock, day_on_badge
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import N_, _, counted, ngettext
from degenks_desktop.services.house.audit_log import (
    AuditFilter,
    AuditRow,
    action_words,
    read_audit_log,
    rooms,
)
from degenks_desktop.services.house.events import EventInfo
from degenks_desktop.services.reporting.exports import export_rows, write_table
from degenks_desktop.storage.database import Database
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.live import LiveReading
from degenks_desktop.ui.shell.live_model import LiveTableModel
from degenks_desktop.ui.shell.look import icon
from degenks_desktop.ui.shell.widgets import guidance_label, outcome_label

TYPING_PAUSE_MS = 300  # the words are searched once the organiser stops typing
SUBJECTS = {
    "participant": N_("registration"),
    "check_in": N_("check-in"),
    "idea": N_("idea"),
    "table": N_("table"),
    "facilitator": N_("facilitator"),
    "event": N_("event"),
    "day": N_("day"),
    "theme": N_("theme"),
    "concept": N_("concept"),
    "organiser": N_("organiser"),
    "idea_cluster": N_("cluster"),
    "follow_up": N_("follow-up"),
    "follow_up_destination": N_("destination"),
    "commitment": N_("own commitment"),
}


class AuditLogModel(LiveTableModel[AuditRow]):
    """The log's entries, one a row: when, who, laptop, what, on what, details."""

    WHEN, WHO, LAPTOP, WHAT, SUBJECT, DETAILS = range(6)
    COLUMNS = (N_("When"), N_("Who"), N_("Laptop"), N_("What"), N_("On"), N_("Details"))

    def key(self, row: AuditRow) -> Hashable:
        """An entry is never changed, only added: its id is the row."""
        return row.id

    def cell(self, row: AuditRow, column: int, role: int) -> Any:
        """The entry in words; sorted by time through its id (entries only ever grow)."""
        if role == Qt.ItemDataRole.UserRole:
            return row.id if column == self.WHEN else self.cell(row, column, 0)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.WHAT, self.DETAILS):
            return row.action if column == self.WHAT else row.details
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.WHEN:
            local = row.at.astimezone()
            return f"{day_on_badge(local.date())} {clock(local)}"
        if column == self.WHO:
            return row.actor
        if column == self.LAPTOP:
            return row.station
        if column == self.WHAT:
            return action_words(row.action)
        if column == self.SUBJECT:
            if not row.subject_type:
                return ""
            words = SUBJECTS.get(row.subject_type)
            kind = _(words) if words is not None else row.subject_type
            return f"{kind} {row.subject_id}" if row.subject_id is not None else kind
        return row.details


class AuditLogPage(QWidget):
    """The log with its filters, live; Exporteren… writes it without personal data."""

    refresh_wanted = Signal()  # a filter changed: the window reads the page again

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._event: EventInfo | None = None
        self._export_task: BackgroundTask | None = None
        self.guidance = guidance_label("")
        self.room = QComboBox()
        self.room.setObjectName("logRoom")
        self.day = QComboBox()
        self.day.setObjectName("logDay")
        self.words = QLineEdit()
        self.words.setObjectName("logWords")
        self.words.setClearButtonEnabled(True)
        self.export_button = QPushButton(icon("report"), "")
        self.export_button.setObjectName("logExport")
        self.export_button.clicked.connect(self.export)
        self.room_label, self.day_label, self.words_label = QLabel(), QLabel(), QLabel()
        self.room_label.setBuddy(self.room)
        self.day_label.setBuddy(self.day)
        self.words_label.setBuddy(self.words)
        for box in (self.room, self.day):  # long room names must not push the labels out
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(14)
        filters = QHBoxLayout()
        for label, field in (
            (self.room_label, self.room),
            (self.day_label, self.day),
            (self.words_label, self.words),
        ):
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            filters.addWidget(label)
            filters.addWidget(field, stretch=2 if field is self.words else 0)
        filters.addWidget(self.export_button)

        self.model = AuditLogModel(self)
        self._sorted = QSortFilterProxyModel(self)
        self._sorted.setSourceModel(self.model)
        self._sorted.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView()
        self.view.setObjectName("auditLog")
        self.view.setModel(self._sorted)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(AuditLogModel.WHEN, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        for column in range(AuditLogModel.DETAILS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AuditLogModel.DETAILS, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        self.count.setObjectName("logCount")
        self.outcome = outcome_label()

        layout = QVBoxLayout(self)
        layout.addWidget(self.guidance)
        layout.addLayout(filters)
        layout.addWidget(self.view, stretch=1)
        layout.addWidget(self.count)
        layout.addWidget(self.outcome)

        # A filter changed: read again once typing pauses (the window's refresh asks us).
        self.changed = QTimer(self)
        self.changed.setSingleShot(True)
        self.changed.setInterval(TYPING_PAUSE_MS)
        self.changed.timeout.connect(self.refresh_wanted.emit)
        self.words.textChanged.connect(lambda _text: self.changed.start())
        self.room.currentIndexChanged.connect(lambda _index: self.changed.start())
        self.day.currentIndexChanged.connect(lambda _index: self.changed.start())
        self.retranslate()

    # --- words ----------------------------------------------------------------------

    def retranslate(self) -> None:
        """The page's texts in the language of the moment, keeping the filters chosen."""
        self.guidance.setText(
            _(
                "Every change of the day: who made it, when and on which laptop. The export "
                "leaves out who did it and what was typed."
            )
        )
        self.room_label.setText(_("&Kind"))
        self.day_label.setText(_("D&ay"))
        self.words_label.setText(_("&Words"))
        self.words.setPlaceholderText(_("A name, a desk, a word of the details"))
        self.export_button.setText(_("&Export…"))
        room = self.room.currentData()
        self.room.blockSignals(True)
        self.room.clear()
        self.room.addItem(_("Everything"), None)
        for name in rooms():
            self.room.addItem(_(name), name)
        self.room.setCurrentIndex(max(0, self.room.findData(room)))
        self.room.blockSignals(False)
        self._fill_days()
        self.model.retranslate()
        self._say_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the page's words in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_event(self, event: EventInfo) -> None:
        """Offer the event's days as filters."""
        self._event = event
        self._fill_days()

    def _fill_days(self) -> None:
        chosen = self.day.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        self.day.addItem(_("Every day"), None)
        for day in self._event.days if self._event else ():
            self.day.addItem(day_on_badge(day.date), day.date.isoformat())
        self.day.setCurrentIndex(max(0, self.day.findData(chosen)))
        self.day.blockSignals(False)

    def _say_count(self) -> None:
        shown = self.model.rowCount()
        self.count.setText(counted("{count} entry", "{count} entries", shown))

    # --- live -------------------------------------------------------------------------

    def chosen_filter(self) -> AuditFilter:
        """What the organiser narrowed the log to."""
        day = self.day.currentData()
        return AuditFilter(
            room=self.room.currentData(),
            words=self.words.text(),
            on=dt.date.fromisoformat(day) if day else None,
        )

    def live_reading(self) -> LiveReading:
        """The entries that pass the filters (read off the GUI thread by the window)."""
        chosen = self.chosen_filter()
        return lambda database: (self, read_audit_log(database, chosen))

    def show_live(self, rows: list[AuditRow]) -> None:
        """Show the entries read; the row chosen stays chosen."""
        self.model.show_rows(rows)
        self._say_count()

    # --- the export -------------------------------------------------------------------

    @classmethod
    def ask_export_path(cls, parent: QWidget) -> Path | None:
        """Where to write the log (tests replace this)."""
        path, _filter = QFileDialog.getSaveFileName(
            parent, _("Export the log"), "logboek.xlsx", _("Spreadsheet (*.xlsx *.csv)")
        )
        return Path(path) if path else None

    def export(self) -> None:
        """Write the whole log, without personal data, where the organiser chooses."""
        path = self.ask_export_path(self)
        if path is None:
            return
        database = self.context.database

        def job(_report: Report) -> int:
            return _write_log(database, path)

        def written(count: object) -> None:
            written_count = int(str(count))
            self.outcome.setText(
                ngettext(
                    "{count} entry written, without names: {path}",
                    "{count} entries written, without names: {path}",
                    written_count,
                ).format(count=written_count, path=path)
            )

        def refused(error: KnownError) -> None:
            self.outcome.setText(error.message)

        def finished() -> None:
            self._export_task = None
            self.export_button.setEnabled(True)

        self.export_button.setEnabled(False)
        self._export_task = run_in_background(
            job,
            pool=self.context.pool,
            on_success=written,
            on_known_error=refused,
            on_finished=finished,
        )


def _write_log(database: Database, path: Path) -> int:
    header, rows = export_rows(database, "audit", anonymous=True)
    return write_table(path, header, rows)
