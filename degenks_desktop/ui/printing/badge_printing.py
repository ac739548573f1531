"""One badge at the desk: printed through QPrinter on the chosen printer, or saved as PDF.

The PDF comes from the same layout as the bulk sheets (services.badges); pages are
rasterised with PDFium at the printer's resolution and painted with QPainter. The print
log refuses an accidental second badge and asks for a reason for a deliberate one.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QEvent, QObject, QRectF, QStandardPaths, Qt
from PySide6.QtGui import QImage, QKeyEvent, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.domain.badge_formats import FORMATS
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.search import find_participants
from degenks_desktop.services.printing.badges import (
    AlreadyPrinted,
    record_badge_print,
    single_badge_pdf,
)
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.look import icon
from degenks_desktop.ui.shell.widgets import step_through

SETTING_PRINTER = "print/printer"
SETTING_DESK_LAYOUT = "print/desk_layout"
SETTING_PDF_FOLDER = "print/badge_folder"
DESK_LAYOUT = "a6"


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page of `pdf` on `printer` at its resolution; return the pages printed."""
    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise OSError("the printer cannot be opened")
    try:
        scale = printer.resolution() / 72
        for number, page in enumerate(document):
            if number:
                printer.newPage()
            image = page.render(scale=scale).to_pil().convert("RGB")
            data = image.tobytes("raw", "RGB")
            qimage = QImage(
                data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888
            )
            target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            target.moveTo(0, 0)
            size = qimage.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), qimage)
        return len(document)
    finally:
        painter.end()
        document.close()


class PrintBadgeDialog(QDialog):
    """Find a person, then print their badge or save it as PDF; keyboard only: type,
    ↑/↓ to choose, Enter to print."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        person: tuple[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.textChanged.connect(self._find)
        self.search.installEventFilter(self)
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(icon("print"), "")
        self.print_button.setObjectName("printButton")
        self.search.returnPressed.connect(self.print_selected)  # Enter prints the chosen one
        self.print_button.clicked.connect(self.print_selected)
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("pdfButton")
        self.pdf_button.clicked.connect(self.save_selected)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        # Enter in the search box prints, once: no button may take the same Enter as the
        # dialog's default (under the app's stylesheet the Print button otherwise did).
        for button in (self.print_button, self.pdf_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, stretch=1)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self.resize(480, 420)
        self.retranslate()
        if person is not None:
            self.choose(*person)

    def retranslate(self) -> None:
        """The dialog's texts in the language of the moment (the name typed, the person
        chosen and the last outcome stay as they are)."""
        self.setWindowTitle(_("Print a badge"))
        self.search.setPlaceholderText(_("Name or badge code"))
        self.print_button.setText(_("&Print"))
        self.pdf_button.setText(_("&Save as PDF…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the dialog's texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def choose(self, participant_id: int, name: str) -> None:
        """Start on this person (the one just checked in): their name searched and chosen."""
        self.search.setText(name)
        for row in range(self.results.count()):
            item = self.results.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == participant_id:
                self.results.setCurrentRow(row)
        self.search.selectAll()  # typing another name replaces it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """↑ and ↓ in the search box move through the people found."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and step_through(self.results, event.key())
        ):
            return True
        return super().eventFilter(watched, event)

    def _find(self, text: str) -> None:
        self.results.clear()
        try:
            matches = find_participants(self.context.database, text, limit=15)
        except KnownError as error:
            self.outcome.setText(error.message)
            return
        for match in matches:
            item = QListWidgetItem(f"{match.name}  ·  {match.badge_code}")
            item.setData(Qt.ItemDataRole.UserRole, match.id)
            self.results.addItem(item)
        if matches:
            self.results.setCurrentRow(0)

    def selected(self) -> int | None:
        """The id of the chosen person."""
        item = self.results.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    @classmethod
    def ask_reprint_reason(cls, parent: QWidget, message: str) -> str | None:
        """Ask why a badge is printed again; None when the clerk does not want to."""
        reason, confirmed = QInputDialog.getText(
            parent, _("Print again?"), message + "\n\n" + _("Reason for the reprint:")
        )
        return reason.strip() if confirmed and reason.strip() else None

    def ask_printer(self) -> QPrinter | None:
        """The printer to use: the one chosen last time, confirmed in Qt's print dialog."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        saved = str(self.context.settings.value(SETTING_PRINTER, ""))
        if saved and saved in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(saved)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.context.settings.setValue(SETTING_PRINTER, printer.printerName())
        return printer

    def ask_pdf_path(self) -> Path | None:
        """Where to save the badge PDF: the folder used last, else the user's documents."""
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        folder = str(self.context.settings.value(SETTING_PDF_FOLDER, documents or Path.home()))
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), str(Path(folder) / _("badge.pdf")), _("PDF (*.pdf)")
        )
        if not path:
            return None
        self.context.settings.setValue(SETTING_PDF_FOLDER, str(Path(path).parent))
        return Path(path)

    def _log(self, participant_id: int) -> bool:
        """Log the print; a second one only with a reason. False when nothing is to be printed."""
        try:
            record_badge_print(self.context.database, participant_id, desk=self.context.desk_name)
        except AlreadyPrinted as already:
            reason = self.ask_reprint_reason(self, already.message)
            if reason is None:
                self.outcome.setText(_("Not printed again."))
                return False
            record_badge_print(
                self.context.database,
                participant_id,
                desk=self.context.desk_name,
                reprint_reason=reason,
            )
        return True

    def _layout(self) -> str:
        layout = str(self.context.settings.value(SETTING_DESK_LAYOUT, DESK_LAYOUT))
        return layout if layout in FORMATS else DESK_LAYOUT

    def print_selected(self) -> None:
        """Print the chosen person's badge on the chosen printer."""
        participant_id = self.selected()
        if participant_id is None:
            self.outcome.setText(_("Choose a person first."))
            return
        try:
            pdf = single_badge_pdf(self.context.database, participant_id, FORMATS[self._layout()])
            printer = self.ask_printer()
            if printer is None or not self._log(participant_id):
                return
            print_pdf(pdf, printer)
        except KnownError as error:
            self.outcome.setText(error.message)
            return
        except OSError:
            self.outcome.setText(
                _(
                    "The printer cannot be reached: check that it is on and "
                    "connected, or save the badge as PDF."
                )
            )
            return
        self.outcome.setText(_("The badge is printed."))

    def save_selected(self) -> None:
        """Save the chosen person's badge as a PDF file."""
        participant_id = self.selected()
        if participant_id is None:
            self.outcome.setText(_("Choose a person first."))
            return
        path = self.ask_pdf_path()
        if path is None:
            return
        try:
            pdf = single_badge_pdf(self.context.database, participant_id, FORMATS[self._layout()])
            if not self._log(participant_id):
                return
            path.write_bytes(pdf)
        except KnownError as error:
            self.outcome.setText(error.message)
            return
        except OSError:
            self.outcome.setText(
                _("The file {path} cannot be written: choose another folder.").format(path=path)
            )
            return
        self.outcome.setText(_("Saved: {path}").format(path=path))


