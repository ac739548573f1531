"""Badges as print-ready PDFs: one layout for a bulk sheet and a single badge at the desk.

A badge shows the first name large, the last name, the table with its theme's colour
and name, the day, and a QR code of the badge code with the code printed small. Names
shrink and wrap to fit their box (domain.text_fit); what was placed where is returned,
so tests can prove that nothing leaves its box.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import qrcode
from qrcode.constants import ERROR_CORRECT_Q
from reportlab.lib.colors import HexColor, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from degenks_desktop.date_style import clock, day_on_badge
from degenks_desktop.domain.badge_codes import format_badge_code
from degenks_desktop.domain.badge_formats import BadgeFormat
from degenks_desktop.domain.registration import EXPECTED_STATUSES
from degenks_desktop.domain.text_fit import LINE_HEIGHT
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.errors import InputRejected, KnownError, NotFound
from degenks_desktop.i18n import _, counted
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import require_day, require_event
from degenks_desktop.services.printing.fonts import draw_fitted_text, draw_text, pdf_canvas
from degenks_desktop.services.printing.print_jobs import (
    DONE_AT_ONCE,
    JobState,
    JobStatus,
    SpooledJob,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import BadgePrint as BadgePrintRow
from degenks_desktop.storage.models import Day, Participant, Seat, Table, Theme

ORDERS = ("surname", "table")
NEUTRAL_COLOUR = "#555555"
PROGRESS_EVERY = 50

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BadgeData:
    """What one badge shows."""

    first_name: str
    last_name: str
    badge_code: str
    day_number: int | None
    day_date: dt.date | None
    table_number: int | None
    theme_name: str | None
    theme_colour: str | None


@dataclass(frozen=True)
class PlacedText:
    """A text as placed on a page: its box (points) and the lines and size that went in."""

    page: int
    role: str
    box: tuple[float, float, float, float]
    lines: tuple[str, ...]
    size: float
    line_widths: tuple[float, ...]

    def fits(self) -> bool:
        """Whether every line is inside the box, measured with the real font metrics."""
        _x, _y, width, height = self.box
        tall = len(self.lines) * self.size * LINE_HEIGHT
        return all(w <= width + 0.01 for w in self.line_widths) and tall <= height + 0.01


@dataclass
class BadgePrint:
    """What was printed: pages, badges, and every text placed (for checks)."""

    pages: int = 0
    badges: int = 0
    placed: list[PlacedText] = field(default_factory=list)

    def describe(self, path: Path) -> str:
        """'1 badge op 1 pagina: …' for the Print page and the CLI alike."""
        return _("{badges} on {pages}: {path}").format(
            badges=counted("{count} badge", "{count} badges", self.badges),
            pages=counted("{count} page", "{count} pages", self.pages),
            path=path,
        )


def day_text(badge: BadgeData) -> str:
    """'Dag 1 · 4 mrt 2013' (or without the date when unknown)."""
    if badge.day_number is None:
        return ""
    if badge.day_date is None:
        return _("Day {number}").format(number=badge.day_number)
    return _("Day {number} · {date}").format(
        number=badge.day_number,
        date=day_on_badge(badge.day_date),
    )


def table_text(badge: BadgeData) -> str:
    """'Tafel 12 · Wonen', or just the theme before people are seated."""
    if badge.table_number is None:
        return badge.theme_name or ""
    return _("Table {number} · {theme}").format(
        number=badge.table_number, theme=badge.theme_name or ""
    )


def badges_to_print(
    database: Database,
    *,
    day_number: int | None = None,
    order: str = "surname",
    participant_id: int | None = None,
) -> list[BadgeData]:
    """The badges of everyone expected (on one day, or on every day), in print order.

    With `participant_id`, only that person's badge (none if they are not expected).
    """
    if order not in ORDERS:
        raise InputRejected(_("Order the badges by surname or by table."))
    with database.reading() as session:
        event = require_event(session)
        days = {day.id: day for day in session.scalars(select(Day).where(Day.event_id == event.id))}
        if day_number is not None:
            require_day(session, event.id, day_number)
        themes = {t.id: t for t in session.scalars(select(Theme).where(Theme.event_id == event.id))}
        seat_query = select(Seat.participant_id, Seat.day_id, Table.number, Table.theme_id).join(
            Table, Table.id == Seat.table_id
        )
        if participant_id is not None:
            seat_query = seat_query.where(Seat.participant_id == participant_id)
        seats: dict[tuple[int, int | None], tuple[int, int]] = {
            (participant, day): (number, theme_id)
            for participant, day, number, theme_id in session.execute(seat_query).all()
        }
        people_query = select(Participant).where(
            Participant.event_id == event.id, Participant.status.in_(EXPECTED_STATUSES)
        )
        if participant_id is not None:
            people_query = people_query.where(Participant.id == participant_id)
        people = session.scalars(people_query).all()
        badges = []
        for person in people:
            day = days.get(person.day_id) if person.day_id is not None else None
            if day_number is not None and (day is None or day.number != day_number):
                continue
            seat = seats.get((person.id, person.day_id))
            theme = themes.get(seat[1]) if seat else themes.get(person.first_theme_id or -1)
            badges.append(
                BadgeData(
                    first_name=person.first_name,
                    last_name=person.last_name,
                    badge_code=person.badge_code,
                    day_number=day.number if day else None,
                    day_date=day.date if day else None,
                    table_number=seat[0] if seat else None,
                    theme_name=theme.name if theme else None,
                    theme_colour=theme.colour if theme else None,
                )
            )
    if order == "table":
        badges.sort(
            key=lambda b: (
                b.day_number or 0,
                b.table_number or 10**6,
                fold(b.last_name),
                fold(b.first_name),
            )
        )
    else:
        badges.sort(key=lambda b: (b.day_number or 0, fold(b.last_name), fold(b.first_name)))
    return badges


def qr_modules(code: str) -> list[list[bool]]:
    """The QR code of `code`: error correction Q, so a scratched or glaring badge still scans."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=0, box_size=1)
    qr.add_data(code)
    qr.make(fit=True)
    return [[bool(module) for module in row] for row in qr.get_matrix()]


