"""The import wizard in Organisatie: choose a file, check the columns, review, import.

The review page shows what the import would do (a dry run): who is added, what changes
for people already registered, duplicates, skipped lines and warnings. Nothing is
stored until Finish, and then in one transaction.

Each page is a Qt Designer form (forms/import_file_page.ui, import_mapping_page.ui,
import_review_page.ui) set up on the page itself; the column-mapping table and the lists
of the review are filled here, from the file and the dry run. A new language retranslates
the pages in place, keeping what was chosen.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QProgressDialog,
    QTableWidgetItem,
    QTreeWidgetItem,
    QWidget,
    QWizard,
    QWizardPage,
)

from degenks_desktop.domain.export_tools import recognise_tool
from degenks_desktop.domain.import_columns import FIELDS, has_a_name_column
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.registrations.files import RawTable, read_table
from degenks_desktop.services.registrations.importing import (
    ImportReport,
    describe_import,
    import_registrations,
)
from degenks_desktop.services.registrations.mapping import proposed_mapping
from degenks_desktop.ui.forms_generated.import_file_page_ui import Ui_ImportFilePage
from degenks_desktop.ui.forms_generated.import_mapping_page_ui import Ui_ImportMappingPage
from degenks_desktop.ui.forms_generated.import_review_page_ui import Ui_ImportReviewPage
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext

SETTING_LAST_FOLDER = "import/last_folder"
SETTING_SHEET = "import/sheet/"  # + a signature of the workbook's sheet names
HEADER_PAUSE_MS = 400
PREVIEW_ROWS = 5
# The review's sections, in order; their titles are retranslated in place.
NEW, CHANGES, DUPLICATES, SKIPPED, WARNINGS, PROBABLE = (
    N_("New ({count})"),
    N_("Changes to people already registered ({count})"),
    N_("Duplicates, not added ({count})"),
    N_("Skipped lines ({count})"),
    N_("Warnings ({count})"),
    N_("Probably someone already known: decide for each ({count})"),
)
SECTIONS = (NEW, CHANGES, DUPLICATES, SKIPPED, WARNINGS, PROBABLE)
# What the organiser may decide for a probable duplicate (None: held back, the default:
# nothing doubles and nothing merges until someone has looked).
DECISIONS = (
    (None, N_("Hold back")),
    ("add", N_("Add as a new person")),
    ("same", N_("The same person")),
)
# A section this long starts folded: the organiser opens it when they want the lines.
MAX_UNFOLDED = 50


def _sheet_setting(sheets: tuple[str, ...]) -> str:
    """The QSettings key of the sheet chosen for workbooks with these sheets."""
    return SETTING_SHEET + hashlib.sha256("\n".join(sheets).encode()).hexdigest()[:16]


class FilePage(QWizardPage):
    """Page 1: which file."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.ui = Ui_ImportFilePage()
        self.ui.setupUi(self)
        self.path = self.ui.path
        self.browse = self.ui.browse
        self.problem = self.ui.problem
        self.path.textChanged.connect(self.completeChanged)
        self.browse.clicked.connect(self._browse)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the form's texts again, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)

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
            self.import_wizard.table = self.import_wizard.read(path)
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
        self.ui = Ui_ImportMappingPage()
        self.ui.setupUi(self)
        self.columns = self.ui.columns
        self.preview = self.ui.preview
        self.problem = self.ui.problem
        self.read_as = self.ui.readAs
        self.sheet = self.ui.sheet
        self.sheet.activated.connect(self._sheet_chosen)
        self.header_line = self.ui.headerLine
        # Read again once the organiser stops stepping through the rows.
        self._header_moved = QTimer(self)
        self._header_moved.setSingleShot(True)
        self._header_moved.setInterval(HEADER_PAUSE_MS)
        self._header_moved.timeout.connect(self._header_chosen)
        self.header_line.valueChanged.connect(lambda _value: self._header_moved.start())
        self.field_boxes: list[QComboBox] = []

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the form's texts, the fields offered and the preview's
        headers again, in place, keeping each column's choice."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            if self.import_wizard.table is not None:
                self._show_reading(self.import_wizard.table)
            for box in self.field_boxes:
                for index, text in enumerate(self._field_texts()):
                    box.setItemText(index, text)
            if self.field_boxes:
                self._mapping_changed()
        super().changeEvent(event)

    @staticmethod
    def _field_texts() -> list[str]:
        """What each column's box offers, in the current language (its data is the key)."""
        return [_("(not imported)"), *(_(field.label) for field in FIELDS)]

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        table = self.import_wizard.table
        assert table is not None
        self._show_reading(table)
        self._fill_columns(table)

    def _show_reading(self, table: RawTable) -> None:
        """Say how the file was read: the tool it looks like, the sheet and the header's
        row; a workbook of several sheets offers them to choose from."""
        parts = []
        tool = recognise_tool(table.headers)
        if tool is not None:
            parts.append(_("This looks like an export of {tool}.").format(tool=tool))
        if table.sheet is not None:
            parts.append(
                _("Read from the sheet “{sheet}”, with the column names on row {row}.").format(
                    sheet=table.sheet, row=table.header_line
                )
            )
        else:
            parts.append(_("The column names are on line {line}.").format(line=table.header_line))
        self.read_as.setText(" ".join(parts))
        several = len(table.sheets) > 1
        self.sheet.setVisible(several)
        self.ui.sheetLabel.setVisible(several)
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(table.sheets))
        self.sheet.setCurrentIndex(max(0, self.sheet.findText(table.sheet or "")))
        self.sheet.blockSignals(False)
        self.header_line.blockSignals(True)
        self.header_line.setValue(table.header_line)
        self.header_line.blockSignals(False)

    def _header_chosen(self) -> None:
        """Read the file again with the column names on the row the organiser chose."""
        wizard = self.import_wizard
        line = self.header_line.value()
        if wizard.path is None or wizard.table is None or line == wizard.table.header_line:
            return
        self._read_again(wizard.path, sheet=wizard.table.sheet, header_line=line)

    def _read_again(
        self, path: Path, *, sheet: str | None, header_line: int | None
    ) -> RawTable | None:
        """Read the file again as the organiser chose and show it; on a refusal the
        sentence, and the reading stays as it was."""
        try:
            table = read_table(path, sheet=sheet, header_line=header_line)
        except KnownError as error:
            self.problem.setText(error.message)
            return None
        self.import_wizard.table = table
        self._show_reading(table)
        self._fill_columns(table)
        return table

    def _sheet_chosen(self, index: int) -> None:
        """Read the file again from the sheet the organiser chose, and remember it for
        the next workbook with the same sheets."""
        wizard = self.import_wizard
        if wizard.path is None or wizard.table is None:
            return
        name = self.sheet.itemText(index)
        if name == wizard.table.sheet:
            return
        table = self._read_again(wizard.path, sheet=name, header_line=None)
        if table is not None:
            wizard.remember_sheet(table)

    def _fill_columns(self, table: RawTable) -> None:
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
            keys = [None, *(field.key for field in FIELDS)]
            for text, key in zip(self._field_texts(), keys, strict=True):
                box.addItem(text, key)
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
        self.ui = Ui_ImportReviewPage()
        self.ui.setupUi(self)
        self.summary = self.ui.summary
        self.details = self.ui.details
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Import"))
        self.report: ImportReport | None = None
        # The organiser's decision per line of a probable duplicate; the Finish imports so.
        self.decisions: dict[int, str] = {}
        self.decision_boxes: dict[int, QComboBox] = {}
        self.details.setColumnCount(3)
        self._title_decisions()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the form's texts, the summary and the sections' titles again,
        in place, keeping which sections are open."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.setButtonText(QWizard.WizardButton.FinishButton, _("Import"))
            if self.report is not None:
                self.summary.setText(describe_import(self.report))
                self._title_sections()
            self._title_decisions()
            for box in self.decision_boxes.values():
                for index, (_key, words) in enumerate(DECISIONS):
                    box.setItemText(index, _(words))
        super().changeEvent(event)

    def _title_decisions(self) -> None:
        header = self.details.headerItem()
        if header is not None:
            header.setText(2, _("Decision"))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard = self.import_wizard
        assert wizard.table is not None
        wizard.mapping = wizard.mapping_page.mapping()
        self.decisions = {}
        self._dry_run()

    def _dry_run(self) -> None:
        """What the import would do now, with the decisions taken so far."""
        wizard = self.import_wizard
        assert wizard.table is not None
        try:
            self.report = import_registrations(
                wizard.context.database,
                wizard.table,
                mapping=wizard.mapping,
                dry_run=True,
                decisions=dict(self.decisions),
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
        lines: dict[str, list[tuple[int, str]]] = {
            NEW: [(line, name) for line, name in report.added_names],
            CHANGES: [
                (
                    change.line,
                    f"{change.name}: "
                    + "; ".join(
                        f"{label}: {old or '–'} → {new}" for label, old, new in change.changes
                    ),
                )
                for change in report.changes
            ],
            DUPLICATES: [(note.line, note.reason) for note in report.duplicates],
            # Lines refused (no name…) and lines that are no registration (a cancelled
            # ticket, a partial response, a totals line), in the file's order.
            SKIPPED: sorted(
                (note.line, note.reason) for note in (*report.rejected, *report.skipped)
            ),
            # The file's own warnings (formulas without a value) come first in these.
            WARNINGS: [(note.line, note.reason) for note in report.warnings],
            PROBABLE: [(found.line, found.reason) for found in report.probable_duplicates],
        }
        self.decision_boxes = {}
        for title in SECTIONS:
            rows = lines[title]
            section = QTreeWidgetItem(["", "", ""])
            for line, text in rows:
                item = QTreeWidgetItem(section, [str(line), text, ""])
                if title == PROBABLE:
                    self._decision_box(item, line)
            self.details.addTopLevelItem(section)
            section.setFirstColumnSpanned(True)
            section.setExpanded(bool(rows) and len(rows) <= MAX_UNFOLDED)
        self._title_sections()
        self.details.resizeColumnToContents(0)
        self.details.resizeColumnToContents(2)

    def _decision_box(self, item: QTreeWidgetItem, line: int) -> None:
        """The organiser's choice for a probable duplicate, in the row's third column."""
        box = QComboBox()
        box.setObjectName(f"decision{line}")
        for key, words in DECISIONS:
            box.addItem(_(words), key)
        box.setCurrentIndex(max(0, box.findData(self.decisions.get(line))))
        box.currentIndexChanged.connect(lambda _index, line=line, box=box: self._decided(line, box))
        self.details.setItemWidget(item, 2, box)
        self.decision_boxes[line] = box

    def _decided(self, line: int, box: QComboBox) -> None:
        """A decision taken: what the import would do, again (the summary follows)."""
        key = box.currentData()
        if key is None:
            self.decisions.pop(line, None)
        else:
            self.decisions[line] = str(key)
        self._dry_run()

    def _title_sections(self) -> None:
        """Each section's title with its count, in the current language."""
        for number, title in enumerate(SECTIONS):
            section = self.details.topLevelItem(number)
            if section is not None:
                section.setText(0, _(title).format(count=section.childCount()))

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
        self.path: Path | None = None
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

    def read(self, path: Path) -> RawTable:
        """Read `path`; a workbook from the sheet chosen last time for one with the same
        sheets, else from the sheet with the people."""
        self.path = path
        table = read_table(path)
        remembered = self.context.settings.value(_sheet_setting(table.sheets))
        if remembered and str(remembered) in table.sheets and str(remembered) != table.sheet:
            table = read_table(path, sheet=str(remembered))
        return table

    def remember_sheet(self, table: RawTable) -> None:
        """The sheet chosen, for the next workbook with the same sheets."""
        if table.sheet is not None:
            self.context.settings.setValue(_sheet_setting(table.sheets), table.sheet)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the window's title again (the pages retranslate themselves)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(_("Import registrations"))
        super().changeEvent(event)

    def accept(self) -> None:
        """Import for real, off the GUI thread, with progress and Cancel."""
        assert self.table is not None
        table, mapping, database = self.table, list(self.mapping), self.context.database
        actor = self.context.actor()  # the organiser signed in, named in the audit
        decisions = dict(self.review_page.decisions)
        progress = QProgressDialog(_("Importing…"), _("Cancel"), 0, len(table.rows), self)
        progress.setMinimumDuration(300)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)

        def work(report_progress: Report) -> ImportReport:
            return import_registrations(
                database,
                table,
                mapping=mapping,
                actor=actor,
                progress=report_progress,
                decisions=decisions,
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
