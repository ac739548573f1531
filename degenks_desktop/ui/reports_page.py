"""Organisatie → Rapporten: the event report, a theme's or a table's, and the exports.

Both are made off the GUI thread with progress and Cancel. Exports are anonymous unless
the organiser unticks it: whatever leaves the organisers should carry no names.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import LANGUAGES, N_, _, current_language
from degenks_desktop.services import exports
from degenks_desktop.services.events import EventInfo, theme_codes
from degenks_desktop.services.report_data import report_data
from degenks_desktop.services.report_pdf import render_report, render_table_page
from degenks_desktop.storage.database import Database
from degenks_desktop.ui.background import BackgroundTask, Report
from degenks_desktop.ui.file_jobs import Job, run_file_job
from degenks_desktop.ui.labels import day_label

SETTING_REPORT_FOLDER = "reports/last_folder"
EXPORTS = (
    ("participants", N_("Participants")),
    ("checkins", N_("Check-ins")),
    ("ideas", N_("Ideas, with votes and the ten best")),
    ("concepts", N_("Concepts")),
)


class ReportsPage(QWidget):
    """Choose a report or an export; each button asks where to save, then makes it."""

    def __init__(
        self, *, database: Database, settings: QSettings, pool: QThreadPool | None = None
    ) -> None:
        super().__init__()
        self.database = database
        self.settings = settings
        self.pool = pool
        self.task: BackgroundTask | None = None
        self.last_file: Path | None = None

        self.scope = QComboBox()
        self.scope.setObjectName("reportScope")
        self.day_box = QComboBox()
        self.day_box.setObjectName("reportDay")
        self.table_number = QSpinBox()
        self.table_number.setObjectName("reportTable")
        self.table_number.setRange(0, 999)
        self.table_number.setSpecialValueText(_("all tables"))
        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.report_button = QPushButton(_("Make the &report…"))
        self.report_button.setObjectName("reportButton")
        self.report_button.clicked.connect(self.make_report)
        report_box = QGroupBox(_("Report (PDF)"))
        report_form = QFormLayout(report_box)
        report_form.addRow(_("What"), self.scope)
        report_form.addRow(_("Day"), self.day_box)
        report_form.addRow(_("One table (its one-pager)"), self.table_number)
        report_form.addRow(_("Language"), self.language)
        report_form.addRow("", self.report_button)

        self.export_what = QComboBox()
        self.export_what.setObjectName("exportWhat")
        for key, label in EXPORTS:
            self.export_what.addItem(_(label), key)
        self.anonymous = QCheckBox(_("Anonymous: no names, contact details or badge codes"))
        self.anonymous.setObjectName("anonymous")
        self.anonymous.setChecked(True)
        self.export_button = QPushButton(_("&Export…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.make_export)
        export_box = QGroupBox(_("Export (Excel or CSV)"))
        export_form = QFormLayout(export_box)
        export_form.addRow(_("What"), self.export_what)
        export_form.addRow("", self.anonymous)
        export_form.addRow("", self.export_button)

        self.outcome = QLabel()
        self.outcome.setObjectName("reportOutcome")
        self.outcome.setWordWrap(True)
        self.open_button = QPushButton(_("&Open"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_last)
        row = QHBoxLayout()
        row.addWidget(self.outcome, stretch=1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(report_box)
        layout.addWidget(export_box)
        layout.addLayout(row)
        layout.addStretch()

    def show_event(self, event: EventInfo | None) -> None:
        """Offer the event's days and themes."""
        self.day_box.clear()
        self.day_box.addItem(_("All days"), None)
        for day in event.days if event else ():
            self.day_box.addItem(day_label(day), day.number)
        self.scope.clear()
        self.scope.addItem(_("The whole event"), None)
        try:
            themes = theme_codes(self.database) if event else []
        except KnownError as error:
            self.outcome.setText(error.message)
            themes = []
        for code, name in themes:
            self.scope.addItem(_("The policy table on {theme}").format(theme=name), code)

    def ask_target(self, suggested: str, kinds: str) -> Path | None:
        """Where to save (tests replace this)."""
        folder = str(self.settings.value(SETTING_REPORT_FOLDER, str(Path.home())))
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save as"), str(Path(folder) / suggested), kinds
        )
        if not path:
            return None
        self.settings.setValue(SETTING_REPORT_FOLDER, str(Path(path).parent))
        return Path(path)

    def make_report(self) -> None:
        """The report the form describes: the event, a day, a theme, or a table."""
        day, theme = self.day_box.currentData(), self.scope.currentData()
        table = self.table_number.value() or None
        if table is not None and day is None:
            self.outcome.setText(_("Choose the day of the table first."))
            return
        target = self.ask_target(_("report.pdf"), _("PDF (*.pdf)"))
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        database, language = self.database, str(self.language.currentData())

        def job(report: Report) -> str:
            data = report_data(
                database,
                day_number=day,
                theme_code=theme,
                table=(day, table) if table is not None else None,
            )
            if table is not None:
                render_table_page(data, target, language=language)
            else:
                render_report(data, target, language=language, progress=report)
            return _("Report written: {path}").format(path=target)

        self._run(job, target, _("Making the report…"))

    def make_export(self) -> None:
        """The chosen export, as Excel or CSV by the file's name."""
        what, anonymous = str(self.export_what.currentData()), self.anonymous.isChecked()
        target = self.ask_target(f"{what}.xlsx", _("Excel (*.xlsx);;CSV (*.csv)"))
        if target is None:
            return
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + ".xlsx")
        database = self.database

        def job(report: Report) -> str:
            header, rows = exports.export_rows(database, what, anonymous=anonymous)
            report(1, 2)
            count = exports.write_table(target, header, rows)
            return _("{count} rows written: {path}").format(count=count, path=target)

        self._run(job, target, _("Exporting…"))

    def _run(self, job: Job, target: Path, label: str) -> None:
        self.task = run_file_job(
            self,
            job,
            target,
            buttons=(self.report_button, self.export_button),
            outcome=self.outcome,
            on_done=self._written,
            on_finished=self._finished,
            pool=self.pool,
            label=label,
        )

    def _finished(self) -> None:
        self.task = None

    def _written(self, target: Path) -> None:
        self.last_file = target
        self.open_button.setEnabled(True)

    def _open_last(self) -> None:
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file)))