def draw_qr(canvas: Canvas, modules: list[list[bool]], x: float, y: float, size: float) -> None:
    """Draw QR `modules` as one vector path, each dark run of a row one rectangle."""
    count = len(modules)
    module = size / count
    path = canvas.beginPath()
    for row_number, row in enumerate(modules):
        top = y + (count - 1 - row_number) * module
        column = 0
        while column < count:
            if not row[column]:
                column += 1
                continue
            start = column
            while column < count and row[column]:
                column += 1
            path.rect(x + start * module, top, (column - start) * module, module)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


def _is_dark(colour: str) -> bool:
    value = HexColor(colour)
    return 0.299 * value.red + 0.587 * value.green + 0.114 * value.blue < 0.6


class BadgeDrawer:
    """Draws badges of one size; records the texts it places."""

    def __init__(self, canvas: Canvas, width: float, height: float, record: BadgePrint) -> None:
        self.canvas = canvas
        self.width = width
        self.height = height
        self.record = record
        self.padding = min(width, height) * 0.07

    def _text(
        self,
        role: str,
        text: str,
        box: tuple[float, float, float, float],
        *,
        largest: float,
        smallest: float,
        bold: bool,
        max_lines: int,
        colour: object = None,
    ) -> None:
        if colour is not None:
            self.canvas.setFillColor(colour)
        drawn = draw_fitted_text(
            self.canvas,
            text,
            box,
            largest=largest,
            smallest=smallest,
            bold=bold,
            max_lines=max_lines,
        )
        self.canvas.setFillColorRGB(0, 0, 0)
        self.record.placed.append(
            PlacedText(self.record.pages, role, box, drawn.lines, drawn.size, drawn.line_widths)
        )

    def draw(self, badge: BadgeData, left: float, bottom: float) -> None:
        """Draw `badge` with its lower-left corner at (left, bottom), in points."""
        canvas, width, height, pad = self.canvas, self.width, self.height, self.padding
        band = height * 0.2
        colour = badge.theme_colour or NEUTRAL_COLOUR
        canvas.setFillColor(HexColor(colour))
        canvas.rect(left, bottom + height - band, width, band, stroke=0, fill=1)
        self._text(
            "table",
            table_text(badge),
            (left + pad, bottom + height - band + band * 0.18, width - 2 * pad, band * 0.7),
            largest=band * 0.55,
            smallest=5,
            bold=True,
            max_lines=1,
            colour=white if _is_dark(colour) else HexColor("#000000"),
        )
        qr_size = min(height - band - 2 * pad - height * 0.09, width * 0.36)
        qr_left = left + width - pad - qr_size
        code_height = height * 0.08
        qr_bottom = bottom + pad + code_height
        modules = qr_modules(badge.badge_code)
        draw_qr(canvas, modules, qr_left, qr_bottom, qr_size)
        self._text(
            "code",
            format_badge_code(badge.badge_code),
            (qr_left, bottom + pad * 0.6, qr_size, code_height),
            largest=code_height * 0.8,
            smallest=4,
            bold=False,
            max_lines=1,
        )
        quiet_zone = qr_size / len(modules) * 2  # scanners want white around the code
        day_height = height * 0.09
        names_top = bottom + height - band - pad
        if height > width * 1.2:
            # Portrait badges: the names take the full width above the QR code.
            names_width = width - 2 * pad
            names_bottom = qr_bottom + qr_size + quiet_zone
        else:
            names_width = qr_left - left - 2 * pad - quiet_zone
            names_bottom = bottom + pad + day_height
        first_height = (names_top - names_bottom) * 0.58
        self._text(
            "first_name",
            badge.first_name,
            (left + pad, names_top - first_height, names_width, first_height),
            largest=min(48.0, first_height * 0.8),
            smallest=7,
            bold=True,
            max_lines=2,
        )
        last_height = names_top - names_bottom - first_height
        self._text(
            "last_name",
            badge.last_name,
            (left + pad, names_bottom, names_width, last_height),
            largest=min(24.0, last_height * 0.75),
            smallest=5,
            bold=False,
            max_lines=2,
        )
        day_width = qr_left - left - 2 * pad - quiet_zone
        self._text(
            "day",
            day_text(badge),
            (left + pad, bottom + pad * 0.6, day_width, day_height),
            largest=day_height * 0.8,
            smallest=4,
            bold=False,
            max_lines=1,
        )


