"""Organisatie → Rapporten: the event report, a theme's or a table's, and the exports.

Both are made off the GUI thread with progress and Cancel. Exports are anonymous unless
the organiser unticks it: whatever leaves the organisers should carry no names.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import LANGUAGES, N_, _, current_language, ngettext
from degenks_desktop.services.house.events import EventInfo, theme_codes
from degenks_desktop.services.reporting import exports
from degenks_desktop.services.reporting.report_data import report_data
from degenks_desktop.services.reporting.report_pdf import render_report, render_table_page
from degenks_desktop.ui.shell.background import Report
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.file_jobs import FileJobPage, Job

SETTING_REPORT_FOLDER = "reports/last_folder"
EXPORTS = (
    ("participants", N_("Participants")),
    ("checkins", N_("Check-ins")),
    ("ideas", N_("Ideas, with votes and the ten best")),
    ("concepts", N_("Concepts")),
)


class ReportsPage(FileJobPage):
    """Choose a report or an export; each button asks where to save, then makes it."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            outcome_name="reportOutcome",
            open_text=_("&Open"),
        )

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

        layout = QVBoxLayout(self)
        layout.addWidget(report_box)
        layout.addWidget(export_box)
        layout.addLayout(self.outcome_row())
        layout.addStretch()

    def show_event(self, event: EventInfo | None) -> None:
        """Offer the event's days and themes."""
        self.show_days_in(self.day_box, event)
        self.scope.clear()
        self.scope.addItem(_("The whole event"), None)
        try:
            themes = theme_codes(self.context.database) if event else []
        except KnownError as error:
            self.outcome.setText(error.message)
            themes = []
        for code, name in themes:
            self.scope.addItem(_("The policy table on {theme}").format(theme=name), code)

    def ask_target(self, suggested: str, kinds: str) -> Path | None:
        """Where to save (tests replace this)."""
        return self.ask_save_path(
            title=_("Save as"),
            suggested=suggested,
            kinds=kinds,
            folder_setting=SETTING_REPORT_FOLDER,
        )

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
        database, language = self.context.database, str(self.language.currentData())

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
        database = self.context.database

        def job(report: Report) -> str:
            header, rows = exports.export_rows(database, what, anonymous=anonymous)
            report(1, 2)
            count = exports.write_table(target, header, rows)
            return ngettext(
                "{count} row written: {path}", "{count} rows written: {path}", count
            ).format(count=count, path=target)

        self._run(job, target, _("Exporting…"))

    def _run(self, job: Job, target: Path, label: str) -> None:
        self.run_job(job, target, label=label, buttons=(self.report_button, self.export_button))
