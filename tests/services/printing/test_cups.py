"""Printing through CUPS at true size, read back from what a CUPS-PDF queue printed.

The tests that print for real need the server of scripts/throwaway-cups
(DEGENKS_TEST_CUPS_SERVER); the ones about a printer that cannot be reached need only
the CUPS client tools.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
from pathlib import Path

import pytest
from sqlalchemy import func, select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.badge_formats import FORMATS
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.printing import cups, ipp
from degenks_desktop.services.printing.badges import (
    AlreadyPrinted,
    badges_to_print,
    print_badge,
    render_badges,
    withdraw_badge_print,
)
from degenks_desktop.services.printing.print_jobs import (
    JobState,
    JobStatus,
    PrinterUnavailable,
    badge_sentence,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, BadgePrint
from tests.helpers.cups import QUEUE, TestQueue, cups_server, needs_cups, private_queue
from tests.helpers.events import add_small_event
from tests.helpers.pdfs import page_sizes_mm, qr_places_mm

needs_lp = pytest.mark.skipif(shutil.which("lp") is None, reason="the CUPS client (lp) is missing")
TOLERANCE_MM = 0.5


@pytest.fixture
def queue() -> TestQueue:
    server = cups_server()
    assert server is not None
    return TestQueue(server, QUEUE)


def prints(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(BadgePrint)) or 0)


def sheet_pdf(database: Database, layout: str, count: int) -> bytes:
    out = io.BytesIO()
    render_badges(badges_to_print(database)[:count], out, FORMATS[layout])
    return out.getvalue()


def assert_size(found: tuple[float, float], expected: tuple[float, float]) -> None:
    assert found[0] == pytest.approx(expected[0], abs=TOLERANCE_MM), found
    assert found[1] == pytest.approx(expected[1], abs=TOLERANCE_MM), found


@needs_cups
@pytest.mark.parametrize("layout", ["a6", "label-89x36", "a4-8"])
def test_each_layout_comes_out_at_its_true_size(
    sqlite_database: Database, queue: TestQueue, layout: str
) -> None:
    create_demo_event(sqlite_database, participants=12)
    badge_format = FORMATS[layout]
    count = badge_format.per_page
    job = cups.send_pdf(
        sheet_pdf(sqlite_database, layout, count),
        queue=queue.name,
        page_mm=badge_format.page,
        title=layout,
        server=queue.server,
    )
    printed = queue.output(job)
    sizes = page_sizes_mm(printed)
    assert len(sizes) == 1
    assert_size(sizes[0], badge_format.page)  # not A4 for an A6 badge, not shrunk for a sheet
    places = qr_places_mm(printed)[0]
    assert len(places) == count
    if layout == "a4-8":
        # The pitch of the sheet is the badge's own size, as the perforation is.
        lefts = sorted({round(left) for _code, left, _top in places})
        tops = sorted({round(top) for _code, _left, top in places})
        assert len(lefts) == 2 and len(tops) == 4
        columns = sorted(left for _code, left, _top in places)
        rows = sorted(top for _code, _left, top in places)
        assert columns[-1] - columns[0] == pytest.approx(90.0, abs=TOLERANCE_MM)
        assert rows[-1] - rows[0] == pytest.approx(3 * 54.0, abs=TOLERANCE_MM)
        for upper, lower in zip(rows[::2], rows[2::2], strict=False):
            assert lower - upper == pytest.approx(54.0, abs=TOLERANCE_MM)


@needs_cups
def test_a_paused_queue_holds_the_badge_and_says_so(database: Database) -> None:
    small = add_small_event(database)
    person = small.participant_ids[0]
    server = cups_server()
    assert server is not None
    with private_queue(server) as held_queue:

        def send(pdf: bytes, fmt: object) -> cups.SpooledJob:
            return cups.send_pdf(
                pdf, queue=held_queue.name, page_mm=FORMATS["a6"].page, title="badge", server=server
            )

        with held_queue.paused():
            sent = print_badge(
                database,
                person,
                FORMATS["a6"],
                desk="onthaal 1",
                send=send,
                status_of=cups.job_status,
            )
            assert sent.status.state is JobState.HELD and sent.status.printer_paused
            sentence = badge_sentence(sent.status, held_queue.name)
            assert sentence != badge_sentence(JobStatus(JobState.DONE), held_queue.name)
            assert sentence == _(
                "The printer {printer} is paused: the badge waits in its queue and comes out "
                "once the printer is resumed (it counts as printed)."
            ).format(printer=held_queue.name)
            # It comes out once the queue is resumed: a second badge now would make two.
            assert prints(database) == 1
            with pytest.raises(AlreadyPrinted):
                print_badge(database, person, FORMATS["a6"], desk="onthaal 1", send=send)
        assert sent.job is not None
        assert held_queue.finished(sent.job).state is JobState.DONE


@needs_cups
def test_a_job_that_fails_is_said_and_can_leave_the_print_log(
    database: Database, queue: TestQueue
) -> None:
    small = add_small_event(database)
    person = small.participant_ids[1]

    def send_garbage(_pdf: bytes, _fmt: object) -> cups.SpooledJob:
        return cups.send_pdf(
            b"%PDF-1.4 not a PDF at all",
            queue=queue.name,
            page_mm=(105, 148),
            title="x",
            server=queue.server,
        )

    sent = print_badge(database, person, FORMATS["a6"], desk="onthaal 1", send=send_garbage)
    assert sent.job is not None and sent.print_id is not None
    status = queue.finished(sent.job)
    assert status.state is JobState.FAILED
    said = _(
        "The badge did not print on {printer}{why}: it is not counted as printed, so print it "
        "again."
    )
    assert badge_sentence(status, queue.name).startswith(
        said.split("{why}")[0].format(printer=queue.name)
    )
    withdraw_badge_print(database, sent.print_id, desk="onthaal 1", why=status.message)
    assert prints(database) == 0
    with database.reading() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-2:] == ["badge.printed", "badge.print_failed"]


@needs_cups
def test_a_queue_that_does_not_exist(queue: TestQueue) -> None:
    missing = _(
        "There is no printer called {printer} on this laptop (any more): choose another printer."
    ).format(printer="nergens")
    with pytest.raises(PrinterUnavailable, match=re.escape(missing)):
        cups.send_pdf(b"%PDF", queue="nergens", page_mm=(105, 148), title="x", server=queue.server)


@needs_lp
def test_cups_down_is_one_sentence_and_nothing_is_logged(
    database: Database, tmp_path: Path
) -> None:
    small = add_small_event(database)

    def send(pdf: bytes, _fmt: object) -> cups.SpooledJob:
        return cups.send_pdf(
            pdf, queue=QUEUE, page_mm=(105, 148), title="x", server=str(tmp_path / "no.sock")
        )

    down = _(
        "The print service (CUPS) on this laptop does not answer, so nothing went to "
        "{printer}: start it again, or save the PDF and print it elsewhere."
    ).format(printer=QUEUE)
    with pytest.raises(PrinterUnavailable) as refused:
        print_badge(database, small.participant_ids[0], FORMATS["a6"], desk="1", send=send)
    assert refused.value.message == down
    assert prints(database) == 0


def test_without_lp_or_a_printer_nothing_is_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(PrinterUnavailable) as refused:
        cups.send_pdf(b"%PDF", queue="", page_mm=(105, 148), title="x")
    assert refused.value.message == _(
        "No printer is chosen: choose one, or save the PDF and print it elsewhere."
    )
    monkeypatch.setattr(cups.shutil, "which", lambda _name: None)
    with pytest.raises(PrinterUnavailable) as refused:
        cups.send_pdf(b"%PDF", queue="desk", page_mm=(105, 148), title="x")
    assert refused.value.message == _(
        "This laptop cannot print: the printing tools of CUPS ('lp') are not installed. "
        "Install them, or save the PDF and print it elsewhere."
    )
    assert isinstance(refused.value, KnownError)
    assert not cups.cups_available()


def test_the_media_of_a_job_is_the_layouts_page() -> None:
    assert cups.media_option(FORMATS["a6"].page) == "Custom.105x148mm"
    assert cups.media_option(FORMATS["label-89x36"].page) == "Custom.89x36mm"
    assert cups.media_option(FORMATS["a4-8"].page) == "Custom.210x297mm"


def test_an_ipp_answer_is_read() -> None:
    def attribute(tag: int, name: str, value: bytes) -> bytes:
        return (
            struct.pack(">BH", tag, len(name))
            + name.encode()
            + struct.pack(">H", len(value))
            + value
        )

    answer = (
        struct.pack(">HHI", 0x0101, 0, 7)
        + bytes([ipp.JOB_GROUP])
        + attribute(ipp.ENUM, "job-state", struct.pack(">i", 4))
        + attribute(ipp.KEYWORD, "job-state-reasons", b"job-hold-until-specified")
        + attribute(ipp.KEYWORD, "", b"printer-stopped")
        + attribute(ipp.BOOLEAN, "printer-is-accepting-jobs", b"\x01")
        + bytes([ipp.END_OF_ATTRIBUTES])
    )
    status, found = ipp.parse_response(answer)
    assert status == 0
    assert found["job-state"] == [4]
    assert found["job-state-reasons"] == ["job-hold-until-specified", "printer-stopped"]
    assert found["printer-is-accepting-jobs"] == [True]