def _cut_marks(canvas: Canvas, fmt: BadgeFormat) -> None:
    """Short lines outside the badges where the guillotine goes."""
    canvas.setLineWidth(0.3)
    canvas.setStrokeColorRGB(0.4, 0.4, 0.4)
    width, height = fmt.badge[0] * mm, fmt.badge[1] * mm
    xs = sorted({x * mm for x, _y in fmt.slots()} | {x * mm + width for x, _y in fmt.slots()})
    ys = sorted({y * mm for _x, y in fmt.slots()} | {y * mm + height for _x, y in fmt.slots()})
    mark = 4 * mm
    for x in xs:
        canvas.line(x, ys[0] - mark - 1 * mm, x, ys[0] - 1 * mm)
        canvas.line(x, ys[-1] + 1 * mm, x, ys[-1] + 1 * mm + mark)
    for y in ys:
        canvas.line(xs[0] - mark - 1 * mm, y, xs[0] - 1 * mm, y)
        canvas.line(xs[-1] + 1 * mm, y, xs[-1] + 1 * mm + mark, y)


def sheet_caption(badges: list[BadgeData], order: str) -> str:
    """What a sheet holds, for split desk queues: 'A – De' by surname, 'Tafel 3 – 5' by table."""
    if not badges:
        return ""
    if order == "table":
        numbers = [b.table_number for b in badges if b.table_number is not None]
        if not numbers:
            return ""
        return _("Tables {first} – {last}").format(first=min(numbers), last=max(numbers))
    first, last = badges[0].last_name, badges[-1].last_name
    return f"{first[:2].strip() or '?'} – {last[:2].strip() or '?'}"


