"""The way from a PDF to the chosen printer, and following the job until it is out.

Where there is CUPS (Linux, macOS), the PDF goes to the queue as it is, vector, at true
size (services.printing.cups). Elsewhere (Windows, or a printer that writes a file) Qt's
printer gets the pages painted one at a time at the printer's own resolution, the page
set to the document's size, full page, at 100 %: never the whole job in memory at once,
never stretched to the printer's paper or shrunk into its margins. Both run off the GUI
thread; `JobFollower` then reads a CUPS job's state until it is done or failed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, QTimer
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from degenks_desktop.errors import Cancelled
from degenks_desktop.i18n import _
from degenks_desktop.services.printing import cups
from degenks_desktop.services.printing.print_jobs import (
    DONE_AT_ONCE,
    JobState,
    JobStatus,
    PrinterUnavailable,
    SpooledJob,
)
from degenks_desktop.ui.shell.background import BackgroundTask, Report, TaskPool, run_in_background

FILE_DPI = 300  # a printer that writes a PDF file has no resolution of its own
LARGEST_DPI = 600  # enough for a QR code and small print; 1200 dpi took seconds a badge
POINTS_PER_INCH = 72
FOLLOW_EVERY_MS = 1000
FOLLOW_FOR_MS = 15 * 60 * 1000  # a held job is followed this long, then left to the queue


class PrintRoute(Protocol):
    """A printer as the app sends to it."""

    @property
    def name(self) -> str:
        """The printer's name, for the sentences."""
        ...

    def send(
        self, pdf: bytes | Path, page_mm: tuple[float, float], *, title: str, report: Report
    ) -> SpooledJob | None:
        """Put `pdf` on paper of `page_mm`; its job to follow, or None when it is out."""
        ...

    def status(self, job: SpooledJob) -> JobStatus:
        """How a job sent this way is doing now."""
        ...


@dataclass(frozen=True)
class CupsRoute:
    """A CUPS queue: the PDF goes to it as it is."""

    queue: str
    server: str | None = None

    @property
    def name(self) -> str:
        """The queue's name."""
        return self.queue

    def send(
        self,
        pdf: bytes | Path,
        page_mm: tuple[float, float],
        *,
        title: str,
        report: Report,  # noqa: ARG002 - one step: the job is spooled or not
    ) -> SpooledJob | None:
        """Spool `pdf` on the queue (lp), at true size."""
        return cups.send_pdf(
            pdf, queue=self.queue, page_mm=page_mm, title=title, server=self.server
        )

    def status(self, job: SpooledJob) -> JobStatus:
        """The job's state, read back from the server."""
        return cups.job_status(job)


class RasterRoute:
    """Qt's printer, painted page by page (Windows; or a printer that writes a PDF file)."""

    def __init__(self, printer: QPrinter) -> None:
        self.printer = printer

    @property
    def name(self) -> str:
        """The printer's name, or the file it writes."""
        return self.printer.printerName() or self.printer.outputFileName()

    def send(
        self, pdf: bytes | Path, page_mm: tuple[float, float], *, title: str, report: Report
    ) -> SpooledJob | None:
        """Paint every page of `pdf` on the printer; done when this returns."""
        paint_pdf(pdf, self.printer, page_mm, title=title, report=report)
        return None

    def status(self, job: SpooledJob) -> JobStatus:  # noqa: ARG002 - nothing to follow
        """Done: its pages were painted when `send` returned."""
        return DONE_AT_ONCE


def route_for(printer: QPrinter) -> PrintRoute:
    """CUPS for a real printer where there is CUPS; Qt's raster path otherwise."""
    native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    if native and printer.printerName() and cups.cups_available():
        return CupsRoute(printer.printerName())
    return RasterRoute(printer)


