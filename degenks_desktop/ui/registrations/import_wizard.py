"""The import wizard in Organisatie: choose a file, check the columns, review, import.

The review page shows what the import would do (a dry run): who is added, what changes
for people already registered, duplicates, skipped lines and warnings. Nothing is
stored until Finish, and then in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from degenks_desktop.domain.import_columns import FIELDS, has_a_name_column
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.registrations.files import RawTable, read_table
from degenks_desktop.services.registrations.importing import (
    ImportReport,
    describe_import,
    import_registrations,
)
from degenks_desktop.services.registrations.mapping import proposed_mapping
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext

SETTING_LAST_FOLDER = "import/last_folder"
PREVIEW_ROWS = 5
ERROR_STYLE = "color: #b71c1c;"


class FilePage(QWizardPage):
    """Page 1: which file."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.setTitle(_("Choose the registrations file"))
        self.setSubTitle(_("A CSV file (as Excel saves it) or an Excel workbook (.xlsx)."))
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        row = QHBoxLayout()
        row.addWidget(self.path, stretch=1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch()

    def _browse(self) -> None:
        folder = str(self.import_wizard.context.settings.value(SETTING_LAST_FOLDER, ""))
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Registrations file"),
            folder,
            _("Spreadsheets (*.csv *.xlsx *.xlsm *.txt *.tsv);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """Read the file now, so that a bad file is refused on this page."""
        path = Path(self.path.text().strip()).expanduser()
        try:
            self.import_wizard.table = read_table(path)
        except KnownError as error:
            self.problem.setText(error.message)
            return False
        self.problem.clear()
        self.import_wizard.context.settings.setValue(SETTING_LAST_FOLDER, str(path.parent))
        return True


class MappingPage(QWizardPage):
    """Page 2: which column holds what, with the first rows as they will be read."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.setTitle(_("Check the columns"))
        self.setSubTitle(
            _(
                "The app recognised these columns; correct what is wrong. It remembers your "
                "choice for the next file with the same columns."
            )
        )
        self.columns = QTableWidget(0, 3)
        self.columns.setObjectName("columns")
        self.columns.setHorizontalHeaderLabels([_("Column in the file"), _("Example"), _("Means")])
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("preview")
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns, stretch=2)
        layout.addWidget(QLabel(_("The first rows as they will be read:")))
        layout.addWidget(self.preview, stretch=1)
        layout.addWidget(self.problem)
        self.field_boxes: list[QComboBox] = []

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        table = self.import_wizard.table
        assert table is not None
        mapping = proposed_mapping(self.import_wizard.context.database, table.headers)
        self.columns.setRowCount(len(table.headers))
        self.field_boxes = []
        for row, header in enumerate(table.headers):
            example = next(
                (r.values[row] for r in table.rows if row < len(r.values) and r.values[row]), ""
            )
            self.columns.setItem(row, 0, QTableWidgetItem(header))
            self.columns.setItem(row, 1, QTableWidgetItem(example))
            box = QComboBox()
            box.addItem(_("(not imported)"), None)
            for field in FIELDS:
                box.addItem(_(field.label), field.key)
            box.setCurrentIndex(max(0, box.findData(mapping[row])))
            box.currentIndexChanged.connect(self._mapping_changed)
            self.columns.setCellWidget(row, 2, box)
            self.field_boxes.append(box)
        self.columns.resizeColumnsToContents()
        self._mapping_changed()

    def mapping(self) -> list[str | None]:
        """The field of each column, as chosen."""
        return [box.currentData() for box in self.field_boxes]

    def _mapping_changed(self) -> None:
        table = self.import_wizard.table
        assert table is not None
        mapping = self.mapping()
        shown = [(index, key) for index, key in enumerate(mapping) if key]
        labels = {field.key: _(field.label) for field in FIELDS}
        self.preview.clear()
        self.preview.setColumnCount(len(shown))
        self.preview.setHorizontalHeaderLabels([labels[key] for _index, key in shown])
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(rows))
        for row_number, raw in enumerate(rows):
            for column, (index, _key) in enumerate(shown):
                value = raw.values[index] if index < len(raw.values) else ""
                self.preview.setItem(row_number, column, QTableWidgetItem(value))
        chosen = [key for key in mapping if key]
        if len(chosen) != len(set(chosen)):
            self.problem.setText(
                _("Two columns are mapped to the same field: map each field once.")
            )
        elif not has_a_name_column(mapping):
            self.problem.setText(_("Map at least one column to a name."))
        else:
            self.problem.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.field_boxes) and not self.problem.text()