def render_badges(
    badges: list[BadgeData],
    target: Path | BinaryIO,
    fmt: BadgeFormat,
    *,
    order: str = "surname",
    progress: Progress | None = None,
) -> BadgePrint:
    """Write `badges` as a PDF in format `fmt` to `target`; report what was placed."""
    canvas = pdf_canvas(target, (fmt.page[0] * mm, fmt.page[1] * mm), title=_("Badges"))
    record = BadgePrint()
    drawer = BadgeDrawer(canvas, fmt.badge[0] * mm, fmt.badge[1] * mm, record)
    slots = fmt.slots()
    total = len(badges)
    for start in range(0, max(total, 1), fmt.per_page):
        sheet = badges[start : start + fmt.per_page]
        if not sheet:
            break
        record.pages += 1
        if fmt.cut_marks:
            _cut_marks(canvas, fmt)
            caption = sheet_caption(sheet, order)
            if caption:
                draw_text(canvas, 12 * mm, fmt.page[1] * mm - 10 * mm, caption, 9)
        for badge, (x, y) in zip(sheet, slots, strict=False):
            drawer.draw(badge, x * mm, y * mm)
            record.badges += 1
            if progress is not None and (
                record.badges % PROGRESS_EVERY == 0 or record.badges == total
            ):
                progress(record.badges, total)
        canvas.showPage()
    canvas.save()
    return record


@dataclass(frozen=True)
class PreviousPrint:
    """When and where someone's badge was printed before."""

    printed_at: dt.datetime
    desk: str


class AlreadyPrinted(KnownError):
    """The badge was printed before; a reprint must be asked for on purpose (CLI exit 1)."""

    exit_code = 1

    def __init__(self, message: str, previous: PreviousPrint) -> None:
        super().__init__(message)
        self.previous = previous


def badge_of(database: Database, participant_id: int) -> BadgeData:
    """The badge of one person, as the desk prints it on demand."""
    with database.reading() as session:
        person = session.get(Participant, participant_id)
        if person is None:
            raise NotFound(_("There is no participant number {id}.").format(id=participant_id))
        name = person.full_name
    badges = badges_to_print(database, participant_id=participant_id)
    if badges:
        return badges[0]
    raise NotFound(
        _("{name} is not expected (cancelled or on the waiting list): no badge.").format(name=name)
    )


def single_badge_pdf(database: Database, participant_id: int, fmt: BadgeFormat) -> bytes:
    """The PDF of one person's badge, as the desk prints it on demand."""
    out = io.BytesIO()
    render_badges([badge_of(database, participant_id)], out, fmt)
    return out.getvalue()


def _last_print(session: Session, participant_id: int) -> BadgePrintRow | None:
    """The newest row of the print log for this person, if any."""
    return session.scalars(
        select(BadgePrintRow)
        .where(BadgePrintRow.participant_id == participant_id)
        .order_by(BadgePrintRow.printed_at.desc())
        .limit(1)
    ).first()


def previous_print(database: Database, participant_id: int) -> PreviousPrint | None:
    """The last time this person's badge was printed, or None (read only, for asking first)."""
    with database.reading() as session:
        previous = _last_print(session, participant_id)
        return None if previous is None else PreviousPrint(previous.printed_at, previous.desk)


def already_printed(previous: PreviousPrint) -> AlreadyPrinted:
    """The refusal of an accidental second badge, saying when and where the first was."""
    return AlreadyPrinted(
        _(
            "This badge was already printed at {time} at {desk}: print it again only "
            "on purpose, with a reason."
        ).format(time=clock(previous.printed_at), desk=previous.desk or "?"),
        previous,
    )


