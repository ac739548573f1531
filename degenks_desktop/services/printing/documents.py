"""Table signs, facilitator packs and invitation letters: the day's other paper, on reportlab.

They share the fonts and the QR drawing of the badges (services.print_fonts,
services.badges), so everything printed for the day looks like one family.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from degenks_desktop.date_style import clock, day_on_paper
from degenks_desktop.domain.badge_codes import format_badge_code
from degenks_desktop.domain.registration import EXPECTED_STATUSES
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.house.events import require_event
from degenks_desktop.services.printing.badges import draw_qr, qr_modules
from degenks_desktop.services.printing.fonts import (
    REGULAR,
    draw_fitted_text,
    draw_text,
    pdf_canvas,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Day, Duo, Event, Participant, Seat, Table, Theme

Progress = Callable[[int, int], None]
SESSION_STEPS = (
    N_("Welcome and introductions: who is at the table, and what brings you here?"),
    N_("The question of the table, read aloud: how might we …?"),
    N_("Divergence: in duos, as many ideas as possible, one idea per card."),
    N_("All ideas on the table: each duo reads its ideas aloud."),
    N_("Selection: everyone places their dots on the ideas they back."),
    N_("The ten best ideas: count the dots; settle a tie across place ten openly."),
    N_("Convergence: work each selected idea out into a concept."),
    N_("What is alive? What can I do? What can we do? What can the city do?"),
)
TALLY_ROWS = 24


@dataclass(frozen=True)
class TableSheet:
    """A table as the printed material names it, with its people in duos."""

    number: int
    day_number: int
    day_date: dt.date
    theme_name: str
    question: str
    colour: str
    facilitator: str
    duos: tuple[tuple[str, ...], ...]
    unpaired: tuple[str, ...]


def tables_to_print(database: Database, *, day_number: int | None = None) -> list[TableSheet]:
    """Every table (of one day, or all days), with its seated people in their duos."""
    with database.reading() as session:
        event = require_event(session)
        query = (
            select(Table, Day, Theme)
            .join(Day, Day.id == Table.day_id)
            .join(Theme, Theme.id == Table.theme_id)
            .where(Day.event_id == event.id)
            .order_by(Day.number, Table.number)
        )
        if day_number is not None:
            query = query.where(Day.number == day_number)
        sheets = []
        for table, day, theme in session.execute(query).all():
            seated = session.execute(
                select(Participant.first_name, Participant.last_name, Seat.duo_id, Duo.number)
                .join(Seat, Seat.participant_id == Participant.id)
                .outerjoin(Duo, Duo.id == Seat.duo_id)
                .where(Seat.table_id == table.id)
                .order_by(Duo.number, Participant.last_name)
            ).all()
            duos: dict[int, list[str]] = {}
            unpaired = []
            for first, last, duo_id, _number in seated:
                name = f"{first} {last}".strip()
                if duo_id is None:
                    unpaired.append(name)
                else:
                    duos.setdefault(duo_id, []).append(name)
            facilitator = table.facilitator
            sheets.append(
                TableSheet(
                    number=table.number,
                    day_number=day.number,
                    day_date=day.date,
                    theme_name=theme.name,
                    question=theme.question,
                    colour=theme.colour,
                    facilitator=(
                        f"{facilitator.first_name} {facilitator.last_name}" if facilitator else ""
                    ),
                    duos=tuple(tuple(names) for names in duos.values()),
                    unpaired=tuple(unpaired),
                )
            )
        return sheets


def _paragraph(
    canvas: Canvas,
    text: str,
    box: tuple[float, float, float, float],
    *,
    largest: float,
    smallest: float,
    bold: bool = False,
    max_lines: int = 8,
) -> float:
    """Draw `text` fitted into `box`; return the y below the last line."""
    return draw_fitted_text(
        canvas, text, box, largest=largest, smallest=smallest, bold=bold, max_lines=max_lines
    ).below


def render_table_signs(
    tables: list[TableSheet], target: Path | BinaryIO, *, progress: Progress | None = None
) -> int:
    """One A4 landscape sign per table: its number huge, the theme colour, the question."""
    width, height = landscape(A4)
    canvas = pdf_canvas(target, (width, height), title=_("Table signs"))
    for index, table in enumerate(tables, start=1):
        canvas.setFillColor(HexColor(table.colour))
        canvas.rect(0, height - 70 * mm, width, 70 * mm, stroke=0, fill=1)
        canvas.setFillColor(white)
        _paragraph(
            canvas,
            _("Table {number}").format(number=table.number),
            (15 * mm, height - 62 * mm, width * 0.45 - 15 * mm, 55 * mm),
            largest=110,
            smallest=40,
            bold=True,
            max_lines=1,
        )
        _paragraph(
            canvas,
            table.theme_name,
            (width * 0.5, height - 55 * mm, width * 0.5 - 15 * mm, 40 * mm),
            largest=40,
            smallest=16,
            bold=True,
            max_lines=2,
        )
        canvas.setFillColorRGB(0, 0, 0)
        _paragraph(
            canvas,
            table.question,
            (15 * mm, 25 * mm, width - 30 * mm, height - 110 * mm),
            largest=40,
            smallest=14,
            bold=False,
            max_lines=6,
        )
        canvas.setFont(REGULAR, 11)
        draw_text(
            canvas,
            15 * mm,
            12 * mm,
            _("Day {number} · {date}").format(
                number=table.day_number, date=day_on_paper(table.day_date)
            ),
            11,
        )
        canvas.showPage()
        if progress is not None:
            progress(index, len(tables))
    canvas.save()
    return len(tables)


def render_facilitator_packs(
    tables: list[TableSheet], target: Path | BinaryIO, *, progress: Progress | None = None
) -> int:
    """Per table: its people in duos, the question, the steps, and a tally sheet for dots."""
    width, height = A4
    canvas = pdf_canvas(target, (width, height), title=_("Facilitator packs"))
    margin = 18 * mm
    for index, table in enumerate(tables, start=1):
        canvas.setFillColor(HexColor(table.colour))
        canvas.rect(0, height - 28 * mm, width, 28 * mm, stroke=0, fill=1)
        canvas.setFillColor(white)
        _paragraph(
            canvas,
            _("Table {number} · {theme}").format(number=table.number, theme=table.theme_name),
            (margin, height - 24 * mm, width - 2 * margin, 18 * mm),
            largest=22,
            smallest=12,
            bold=True,
            max_lines=1,
        )
        canvas.setFillColorRGB(0, 0, 0)
        y = _paragraph(
            canvas,
            table.question,
            (margin, height - 60 * mm, width - 2 * margin, 28 * mm),
            largest=15,
            smallest=9,
            max_lines=4,
        )
        if table.facilitator:
            draw_text(
                canvas,
                margin,
                y - 2 * mm,
                _("Facilitator: {name}").format(name=table.facilitator),
                10,
            )
        y -= 12 * mm
        draw_text(canvas, margin, y, _("Duos"), 13, bold=True)
        y -= 7 * mm
        if not table.duos and not table.unpaired:
            draw_text(canvas, margin, y, _("Nobody is seated at this table yet."), 10)
            y -= 6 * mm
        for number, names in enumerate(table.duos, start=1):
            draw_text(canvas, margin, y, f"{number}.  " + "  ·  ".join(names), 10)
            y -= 5.5 * mm
        for name in table.unpaired:
            draw_text(canvas, margin, y, "–  " + name, 10)
            y -= 5.5 * mm
        y -= 5 * mm
        draw_text(canvas, margin, y, _("Steps of the session"), 13, bold=True)
        y -= 7 * mm
        for number, step in enumerate(SESSION_STEPS, start=1):
            y = (
                _paragraph(
                    canvas,
                    f"{number}. {_(step)}",
                    (margin, y - 10 * mm, width - 2 * margin, 11 * mm),
                    largest=10,
                    smallest=7,
                    max_lines=2,
                )
                - 1 * mm
            )
        canvas.showPage()
        _tally_sheet(canvas, table, width, height, margin)
        if progress is not None:
            progress(index, len(tables))
    canvas.save()
    return len(tables)


def _tally_sheet(
    canvas: Canvas, table: TableSheet, width: float, height: float, margin: float
) -> None:
    draw_text(
        canvas,
        margin,
        height - 20 * mm,
        _("Dot votes · table {number}").format(number=table.number),
        16,
        bold=True,
    )
    draw_text(
        canvas,
        margin,
        height - 27 * mm,
        _("One row per idea: write the idea, make a stroke per dot, add up."),
        9,
    )
    top = height - 35 * mm
    row = (top - 20 * mm) / TALLY_ROWS
    columns = (
        margin,
        margin + 12 * mm,
        width - margin - 70 * mm,
        width - margin - 20 * mm,
        width - margin,
    )
    canvas.setLineWidth(0.4)
    for heading, x in zip((_("No."), _("Idea"), _("Dots"), _("Total")), columns, strict=False):
        draw_text(canvas, x + 1.5 * mm, top + 2 * mm, heading, 9, bold=True)
    for line in range(TALLY_ROWS + 1):
        y = top - line * row
        canvas.line(columns[0], y, columns[-1], y)
    for x in columns:
        canvas.line(x, top, x, top - TALLY_ROWS * row)
    for line in range(TALLY_ROWS):
        draw_text(canvas, columns[0] + 2 * mm, top - (line + 1) * row + 2 * mm, str(line + 1), 8)
    canvas.showPage()


@dataclass(frozen=True)
class Letter:
    """What an invitation letter says to one person."""

    first_name: str
    last_name: str
    badge_code: str
    day_number: int | None
    day_date: dt.date | None
    starts_at: dt.time | None
    theme_name: str | None


def letters_to_print(database: Database) -> tuple[Event, list[Letter]]:
    """Everyone expected, by surname, with their day and theme."""
    with database.reading() as session:
        event = require_event(session)
        days = {d.id: d for d in session.scalars(select(Day).where(Day.event_id == event.id))}
        themes = {t.id: t for t in session.scalars(select(Theme).where(Theme.event_id == event.id))}
        people = session.scalars(
            select(Participant).where(
                Participant.event_id == event.id, Participant.status.in_(EXPECTED_STATUSES)
            )
        ).all()
        letters = []
        for person in people:
            day = days.get(person.day_id) if person.day_id else None
            theme = themes.get(person.first_theme_id) if person.first_theme_id else None
            letters.append(
                Letter(
                    person.first_name,
                    person.last_name,
                    person.badge_code,
                    day.number if day else None,
                    day.date if day else None,
                    day.starts_at if day else None,
                    theme.name if theme else None,
                )
            )
        letters.sort(key=lambda letter: (fold(letter.last_name), fold(letter.first_name)))
        session.expunge(event)
        return event, letters


def render_letters(
    event: Event,
    letters: list[Letter],
    target: Path | BinaryIO,
    *,
    progress: Progress | None = None,
) -> int:
    """One A4 confirmation per person: day, time, place, theme, and the QR code for the desk."""
    width, height = A4
    canvas = pdf_canvas(target, (width, height), title=_("Invitation letters"))
    margin = 25 * mm
    for index, letter in enumerate(letters, start=1):
        y = height - 40 * mm
        draw_text(canvas, margin, y, event.name, 20, bold=True)
        y -= 20 * mm
        name = f"{letter.first_name} {letter.last_name}".strip()
        y = _paragraph(
            canvas,
            _("Dear {name},").format(name=name),
            (margin, y - 10 * mm, width - 2 * margin, 12 * mm),
            largest=13,
            smallest=8,
            max_lines=2,
        )
        body = _(
            "Thank you for registering. You are expected on the day below; show the QR "
            "code at the front desk and you will get your badge and your table."
        )
        y = (
            _paragraph(
                canvas,
                body,
                (margin, y - 22 * mm, width - 2 * margin, 20 * mm),
                largest=11,
                smallest=8,
                max_lines=4,
            )
            - 6 * mm
        )
        facts = (
            (
                _("Day"),
                _("Day {number} · {date}").format(
                    number=letter.day_number, date=day_on_paper(letter.day_date)
                )
                if letter.day_number and letter.day_date
                else "–",
            ),
            (_("Time"), clock(letter.starts_at) if letter.starts_at else "–"),
            (_("Place"), event.venue or "–"),
            (_("Theme"), letter.theme_name or "–"),
        )
        for label, value in facts:
            draw_text(canvas, margin, y, label, 11, bold=True)
            draw_text(canvas, margin + 30 * mm, y, value, 11)
            y -= 7 * mm
        modules = qr_modules(letter.badge_code)
        qr_size = 40 * mm
        draw_qr(canvas, modules, width - margin - qr_size, 60 * mm, qr_size)
        draw_text(
            canvas, width - margin - qr_size, 52 * mm, format_badge_code(letter.badge_code), 10
        )
        canvas.showPage()
        if progress is not None and (index % 50 == 0 or index == len(letters)):
            progress(index, len(letters))
    canvas.save()
    return len(letters)
