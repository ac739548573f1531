"""Table signs, facilitator packs and letters: the day's other paper, on reportlab.

They share the fonts and the QR drawing of the badges (services.print_fonts,
services.badges), so everything printed for the day looks like one family. The letters
follow a day's draw: an invitation (with the QR code for the desk) for everyone expected,
a waiting-list letter (with the place on the list) and a letter for the people the draw
did not select; each in the person's own language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, get_args

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from degenks_desktop.date_style import clock, day_on_paper
from degenks_desktop.domain.badge_codes import format_badge_code
from degenks_desktop.domain.registration import EXPECTED_STATUSES, RegistrationStatus
from degenks_desktop.domain.text_fit import LINE_HEIGHT
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, _, translations_for
from degenks_desktop.services.house.events import require_event
from degenks_desktop.services.printing.badges import draw_qr, qr_modules
from degenks_desktop.services.printing.fonts import (
    REGULAR,
    draw_fitted_text,
    draw_text,
    pdf_canvas,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    Day,
    Draw,
    DrawOutcome,
    Duo,
    Event,
    Participant,
    Seat,
    Table,
    Theme,
)

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


LetterKind = Literal["invitation", "waiting", "not_selected"]
LETTER_KINDS: tuple[LetterKind, ...] = get_args(LetterKind)
LETTER_STATUSES: dict[LetterKind, tuple[RegistrationStatus, ...]] = {
    "invitation": EXPECTED_STATUSES,
    "waiting": (RegistrationStatus.WAITLISTED,),
    "not_selected": (RegistrationStatus.NOT_SELECTED,),
}
"""Who gets which letter: by where they stand after the day's draw."""
LETTER_TITLES: dict[LetterKind, str] = {
    "invitation": N_("Invitation letters"),
    "waiting": N_("Waiting-list letters"),
    "not_selected": N_("Letters to people not selected"),
}
Translate = Callable[[str], str]
LETTER_MARGIN = 25 * mm


@dataclass(frozen=True)
class Letter:
    """What a letter says to one person: their day and theme, and for a waiting-list or
    not-selected letter what the day's latest draw said (its seed, places, registered)."""

    first_name: str
    last_name: str
    badge_code: str
    day_number: int | None
    day_date: dt.date | None
    starts_at: dt.time | None
    theme_name: str | None
    language: str = DEFAULT_LANGUAGE
    kind: LetterKind = "invitation"
    waiting_position: int | None = None
    seed: int | None = None
    places: int | None = None
    registered: int | None = None


def _latest_draws(session: Session, event_id: int) -> dict[int, Draw]:
    """Each day's latest draw, by day id."""
    latest = (
        select(func.max(Draw.id))
        .join(Day, Day.id == Draw.day_id)
        .where(Day.event_id == event_id)
        .group_by(Draw.day_id)
    )
    return {draw.day_id: draw for draw in session.scalars(select(Draw).where(Draw.id.in_(latest)))}


def letters_to_print(
    database: Database, *, kind: LetterKind = "invitation"
) -> tuple[Event, list[Letter]]:
    """The letters of one `kind`, by surname: invitations for everyone expected,
    waiting-list letters for the waiting list, or letters for those not selected."""
    if kind not in LETTER_STATUSES:
        raise InputRejected(
            _(
                "There is no letter called {kind}: choose invitation, waiting or not_selected."
            ).format(kind=kind)
        )
    with database.reading() as session:
        event = require_event(session)
        days = {d.id: d for d in session.scalars(select(Day).where(Day.event_id == event.id))}
        themes = {t.id: t for t in session.scalars(select(Theme).where(Theme.event_id == event.id))}
        people = session.scalars(
            select(Participant).where(
                Participant.event_id == event.id, Participant.status.in_(LETTER_STATUSES[kind])
            )
        ).all()
        draws = _latest_draws(session, event.id) if kind != "invitation" else {}
        positions: dict[int, int | None] = {}
        if kind == "waiting" and draws:
            # The place the day's latest draw gave, as the Selectie page shows it.
            positions = dict(
                session.execute(
                    select(DrawOutcome.participant_id, DrawOutcome.waiting_position).where(
                        DrawOutcome.draw_id.in_([draw.id for draw in draws.values()]),
                        DrawOutcome.outcome == "waiting",
                    )
                ).all()
            )
        letters = []
        for person in people:
            day = days.get(person.day_id) if person.day_id else None
            theme = themes.get(person.first_theme_id) if person.first_theme_id else None
            drawn = draws.get(person.day_id) if person.day_id else None
            letters.append(
                Letter(
                    person.first_name,
                    person.last_name,
                    person.badge_code,
                    day.number if day else None,
                    day.date if day else None,
                    day.starts_at if day else None,
                    theme.name if theme else None,
                    language=person.language if person.language in LANGUAGES else DEFAULT_LANGUAGE,
                    kind=kind,
                    waiting_position=positions.get(person.id),
                    seed=drawn.seed if drawn else None,
                    places=drawn.places if drawn else None,
                    registered=drawn.registered if drawn else None,
                )
            )
        letters.sort(key=lambda letter: (fold(letter.last_name), fold(letter.first_name)))
        session.expunge(event)
        return event, letters