def raster_resolution(printer: QPrinter) -> int:
    """The dpi to paint at: the printer's own (at most 600), 300 for a PDF file."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return FILE_DPI
    return max(72, min(printer.resolution(), LARGEST_DPI))


def page_layout(page_mm: tuple[float, float]) -> QPageLayout:
    """A page of exactly `page_mm` (width, height), its orientation from its shape, no
    margins: what is painted lands where the PDF puts it."""
    width, height = page_mm
    size = QPageSize(
        QSizeF(min(width, height), max(width, height)),
        QPageSize.Unit.Millimeter,
        "",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def paint_pdf(
    pdf: bytes | Path,
    printer: QPrinter,
    page_mm: tuple[float, float],
    *,
    title: str,
    report: Report | None = None,
) -> int:
    """Paint every page of `pdf` on `printer` at true size, one page in memory at a time;
    the number of pages. `report(done, total)` after each page may raise Cancelled, which
    aborts the job on the printer."""
    dpi = raster_resolution(printer)
    printer.setResolution(dpi)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(page_mm))
    printer.setDocName(title)
    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise PrinterUnavailable(
                _(
                    "The printer {printer} cannot be opened: check that it is on and "
                    "connected, or save the PDF and print it elsewhere."
                ).format(printer=printer.printerName() or printer.outputFileName())
            )
        resolution = printer.resolution()  # what the driver granted
        total = len(document)
        for number in range(total):
            if number:
                printer.newPage()
            page = document[number]
            width, height = page.get_size()
            bitmap = page.render(scale=resolution / POINTS_PER_INCH, rev_byteorder=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB888
                if bitmap.n_channels == 3
                else QImage.Format.Format_RGBA8888,
            )
            scale = resolution / POINTS_PER_INCH
            painter.drawImage(QRectF(0, 0, width * scale, height * scale), image)
            del image, bitmap
            page.close()
            if report is not None:
                report(number + 1, total)
        return total
    except Cancelled:
        printer.abort()
        raise
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def unreachable(printer: str) -> PrinterUnavailable:
    """The sentence for a printer the system cannot talk to."""
    return PrinterUnavailable(
        _(
            "The printer {printer} cannot be reached: check that it is on and connected, or "
            "save the PDF and print it elsewhere."
        ).format(printer=printer)
    )


class JobFollower(QObject):
    """Reads a CUPS job's state every second off the GUI thread and says each change,
    until the job is done or failed (or fifteen minutes have passed).

    `on_failed` runs off the GUI thread once the job has failed (to take the badge off
    the print log); `on_change` on the GUI thread with each new state.
    """

    def __init__(
        self,
        parent: QObject,
        *,
        pool: TaskPool,
        route: PrintRoute,
        job: SpooledJob,
        first: JobStatus,
        on_change: Callable[[JobStatus], None],
        on_failed: Callable[[JobStatus], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.route = route
        self.job = job
        self.last = first
        self.on_change = on_change
        self.on_failed = on_failed
        self.reading: BackgroundTask | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(FOLLOW_EVERY_MS)
        self.timer.timeout.connect(self._read)
        self.give_up = QTimer(self)
        self.give_up.setSingleShot(True)
        self.give_up.setInterval(FOLLOW_FOR_MS)
        self.give_up.timeout.connect(self.stop)
        if not first.state.finished:
            self.timer.start()
            self.give_up.start()

    @property
    def following(self) -> bool:
        """Whether the job is still being followed."""
        return self.timer.isActive()

    def stop(self) -> None:
        """Follow no more."""
        self.timer.stop()
        self.give_up.stop()

    def _read(self) -> None:
        if self.reading is not None:
            return  # the last reading is still under way

        def work(_report: Report) -> JobStatus:
            status = self.route.status(self.job)
            if status.state is JobState.FAILED and self.on_failed is not None:
                self.on_failed(status)
            return status

        self.reading = run_in_background(
            work,
            pool=self.pool,
            on_success=self._read_back,
            on_known_error=lambda _error: None,  # the next tick asks again
            on_finished=self._done_reading,
        )

    def _done_reading(self) -> None:
        self.reading = None

    def _read_back(self, status: object) -> None:
        if not isinstance(status, JobStatus):
            return
        if status.state.finished:
            self.stop()
        if status != self.last:
            self.last = status
            self.on_change(status)