def record_badge_print(
    database: Database,
    participant_id: int,
    *,
    desk: str,
    reprint_reason: str | None = None,
    at: dt.datetime | None = None,
    job: SpooledJob | None = None,
) -> int:
    """Log a badge as printed, in one transaction with its audit entry; its log number.

    A second print without a `reprint_reason` raises AlreadyPrinted, saying when and
    where the first one was made; with a reason it is logged as a deliberate reprint.
    `job` names the print job it went out as (its queue and number, in the audit).
    """
    with database.transaction() as session:
        previous = _last_print(session, participant_id)
        if previous is not None and not (reprint_reason or "").strip():
            raise already_printed(PreviousPrint(previous.printed_at, previous.desk))
        row = BadgePrintRow(
            participant_id=participant_id,
            desk=desk,
            station=audit.station_name(),
            reprint_reason=(reprint_reason or "").strip() or None,
        )
        if at is not None:
            row.printed_at = at
        session.add(row)
        session.flush()
        details: dict[str, object] = {"reason": row.reprint_reason} if row.reprint_reason else {}
        if job is not None:
            details |= {"queue": job.queue, "job": job.job_id}
        audit.record(
            session,
            action="badge.reprinted" if previous is not None else "badge.printed",
            actor=desk,
            subject_type="participant",
            subject_id=participant_id,
            details=details,
        )
        return row.id


def withdraw_badge_print(database: Database, print_id: int, *, desk: str, why: str) -> None:
    """A logged badge did not come out after all (its job failed or was cancelled): it no
    longer counts as printed, so the next print needs no reason. Audited."""
    with database.transaction() as session:
        row = session.get(BadgePrintRow, print_id)
        if row is None:
            return
        participant_id = row.participant_id
        session.delete(row)
        audit.record(
            session,
            action="badge.print_failed",
            actor=desk,
            subject_type="participant",
            subject_id=participant_id,
            details={"why": why} if why else {},
        )


Send = Callable[[bytes, BadgeFormat], SpooledJob | None]
"""Puts a badge's PDF on paper (or in a file): its print job to follow, or None when it
is done already."""
JobStatusReader = Callable[[SpooledJob], JobStatus]


@dataclass(frozen=True)
class BadgeSent:
    """A badge sent to its printer: its log number, its job (None when done at once), and
    how the job stood right after it was sent."""

    print_id: int | None
    """None when nothing was logged: the job failed at once."""
    job: SpooledJob | None
    status: JobStatus


def print_badge(
    database: Database,
    participant_id: int,
    fmt: BadgeFormat,
    *,
    desk: str,
    send: Send,
    status_of: JobStatusReader | None = None,
    reprint_reason: str | None = None,
) -> BadgeSent:
    """Print one person's badge and log it: the service call behind the desk's Print.

    An accidental second badge raises AlreadyPrinted before anything is sent. A badge
    that cannot be sent (PrinterUnavailable, OSError) is not logged. A job the printer
    holds (a paused queue) is logged: it comes out once the queue is resumed, and a
    second print now would make two; should it fail later, `withdraw_badge_print`.
    """
    previous = previous_print(database, participant_id)
    if previous is not None and not (reprint_reason or "").strip():
        raise already_printed(previous)
    pdf = single_badge_pdf(database, participant_id, fmt)
    job = send(pdf, fmt)
    status = DONE_AT_ONCE if job is None or status_of is None else status_of(job)
    if status.state is JobState.FAILED:
        return BadgeSent(None, job, status)  # nothing came out: nothing to log
    try:
        print_id = record_badge_print(
            database, participant_id, desk=desk, reprint_reason=reprint_reason, job=job
        )
    except AlreadyPrinted:
        # Another desk logged this badge while ours was being sent: both are on paper.
        print_id = record_badge_print(
            database,
            participant_id,
            desk=desk,
            reprint_reason=_("printed at the same moment at another desk"),
            job=job,
        )
    return BadgeSent(print_id, job, status)
