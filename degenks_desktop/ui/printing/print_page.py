"""Organisatie → Afdrukken: badges in bulk, table signs, facilitator packs and letters
(invitations, and after a draw the waiting list's and the not selected's).

The form is Qt Designer's (forms/print_page.ui); this module fills it and runs its jobs.

Every document is made off the GUI thread with a progress bar and Cancel, and either
saved as a PDF or sent to the printer chosen under "Print on" at true size (its page
is the document's own: A6, a label, an A4 sheet), through ui.printing.printers; a
cancelled run writes no file and sends nothing. A job sent is followed until it is out,
and a held or failed one is said as such.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QComboBox, QPushButton, QSpinBox, QVBoxLayout, QWidget

from degenks_desktop.domain.badge_formats import (
    DEFAULT_FORMAT,
    FORMATS,
    LARGEST_BADGE_MM,
    SMALLEST_BADGE_MM,
    BadgeFormat,
    custom_format,
)
from degenks_desktop.errors import KnownError, NothingToDo
from degenks_desktop.i18n import N_, _, counted, ngettext
from degenks_desktop.services.house.events import EventInfo
from degenks_desktop.services.printing import documents as print_documents
from degenks_desktop.services.printing.badges import badges_to_print, render_badges
from degenks_desktop.services.printing.documents import LetterKind
from degenks_desktop.services.printing.print_jobs import (
    DONE_AT_ONCE,
    JobStatus,
    PrinterUnavailable,
    SpooledJob,
    job_sentence,
)
from degenks_desktop.ui.forms_generated.print_page_ui import Ui_PrintForm
from degenks_desktop.ui.printing.printers import JobFollower, PrintRoute, route_for, unreachable
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.file_jobs import FileJobPage, Job, JobProgress
from degenks_desktop.ui.shell.look import icon

SETTING_PRINT_FOLDER = "print/last_folder"
SETTING_BADGE_LAYOUT = "print/badge_layout"
SETTING_DESTINATION = "print/bulk_printer"
CUSTOM = "custom"
A_FILE = ""  # the destination "a PDF file": the save dialog asks where
A4_PORTRAIT = (210.0, 297.0)
A4_LANDSCAPE = (297.0, 210.0)
LETTER_FILES: dict[LetterKind, str] = {
    "invitation": N_("letters.pdf"),
    "waiting": N_("waiting-list-letters.pdf"),
    "not_selected": N_("not-selected-letters.pdf"),
}
NOBODY_TO_WRITE_TO: dict[LetterKind, str] = {
    "invitation": N_("There is nobody expected to write to."),
    "waiting": N_("There is nobody on a waiting list to write to."),
    "not_selected": N_("There is nobody the draw did not select to write to."),
}

Make = Callable[[Report, Path], tuple[str, str]]
"""Writes a document to the path given, with progress; says what it holds for a printer
('8 pages') and for a file ('8 printed: PATH')."""


@dataclass(frozen=True)
class Sent:
    """A document sent to a printer: its job (None when out already), how the job stood,
    and what it holds."""

    job: SpooledJob | None
    status: JobStatus
    what: str


def print_document(
    make: Make, route: PrintRoute, page_mm: tuple[float, float], *, title: str, report: Report
) -> Sent:
    """Write the document into a scratch file and send that to `route` (off the GUI
    thread): the Print page's way to a printer, and the bulk benchmark's."""
    try:
        with tempfile.TemporaryDirectory(prefix="degenks-print-") as folder:
            path = Path(folder) / "print.pdf"
            what, _saved = make(report, path)
            job = route.send(path, page_mm, title=title, report=report)
            status = DONE_AT_ONCE if job is None else route.status(job)
    except OSError as error:
        raise unreachable(route.name) from error
    return Sent(job, status, what)


def _pages(count: int) -> str:
    return counted("{count} page", "{count} pages", count)


def _printed(count: int, target: Path) -> str:
    return ngettext("{count} printed: {path}", "{count} printed: {path}", count).format(
        count=count, path=target
    )


class PrintPage(FileJobPage):
    """Choose what to print; each button asks where to save the PDF, then makes it."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            outcome_name="printOutcome",
            open_text=N_("Open the PDF"),
        )

        # The form is Designer's (forms/print_page.ui), held as `self.ui` (Picard's way);
        # what depends on the event or the language is filled in here.
        self.form = QWidget()
        self.ui = Ui_PrintForm()
        self.ui.setupUi(self.form)
        self.layout_box: QComboBox = self.ui.layout_box
        self.custom_size: QWidget = self.ui.custom_size
        self.custom_width: QSpinBox = self.ui.custom_width
        self.custom_height: QSpinBox = self.ui.custom_height
        self.order_box: QComboBox = self.ui.order_box
        self.day_box: QComboBox = self.ui.day_box
        self.badges_button: QPushButton = self.ui.badges_button
        self.badges_button.setIcon(icon("print"))
        self.signs_button: QPushButton = self.ui.signs_button
        self.packs_button: QPushButton = self.ui.packs_button
        self.letters_button: QPushButton = self.ui.letters_button
        self.waiting_letters_button: QPushButton = self.ui.waiting_letters_button
        self.not_selected_letters_button: QPushButton = self.ui.not_selected_letters_button
        self.destination_box: QComboBox = self.ui.destination_box
        self.follower: JobFollower | None = None
        self._event: EventInfo | None = None

        self._fill_choices()
        self._fill_destinations()
        saved = str(self.context.settings.value(SETTING_BADGE_LAYOUT, DEFAULT_FORMAT))
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(saved)))
        for spin, value in ((self.custom_width, 90), (self.custom_height, 54)):
            spin.setRange(int(SMALLEST_BADGE_MM), int(LARGEST_BADGE_MM))
            spin.setValue(value)
        self.layout_box.currentIndexChanged.connect(self._layout_changed)
        self._layout_changed()
        self.badges_button.clicked.connect(self.print_badges)
        self.signs_button.clicked.connect(lambda: self.print_tables("signs"))
        self.packs_button.clicked.connect(lambda: self.print_tables("packs"))
        self.letters_button.clicked.connect(lambda: self.print_letters("invitation"))
        self.waiting_letters_button.clicked.connect(lambda: self.print_letters("waiting"))
        self.not_selected_letters_button.clicked.connect(lambda: self.print_letters("not_selected"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(self.outcome_row())
        layout.addStretch()

    def _fill_choices(self) -> None:
        """The formats and orders in the language of the moment, keeping what is chosen."""
        chosen_layout, chosen_order = self.layout_box.currentIndex(), self.order_box.currentIndex()
        self.layout_box.clear()
        for key, badge_format in FORMATS.items():
            self.layout_box.addItem(_(badge_format.label), key)
        self.layout_box.addItem(_("Own size (mm)"), CUSTOM)
        self.layout_box.setCurrentIndex(max(0, chosen_layout))
        self.order_box.clear()
        self.order_box.addItem(_("By last name (letter range per sheet)"), "surname")
        self.order_box.addItem(_("By table"), "table")
        self.order_box.setCurrentIndex(max(0, chosen_order))

    def _fill_destinations(self) -> None:
        """A PDF file, then this laptop's printers; the one chosen last is chosen again."""
        chosen = self.destination_box.currentData()
        if chosen is None:
            chosen = str(self.context.settings.value(SETTING_DESTINATION, A_FILE))
        self.destination_box.clear()
        self.destination_box.addItem(_("A PDF file (you choose where)"), A_FILE)
        for name in QPrinterInfo.availablePrinterNames():
            self.destination_box.addItem(name, name)
        self.destination_box.setCurrentIndex(max(0, self.destination_box.findData(chosen)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the form's texts again, in place, keeping what is chosen."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self.form)
            self._fill_choices()
            self._fill_destinations()
            day = self.day_box.currentIndex()
            self.show_days(self._event)
            self.day_box.setCurrentIndex(max(0, day))
        super().changeEvent(event)

    def _layout_changed(self) -> None:
        self.custom_size.setEnabled(self.layout_box.currentData() == CUSTOM)

    def badge_format(self) -> BadgeFormat:
        """The chosen format, or a badge of the entered size."""
        key = self.layout_box.currentData()
        if key == CUSTOM:
            return custom_format(self.custom_width.value(), self.custom_height.value())
        return FORMATS[key]

    def show_days(self, event: EventInfo | None) -> None:
        """Offer the event's days (and all days together)."""
        self._event = event
        self.show_days_in(self.day_box, event)

    def ask_target(self, suggested: str) -> Path | None:
        """Where to save the PDF (tests replace this)."""
        path = self.ask_save_path(
            title=_("Save as PDF"),
            suggested=suggested,
            kinds=_("PDF (*.pdf)"),
            folder_setting=SETTING_PRINT_FOLDER,
        )
        if path is None:
            return None
        return path if path.suffix.lower() == ".pdf" else path.with_name(f"{path.name}.pdf")

    def chosen_printer(self) -> QPrinter | None:
        """The printer chosen under "Print on", or None for a PDF file (tests replace
        this)."""
        name = str(self.destination_box.currentData() or A_FILE)
        self.context.settings.setValue(SETTING_DESTINATION, name)
        if name == A_FILE:
            return None
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            self._fill_destinations()
            raise PrinterUnavailable(
                _(
                    "There is no printer called {printer} on this laptop (any more): choose "
                    "another printer."
                ).format(printer=name)
            )
        return QPrinter(info, QPrinter.PrinterMode.PrinterResolution)

    def print_badges(self) -> None:
        """Badges in the chosen format, order and day."""
        badge_format = self.badge_format()
        order, day = self.order_box.currentData(), self.day_box.currentData()
        self.context.settings.setValue(SETTING_BADGE_LAYOUT, self.layout_box.currentData())
        database = self.context.database

        def make(report: Report, target: Path) -> tuple[str, str]:
            badges = badges_to_print(database, day_number=day, order=order)
            if not badges:
                raise NothingToDo(_("There is nobody to print a badge for."))
            printed = render_badges(badges, target, badge_format, order=order, progress=report)
            what = _("{badges} on {pages}").format(
                badges=counted("{count} badge", "{count} badges", printed.badges),
                pages=counted("{count} page", "{count} pages", printed.pages),
            )
            return what, printed.describe(target)

        self._make(make, _("badges.pdf"), badge_format.page, title=_("Badges"))

    def print_tables(self, kind: str) -> None:
        """Table signs or facilitator packs for the chosen day."""
        day, database = self.day_box.currentData(), self.context.database
        signs = kind == "signs"
        render = (
            print_documents.render_table_signs
            if signs
            else print_documents.render_facilitator_packs
        )

        def make(report: Report, target: Path) -> tuple[str, str]:
            tables = print_documents.tables_to_print(database, day_number=day)
            count = render(tables, target, progress=report)
            pages = count if signs else 2 * count  # a pack is its page and its tally sheet
            return _pages(pages), _printed(count, target)

        self._make(
            make,
            _("table-signs.pdf") if signs else _("packs.pdf"),
            A4_LANDSCAPE if signs else A4_PORTRAIT,
            title=_("Table signs") if signs else _("Facilitator packs"),
        )

    def print_letters(self, kind: LetterKind = "invitation") -> None:
        """A letter of `kind` for each person it is for: an invitation for everyone
        expected, a waiting-list letter, or a letter for those the draw did not select."""
        database = self.context.database

        def make(report: Report, target: Path) -> tuple[str, str]:
            event, letters = print_documents.letters_to_print(database, kind=kind)
            if not letters:
                raise NothingToDo(_(NOBODY_TO_WRITE_TO[kind]))
            count = print_documents.render_letters(event, letters, target, progress=report)
            return _pages(count), _printed(count, target)

        self._make(
            make,
            _(LETTER_FILES[kind]),
            A4_PORTRAIT,
            title=_(print_documents.LETTER_TITLES[kind]),
        )

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.badges_button,
            self.signs_button,
            self.packs_button,
            self.letters_button,
            self.waiting_letters_button,
            self.not_selected_letters_button,
        )

    def _make(
        self, make: Make, suggested: str, page_mm: tuple[float, float], *, title: str
    ) -> None:
        """Save what `make` writes as a PDF, or send it to the chosen printer."""
        try:
            printer = self.chosen_printer()
        except KnownError as error:
            self.outcome.setText(error.message)
            return
        if printer is not None:
            self._send(make, route_for(printer), page_mm, title=title)
            return
        target = self.ask_target(suggested)
        if target is None:
            return

        def job(report: Report) -> str:
            return make(report, target)[1]

        self._run(job, target)

    def _run(self, job: Job, target: Path) -> None:
        self.run_job(job, target, label=N_("Making the PDF…"), buttons=self._buttons())

    def _send(
        self, make: Make, route: PrintRoute, page_mm: tuple[float, float], *, title: str
    ) -> None:
        """Make the document and send it to `route`, off the GUI thread, with progress and
        Cancel; then follow its job."""
        if self.follower is not None:
            self.follower.stop()  # the sentence under the page is about the new job now
        progress = JobProgress(N_("Sending to the printer…"), self)
        progress.setMinimumDuration(300)
        for button in self._buttons():
            button.setEnabled(False)

        def work(report: Report) -> Sent:
            return print_document(make, route, page_mm, title=title, report=report)

        def finish() -> None:
            progress.close()
            for button in self._buttons():
                button.setEnabled(True)
            self.task = None

        def sent(outcome: object) -> None:
            assert isinstance(outcome, Sent)
            self.outcome.setText(job_sentence(outcome.status, route.name, outcome.what))
            if outcome.job is not None and not outcome.status.state.finished:
                self.follower = JobFollower(
                    self,
                    pool=self.context.pool,
                    route=route,
                    job=outcome.job,
                    first=outcome.status,
                    on_change=lambda status: self.outcome.setText(
                        job_sentence(status, route.name, outcome.what)
                    ),
                )

        def advanced(done: int, total: int) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)

        def refused(error: KnownError) -> None:
            self.outcome.setText(error.message)

        task: BackgroundTask = run_in_background(
            work,
            pool=self.context.pool,
            on_success=sent,
            on_known_error=refused,
            on_cancelled=lambda: self.outcome.setText(
                _("Cancelled: nothing was sent to the printer.")
            ),
            on_finished=finish,
            on_progress=advanced,
        )
        progress.canceled.connect(task.cancel)
        self.task = task