def _letter_text(
    canvas: Canvas, text: str, y: float, *, size: float = 11, bold: bool = False, lines: int = 5
) -> float:
    """A paragraph of a letter from `y` down, across the page; the y of the next one."""
    width = A4[0]
    height = lines * size * LINE_HEIGHT + 2
    below = _paragraph(
        canvas,
        text,
        (LETTER_MARGIN, y - height, width - 2 * LETTER_MARGIN, height),
        largest=size,
        smallest=8,
        bold=bold,
        max_lines=lines,
    )
    return below - 3 * mm


def _day_words(letter: Letter, _: Translate) -> str:
    """'Day 1 · 16 March 2013' in the letter's language, or a dash without a day."""
    if not (letter.day_number and letter.day_date):
        return "–"
    return _("Day {number} · {date}").format(
        number=letter.day_number, date=day_on_paper(letter.day_date, letter.language)
    )


def _day_in_sentence(letter: Letter, _: Translate) -> str:
    """'day 1 (16 March 2013)' inside a sentence, or 'the day' without a known day."""
    if not (letter.day_number and letter.day_date):
        return _("the day")
    return _("day {number} ({date})").format(
        number=letter.day_number, date=day_on_paper(letter.day_date, letter.language)
    )


def _letter_head(canvas: Canvas, event: Event, letter: Letter, _: Translate) -> float:
    """The event's name and the greeting; the y below them."""
    y = A4[1] - 40 * mm
    draw_text(canvas, LETTER_MARGIN, y, event.name, 20, bold=True)
    name = f"{letter.first_name} {letter.last_name}".strip()
    return _letter_text(canvas, _("Dear {name},").format(name=name), y - 20 * mm, size=13, lines=2)


def _letter_facts(canvas: Canvas, event: Event, letter: Letter, y: float, _: Translate) -> float:
    """The day, time, place and theme as a small table; the y below it."""
    facts = (
        (_("Day"), _day_words(letter, _)),
        (_("Time"), clock(letter.starts_at, letter.language) if letter.starts_at else "–"),
        (_("Place"), event.venue or "–"),
        (_("Theme"), letter.theme_name or "–"),
    )
    for label, value in facts:
        draw_text(canvas, LETTER_MARGIN, y, label, 11, bold=True)
        draw_text(canvas, LETTER_MARGIN + 30 * mm, y, value, 11)
        y -= 7 * mm
    return y


# In the letters below `_` is the person's own language, not the app's: a letter goes out
# in the language they registered in. pybabel extracts these strings as any other.


def _invitation(canvas: Canvas, event: Event, letter: Letter, _: Translate) -> None:
    """One A4 confirmation: day, time, place, theme, and the QR code for the desk."""
    width = A4[0]
    y = _letter_head(canvas, event, letter, _)
    body = _(
        "Thank you for registering. You are expected on the day below; show the QR "
        "code at the front desk and you will get your badge and your table."
    )
    y = _letter_text(canvas, body, y, lines=4) - 3 * mm
    _letter_facts(canvas, event, letter, y, _)
    modules = qr_modules(letter.badge_code)
    qr_size = 40 * mm
    draw_qr(canvas, modules, width - LETTER_MARGIN - qr_size, 60 * mm, qr_size)
    draw_text(
        canvas, width - LETTER_MARGIN - qr_size, 52 * mm, format_badge_code(letter.badge_code), 10
    )