class ReviewPage(QWizardPage):
    """Page 3: what the import will do, computed by a dry run; Finish imports."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.setTitle(_("Check what will change"))
        self.setSubTitle(_("Nothing is stored until you press Import."))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.details = QTreeWidget()
        self.details.setObjectName("details")
        self.details.setHeaderLabels([_("Line"), _("What")])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, stretch=1)
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Import"))
        self.report: ImportReport | None = None

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard = self.import_wizard
        assert wizard.table is not None
        wizard.mapping = wizard.mapping_page.mapping()
        try:
            self.report = import_registrations(
                wizard.context.database, wizard.table, mapping=wizard.mapping, dry_run=True
            )
        except KnownError as error:
            self.report = None
            self.summary.setText(error.message)
            self.details.clear()
            return
        self._show(self.report)

    def _show(self, report: ImportReport) -> None:
        self.summary.setText(describe_import(report))
        self.details.clear()
        sections = [
            (_("New ({count})"), [(line, name) for line, name in report.added_names]),
            (
                _("Changes to people already registered ({count})"),
                [
                    (
                        change.line,
                        f"{change.name}: "
                        + "; ".join(
                            f"{label}: {old or '–'} → {new}" for label, old, new in change.changes
                        ),
                    )
                    for change in report.changes
                ],
            ),
            (
                _("Duplicates, not added ({count})"),
                [(note.line, note.reason) for note in report.duplicates],
            ),
            (_("Skipped lines ({count})"), [(note.line, note.reason) for note in report.rejected]),
            (_("Warnings ({count})"), [(note.line, note.reason) for note in report.warnings]),
        ]
        for title, rows in sections:
            section = QTreeWidgetItem([title.format(count=len(rows)), ""])
            for line, text in rows:
                QTreeWidgetItem(section, [str(line), text])
            self.details.addTopLevelItem(section)
            section.setFirstColumnSpanned(True)
            section.setExpanded(bool(rows) and len(rows) <= 50)
        self.details.resizeColumnToContents(0)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.report is not None


class ImportWizard(QWizard):
    """Guides an organiser from a spreadsheet to clean registrations."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.table: RawTable | None = None
        self.mapping: list[str | None] = []
        self.final_report: ImportReport | None = None
        self._task: BackgroundTask | None = None
        self.setWindowTitle(_("Import registrations"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.review_page = ReviewPage(self)
        for page in (self.file_page, self.mapping_page, self.review_page):
            self.addPage(page)
        self.resize(900, 640)

    def accept(self) -> None:
        """Import for real, off the GUI thread, with progress and Cancel."""
        assert self.table is not None
        table, mapping, database = self.table, list(self.mapping), self.context.database
        progress = QProgressDialog(_("Importing…"), _("Cancel"), 0, len(table.rows), self)
        progress.setMinimumDuration(300)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)

        def work(report_progress: Report) -> ImportReport:
            return import_registrations(
                database, table, mapping=mapping, actor="gui", progress=report_progress
            )

        def finished() -> None:
            progress.close()
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)

        def done(report: ImportReport) -> None:
            self.final_report = report
            super(ImportWizard, self).accept()

        task = run_in_background(
            work,
            pool=self.context.pool,
            on_success=done,
            on_known_error=lambda error: self.review_page.summary.setText(error.message),
            on_cancelled=lambda: self.review_page.summary.setText(
                _("The import was cancelled: nothing changed.")
            ),
            on_finished=finished,
            on_progress=lambda done_rows, _total: progress.setValue(done_rows),
        )
        progress.canceled.connect(task.cancel)
        self._task = task
