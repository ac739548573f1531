"""To the printer at true size, off the GUI thread: the raster path Windows takes (forced
here with a printer that writes a PDF file) and a real CUPS queue that is paused."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, QThreadPool
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.domain.badge_formats import FORMATS
from degenks_desktop.i18n import _, counted
from degenks_desktop.services.printing.print_jobs import (
    DONE_AT_ONCE,
    JobState,
    JobStatus,
    badge_sentence,
    job_sentence,
)
from degenks_desktop.storage.models import BadgePrint, Participant
from degenks_desktop.ui.printing import print_page
from degenks_desktop.ui.printing.badge_printing import SETTING_DESK_LAYOUT, DeskBadgePrinter
from degenks_desktop.ui.printing.print_page import PrintPage
from degenks_desktop.ui.printing.printers import CupsRoute, PrintRoute, RasterRoute, route_for
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.cups import cups_server, needs_cups, private_queue
from tests.helpers.pdfs import page_sizes_mm, qr_places_mm

WINDOWS: list[MainWindow] = []  # keeps each test's window alive while its page is used
TOLERANCE_MM = 0.5


def file_printer(path: Path) -> QPrinter:
    """A printer that writes what it is sent into `path`: Qt's raster path, as on Windows."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def open_page(qtbot: QtBot, context: AppContext) -> PrintPage:
    window = MainWindow(context)
    qtbot.addWidget(window)
    WINDOWS[:] = [window]
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.print_page)
    return window.organiser.print_page


def first_person(context: AppContext) -> int:
    with context.database.reading() as session:
        return int(session.scalars(select(Participant.id).order_by(Participant.id)).first() or 0)


def test_a_sheet_sent_to_a_printer_keeps_the_perforations_pitch(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "printer.pdf"
    page = open_page(qtbot, context)
    monkeypatch.setattr(PrintPage, "chosen_printer", lambda _self: file_printer(output))
    everyone = print_page.badges_to_print
    monkeypatch.setattr(
        print_page, "badges_to_print", lambda *args, **kwargs: everyone(*args, **kwargs)[:8]
    )
    page.layout_box.setCurrentIndex(page.layout_box.findData("a4-8"))
    page.badges_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    what = _("{badges} on {pages}").format(
        badges=counted("{count} badge", "{count} badges", 8),
        pages=counted("{count} page", "{count} pages", 1),
    )
    assert page.outcome.text() == job_sentence(DONE_AT_ONCE, str(output), what)
    assert len(page_sizes_mm(output)) == 1
    width, height = page_sizes_mm(output)[0]
    assert width == pytest.approx(210, abs=TOLERANCE_MM)
    assert height == pytest.approx(297, abs=TOLERANCE_MM)
    places = qr_places_mm(output)[0]
    assert len(places) == 8
    lefts = sorted(left for _code, left, _top in places)
    tops = sorted(top for _code, _left, top in places)
    assert lefts[-1] - lefts[0] == pytest.approx(90.0, abs=TOLERANCE_MM)  # not 96.6 % of it
    assert tops[-1] - tops[0] == pytest.approx(3 * 54.0, abs=TOLERANCE_MM)


def test_a_label_at_the_desk_is_a_label_not_a_page(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "label.pdf"
    context.settings.setValue(SETTING_DESK_LAYOUT, "label-89x36")
    monkeypatch.setattr(DeskBadgePrinter, "printer", lambda _self: file_printer(output))
    said: list[str] = []
    page = open_page(qtbot, context)
    DeskBadgePrinter(context).print_badge(
        first_person(context), automatic=False, parent=page, say=said.append
    )
    qtbot.waitUntil(lambda: said == ["De badge is afgedrukt."])
    width, height = page_sizes_mm(output)[0]
    assert width == pytest.approx(89, abs=TOLERANCE_MM)  # a label, not an A4 page
    assert height == pytest.approx(36, abs=TOLERANCE_MM)


def test_cancelling_a_print_sends_nothing(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "printer.pdf"
    page = open_page(qtbot, context)
    monkeypatch.setattr(PrintPage, "chosen_printer", lambda _self: file_printer(output))
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    release = threading.Event()
    pool.start(QRunnable.create(lambda: release.wait(10)))
    context.pool = pool
    page.letters_button.click()
    assert page.task is not None
    page.task.cancel()
    release.set()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert page.outcome.text() == _("Cancelled: nothing was sent to the printer.")
    assert not output.exists()
    assert page.letters_button.isEnabled()


def test_a_printer_of_cups_gets_the_pdf_itself(tmp_path: Path) -> None:
    route = route_for(file_printer(tmp_path / "x.pdf"))
    assert isinstance(route, RasterRoute)  # a file: painted, as Windows does
    native = QPrinter()
    native.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    if native.outputFormat() == QPrinter.OutputFormat.NativeFormat and native.printerName():
        assert isinstance(route_for(native), CupsRoute)


@needs_cups
def test_a_paused_queue_at_the_desk_says_the_badge_waits(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = cups_server()
    assert server is not None
    person = first_person(context)
    page = open_page(qtbot, context)
    with private_queue(server) as queue:
        route: PrintRoute = CupsRoute(queue.name, server)
        monkeypatch.setattr(DeskBadgePrinter, "route", lambda _self: route)
        said: list[str] = []
        with queue.paused():
            DeskBadgePrinter(context).print_badge(
                person, automatic=False, parent=page, say=said.append
            )
            qtbot.waitUntil(lambda: bool(said), timeout=10_000)
            paused = JobStatus(JobState.HELD, printer_paused=True)
            assert said[-1] == badge_sentence(paused, queue.name)
            assert "De badge is afgedrukt." not in said
        # Resumed, the badge comes out, and the desk is told so.
        qtbot.waitUntil(lambda: said[-1] == "De badge is afgedrukt.", timeout=30_000)
        with context.database.reading() as session:
            logged = session.scalars(
                select(BadgePrint.participant_id).where(BadgePrint.participant_id == person)
            ).all()
        assert logged == [person]
    assert FORMATS["a6"].page == (105.0, 148.0)