class DeskBadgePrinter:
    """Prints one badge at the check-in station without a dialog: the desk's printer.

    The printer chosen last in the badge dialog, else the system's default. An automatic
    print skips whoever already has a badge; a print asked for by the clerk asks a reason
    for a reprint first.
    """

    def __init__(self, context: AppContext) -> None:
        self.context = context

    def printer(self) -> QPrinter | None:
        """The desk's printer, or None when this laptop has none (tests replace this)."""
        saved = str(self.context.settings.value(SETTING_PRINTER, ""))
        if saved and saved in QPrinterInfo.availablePrinterNames():
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPrinterName(saved)
            return printer
        default = QPrinterInfo.defaultPrinter()
        if default.isNull():
            return None
        return QPrinter(default, QPrinter.PrinterMode.HighResolution)

    def _layout(self) -> str:
        layout = str(self.context.settings.value(SETTING_DESK_LAYOUT, DESK_LAYOUT))
        return layout if layout in FORMATS else DESK_LAYOUT

    def print_badge(self, participant_id: int, *, automatic: bool, parent: QWidget) -> str:
        """Print the badge and say how it went in one sentence ("" when nothing was due)."""
        printer = self.printer()
        if printer is None:
            return _(
                "No printer is set up on this laptop: choose one under Badge…, or save the "
                "badge as PDF there."
            )
        try:
            pdf = single_badge_pdf(self.context.database, participant_id, FORMATS[self._layout()])
            try:
                record_badge_print(
                    self.context.database, participant_id, desk=self.context.desk_name
                )
            except AlreadyPrinted as already:
                if automatic:
                    return ""  # they have their badge already
                reason = PrintBadgeDialog.ask_reprint_reason(parent, already.message)
                if reason is None:
                    return _("Not printed again.")
                record_badge_print(
                    self.context.database,
                    participant_id,
                    desk=self.context.desk_name,
                    reprint_reason=reason,
                )
            print_pdf(pdf, printer)
        except KnownError as error:
            return error.message
        except OSError:
            return _(
                "The printer cannot be reached: check that it is on and connected, or save "
                "the badge as PDF under Badge…."
            )
        return _("The badge is printed.")