def _waiting_letter(canvas: Canvas, event: Event, letter: Letter, _: Translate) -> None:
    """On the waiting list of a day: their place on it, what happens next, how to cancel.
    No badge code: nobody expects them at the desk yet."""
    y = _letter_head(canvas, event, letter, _)
    y = _letter_text(
        canvas,
        _(
            "Thank you for registering. More people registered for {day} than there are "
            "places, so a public draw decided who comes. You are on the waiting list for "
            "that day."
        ).format(day=_day_in_sentence(letter, _)),
        y,
    )
    if letter.waiting_position is not None:
        y -= 3 * mm
        y = _letter_text(
            canvas,
            _("Your place on the waiting list: {position}").format(
                position=letter.waiting_position
            ),
            y,
            size=15,
            bold=True,
            lines=1,
        )
        y -= 3 * mm
    y = _letter_text(
        canvas,
        _(
            "As soon as a place frees up for you, we let you know, with your badge code and "
            "your table. Until then, please do not come to the front desk: there is no "
            "chair for you yet."
        ),
        y,
    )
    y = _letter_text(
        canvas,
        _(
            "No longer want to come? Reply to the message this letter came with, or tell "
            "the organisers of {event}, and your place on the list goes to the next person."
        ).format(event=event.name),
        y,
    )
    _letter_facts(canvas, event, letter, y - 6 * mm, _)


def _not_selected_letter(canvas: Canvas, event: Event, letter: Letter, _: Translate) -> None:
    """Not selected in the draw: thanks, why there was a draw, and how to still take part."""
    y = _letter_head(canvas, event, letter, _)
    if letter.registered is not None and letter.places is not None:
        why = _(
            "Thank you for registering for {event}. For {day}, {registered} people "
            "registered for {places} places."
        ).format(
            event=event.name,
            day=_day_in_sentence(letter, _),
            registered=letter.registered,
            places=letter.places,
        )
    else:
        why = _(
            "Thank you for registering for {event}. More people registered for {day} than "
            "there were places."
        ).format(event=event.name, day=_day_in_sentence(letter, _))
    y = _letter_text(canvas, why, y)
    draw = _(
        "So a public draw chose the group, within quotas that make it reflect the city's "
        "people. This time you were not drawn, and we are sorry that there is no place "
        "for you on that day."
    )
    if letter.seed is not None:
        draw += " " + _(
            "Anyone can repeat the draw with its seed, {seed}, and get the same group."
        ).format(seed=letter.seed)
    y = _letter_text(canvas, draw, y, lines=6)
    _letter_text(
        canvas,
        _(
            "You can still take part: the report of the day, with every idea and what the "
            "city will do with them, will be public. Read it, pass it on, and tell us what "
            "you think."
        ),
        y,
    )


_WRITERS: dict[LetterKind, Callable[[Canvas, Event, Letter, Translate], None]] = {
    "invitation": _invitation,
    "waiting": _waiting_letter,
    "not_selected": _not_selected_letter,
}


def render_letters(
    event: Event,
    letters: list[Letter],
    target: Path | BinaryIO,
    *,
    progress: Progress | None = None,
) -> int:
    """One A4 letter per person, each of its own kind and in the person's language."""
    kinds = {letter.kind for letter in letters}
    title = _(LETTER_TITLES[kinds.pop()]) if len(kinds) == 1 else _("Letters")
    canvas = pdf_canvas(target, A4, title=title)
    catalogues: dict[str, Translate] = {}
    for index, letter in enumerate(letters, start=1):
        if letter.language not in catalogues:
            catalogues[letter.language] = translations_for(letter.language).gettext
        _WRITERS[letter.kind](canvas, event, letter, catalogues[letter.language])
        canvas.showPage()
        if progress is not None and (index % 50 == 0 or index == len(letters)):
            progress(index, len(letters))
    canvas.save()
    return len(letters)
