"""Organisatie → Rapporten: the event report, a theme's or a table's, and the exports.

The form is Qt Designer's (forms/reports_page.ui); this module fills it and runs its jobs.

Both are made off the GUI thread with progress and Cancel. Exports are anonymous unless
the organiser unticks it: whatever leaves the organisers should carry no names.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import LANGUAGES, N_, _, current_language, ngettext
from degenks_desktop.services.house.events import EventInfo, theme_codes
from degenks_desktop.services.reporting import exports
from degenks_desktop.services.reporting.report_data import report_data
from degenks_desktop.services.reporting.report_pdf import render_report, render_table_page
from degenks_desktop.ui.forms_generated.reports_page_ui import Ui_ReportsForm
from degenks_desktop.ui.shell.background import Report
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.file_jobs import FileJobPage, Job
from degenks_desktop.ui.shell.look import icon
from degenks_desktop.ui.shell.organiser_dialog import with_organiser

NAMED_EXPORT_SIGN_IN = N_(
    "An export with names is an organiser's: sign in with your name and password, or tick "
    "Anonymous."
)

SETTING_REPORT_FOLDER = "reports/last_folder"
EXPORTS = (
    ("participants", N_("Participants")),
    ("checkins", N_("Check-ins")),
    ("ideas", N_("Ideas, with votes and the ten best")),
    ("concepts", N_("Concepts")),
    ("draw", N_("The draw's outcome, for a mail merge")),
)


class ReportsPage(FileJobPage):
    """Choose a report or an export; each button asks where to save, then makes it."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            outcome_name="reportOutcome",
            open_text=N_("&Open"),
        )

        # The form is Designer's (forms/reports_page.ui), held as `self.ui` (Picard's way);
        # what depends on the event or the language is filled in here.
        self.form = QWidget()
        self.ui = Ui_ReportsForm()
        self.ui.setupUi(self.form)
        self.scope = self.ui.scope
        self.day_box = self.ui.day_box
        self.table_number = self.ui.table_number
        self.language = self.ui.language
        self.report_button = self.ui.report_button
        self.report_button.setIcon(icon("report"))
        self.export_what = self.ui.export_what
        self.anonymous = self.ui.anonymous
        self.export_button = self.ui.export_button
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self._fill_exports()
        self.report_button.clicked.connect(self.make_report)
        self.export_button.clicked.connect(self.make_export)
        self._event: EventInfo | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(self.outcome_row())
        layout.addStretch()

    def _fill_exports(self) -> None:
        chosen = self.export_what.currentIndex()
        self.export_what.clear()
        for key, label in EXPORTS:
            self.export_what.addItem(_(label), key)
        self.export_what.setCurrentIndex(max(0, chosen))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the form's texts again, in place, keeping what is chosen."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self.form)
            self._fill_exports()
            scope, day = self.scope.currentIndex(), self.day_box.currentIndex()
            self.show_event(self._event)
            self.scope.setCurrentIndex(max(0, scope))
            self.day_box.setCurrentIndex(max(0, day))
        super().changeEvent(event)

    def show_event(self, event: EventInfo | None) -> None:
        """Offer the event's days and themes."""
        self._event = event
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

        self._run(job, target, N_("Making the report…"))

    def make_export(self) -> None:
        """The chosen export, as Excel or CSV by the file's name; with names (Anonymous
        unticked) only as a signed-in organiser (asked again after the time-out)."""
        if self.anonymous.isChecked():
            self._export()
        else:
            with_organiser(
                self.context, self, lambda _organiser: self._export(), intro=NAMED_EXPORT_SIGN_IN
            )

    def _export(self) -> None:
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

        self._run(job, target, N_("Exporting…"))

    def _run(self, job: Job, target: Path, label: str) -> None:
        """Make the file; `label` (marked with `N_`) is what the progress dialog says."""
        self.run_job(job, target, label=label, buttons=(self.report_button, self.export_button))
