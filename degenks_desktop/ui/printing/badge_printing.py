"""One badge at the desk: sent to the chosen printer at true size, or saved as PDF.

The PDF comes from the same layout as the bulk sheets (services.badges) and goes to the
printer off the GUI thread (ui.printing.printers: as it is through CUPS, else painted
page by page); the job is followed, and a held or failed badge is said as such. The
print log refuses an accidental second badge and asks for a reason for a deliberate one;
a badge that cannot be sent is not logged, one whose job fails is taken off the log.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt
from PySide6.QtGui import QKeyEvent
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

from degenks_desktop.domain.badge_formats import FORMATS, BadgeFormat
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.search import find_participants
from degenks_desktop.services.printing.badges import (
    BadgeSent,
    already_printed,
    previous_print,
    print_badge,
    withdraw_badge_print,
)
from degenks_desktop.services.printing.print_jobs import JobStatus, SpooledJob, badge_sentence
from degenks_desktop.ui.printing.printers import (
    JobFollower,
    PrintRoute,
    route_for,
    unreachable,
)
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.look import icon
from degenks_desktop.ui.shell.widgets import step_through

SETTING_PRINTER = "print/printer"
SETTING_DESK_LAYOUT = "print/desk_layout"
SETTING_PDF_FOLDER = "print/badge_folder"
DESK_LAYOUT = "a6"


Say = Callable[[str], None]


class TaskKeeper(QObject):
    """Keeps a background task alive, as a child of the widget that asked for it, until
    its outcome is in (the desk asks and forgets; the task's relay must outlive that)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.task: BackgroundTask | None = None


def send_badge(
    context: AppContext,
    route: PrintRoute,
    participant_id: int,
    *,
    layout: str,
    parent: QObject,
    say: Say,
    reprint_reason: str | None = None,
) -> BackgroundTask:
    """Print one badge on `route` off the GUI thread, log it, and follow its job: `say`
    gets one sentence now and another whenever the job's state changes."""
    database, desk = context.database, context.desk_name
    badge_format = FORMATS[layout]

    def send(pdf: bytes, fmt: BadgeFormat) -> SpooledJob | None:
        return route.send(pdf, fmt.page, title=_("Badge"), report=lambda _done, _total: None)

    def work(_report: Report) -> BadgeSent:
        try:
            return print_badge(
                database,
                participant_id,
                badge_format,
                desk=desk,
                send=send,
                status_of=route.status,
                reprint_reason=reprint_reason,
            )
        except OSError as error:
            raise unreachable(route.name) from error

    def sent(outcome: object) -> None:
        assert isinstance(outcome, BadgeSent)
        say(badge_sentence(outcome.status, route.name))
        if outcome.job is None or outcome.status.state.finished:
            return
        print_id = outcome.print_id

        def failed(status: JobStatus) -> None:
            if print_id is not None:
                withdraw_badge_print(
                    database, print_id, desk=desk, why=status.message or ", ".join(status.reasons)
                )

        JobFollower(
            parent,
            pool=context.pool,
            route=route,
            job=outcome.job,
            first=outcome.status,
            on_change=lambda status: say(badge_sentence(status, route.name)),
            on_failed=failed,
        )

    keeper = TaskKeeper(parent)
    task = run_in_background(
        work,
        pool=context.pool,
        on_success=sent,
        on_known_error=lambda error: say(error.message),
        on_finished=keeper.deleteLater,
    )
    keeper.task = task
    return task


def reprint_reason_for(
    context: AppContext, participant_id: int, parent: QWidget, *, automatic: bool
) -> tuple[bool, str | None]:
    """Whether to print, and the reason for a reprint: an automatic print skips whoever
    has a badge; one asked for asks why (False when the clerk does not say)."""
    previous = previous_print(context.database, participant_id)
    if previous is None:
        return True, None
    if automatic:
        return False, None
    reason = PrintBadgeDialog.ask_reprint_reason(parent, already_printed(previous).message)
    return reason is not None, reason


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
        self.task: BackgroundTask | None = None
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

    def _layout(self) -> str:
        layout = str(self.context.settings.value(SETTING_DESK_LAYOUT, DESK_LAYOUT))
        return layout if layout in FORMATS else DESK_LAYOUT

    def _reason(self, participant_id: int) -> tuple[bool, str | None]:
        """Whether to go on, and the reason for a reprint (asked for a second badge)."""
        go, reason = reprint_reason_for(self.context, participant_id, self, automatic=False)
        if not go:
            self.outcome.setText(_("Not printed again."))
        return go, reason

    def print_selected(self) -> None:
        """Print the chosen person's badge on the chosen printer, off the GUI thread."""
        participant_id = self.selected()
        if participant_id is None:
            self.outcome.setText(_("Choose a person first."))
            return
        try:
            printer = self.ask_printer()
            if printer is None:
                return
            go, reason = self._reason(participant_id)
        except KnownError as error:
            self.outcome.setText(error.message)
            return
        if not go:
            return
        self.outcome.setText(_("Printing…"))
        self.task = send_badge(
            self.context,
            route_for(printer),
            participant_id,
            layout=self._layout(),
            parent=self,
            say=self.outcome.setText,
            reprint_reason=reason,
        )

    def save_selected(self) -> None:
        """Save the chosen person's badge as a PDF file."""
        participant_id = self.selected()
        if participant_id is None:
            self.outcome.setText(_("Choose a person first."))
            return
        path = self.ask_pdf_path()
        if path is None:
            return

        def write(pdf: bytes, _fmt: BadgeFormat) -> None:
            path.write_bytes(pdf)

        try:
            go, reason = self._reason(participant_id)
            if not go:
                return
            print_badge(
                self.context.database,
                participant_id,
                FORMATS[self._layout()],
                desk=self.context.desk_name,
                send=write,
                reprint_reason=reason,
            )
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

    def route(self) -> PrintRoute | None:
        """How badges reach the desk's printer, or None when there is none."""
        printer = self.printer()
        return None if printer is None else route_for(printer)

    def print_badge(
        self, participant_id: int, *, automatic: bool, parent: QWidget, say: Say
    ) -> BackgroundTask | None:
        """Print the badge off the GUI thread; `say` gets how it went, one sentence at a
        time (nothing when nothing was due: an automatic print for whoever has one)."""
        route = self.route()
        if route is None:
            say(
                _(
                    "No printer is set up on this laptop: choose one under Badge…, or save "
                    "the badge as PDF there."
                )
            )
            return None
        try:
            go, reason = reprint_reason_for(
                self.context, participant_id, parent, automatic=automatic
            )
        except KnownError as error:
            say(error.message)
            return None
        if not go:
            if not automatic:
                say(_("Not printed again."))
            return None
        return send_badge(
            self.context,
            route,
            participant_id,
            layout=self._layout(),
            parent=parent,
            say=say,
            reprint_reason=reason,
        )
